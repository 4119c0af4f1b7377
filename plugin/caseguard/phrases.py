"""The two generic detectors a rule pack can use without Python: `phrases` and `absent`.

- `phrases`: each match of `patterns` in the visible text is a finding, unless one of `unless`
  matches the same sentence.
- `absent`: the post mentions one of `patterns` and none of `resources` appears anywhere in it
  (one finding, at the first mention). With `crisis_lines: true` the site's configured crisis
  lines count as resources; `front_matter: {key: value}` makes that front matter value a mention.
Both can be limited with `scope: case_studies`, `scope: narrative` (a post that tells a
client's story) or `scope: client` (a sentence about the client, in such a post).

A pattern is a regular expression (case-insensitive), or a mapping that gives it a `label` (shown
in the finding's "why", and as `{detail}` in the rule's message) and its own conditions:
- `unless`: skip the match when one of these matches its sentence (added to the rule's `unless`);
- `unless_before`: ... when one of these matches the sentence up to the match ("if you have");
- `near`: keep the match only when one of these occurs within `window` sentences of it
  (0: the same sentence; `post`: anywhere in the post).
`words: {name: alternation}` defines word lists that any pattern uses as `{{name}}`, and
`unless_listed: disguise.altered` skips labelled patterns whose label that front matter list holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre, _parser as sre_parse  # to read a pattern's required words
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import PostContext
    from .rulepack import Rule

_WORD = re.compile(r"\{\{(\w+)\}\}")


def _expand(pattern: str, words: dict) -> str:
    return _WORD.sub(lambda m: f"(?:{words[m.group(1)]})", pattern)


def _words(detect: dict) -> dict:
    """The word lists, each filled in with the lists defined before it."""
    words: dict = {}
    for name, value in (detect.get("words") or {}).items():
        words[name] = _expand(str(value), words)
    return words


def pattern_specs(detect: dict) -> list[dict]:
    """Every pattern of a `detect` block as a mapping, its word lists filled in (for validation too)."""
    words = _words(detect)
    specs = []
    for entry in detect.get("patterns") or ():
        spec = dict(entry) if isinstance(entry, dict) else {"pattern": entry}
        specs.append({
            "pattern": _expand(spec["pattern"], words),
            "label": spec.get("label", ""),
            "unless": [_expand(u, words) for u in (detect.get("unless") or []) + (spec.get("unless") or [])],
            "unless_before": [_expand(u, words) for u in spec.get("unless_before") or ()],
            "near": [_expand(n, words) for n in spec.get("near", detect.get("near")) or ()],
            "window": spec.get("window", detect.get("window", 0)),
        })
    return specs


def regexes(detect: dict) -> list[str]:
    """Every regular expression a `detect` block holds, expanded, for the pack loader to compile."""
    words = _words(detect)
    found = [_expand(r, words) for r in detect.get("resources") or ()]
    for spec in pattern_specs(detect):
        found += [spec["pattern"], *spec["unless"], *spec["unless_before"], *spec["near"]]
    return found


@lru_cache(maxsize=None)
def compiled(pattern: str) -> re.Pattern:
    """A pack pattern, compiled once per process: the pack loader's validation compiles it here."""
    return re.compile(pattern, re.I)


def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(compiled(p) for p in patterns)


# -- a cheap first look: most patterns match nothing in most posts ---------------------------

# Besides ASCII case, re.I lets these match an ASCII letter, and str.lower() leaves them alone (or,
# for "İ", makes two characters of it): folded first, so a substring test finds whatever the
# pattern could. (The Kelvin sign, which re.I also matches to "k", str.lower() already turns into "k".)
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    return text.translate(_FOLD).lower()


@lru_cache(maxsize=None)
def prefilter(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of words (lower case): every match of `pattern` contains a word of each group, so
    a post that misses a group is skipped without running the pattern over each of its
    segments. Empty when the pattern needs no words; words outside ASCII, whose case rules
    differ, are not used."""
    try:
        groups = _needed(sre_parse.parse(pattern, re.I))
    except (re.error, TypeError, ValueError):
        return ()
    usable = [g for g in groups if all(word.isascii() for word in g)]
    usable.sort(key=_selectivity, reverse=True)
    return tuple(tuple(sorted(word.lower() for word in g)) for g in usable[:3])


def _holds(folded_text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(word in folded_text for word in group) for group in groups)


def _selectivity(words: frozenset[str]) -> tuple:
    return min(map(len, words)), -len(words)


def _needed(items) -> list[frozenset[str]]:
    """Groups of strings: any match of this parsed sequence contains one string of each group."""
    groups, run = [], ""
    for op, arg in list(items) + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            groups.append(frozenset([run]))
            run = ""
        if op is sre.SUBPATTERN:
            groups += _needed(arg[3])
        elif op is sre.ATOMIC_GROUP:
            groups += _needed(arg)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            groups += _needed(arg[2])
        elif op is sre.BRANCH:
            # Each branch gives its most selective group; a branch that needs nothing, nothing.
            best = [max(_needed(branch), key=_selectivity, default=None) for branch in arg[1]]
            if all(best):
                groups.append(frozenset().union(*best))
    return groups


def _span(m: re.Match) -> tuple[int, int]:
    group = 1 if m.groups() and m.group(1) is not None else 0
    return m.start(group), m.end(group)


def _listed(meta: dict, dotted: str) -> set[str]:
    value = meta
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    items = value if isinstance(value, list) else []
    return {str(item).strip().casefold() for item in items}


def _is_near(context: PostContext, offset: int, near: tuple[re.Pattern, ...], window) -> bool:
    if window == "post":
        return any(n.search(s.text) for s in context.sentences for n in near)
    sentence = context.sentence_at(offset)
    if sentence is None:
        return False
    index = context.sentences.index(sentence)
    nearby = context.sentences[max(0, index - int(window)):index + int(window) + 1]
    return any(n.search(s.text) for s in nearby for n in near)


def check(rule: Rule, context: PostContext,
          extra_resources: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, why, label) for each finding of a pack-defined rule in one post."""
    detect = rule.detect
    scope = detect.get("scope", "all")
    if scope == "case_studies" and not context.case_study or scope in ("narrative", "client") and not context.narrative:
        return []
    altered = _listed(context.post.meta, detect["unless_listed"]) if detect.get("unless_listed") else set()
    found = []
    for spec in pattern_specs(detect):
        if spec["label"] and spec["label"].casefold() in altered:
            continue
        groups = prefilter(spec["pattern"])
        if not _holds(context.folded_prose, groups):
            continue  # before compiling: a pattern no post could match is never compiled
        [pattern] = _compiled((spec["pattern"],))
        unless, before = _compiled(tuple(spec["unless"])), _compiled(tuple(spec["unless_before"]))
        near = _compiled(tuple(spec["near"]))
        why = (f"{spec['label']}: " if spec["label"] else "") + f"pattern: {pattern.pattern[:60]}"
        for segment, folded_text in context.prose_segments:
            if not _holds(folded_text, groups):
                continue
            for m in pattern.finditer(segment.text):
                a, b = _span(m)
                start = segment.start + a
                sentence = context.sentence_at(start)
                text = sentence.text if sentence else segment.text
                if any(u.search(text) for u in unless):
                    continue
                if before:
                    head = text[:start - sentence.start] if sentence else segment.text[:a]
                    if any(u.search(head) for u in before):
                        continue
                if near and not _is_near(context, start, near, spec["window"]):
                    continue
                if scope == "client" and not context.about_client(start):
                    continue
                found.append((start, segment.start + b, why, spec["label"]))
    found.sort()
    if detect.get("type") == "absent":
        found += _front_matter_mentions(context, detect.get("front_matter") or {})
        if not found:
            return []
        lines = tuple(re.escape(r) for r in extra_resources) if detect.get("crisis_lines") else ()
        words = _words(detect)
        resources = _compiled(tuple(_expand(r, words) for r in detect.get("resources") or ()) + lines)
        visible = " ".join(s.text for s in context.post.segments)
        if any(r.search(visible) for r in resources):
            return []
        return [min(found)]
    return found


def _front_matter_mentions(context: PostContext, wanted: dict) -> list[tuple[int, int, str, str]]:
    post = context.post
    found = []
    for key, value in wanted.items():
        if key in post.meta and post.meta[key] == value:
            start = post.key_offset(key)
            end = post.text.find("\n", start)
            found.append((start, end if end >= 0 else len(post.text), f"front matter: {key}: {value}", ""))
    return found
