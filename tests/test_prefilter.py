"""The quick look before a pack pattern runs (phrases.prefilter) may skip a post only when the
pattern cannot match it: checked on every rule example and every labelled post, in several cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseguard import phrases, post as post_module
from caseguard.rulepack import load_rules
from caseguard.segments import PROSE

TESTS = Path(__file__).parent


def _patterns() -> list[str]:
    return [spec["pattern"] for rule in load_rules().rules.values()
            if rule.detect.get("type") in ("phrases", "absent") for spec in phrases.pattern_specs(rule.detect)]


def _texts() -> list[str]:
    texts = []
    for rule in load_rules().rules.values():
        for example in rule.examples["match"] + rule.examples["no_match"]:
            texts.append(example if isinstance(example, str) else str(example.get("body", "")))
    for path in sorted(TESTS.glob("corpus*/**/*.md")):
        post = post_module.parse(path.read_bytes(), path.name)
        texts += [s.text for s in post.segments if s.kind == PROSE]
    # The letters re.I matches beyond ASCII case: the quick look must find them too.
    return texts + [t.upper() for t in texts[:400]] + [
        t.replace("i", "İ").replace("s", "ſ").replace("k", "\u212a") for t in texts[:400]]  # \u212a: the Kelvin sign


def test_prefilter_never_skips_a_text_the_pattern_matches():
    patterns, texts = _patterns(), _texts()
    matched = 0
    for pattern in patterns:
        compiled, groups = phrases.compiled(pattern), phrases.prefilter(pattern)
        for text in texts:
            if compiled.search(text):
                matched += 1
                assert phrases._holds(phrases.folded(text), groups), (pattern[:80], text[:120])
    assert matched > 300  # the texts do exercise the patterns


@pytest.mark.parametrize("pattern, kept, skipped", [
    (r"\bguaranteed\s+results?\b", "Guaranteed results for all", "results may vary"),
    (r"\b(?:DM|message)\s+me\b", "just DM me", "send a letter"),
    (r"(?:stop|quit)\s+(?:taking\s+)?your\s+(?:meds|medication)", "Stop taking your meds", "stop taking it"),
])
def test_prefilter_is_selective(pattern, kept, skipped):
    groups = phrases.prefilter(pattern)
    assert groups, pattern
    assert phrases._holds(phrases.folded(kept), groups)
    assert not phrases._holds(phrases.folded(skipped), groups)
