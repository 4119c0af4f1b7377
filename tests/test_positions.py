"""Every place a reader or crawler sees is checked, and every finding points at its exact text."""

from __future__ import annotations

from caseguard import post as post_module

from conftest import check_text, make_post

EVERYWHERE = """---
title: "Why Jennifer Alvarez kept coming back"
description: >
  Jennifer Alvarez and the long road home.
tags: [grief, Jennifer Alvarez]
slug: jennifer-alvarez-story
date: 2026-03-04
case_study: true
consent:
  basis: composite
---

# Working with Jennifer Alvarez

My client Jennifer Alvarez first came to see me in the spring.

- She told me **Jennifer Alvarez** was her grandmother's name too.
  > Jennifer Alvarez, quoted in a list.

| Who | What |
| --- | --- |
| Jennifer Alvarez | client |

![Portrait of Jennifer Alvarez](img/jennifer-alvarez.jpg "Jennifer Alvarez at home")
See [Jennifer Alvarez's page](https://example.org/jennifer-alvarez) too.[^1]

<p class="note">Jennifer Alvarez <img alt="Jennifer Alvarez smiling" src="a.png"></p>
<!-- Jennifer Alvarez asked me to share this -->

!!! note "About Jennifer Alvarez"

    Jennifer Alvarez agreed to this post.

[^1]: Jennifer Alvarez wrote to me afterwards.
"""


def test_a_name_is_found_in_every_place_with_exact_positions():
    findings = [f for f in check_text(EVERYWHERE) if f.rule == "identifier/person-name"]
    lines = EVERYWHERE.split("\n")
    for f in findings:
        line_text = lines[f.line - 1]
        assert line_text[f.column - 1:f.column - 1 + len(f.match)] == f.match
        assert f.end_column - f.column == len(f.match)
    found_lines = {f.line for f in findings}
    expected = {n + 1 for n, line in enumerate(lines) if "jennifer" in line.lower()}
    assert expected <= found_lines, f"not found on lines {sorted(expected - found_lines)}"


def test_positions_are_file_positions_with_crlf_and_a_bom():
    text = make_post({"title": "A story", "date": "2026-01-05", "case_study": True,
                      "consent": {"basis": "composite"}},
                     "Intro line.\n\nHer son Tyler had just started kindergarten.")
    raw = "\ufeff" + text.replace("\n", "\r\n")
    post = post_module.parse(raw.encode("utf-8"), "crlf.md")
    [finding] = [f for f in check_text(raw) if f.rule == "identifier/person-name"]
    line = post.line_text(finding.line)
    assert line[finding.column - 1:finding.end_column - 1] == "Tyler"


def test_ignore_comment_excuses_one_line_and_is_counted(tmp_path):
    from conftest import engine_for
    body = ("<!-- caseguard: ignore identifier/person-name -->\n"
            "Her son Tyler had just started kindergarten.\n\n"
            "Her son Tyler came too.\n")
    text = make_post({"title": "x", "date": "2026-01-05", "case_study": True,
                      "consent": {"basis": "composite"}}, body)
    file = tmp_path / "post.md"
    file.write_text(text)
    report = engine_for().check_files([(str(file), "post.md")])
    names = [f for f in report.findings if f.rule == "identifier/person-name"]
    assert [f.line for f in names] == [text.split("\n").index("Her son Tyler came too.") + 1]
    assert report.summary()["excused"] == 1
