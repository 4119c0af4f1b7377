"""The consent gate: every case study states a basis, and client stories are declared as such."""

from __future__ import annotations

import datetime as dt

from .context import PostContext
from .post import Post

BASES = ("written", "composite", "disguised")
# Values that say there is no consent at all; any other value is consent written down wrongly.
NONE_GIVEN = {"", "no", "none", "n/a", "na"}


def is_case_study(meta: dict, categories: list[str]) -> bool:
    """`case_study: true`, or a category the site lists as case studies."""
    if meta.get("case_study") is True:
        return True
    if meta.get("case_study") is False:
        return False
    wanted = {c.casefold() for c in categories}
    post_categories = meta.get("categories") or []
    if isinstance(post_categories, str):
        post_categories = [post_categories]
    return any(isinstance(c, str) and c.casefold() in wanted for c in post_categories)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def consent_problem(consent, today: dt.date) -> tuple[str, tuple] | None:
    """(rule, (detail, key path)) for a case study's consent value, or None when it is valid."""
    if consent is None or consent is False or (
            isinstance(consent, str) and consent.strip().casefold() in NONE_GIVEN):
        return "consent/missing", ("", ("consent",))
    if not isinstance(consent, dict):
        # "pending", "TBD", "yes": consent is stated, but not as a basis; not yet given is not given.
        return "consent/invalid", (
            f"`consent: {consent}` is not a basis (consent not yet given cannot be published); write "
            f"`consent:` then `basis: written`, `composite` or `disguised` on the next line, indented",
            ("consent",))
    basis = consent.get("basis")
    if not isinstance(basis, str) or basis.strip().casefold() not in BASES:
        shown = "missing" if basis is None else f"`{basis}`"
        return "consent/invalid", (
            f"basis is {shown}; it must be written, composite or disguised "
            f"(verbal or pending consent is not a basis for publishing)", ("consent", "basis"))
    if basis.strip().casefold() == "written":
        obtained = consent.get("obtained")
        when = _date(obtained)
        if obtained is None:
            return "consent/invalid", (
                "written consent needs the date it was obtained: add `obtained: YYYY-MM-DD` under "
                "`consent:`", ("consent",))
        if when is None:
            return "consent/invalid", (
                f"`obtained: {obtained}` is not a real date; write it as YYYY-MM-DD, e.g. "
                f"`obtained: 2026-02-10`", ("consent", "obtained"))
        if when > today:
            return "consent/invalid", (
                f"`obtained: {when.isoformat()}` is in the future; consent counts once it is "
                f"signed, so publish after that date", ("consent", "obtained"))
    return _withdrawn(consent, today)


def _withdrawn(consent: dict, today: dt.date) -> tuple[str, tuple] | None:
    """A revoked or expired consent is no consent: an authorization has an expiry and can be
    revoked (45 CFR 164.508(c)(1)(v), (c)(2))."""
    revoked = consent.get("revoked")
    if revoked is not None and revoked is not False:
        return "consent/invalid", (
            "the client revoked this consent (`revoked`): take the post down, or rewrite it as a "
            "composite or a thorough disguise", ("consent", "revoked"))
    if consent.get("expires") is not None:
        expires = _date(consent["expires"])
        if expires is None:
            return "consent/invalid", (
                f"`expires: {consent['expires']}` is not a real date; write it as YYYY-MM-DD",
                ("consent", "expires"))
        if expires < today:
            return "consent/invalid", (
                f"this consent expired on {expires.isoformat()}: ask the client for a new one "
                f"(and a new `obtained:` and `expires:`), or take the post down", ("consent", "expires"))
    return None


def check(post: Post, context: PostContext, today: dt.date) -> list[tuple]:
    """(rule, start offset, end offset, detail) for each consent problem of the post."""
    found = []
    meta = post.meta
    if context.case_study:
        problem = consent_problem(meta.get("consent"), today)
        if problem:
            rule, (detail, key_path) = problem
            start = post.key_offset(*key_path) if "consent" in meta else post.key_offset(
                "case_study") if "case_study" in meta else post.key_offset("categories")
            found.append((rule, start, _line_end(post.text, start), detail))
    elif meta.get("case_study") is not False and context.cues:
        cue = context.cues[0]
        found.append(("consent/undeclared-case-study", cue.start, cue.end, ""))
    return found


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end - 1 if end > start and text[end - 1] == "\r" else end
