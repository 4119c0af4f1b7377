"""Reviews: a named reviewer approved exactly the text that is published.

The digest is SHA-256 over the post's text with the `review:` block taken out of the front
matter, a byte-order mark dropped and line endings made `\\n`: any change a reader could see
(body or front matter) changes it; re-saving with other line endings does not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from . import signature
from .post import Post

_TOP_LEVEL_KEY = re.compile(r"^[^\s#][^:\n]*:", re.M)
_CREDENTIALS = {"dr", "mr", "mrs", "ms", "mx", "prof", "phd", "psyd", "edd", "md", "do", "lcsw",
                "lpc", "lpcc", "lmft", "lmhc", "lpa", "lcpc", "ncc", "ma", "ms", "msw", "mft", "rn",
                "np", "pmhnp", "lisw", "licsw", "lmsw", "abpp", "cadc", "ladc", "jr", "sr"}


def without_review(text: str, front_start: int, front_end: int) -> str:
    """The post's text with the top-level `review:` block removed from its front matter."""
    front = text[front_start:front_end]
    m = re.search(r"^review:.*(?:\n|$)", front, re.M)
    if not m:
        return text
    nxt = _TOP_LEVEL_KEY.search(front, m.end())
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*\r?$", front[m.end():], re.M)
    stop = min(x for x in (nxt.start() if nxt else None,
                           m.end() + closing.start() if closing else None,
                           len(front)) if x is not None)
    return text[:front_start + m.start()] + text[front_start + stop:]


def digest(post: Post) -> str:
    """`sha256:<hex>` of the publishable content."""
    content = without_review(post.text, post.front.start, post.front.end)
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Reviewer:
    name: str
    key: str | None = None  # an OpenSSH public key: approvals must carry its signature
    principal: str | None = None  # or the reviewer's principal in the site's allowed_signers file


def reviewers_from(entries: list) -> list[Reviewer]:
    return [Reviewer(e) if isinstance(e, str) else Reviewer(e["name"], e.get("key"), e.get("principal"))
            for e in entries]


def person_key(name: str) -> str:
    """A reviewer's name without titles and credentials: "Dr. Maya Chen, PsyD" -> "maya chen"."""
    words = re.findall(r"[\w'-]+", name.casefold())
    return " ".join(w for w in words if w.replace(".", "") not in _CREDENTIALS)


def find_reviewer(name: str, reviewers: list[Reviewer]) -> Reviewer | None:
    key = person_key(name)
    return next((r for r in reviewers if key and person_key(r.name) == key), None)


def check(post: Post, case_study: bool, require: str, reviewers: list[Reviewer],
          allowed_signers: str | None = None) -> tuple[list[tuple], dict | None]:
    """Review problems as (rule, key path, detail), and the review when it is valid."""
    review = post.meta.get("review")
    required = require == "all" or (require == "case_studies" and case_study)
    if review is None:
        where = next((k for k in ("case_study", "categories") if k in post.meta), None) if case_study else None
        return ([("review/missing", (where,) if where else (), "")] if required else []), None
    problems = []
    if not isinstance(review, dict):
        return [("review/invalid", ("review",), "`review:` must hold `reviewer`, `approved` and `digest`; "
                 "run `caseguard approve` to write it")], None
    reviewer, approved, recorded = review.get("reviewer"), review.get("approved"), review.get("digest")
    if not isinstance(reviewer, str) or not isinstance(approved, (dt.date, str)) or not isinstance(recorded, str):
        missing = [k for k, v in (("reviewer", reviewer), ("approved", approved), ("digest", recorded)) if not v]
        detail = f"missing {', '.join(missing)}" if missing else "a field has the wrong type"
        return [("review/invalid", ("review",), f"{detail}; run `caseguard approve` to write the block")], None
    known = find_reviewer(reviewer, reviewers)
    if known is None:
        problems.append(("review/unknown-reviewer", ("review", "reviewer"), reviewer))
    if recorded.strip() != digest(post):
        problems.append(("review/stale", ("review", "digest"), ""))
    elif known is not None and (known.key or known.principal):
        signed = review.get("signature")
        if not isinstance(signed, str) or not signed.strip():
            problems.append(("review/signature", ("review",), f"{known.name}'s approvals must be signed; "
                             f"run `caseguard approve {post.path} --reviewer \"{known.name}\" --sign-key KEY`"))
        elif not signature.verify(recorded.strip(), signed, known.key, allowed_signers, known.principal):
            problems.append(("review/signature", ("review", "signature"),
                             f"the signature is not {known.name}'s, or it was made for other text"))
    if problems:
        return problems, None
    return [], {"reviewer": reviewer, "approved": str(approved)}
