"""The GitHub Action: its script run as GitHub runs it (inputs in INPUT_* variables, the summary and
outputs in temp files), and action.yml's own check step run through bash."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import EXAMPLE_SITE, HERE, make_post
from test_ci_formats import CASE_STUDY, LEAKING_BODY, SECRETS, sarif_validator

REPO = os.path.dirname(HERE)
CLEAN = {"title": "Sleep tips", "date": "2026-01-05"}


def _site(root, posts: dict, options: dict | None = None) -> str:
    """A site in its own git repository: the example practice's mkdocs.yml, some options changed."""
    with open(EXAMPLE_SITE, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    config["plugins"][0]["caseguard"].update(options or {})
    root.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    folder = root / "docs" / "blog" / "posts"
    folder.mkdir(parents=True)
    for name, (front, body) in posts.items():
        (folder / name).write_text(make_post(front, body), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return str(root)


def run_action(site, inputs: dict, tmp_path, command=None):
    """The action's script with GitHub's environment: returns (process, summary, outputs)."""
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))}
    env.update({"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
                "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(tmp_path), "GITHUB_WORKSPACE": site,
                "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "practice/blog",
                "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567"})
    env.update(inputs)
    done = subprocess.run(command or [sys.executable, "-m", "caseguard.action"], cwd=site, env=env,
                          capture_output=True, text=True, timeout=300)
    text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return done, text, parse_outputs(output.read_text(encoding="utf-8") if output.exists() else "")


def parse_outputs(text: str) -> dict:
    """GITHUB_OUTPUT in the `name<<DELIMITER` form GitHub reads."""
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        name, delimiter = line.split("<<", 1)
        value = []
        for inner in lines:
            if inner == delimiter:
                break
            value.append(inner)
        outputs[name] = "\n".join(value)
    return outputs


def test_a_leaking_post_is_annotated_summarised_and_written_as_sarif_with_nothing_identifying(tmp_path):
    site = _site(tmp_path / "site", {"story.md": (CASE_STUDY, LEAKING_BODY), "tips.md": (CLEAN, "Call 988 in a crisis.")})
    done, summary, outputs = run_action(site, {"INPUT_PATHS": "docs\n", "INPUT_FAIL_ON_WARNINGS": "false"}, tmp_path)
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error file=docs/blog/posts/story.md,")]
    assert annotations and all("caseguard identifier/" in a or "caseguard consent/" in a or "caseguard review/" in a
                               for a in annotations)
    assert summary.startswith("### caseguard: blocked")
    assert "| error | [docs/blog/posts/story.md:" in summary
    assert "(https://github.com/practice/blog/blob/0123456789abcdef0123456789abcdef01234567/docs/blog/posts/story.md#L" in summary
    assert outputs["blocked"] == "true" and int(outputs["errors"]) == len(annotations)
    sarif_file = outputs["sarif-file"]
    assert os.path.isabs(sarif_file) and sarif_file.startswith(str(tmp_path))
    with open(sarif_file, encoding="utf-8") as handle:
        sarif_text = handle.read()
    assert not list(sarif_validator().iter_errors(json.loads(sarif_text)))
    everything = (done.stdout + done.stderr + summary + sarif_text).casefold()
    for secret in SECRETS:
        assert secret.casefold() not in everything, f"{secret!r} printed"


def test_a_clean_site_passes_and_says_so(tmp_path):
    site = _site(tmp_path / "site", {"tips.md": (CLEAN, "Many clients find a wind-down routine helps. Call 988 in a crisis.")})
    sarif_path = tmp_path / "out" / "results.sarif"
    done, summary, outputs = run_action(site, {"INPUT_SARIF_FILE": str(sarif_path)}, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert summary.startswith("### caseguard: passed") and "0 errors" in summary
    assert outputs == {"sarif-file": str(sarif_path), "blocked": "false", "errors": "0", "warnings": "0"}
    assert json.loads(sarif_path.read_text(encoding="utf-8"))["runs"][0]["results"] == []


def test_fail_on_warnings_turns_a_warning_into_a_failure(tmp_path):
    # A site that made names a warning: the action must still mask them, and fail only when asked.
    site = _site(tmp_path / "site", {"story.md": (CASE_STUDY, "Intro.\n\nHer son Tyler had just started kindergarten.")},
                 {"severity": {"identifier": "warning"}})
    relaxed, _summary, outputs = run_action(site, {"INPUT_FAIL_ON_WARNINGS": "false"}, tmp_path)
    assert relaxed.returncode == 0 and int(outputs["warnings"]) >= 1, relaxed.stdout
    assert "::warning file=docs/blog/posts/story.md," in relaxed.stdout and "Tyler" not in relaxed.stdout
    strict, _summary, _outputs = run_action(site, {"INPUT_FAIL_ON_WARNINGS": "true"}, tmp_path)
    assert strict.returncode == 1 and "fail-on-warnings" in strict.stdout


def test_a_broken_configuration_fails_with_an_annotation_and_no_sarif(tmp_path):
    site = _site(tmp_path / "site", {"tips.md": (CLEAN, "Fine.")})
    done, summary, outputs = run_action(site, {"INPUT_CONFIG": "missing.yml"}, tmp_path)
    assert done.returncode == 2
    assert done.stdout.startswith("::error title=caseguard cannot check::missing.yml")
    assert "could not check" in summary
    # An empty SARIF uploaded to code scanning would close every open alert: write none.
    assert outputs["sarif-file"] == "" and outputs["blocked"] == "true"


def test_action_metadata_passes_inputs_through_env_only():
    with open(os.path.join(REPO, "action.yml"), encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    assert action["runs"]["using"] == "composite"
    assert {"paths", "config", "python-version", "fail-on-warnings", "changed-since"} <= set(action["inputs"])
    assert all(spec.get("description") for spec in action["inputs"].values())
    steps = action["runs"]["steps"]
    ids = {step.get("id") for step in steps}
    for step in steps:
        if "run" in step:
            assert step.get("shell") == "bash"
            # An expression inside `run:` is pasted into the script before bash reads it.
            assert "${{" not in step["run"], step["run"]
    for output in action["outputs"].values():
        assert re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.[\w-]+ \}\}", output["value"]).group(1) in ids
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"


def test_action_yml_check_step_runs_through_bash(tmp_path):
    """The composite step itself, with `${{ }}` in its env filled in as the runner would."""
    with open(os.path.join(REPO, "action.yml"), encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    site = _site(tmp_path / "site", {"story.md": (CASE_STUDY, LEAKING_BODY)})
    # An input with shell syntax in it must arrive as plain data, never run.
    hostile = str(tmp_path / "out" / "$(touch pwned) `touch pwned`.sarif")
    values = {"inputs.paths": "docs", "inputs.config": "", "inputs.changed-since": "",
              "inputs.fail-on-warnings": "false", "inputs.sarif-file": hostile,
              "steps.install.outputs.python": sys.executable}

    def fill(value: str) -> str:
        return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], value)

    env_inputs = {name: fill(str(value)) for name, value in step["env"].items()}
    done, summary, outputs = run_action(site, env_inputs, tmp_path, command=["bash", "-c", step["run"]])
    assert done.returncode == 1, done.stderr
    assert "::error file=docs/blog/posts/story.md," in done.stdout
    assert outputs["blocked"] == "true" and summary.startswith("### caseguard: blocked")
    assert outputs["sarif-file"] == hostile and os.path.isfile(hostile)
    assert not os.path.exists(os.path.join(site, "pwned"))


@pytest.mark.parametrize("workflow", ["example-site/.github/workflows/publish.yml"])
def test_the_example_workflow_gates_gh_deploy_on_caseguard(workflow):
    with open(os.path.join(REPO, workflow), encoding="utf-8") as handle:
        text = handle.read()
    flow = yaml.safe_load(text)
    jobs = flow["jobs"]
    deploy = next(job for job in jobs.values() if any("mkdocs gh-deploy" in s.get("run", "") for s in job["steps"]))
    gate = next(name for name, job in jobs.items()
                if any(re.fullmatch(r"[\w-]+/caseguard@[\w.-]+", s.get("uses", "")) for s in job["steps"]))
    assert deploy["needs"] == gate
    assert flow["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"contents": "write"}
    upload = next(s for s in jobs[gate]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "outputs.sarif-file" in upload["with"]["sarif_file"]
