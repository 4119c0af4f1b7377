"""`--format text`: findings grouped by file, each with its source line underlined."""

from __future__ import annotations

from itertools import groupby

import click

from ..findings import Finding, Report

_STYLE = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True}}


def _source(line_text: str, finding: Finding) -> list[str]:
    shown = line_text.replace("\t", " ")
    width = (finding.end_column - finding.column) if finding.end_line == finding.line \
        else len(shown) - finding.column + 1
    gutter = f"{finding.line:>6} | "
    underline = " " * (len(gutter) - 2) + "| " + " " * (finding.column - 1) + "^" * max(1, width)
    return [gutter + shown, click.style(underline, fg="cyan")]


def render(report: Report, read_line) -> list[str]:
    """Lines to print; `read_line(path, n)` returns line n of a file ("" when there is none),
    or None to show no source lines at all."""
    out: list[str] = []
    ordered = report.errors + report.warnings
    for _severity, group in groupby(ordered, key=lambda f: f.severity):
        for path, findings in groupby(group, key=lambda f: f.path):
            out.append(click.style(path, bold=True, underline=True))
            for f in findings:
                head = (f"{f.path}:{f.line}:{f.column}: "
                        + click.style(f.severity, **_STYLE[f.severity]) + " "
                        + click.style(f.rule, bold=True) + " " + f.message)
                out.append(head)
                line_text = read_line(f.path, f.line)
                if line_text is not None:
                    out.extend(_source(line_text, f))
            out.append("")
    summary = report.summary()
    verdict = click.style("blocked", fg="red", bold=True) if report.blocked else click.style("ok", fg="green", bold=True)
    out.append(f"caseguard: {summary['errors']} error(s), {summary['warnings']} warning(s) in "
               f"{summary['posts']} post(s); {summary['excused']} excused by `caseguard: ignore`; {verdict}")
    return out
