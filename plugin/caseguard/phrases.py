"""The two generic detectors a rule pack can use without Python: `phrases` and `absent`.

- `phrases`: each match of `patterns` in the visible text is a finding, unless one of `unless`
  matches the same sentence.
- `absent`: the post mentions one of `patterns` and none of `resources` appears anywhere in it
  (one finding, at the first mention).
Both can be limited with `scope: case_studies` or `scope: narrative` (a post that tells a
client's story).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import PostContext
from .rulepack import Rule
from .segments import PROSE


@lru_cache(maxsize=None)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


def _span(m: re.Match) -> tuple[int, int]:
    group = 1 if m.groups() and m.group(1) is not None else 0
    return m.start(group), m.end(group)


def check(rule: Rule, context: PostContext, extra_resources: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, why) for each finding of a pack-defined rule in one post."""
    detect = rule.detect
    scope = detect.get("scope", "all")
    if scope == "case_studies" and not context.case_study or scope == "narrative" and not context.narrative:
        return []
    patterns = _compiled(tuple(detect.get("patterns") or ()))
    unless = _compiled(tuple(detect.get("unless") or ()))
    found = []
    for segment in context.post.segments:
        if segment.kind != PROSE:
            continue
        for pattern in patterns:
            for m in pattern.finditer(segment.text):
                a, b = _span(m)
                sentence = context.sentence_at(segment.start + a)
                text = sentence.text if sentence else segment.text
                if any(u.search(text) for u in unless):
                    continue
                found.append((segment.start + a, segment.start + b, f"pattern: {pattern.pattern[:60]}"))
    found.sort()
    if detect.get("type") == "absent":
        if not found:
            return []
        resources = _compiled(tuple(detect.get("resources") or ()) + tuple(re.escape(r) for r in extra_resources))
        visible = " ".join(s.text for s in context.post.segments)
        if any(r.search(visible) for r in resources):
            return []
        return [found[0]]
    return found
