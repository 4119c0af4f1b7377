"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

GitHub shows each `::error` or `::warning` line on the offending line of the pull request's
diff, and in the log as "Error: <message>". It shows only the first few annotations of a step,
so the action also writes the step summary and SARIF, which list every finding.
"""

from __future__ import annotations

from ..findings import Finding, Report


def escape_data(text: str) -> str:
    """The message part of a workflow command: a newline would end the command, and whatever
    followed it could be read as a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property: `,` and `:` separate properties and the message, so escape them too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, path: str) -> str:
    """One workflow command; `path` is relative to the repository's root, as GitHub resolves it."""
    properties = {"file": path, "line": finding.line, "endLine": finding.end_line}
    # Columns only mean something on a single line; endColumn is exclusive here as in caseguard's
    # findings, the convention other linters' annotations follow.
    if finding.end_line == finding.line:
        properties.update(col=finding.column, endColumn=finding.end_column)
    properties["title"] = f"caseguard {finding.rule}"
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    # The log shows only the message, so it carries the location as well.
    message = f"{path}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
    return f"::{finding.severity} {joined}::{escape_data(message)}"


def render(report: Report, relative) -> list[str]:
    """Lines to print; `relative(path)` turns a reported path into one relative to the repository."""
    lines = [annotation(f, relative(f.path)) for f in report.errors + report.warnings]
    summary = report.summary()
    verdict = "blocked" if report.blocked else "ok"
    lines.append(f"caseguard: {summary['errors']} error(s), {summary['warnings']} warning(s) in "
                 f"{summary['posts']} post(s); {summary['excused']} excused by `caseguard: ignore`; {verdict}")
    return lines
