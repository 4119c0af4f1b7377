"""The CI formats (sarif, github), masking, and the job summary, through the real CLI and engine."""

from __future__ import annotations

import json
import os
import subprocess

import jsonschema
import pytest

from caseguard.findings import Finding, Report
from caseguard.masking import Masker, running_in_ci
from caseguard.report import github, summary

from conftest import EXAMPLE_SITE, HERE, make_post, run_cli

SCHEMA_FILE = os.path.join(HERE, "data", "sarif-schema-2.1.0.json")
CASE_STUDY = {"title": "When Tyler Brennan came back", "date": "2026-01-05", "case_study": True,
              "consent": {"basis": "composite"}}
LEAKING_BODY = """Intro about a hard winter.

Her son Tyler Brennan had just started kindergarten, and she wrote to me from
tyler.brennan@gmail.com the night before our first session. The school in
Weaverville called her at (404) 555-0142.

By spring, Tyler was sleeping through the night."""
# What must never be printed where others read it, whatever the engine calls each of them.
SECRETS = ("Tyler", "Brennan", "tyler.brennan@gmail.com", "555-0142", "Weaverville")


def sarif_validator():
    with open(SCHEMA_FILE, encoding="utf-8") as handle:
        schema = json.load(handle)
    # The official 2.1.0 schema is draft-04; FormatChecker() also checks `uri` and `uri-reference`.
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def leaking_site(tmp_path_factory):
    """A site in a git repository (paths in CI formats are relative to its root) with one leaking
    post. Shared by the tests of this module, which only read it."""
    site = tmp_path_factory.mktemp("leaking-site")
    with open(EXAMPLE_SITE, encoding="utf-8") as handle:
        (site / "mkdocs.yml").write_text(handle.read(), encoding="utf-8")
    (site / "docs" / "blog" / "posts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    (site / "docs" / "blog" / "posts" / "story.md").write_text(make_post(CASE_STUDY, LEAKING_BODY), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def identifiers(leaking_site) -> set[str]:
    """Every identifier the engine finds, read with --show-matches (and the words of names)."""
    done = run_cli("check", "docs", "--format", "json", "--show-matches", cwd=leaking_site, env={"CI": "true"})
    texts = set()
    for f in json.loads(done.stdout)["findings"]:
        if f["rule"].startswith("identifier/"):
            texts.add(" ".join(f["match"].split()))
            texts.update(w for w in f["match"].split() if len(w) >= 3)
    return texts


def assert_no_identifier(output: str, identifiers: set[str]):
    lowered = output.casefold()
    for text in set(SECRETS) | identifiers:
        assert text.casefold() not in lowered, f"{text!r} printed"


@pytest.mark.parametrize("args, env", [
    (["--format", "github"], {}),
    (["--format", "sarif"], {}),
    (["--format", "text"], {"CI": "true"}),
    (["--format", "json"], {"CI": "true"}),
])
def test_a_leaking_post_prints_no_identifier_in_any_ci_format(leaking_site, identifiers, args, env):
    assert {"Tyler", "Brennan"} <= identifiers  # the post does leak: the test is not vacuous
    done = run_cli("check", "docs", *args, cwd=leaking_site, env=env)
    assert done.returncode == 1, done.stderr
    assert "[hidden: " in done.stdout
    assert_no_identifier(done.stdout + done.stderr, identifiers)


def test_show_matches_prints_identifiers_in_ci(leaking_site):
    done = run_cli("check", "docs", "--format", "github", "--show-matches", cwd=leaking_site, env={"CI": "true"})
    assert done.returncode == 1 and "Tyler" in done.stdout


def test_text_on_a_developers_terminal_shows_the_name(leaking_site):
    done = run_cli("check", "docs", cwd=leaking_site)
    assert done.returncode == 1 and "Her son Tyler Brennan had just started" in done.stdout


def test_masked_text_shows_no_line_of_the_post(leaking_site):
    # Beside a hidden name a line can hold an identifier no rule caught, so no post text is shown.
    done = run_cli("check", "docs", cwd=leaking_site, env={"CI": "true"})
    assert done.returncode == 1
    assert "kindergarten" not in done.stdout and "^^^" not in done.stdout
    assert "identifier/person-name" in done.stdout and ":11:9:" in done.stdout


def test_sarif_validates_against_the_official_schema_with_rule_metadata(leaking_site):
    done = run_cli("check", "docs", "--format", "sarif", cwd=leaking_site)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    person = rules["identifier/person-name"]
    assert person["shortDescription"]["text"] and person["fullDescription"]["text"]
    assert "45 CFR 164.514" in person["help"]["text"]  # the source is in the help
    assert person["defaultConfiguration"]["level"] == "error"
    assert "APA Ethics Code 4.07" in rules["consent/missing"]["help"]["text"]
    post = (leaking_site / "docs" / "blog" / "posts" / "story.md").read_text(encoding="utf-8").split("\n")
    results = run["results"]
    assert results and all(r["ruleId"] in rules for r in results)
    for result in results:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "docs/blog/posts/story.md", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        if region["startLine"] == region["endLine"] and result["ruleId"].startswith("identifier/"):
            # endColumn is exclusive: the region is exactly the identifier in the file.
            text = post[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1]
            assert text.split()[0] in ("Tyler", "tyler.brennan@gmail.com", "Weaverville", "(404)")


def test_sarif_uris_are_relative_to_the_repository_root_when_run_from_a_subfolder(leaking_site):
    done = run_cli("check", "blog", "--format", "sarif", "--config", "../mkdocs.yml", cwd=leaking_site / "docs")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(done.stdout)["runs"][0]["results"]}
    assert uris == {"docs/blog/posts/story.md"}


def test_sarif_marks_excused_lines_as_suppressed(site):
    body = "Intro.\n\n<!-- caseguard: ignore identifier/person-name -->\nHer son Tyler had just started kindergarten."
    (site / "docs" / "blog" / "posts" / "story.md").write_text(make_post(CASE_STUDY | {"title": "A story"}, body),
                                                               encoding="utf-8")
    done = run_cli("check", "docs", "--format", "sarif", cwd=site)
    log = json.loads(done.stdout)
    assert not list(sarif_validator().iter_errors(log))
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert suppressed and suppressed[0]["ruleId"] == "identifier/person-name"


def test_github_annotations_point_at_the_line_with_exclusive_end_column(leaking_site):
    done = run_cli("check", "docs", "--format", "github", cwd=leaking_site)
    post = (leaking_site / "docs" / "blog" / "posts" / "story.md").read_text(encoding="utf-8").split("\n")
    line_number = post.index("By spring, Tyler was sleeping through the night.") + 1
    wanted = (f"::error file=docs/blog/posts/story.md,line={line_number},endLine={line_number},"
              f"col=12,endColumn=17,title=caseguard identifier/person-name::docs/blog/posts/story.md:{line_number}:12: ")
    assert any(line.startswith(wanted) for line in done.stdout.splitlines()), done.stdout
    assert done.stdout.splitlines()[-1].endswith("blocked")


def test_github_escaping_keeps_a_hostile_message_on_one_command():
    finding = Finding("docs/a,b:c.md", "identifier/person-name", "warning", 3, 1, 3, 5, "x",
                      "line one\nline two 100% ::set-output name=x::y\r", "")
    command = github.annotation(finding, finding.path)
    assert "\n" not in command and "\r" not in command
    assert command.startswith("::warning file=docs/a%2Cb%3Ac.md,line=3,endLine=3,col=1,endColumn=5,")
    assert command.endswith("line one%0Aline two 100%25 ::set-output name=x::y%0D")


def test_masker_hides_names_in_other_findings_and_short_initials_as_words():
    findings = [
        Finding("a.md", "identifier/person-name", "error", 1, 1, 1, 15, "Dana\nWhitfield",
                'client name "Dana Whitfield" in the body text', ""),
        Finding("a.md", "identifier/person-name", "error", 2, 1, 2, 3, "D.", 'client name "D." in the body text', ""),
        Finding("a.md", "consent/undeclared-case-study", "error", 3, 1, 3, 30, "Dana told me about her date",
                'this post tells a specific client\'s story ("Dana told me about her date")', ""),
    ]
    masked = Masker(Report(findings=findings)).report(Report(findings=findings))
    text = json.dumps([f.as_dict() for f in masked.findings])
    assert "Dana" not in text and "Whitfield" not in text and '"D."' not in text
    assert "[hidden: 14 chars]" in masked.findings[0].message
    assert "about her date" in masked.findings[2].match  # "D." did not eat the d of "date"


def test_running_in_ci():
    assert running_in_ci({"CI": "true"}) and running_in_ci({"CI": "1"})
    assert not running_in_ci({}) and not running_in_ci({"CI": "false"}) and not running_in_ci({"CI": ""})


def test_summary_is_cut_under_the_limit_with_a_note():
    findings = [Finding("docs/p.md", "identifier/person-name", "error", n, 1, n, 5, "[hidden: 4 chars]",
                        'client name "[hidden: 4 chars]" in the body text | with a pipe ' + "x" * 200, "")
                for n in range(1, 20001)]
    text = summary.render(Report(findings=findings, posts=1), lambda p: p)
    size = len(text.encode())
    assert summary.LIMIT - summary.MARGIN - 1024 < size <= summary.LIMIT - summary.MARGIN
    assert "more findings not shown" in text and "1 MiB" in text
    assert "\\| with a pipe" in text  # a pipe in a message does not break the table
