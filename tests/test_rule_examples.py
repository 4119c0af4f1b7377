"""Every example in every rule pack, run through the real engine: a rule cannot drift from them."""

from __future__ import annotations

import pytest

from caseguard.rulepack import load_rules

from conftest import check_text, engine_for, make_image, make_post, with_auto_digest

DEFAULT_FRONT_MATTER = {"title": "Example post", "date": "2026-01-15"}


def _cases():
    for rule in load_rules().rules.values():
        for expected in ("match", "no_match"):
            for index, example in enumerate(rule.examples[expected]):
                yield pytest.param(rule, expected, example, id=f"{rule.id}:{expected}:{index}")


def _post_text(rule, example) -> tuple[str, dict]:
    if isinstance(example, str):
        example = {"body": example}
    front = dict(DEFAULT_FRONT_MATTER)
    front.update(example.get("front_matter", rule.example_front_matter) or {})
    front = {k: v for k, v in front.items() if v is not None}
    return with_auto_digest(make_post(front, example.get("body", ""))), example


def _findings(text: str, example: dict, folder):
    """The engine's findings for the example. With `images:` the post is written to `folder` and
    each image is written beside it first (see `make_image` for the keys), so the real files are read."""
    if "images" not in example:
        return check_text(text, example.get("config"))
    post = folder / "blog" / "posts" / "example.md"
    post.parent.mkdir(parents=True)
    post.write_text(text, encoding="utf-8")
    for name, spec in example["images"].items():
        make_image(post.parent / name, **(spec or {}))
    return engine_for(example.get("config")).check_files([(str(post), "blog/posts/example.md")]).findings


@pytest.mark.parametrize("rule, expected, example", list(_cases()))
def test_rule_example(rule, expected, example, tmp_path):
    text, example = _post_text(rule, example)
    findings = [f for f in _findings(text, example, tmp_path) if f.rule == rule.id]
    if expected == "match":
        assert findings, f"{rule.id} should fire on:\n{text}"
        if "match" in example:
            assert example["match"] in [f.match for f in findings], \
                f"{rule.id} matched {[f.match for f in findings]}, expected {example['match']!r}"
    else:
        assert not findings, f"{rule.id} should not fire, but found {[(f.match, f.why) for f in findings]}"


def test_every_rule_has_both_kinds_of_example():
    for rule in load_rules().rules.values():
        assert rule.examples["match"] and rule.examples["no_match"], rule.id


def test_every_builtin_pattern_compiles():
    """Loading skips compiling the built-in packs' patterns (it costs every build); this does it."""
    from caseguard import rulepack

    for path in rulepack._pack_files(rulepack.builtin_dir()):
        rules, _raw = rulepack._load_pack(path, path, compile_patterns=True)
        assert rules, path
