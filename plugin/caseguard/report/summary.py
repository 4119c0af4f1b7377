"""The GitHub Actions job summary: a Markdown table of every finding, for `$GITHUB_STEP_SUMMARY`.

Anyone who can read a workflow run can read its summary, so the action hands this reporter a
masked report. GitHub refuses a step summary over 1 MiB and then shows nothing at all, so rows are
dropped from the end, with a note, well before that.
"""

from __future__ import annotations

import html

from ..findings import Report

LIMIT = 1024 * 1024  # bytes GitHub accepts in one step's summary
MARGIN = 16 * 1024  # room for anything else written to the same summary
NOTE_ROOM = 256  # bytes kept for the note that says rows were left out


def cell(text: str) -> str:
    """Table cell text: no raw HTML from a post, no line break or pipe that would end the cell."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render(report: Report, relative, link=None, budget: int = LIMIT - MARGIN) -> str:
    """The summary's Markdown, at most `budget` bytes. `relative(path)` makes a reported path
    relative to the repository; `link(path, line)`, when given, returns a URL to that line."""
    summary = report.summary()
    verdict = "blocked" if report.blocked else "passed"
    head = [
        f"### caseguard: {verdict}",
        "",
        f"{_plural(summary['errors'], 'error')} and {_plural(summary['warnings'], 'warning')} in "
        f"{_plural(summary['posts'], 'post')} ({summary['blocked_posts']} blocked); "
        f"{summary['excused']} excused by `caseguard: ignore`.",
        "",
    ]
    findings = report.errors + report.warnings
    if not findings:
        return "\n".join(head) + "\n"
    head += ["| | Where | Rule | Problem |", "| --- | --- | --- | --- |"]
    foot = ["", "Client identifiers are hidden in this summary, which anyone who can read this run "
                "can read: the line and column point at the text to change."]
    used = sum(len(line.encode()) + 1 for line in head + foot)
    rows = []
    for index, f in enumerate(findings):
        path = relative(f.path)
        where = f"{path}:{f.line}:{f.column}"
        where = f"[{cell(where)}]({link(path, f.line)})" if link else f"`{cell(where)}`"
        row = f"| {f.severity} | {where} | `{f.rule}` | {cell(f.message)} |"
        cost = len(row.encode()) + 1
        if used + cost + NOTE_ROOM > budget:
            left = len(findings) - index
            rows += ["", f"*{_plural(left, 'more finding')} not shown, to keep this summary under "
                         f"GitHub's 1 MiB limit: the annotations and the SARIF file list every one.*"]
            break
        rows.append(row)
        used += cost
    return "\n".join(head + rows + foot) + "\n"
