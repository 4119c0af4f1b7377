"""What a check produces: findings, and the report that collects them."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning")


class CaseguardError(Exception):
    """Input caseguard cannot check (broken YAML, unreadable file, bad config): exit 2, never a pass.

    The message is one line that names the file (and line) and says what to do.
    """


@dataclass(frozen=True)
class Finding:
    """One problem, located in the file as it is on disk (1-based lines and columns)."""

    path: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the match, as in SARIF
    match: str
    message: str
    why: str = ""  # which pattern, model or context word raised it, and what would silence it

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "message": self.message,
            "why": self.why,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(**data)


@dataclass(frozen=True)
class Excuse:
    """A finding silenced by `<!-- caseguard: ignore RULE -->`; counted in every report."""

    path: str
    rule: str
    line: int


@dataclass
class Report:
    """Everything one run found, in file order."""

    findings: list[Finding] = field(default_factory=list)
    excused: list[Excuse] = field(default_factory=list)
    posts: int = 0
    statuses: dict = field(default_factory=dict)  # path -> case study, basis, valid review, blocked

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def blocked(self) -> bool:
        return bool(self.errors)

    def summary(self) -> dict:
        return {
            "posts": self.posts,
            "blocked_posts": len({f.path for f in self.errors}),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "excused": len(self.excused),
            "blocked": self.blocked,
        }
