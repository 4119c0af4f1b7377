"""The real `caseguard` command, run as a subprocess: exit codes, JSON contract, bad input."""

from __future__ import annotations

import json
import os

import pytest

from conftest import make_post, run_cli

CASE_STUDY = {"title": "A story", "date": "2026-01-05", "case_study": True, "consent": {"basis": "composite"}}
GENERAL = {"title": "Sleep tips", "date": "2026-01-05"}


def write(site, name, front, body):
    path = site / "docs" / "blog" / "posts" / name
    path.write_text(make_post(front, body), encoding="utf-8")
    return path


def test_clean_post_exits_0(site):
    write(site, "tips.md", GENERAL, "Many of my clients find that a wind-down routine helps. Call 988 in a crisis.")
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert data["version"] == 1 and data["findings"] == [] and data["summary"]["blocked"] is False


def test_leaking_post_exits_1_with_the_json_contract(site):
    post = write(site, "story.md", CASE_STUDY, "Intro.\n\nHer son Tyler had just started kindergarten.")
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    [finding] = [f for f in data["findings"] if f["severity"] == "error"]
    assert set(finding) >= {"path", "rule", "severity", "line", "column", "end_line", "end_column", "match", "message"}
    assert finding["rule"] == "identifier/person-name" and finding["match"] == "Tyler"
    line = post.read_text().split("\n")[finding["line"] - 1]
    assert line[finding["column"] - 1:finding["end_column"] - 1] == "Tyler"
    assert finding["path"] == os.path.join("docs", "blog", "posts", "story.md")


def test_text_format_shows_the_line_underlined_and_no_colour_when_piped(site):
    write(site, "story.md", CASE_STUDY, "Intro.\n\nHer son Tyler had just started kindergarten.")
    done = run_cli("check", "docs", cwd=site)
    assert done.returncode == 1
    line = (site / "docs" / "blog" / "posts" / "story.md").read_text().split("\n").index("Her son Tyler had just started kindergarten.") + 1
    assert f"story.md:{line}:9: error identifier/person-name" in done.stdout
    assert "Her son Tyler had just started kindergarten." in done.stdout
    assert "^^^^^" in done.stdout and "\x1b[" not in done.stdout
    assert "blocked" in done.stdout.splitlines()[-1]


def test_case_study_without_consent_is_blocked_with_the_fix(site):
    write(site, "story.md", {"title": "x", "date": "2026-01-05", "case_study": True}, "A composite story.")
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1
    [finding] = [f for f in json.loads(done.stdout)["findings"] if f["severity"] == "error"]
    assert finding["rule"] == "consent/missing" and "basis" in finding["message"]


@pytest.mark.parametrize("content, expected", [
    (b"---\ntitle: [unclosed\n---\nBody\n", "front matter is not valid YAML"),
    (b"---\n- a\n- b\n---\nBody\n", "front matter must be a mapping"),
    (b"---\ntitle: x\nBody without a closing line\n", "front matter is never closed"),
    ("---\ntitle: caf\xe9\n---\n".encode("latin-1"), "not UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
])
def test_bad_input_exits_2_with_one_line_naming_the_file(site, content, expected):
    (site / "docs" / "blog" / "posts" / "bad.md").write_bytes(content)
    done = run_cli("check", "docs", cwd=site)
    assert done.returncode == 2, done.stdout
    assert expected in done.stderr and "bad.md" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_unreadable_file_exits_2(site):
    # A post that cannot be opened (here a link to a file that is gone) is an error, not a pass.
    os.symlink(site / "missing-target.md", site / "docs" / "blog" / "posts" / "gone.md")
    write(site, "ok.md", GENERAL, "Fine.")
    done = run_cli("check", "docs", cwd=site)
    assert done.returncode == 2 and "cannot read" in done.stderr and "gone.md" in done.stderr


def test_folder_without_posts_exits_2(site):
    (site / "empty").mkdir()
    done = run_cli("check", "empty", cwd=site)
    assert done.returncode == 2 and "no Markdown posts" in done.stderr


def test_unknown_config_key_exits_2(site):
    config = (site / "mkdocs.yml").read_text().replace("      cache: false", "      cache: false\n      alow: [typo]")
    (site / "mkdocs.yml").write_text(config)
    write(site, "ok.md", GENERAL, "Fine.")
    done = run_cli("check", "docs", cwd=site)
    assert done.returncode == 2 and "alow" in done.stderr and "mkdocs.yml" in done.stderr


def test_missing_language_model_fails_closed(site):
    config = (site / "mkdocs.yml").read_text().replace("      cache: false", "      cache: false\n      model: en_core_web_nonexistent")
    (site / "mkdocs.yml").write_text(config)
    write(site, "ok.md", GENERAL, "Fine.")
    done = run_cli("check", "docs", cwd=site)
    assert done.returncode == 2
    assert "en_core_web_nonexistent" in done.stderr and "pip install" in done.stderr


def test_no_model_installed_fails_closed(site, tmp_path_factory):
    # Hide every English model from this process: find_spec finds none.
    shadow = tmp_path_factory.mktemp("shadow")
    (shadow / "sitecustomize.py").write_text(
        "import importlib.util, sys\n"
        "_real = importlib.util.find_spec\n"
        "def _hidden(name, *a, **k):\n"
        "    return None if name.startswith('en_core_web') else _real(name, *a, **k)\n"
        "importlib.util.find_spec = _hidden\n")
    write(site, "ok.md", GENERAL, "Fine.")
    done = run_cli("check", "docs", cwd=site, env={"PYTHONPATH": str(shadow)})
    assert done.returncode == 2
    assert "no English language model is installed" in done.stderr


def test_warm_recheck_uses_the_cache_and_never_loads_the_model(site, tmp_path_factory):
    config = (site / "mkdocs.yml").read_text().replace("      cache: false\n", "")
    (site / "mkdocs.yml").write_text(config)
    write(site, "story.md", CASE_STUDY, "Intro.\n\nHer son Tyler had just started kindergarten.")
    cold = run_cli("check", "docs", "--format", "json", cwd=site)
    assert cold.returncode == 1
    assert (site / ".cache" / "caseguard").is_dir()
    # A spaCy that cannot be imported: only a cache hit can still answer.
    broken = tmp_path_factory.mktemp("nospacy")
    (broken / "spacy").mkdir()
    (broken / "spacy" / "__init__.py").write_text("raise ImportError('spaCy must not be loaded on a warm check')\n")
    warm = run_cli("check", "docs", "--format", "json", cwd=site, env={"PYTHONPATH": str(broken)})
    assert warm.returncode == 1, warm.stderr
    assert json.loads(warm.stdout)["findings"] == json.loads(cold.stdout)["findings"]
    # A changed post is checked again, so it needs the model: without spaCy that fails closed.
    write(site, "story.md", CASE_STUDY, "Intro.\n\nHer son Tyler had just started first grade.")
    changed = run_cli("check", "docs", cwd=site, env={"PYTHONPATH": str(broken)})
    assert changed.returncode == 2 and "spaCy" in changed.stderr


def test_rules_and_explain(site):
    listed = run_cli("rules", cwd=site)
    assert listed.returncode == 0 and "identifier/person-name" in listed.stdout and "consent/missing" in listed.stdout
    explained = run_cli("explain", "consent/missing", cwd=site)
    assert explained.returncode == 0 and "APA Ethics Code 4.07" in explained.stdout and "Raises" in explained.stdout
    unknown = run_cli("explain", "nope/nothing", cwd=site)
    assert unknown.returncode == 2


OWN_PACK = """rules:
  - id: local/no-waitlist-promise
    severity: warning
    summary: Promising a place off the waiting list
    message: "Do not promise a place: {detail}"
    explain: Our waiting list is long.
    source: Practice policy
    detect:
      type: phrases
      patterns: ["{pattern}"]
    examples:
      match: ["We can see you this week."]
      no_match: ["Join the waiting list."]
"""


def test_a_sites_own_pack_runs_and_a_broken_pattern_is_one_clear_line(site):
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - caseguard:\n" in text
    config.write_text(text.replace("  - caseguard:\n", "  - caseguard:\n      rules: [local.yml]\n"), encoding="utf-8")
    write(site, "tips.md", GENERAL, "Good news: we can see you this week.")
    (site / "local.yml").write_text(OWN_PACK.replace("{pattern}", r"\\bsee you this week\\b"), encoding="utf-8")
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr  # a warning does not block
    assert [f["rule"] for f in json.loads(done.stdout)["findings"]] == ["local/no-waitlist-promise"]
    (site / "local.yml").write_text(OWN_PACK.replace("{pattern}", r"\\bsee (you"), encoding="utf-8")
    broken = run_cli("check", "docs", cwd=site)
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
    [line] = broken.stderr.strip().splitlines()
    assert "local.yml" in line and "local/no-waitlist-promise" in line and "bad regular expression" in line
