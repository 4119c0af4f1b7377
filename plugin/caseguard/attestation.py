"""What a case study's front matter attests beyond its basis (warnings).

A valid basis is only the start: a disguise says what was changed and that the recognizability
test was done; a composite says how many clients it draws on and tells readers so; written
consent for a minor comes from a guardian, with the child's assent; and ACA asks that the
client read the text. The patterns (minor clients, composite statements) live in the rule
packs, in each rule's `detect`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .consent import consent_problem
from .context import PostContext
from .post import Post
from .rulepack import RuleSet


@lru_cache(maxsize=None)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


def check(post: Post, context: PostContext, ruleset: RuleSet, today: dt.date) -> list[tuple[str, int, int, str]]:
    """(rule, start, end, detail) for each attestation a valid case study is missing."""
    consent = post.meta.get("consent")
    if not context.case_study or not isinstance(consent, dict) or consent_problem(consent, today):
        return []  # consent/missing and consent/invalid already say what to fix
    basis = consent["basis"].strip().casefold()
    found = []
    if basis == "disguised":
        detail = _disguise_gap(post.meta.get("disguise"), ruleset["consent/disguise-undocumented"].detect)
        if detail:
            found.append(_at(post, ("disguise",) if "disguise" in post.meta else ("consent", "basis"),
                             "consent/disguise-undocumented", detail))
    if basis == "composite":
        detail = _composite_gap(post.meta.get("composite"), context,
                                ruleset["consent/composite-undocumented"].detect)
        if detail:
            found.append(_at(post, ("composite",) if "composite" in post.meta else ("consent", "basis"),
                             "consent/composite-undocumented", detail))
    if basis == "written":
        cue = _minor(context, ruleset["consent/guardian-missing"].detect)
        signer = str(consent.get("by") or "").strip().casefold()
        if cue and not (signer in ("guardian", "representative") and consent.get("assent") is True):
            missing = "`assent: true`" if signer in ("guardian", "representative") else "`by: guardian` and `assent: true`"
            found.append(_at(post, ("consent",), "consent/guardian-missing",
                             f"the post is about a minor (\"{cue}\"); add {missing} under `consent:`"))
        if consent.get("client_reviewed") is not True:
            found.append(_at(post, ("consent", "client_reviewed") if "client_reviewed" in consent else ("consent",),
                             "consent/client-review", ""))
    return found


def _disguise_gap(disguise, detect: dict) -> str:
    needed = int(detect.get("facets", 3))
    if not isinstance(disguise, dict):
        return (f"add `disguise:` with `altered:` (the name and at least {needed} more of: age, "
                f"occupation, location, family, timeline) and `recognizability_check: true`")
    altered = disguise.get("altered") if isinstance(disguise.get("altered"), list) else []
    facets = {str(a).strip().casefold() for a in altered if str(a).strip()}
    gaps = []
    if "name" not in facets:
        gaps.append("`altered` does not list `name`")
    if len(facets - {"name"}) < needed:
        gaps.append(f"`altered` lists {len(facets - {'name'})} facet(s) besides the name; list at "
                    f"least {needed} (age, occupation, location, family, timeline)")
    if disguise.get("recognizability_check") is not True:
        gaps.append("add `recognizability_check: true` once you have asked whether the client, or "
                    "people close to them, could recognise the story")
    return "; ".join(gaps)


def _composite_gap(composite, context: PostContext, detect: dict) -> str:
    sources = composite.get("sources") if isinstance(composite, dict) else None
    gaps = []
    if isinstance(sources, bool) or not isinstance(sources, int) or sources < 2:
        gaps.append("add `composite:` with `sources:` (how many clients it draws on, 2 or more)")
    statements = _compiled(tuple(detect.get("statement") or ()))
    if not any(p.search(s.text) for s in context.sentences for p in statements):
        gaps.append("tell readers in the post that this is a composite of several clients")
    return "; ".join(gaps)


def _minor(context: PostContext, detect: dict) -> str:
    """The first words that say the client is a minor, or ""."""
    cues = _compiled(tuple(detect.get("minor") or ()))
    for sentence in context.sentences:
        for pattern in cues:
            m = pattern.search(sentence.text)
            if m:
                return " ".join(m.group().split())
    return ""


def _at(post: Post, key_path: tuple, rule_id: str, detail: str) -> tuple[str, int, int, str]:
    start = post.key_offset(*key_path)
    end = post.text.find("\n", start)
    end = len(post.text) if end < 0 else end
    return rule_id, start, end - 1 if end > start and post.text[end - 1] == "\r" else end, detail
