"""The `caseguard` command: check, rules, explain."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, config, files, git, run
from .engine import Engine
from .findings import CaseguardError
from .masking import Masker, running_in_ci
from .report import github, json_report, sarif, text
from .rulepack import load_rules

FORMATS = ("text", "json", "sarif", "github")
CI_FORMATS = ("sarif", "github")  # read by others: identifiers are always masked


def _fail(message: str):
    for line in str(message).splitlines():
        click.echo(f"caseguard: {line}", err=True)
    sys.exit(2)


def _settings(config_file: str | None, paths: list[str]) -> config.Settings:
    found = config_file or config.find_config_file(paths or ["."])
    if config_file and not os.path.isfile(config_file):
        raise CaseguardError(f"{config_file}: no such configuration file: check --config")
    return config.load(found)


def _color() -> bool | None:
    return False if os.environ.get("NO_COLOR") else None  # None: click decides (colour on a terminal)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="caseguard")
def main():
    """A pre-publish gate for therapists' blogs: consent for case studies, no client identifiers."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_file", type=click.Path(), help="mkdocs.yml (or any YAML file with a caseguard block).")
@click.option("--format", "output", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--changed-since", metavar="REF",
              help="Only the posts in PATHS changed since this git ref (branch, tag or commit); files named are always checked.")
@click.option("--show-matches", is_flag=True,
              help="Show identifiers in full, also in CI and in the sarif and github formats (never where others read the output).")
def check(paths, config_file, output, changed_since, show_matches):
    """Check posts (files, or folders walked for *.md). Exit 0: nothing blocks; 1: something
    blocks; 2: the input or the configuration cannot be checked."""
    try:
        report, ruleset = run.check(list(paths), config_file, changed_since)
    except CaseguardError as error:
        _fail(str(error))
    masker = None
    if not show_matches and (output in CI_FORMATS or running_in_ci()):
        masker = Masker(report)
        report = masker.report(report)
    if output == "json":
        click.echo(json_report.render(report))
    elif output in CI_FORMATS:
        root = git.report_root()

        def relative(path: str) -> str:
            return git.repo_path(path, root)

        click.echo(sarif.render(report, ruleset, relative) if output == "sarif"
                   else "\n".join(github.render(report, relative)))
    else:
        lines_cache: dict[str, list[str]] = {}

        def read_line(path: str, number: int) -> str:
            if path not in lines_cache:
                try:
                    with open(path, encoding="utf-8-sig", errors="replace") as handle:
                        lines_cache[path] = handle.read().splitlines()
                except OSError:
                    lines_cache[path] = []
            lines = lines_cache[path]
            return lines[number - 1] if 0 < number <= len(lines) else ""

        # Masked, the post's own lines are not shown at all: beside a hidden name they can hold
        # an identifier that no rule caught.
        for line in text.render(report, (lambda path, number: None) if masker else read_line):
            click.echo(line, color=_color())
    sys.exit(1 if report.blocked else 0)


@main.command("approve")
@click.argument("posts", nargs=-1, required=True, type=click.Path())
@click.option("--reviewer", required=True, help="Who approves: one of the configured `reviewers`.")
@click.option("--sign-key", type=click.Path(), help="The reviewer's private SSH key: sign the approval.")
@click.option("--config", "config_file", type=click.Path())
def approve_command(posts, reviewer, sign_key, config_file):
    """Record that REVIEWER approved exactly the text of each POST (written into its front matter).
    A post that is blocked for any other reason is not approved."""
    from . import approve, review, signature

    try:
        settings = _settings(config_file, list(posts))
        if review.find_reviewer(reviewer, review.reviewers_from(settings.reviewers)) is None:
            listed = ", ".join(r.name for r in review.reviewers_from(settings.reviewers)) or "none"
            raise CaseguardError(f"{settings.config_file or 'configuration'}: \"{reviewer}\" is not one of "
                                 f"the configured `reviewers` ({listed}): add them there first")
        engine = Engine(settings)
        targets = files.collect(list(posts))
        report = engine.check_files(targets)
    except CaseguardError as error:
        _fail(str(error))
    refused = [f for f in report.errors if not f.rule.startswith("review/")]
    signer = (lambda digest: signature.sign(digest, sign_key)) if sign_key else None
    if refused:
        for f in refused:
            click.echo(f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}", err=True)
        click.echo(f"caseguard: not approved: {len({f.path for f in refused})} post(s) still block; "
                   f"fix the problems above first", err=True)
        sys.exit(1)
    for file, shown in targets:
        try:
            digest = approve.approve(file, reviewer, signer=signer)
        except CaseguardError as error:
            _fail(str(error))
        click.echo(f"approved {shown} ({digest[:19]}…) by {reviewer}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_file", type=click.Path())
def status(paths, config_file):
    """One table of every post: case study or not, consent basis, review state, blocked or not."""
    try:
        settings = _settings(config_file, list(paths))
        targets = list(paths) or [settings.docs_dir if settings.docs_dir and os.path.isdir(settings.docs_dir) else "."]
        report = Engine(settings).check_files(files.collect(targets))
    except CaseguardError as error:
        _fail(str(error))
    rows = [("post", "case study", "consent", "review", "blocked")]
    for path, state in report.statuses.items():
        rows.append((path, "yes" if state["case_study"] else "no", state["basis"] or ("-" if not state["case_study"] else "none"),
                     state["review_state"], "BLOCKED" if state["blocked"] else "ok"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
        click.echo(click.style(line, bold=True) if index == 0 else line, color=_color())
    waiting = sum(1 for s in report.statuses.values() if s["review_state"] in ("missing", "stale"))
    blocked = report.summary()["blocked_posts"]
    click.echo(f"\n{len(report.statuses)} post(s); {blocked} blocked; {waiting} waiting for a review", color=_color())
    sys.exit(1 if report.blocked else 0)


@main.command("rules")
@click.option("--config", "config_file", type=click.Path())
def list_rules(config_file):
    """List every rule with its default severity and a one-line summary."""
    try:
        settings = _settings(config_file, [])
        ruleset = load_rules(tuple(settings.rules), settings.root)
    except CaseguardError as error:
        _fail(str(error))
    width = max(len(r) for r in ruleset.rules)
    for rule in ruleset.rules.values():
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_file", type=click.Path())
def explain(rule_id, config_file):
    """What a rule looks for, why (with its source), how to fix it, and its examples."""
    try:
        settings = _settings(config_file, [])
        ruleset = load_rules(tuple(settings.rules), settings.root)
    except CaseguardError as error:
        _fail(str(error))
    if rule_id not in ruleset:
        _fail(f"no rule '{rule_id}': `caseguard rules` lists them")
    rule = ruleset[rule_id]
    click.echo(click.style(rule.id, bold=True) + f"  ({rule.severity} by default)")
    click.echo(rule.summary + "\n")
    click.echo(click.style("Why", bold=True))
    click.echo(click.wrap_text(rule.explain, 88) + "\n")
    click.echo(click.style("Source", bold=True) + f": {rule.source}\n")
    if rule.fix:
        click.echo(click.style("Fix", bold=True))
        click.echo("\n".join("    " + line for line in rule.fix.splitlines()) + "\n")
    for label, key in (("Raises", "match"), ("Does not raise", "no_match")):
        click.echo(click.style(label, bold=True))
        for example in rule.examples.get(key, []):
            body = example if isinstance(example, str) else example.get("body", "")
            extra = "" if isinstance(example, str) or "front_matter" not in example else \
                f"   [front matter: {example['front_matter']}]"
            click.echo(f"  - {body}{extra}")
        click.echo("")


@main.command("strip-metadata")
@click.argument("images", nargs=-1, required=True, type=click.Path())
def strip_metadata(images):
    """Remove location, camera serial numbers, names and dates from IMAGES (JPEG, PNG, WebP, TIFF
    files, or folders of them) without re-encoding the pictures. Exit 0: done; 2: a file could
    not be stripped (it is left as it was)."""
    from . import strip

    try:
        targets = strip.collect(list(images))
    except CaseguardError as error:
        _fail(str(error))
    failed = False
    for image in targets:
        try:
            click.echo(strip.strip_file(image).summary())
        except CaseguardError as error:
            click.echo(f"caseguard: {error}", err=True)
            failed = True
    sys.exit(2 if failed else 0)


if __name__ == "__main__":
    main()
