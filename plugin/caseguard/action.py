"""The GitHub Action's script, `python -m caseguard.action`: check the posts, annotate the
offending lines, write the job summary and a SARIF log, and set the step's outputs.

action.yml hands its inputs over in environment variables, never in the text of a shell command,
so a path or ref with quotes or `$(...)` in it is only ever data:

    INPUT_PATHS             posts or folders, one a line (empty: the site's docs folder)
    INPUT_CONFIG            mkdocs.yml, or any YAML file with a caseguard block (empty: found)
    INPUT_CHANGED_SINCE     a git ref: check only the posts changed since it (empty: every post)
    INPUT_FAIL_ON_WARNINGS  `true`: warnings fail the step as errors do
    INPUT_SARIF_FILE        where to write the SARIF log (empty: caseguard.sarif in RUNNER_TEMP)

It writes to GitHub's GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files. Everything it prints or writes
is masked (see masking.py): workflow logs, summaries and code-scanning alerts are read by others.
Exit 0: nothing blocks; 1: something blocks (or warns, with fail-on-warnings); 2: cannot check.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from urllib.parse import quote

from . import git, run
from .findings import CaseguardError
from .masking import Masker
from .report import github, sarif, summary

TRUE = ("true", "yes", "on", "1")


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _append(path: str | None, text: str):
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def _set_outputs(environ, values: dict):
    """Step outputs, each in the `name<<DELIMITER` form so no value can forge another output."""
    delimiter = f"caseguard_{uuid.uuid4().hex}"
    _append(environ.get("GITHUB_OUTPUT"),
            "".join(f"{name}<<{delimiter}\n{value}\n{delimiter}\n" for name, value in values.items()))


def _summary_budget(path: str | None) -> int:
    """What is left of the step summary's limit after whatever is already in the file."""
    try:
        used = os.path.getsize(path) if path else 0
    except OSError:
        used = 0
    return max(0, summary.LIMIT - summary.MARGIN - used)


def _line_link(environ):
    server, repository, sha = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and sha):
        return None

    def link(path: str, line: int) -> str:
        return f"{server}/{repository}/blob/{sha}/{quote(path)}#L{line}"

    return link


def main(environ=os.environ) -> int:
    paths = _lines(environ.get("INPUT_PATHS", ""))
    config_file = environ.get("INPUT_CONFIG", "").strip() or None
    changed_since = environ.get("INPUT_CHANGED_SINCE", "").strip() or None
    fail_on_warnings = environ.get("INPUT_FAIL_ON_WARNINGS", "").strip().lower() in TRUE
    sarif_file = environ.get("INPUT_SARIF_FILE", "").strip() or os.path.join(
        environ.get("RUNNER_TEMP") or tempfile.gettempdir(), "caseguard.sarif")
    step_summary = environ.get("GITHUB_STEP_SUMMARY")

    try:
        report, ruleset = run.check(paths, config_file, changed_since)
    except CaseguardError as error:
        for line in str(error).splitlines():
            print(f"::error title=caseguard cannot check::{github.escape_data(line)}")
        _append(step_summary, "### caseguard: could not check\n\n" + "".join(
            f"- {summary.cell(line)}\n" for line in str(error).splitlines()) + "\n")
        # No SARIF: an empty log uploaded to code scanning would close every open alert.
        _set_outputs(environ, {"sarif-file": "", "blocked": "true", "errors": "", "warnings": ""})
        return 2

    report = Masker(report).report(report)
    root = git.report_root()

    def relative(path: str) -> str:
        return git.repo_path(path, root)

    for line in github.render(report, relative):
        print(line)
    os.makedirs(os.path.dirname(os.path.abspath(sarif_file)), exist_ok=True)
    with open(sarif_file, "w", encoding="utf-8") as handle:
        json.dump(sarif.log(report, ruleset, relative), handle, indent=2, ensure_ascii=False)
    _append(step_summary, summary.render(report, relative, _line_link(environ), _summary_budget(step_summary)))
    _set_outputs(environ, {
        "sarif-file": os.path.abspath(sarif_file),
        "blocked": "true" if report.blocked else "false",
        "errors": str(len(report.errors)),
        "warnings": str(len(report.warnings)),
    })
    failed = report.blocked or (fail_on_warnings and bool(report.warnings))
    if failed and not report.blocked:
        print(f"::error title=caseguard::{len(report.warnings)} warning(s), and fail-on-warnings is set")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
