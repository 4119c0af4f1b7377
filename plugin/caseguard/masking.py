"""Never print a client's identity where others can read it.

The logs, annotations, job summaries and code-scanning alerts of a public repository are public,
so the CI formats (github, sarif, the step summary) and every format run with `CI` set show an
identifier as `[hidden: 5 chars]`. No letter of it is kept: in a small practice an initial and a
length can be enough to recognise a client, and the finding's line and columns already point at
the text. Masked, the text format shows no line of the post either: beside a hidden name, a line
can hold an identifier that no rule caught. `--show-matches` turns all this off.
"""

from __future__ import annotations

import dataclasses
import os
import re

from .findings import Finding, Report

IDENTIFIER_RULES = "identifier/"
PERSON_NAME = "identifier/person-name"


def running_in_ci(environ=os.environ) -> bool:
    """True where CI services say so (`CI=true`, as GitHub Actions, GitLab and pre-commit.ci set)."""
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def placeholder(text: str) -> str:
    return f"[hidden: {len(' '.join(text.split()))} chars]"


class Masker:
    """Hides every identifier a report found, wherever its text recurs: in the identifier's own
    finding and in any other finding's match, message or explanation (a sentence quoted by
    `consent/undeclared-case-study` can hold a name)."""

    def __init__(self, report: Report):
        texts = set()
        for f in report.findings:
            if f.rule.startswith(IDENTIFIER_RULES):
                words = f.match.split()
                texts.add(" ".join(words))
                if f.rule == PERSON_NAME:  # "Dana" alone, elsewhere, is as telling as "Dana Whitfield"
                    texts.update(w for w in words if len(w) >= 3)
        texts.discard("")
        # Longest first, so "Dana Whitfield" is hidden whole rather than as "[hidden] Whitfield".
        # Whole words only: an initial "D." must not eat the d of every "date" in a message.
        alternatives = [r"(?<!\w)" + r"\s+".join(re.escape(word) for word in text.split()) + r"(?!\w)"
                        for text in sorted(texts, key=len, reverse=True)]
        self._pattern = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def text(self, value: str) -> str:
        """`value` with each identifier replaced by a placeholder that keeps only its length."""
        if self._pattern is None or not value:
            return value
        return self._pattern.sub(lambda m: placeholder(m.group()), value)

    def finding(self, finding: Finding) -> Finding:
        return dataclasses.replace(finding, match=self.text(finding.match), message=self.text(finding.message),
                                   why=self.text(finding.why))

    def report(self, report: Report) -> Report:
        """A copy of the report whose findings carry no identifier's text."""
        return dataclasses.replace(report, findings=[self.finding(f) for f in report.findings])

