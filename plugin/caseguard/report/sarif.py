"""`--format sarif`: a SARIF 2.1.0 log for GitHub code scanning (and any other SARIF viewer).

Every rule is described in `tool.driver.rules` (summary, explanation, the ethics-code source and
the fix), so an alert explains itself to a reviewer who has never run caseguard. Locations are
relative to the repository's root, which is how code scanning matches them to files; columns are
counted in Unicode code points, as caseguard counts them, and `endColumn` is exclusive.

The log is built as plain data: the format is a handful of nested objects, and the tests check it
against the official schema.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Report
from ..rulepack import Rule, RuleSet

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT = "%SRCROOT%"  # the repository's root; code scanning resolves relative URIs against the checkout


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("/", "-").split("-"))


def _help_text(rule: Rule) -> str:
    parts = [rule.explain, f"Source: {rule.source}"]
    if rule.fix:
        parts.append("How to fix:\n" + rule.fix)
    return "\n\n".join(parts)


def _help_markdown(rule: Rule) -> str:
    parts = [rule.explain, f"**Source:** {rule.source}"]
    if rule.fix:
        parts.append("**How to fix:**\n\n```yaml\n" + rule.fix + "\n```" if "\n" in rule.fix
                     else "**How to fix:** " + rule.fix)
    return "\n\n".join(parts)


def describe(rule: Rule) -> dict:
    """A reportingDescriptor: what the rule looks for, why, its source, and how to fix it."""
    family = rule.id.split("/", 1)[0]
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explain},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": ["confidentiality", family], "problem.severity": rule.severity,
                       "source": rule.source},
    }


def _uri(path: str) -> dict:
    if path.startswith("/") or path[1:3] == ":/":  # outside the repository: an absolute file URI
        return {"uri": "file://" + ("" if path.startswith("/") else "/") + quote(path, safe="/:")}
    return {"uri": quote(path, safe="/"), "uriBaseId": ROOT}


def _result(finding: Finding, path: str, rule_index: dict) -> dict:
    result = {
        "ruleId": finding.rule,
        "level": finding.severity,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": _uri(path),
            "region": {"startLine": finding.line, "startColumn": finding.column,
                       "endLine": finding.end_line, "endColumn": finding.end_column},
        }}],
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    return result


def log(report: Report, ruleset: RuleSet, relative) -> dict:
    """The SARIF log as data; `relative(path)` makes a reported path relative to the repository."""
    rules = list(ruleset.rules.values())
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    results = [_result(f, relative(f.path), rule_index) for f in report.findings]
    for excuse in report.excused:
        # Excused lines are results too, marked as suppressed in the source, so a reviewer sees
        # what was waved through and where.
        results.append({
            "ruleId": excuse.rule,
            **({"ruleIndex": rule_index[excuse.rule]} if excuse.rule in rule_index else {}),
            "level": "note",
            "message": {"text": "excused by `<!-- caseguard: ignore -->` on the line before"},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(relative(excuse.path)),
                                                "region": {"startLine": excuse.line}}}],
            "suppressions": [{"kind": "inSource"}],
        })
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "caseguard", "version": __version__, "semanticVersion": __version__,
                                "rules": [describe(rule) for rule in rules]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report, ruleset: RuleSet, relative) -> str:
    return json.dumps(log(report, ruleset, relative), indent=2, ensure_ascii=False)
