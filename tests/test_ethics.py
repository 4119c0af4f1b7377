"""The professional-ethics rules beyond their examples: profiles, severities, front matter keys."""

from __future__ import annotations

import pytest
import yaml

from caseguard import config, post as post_module, profiles
from caseguard.context import PostContext
from caseguard.findings import CaseguardError
from caseguard.rulepack import builtin_dir, load_rules

from conftest import check_text, make_post

WRITTEN = {"title": "A story", "case_study": True, "consent": {"basis": "written", "obtained": "2026-01-02"}}


def _severities(findings, rule):
    return [f.severity for f in findings if f.rule == rule]


def test_aca_profile_makes_client_review_an_error_and_apa_turns_it_off():
    text = make_post(WRITTEN, "A story told with consent.")
    assert _severities(check_text(text), "consent/client-review") == ["warning"]
    assert _severities(check_text(text, {"profile": "aca"}), "consent/client-review") == ["error"]
    assert _severities(check_text(text, {"profile": "apa"}), "consent/client-review") == []


def test_severity_wins_over_the_profile():
    text = make_post(WRITTEN, "A story told with consent.")
    findings = check_text(text, {"profile": "aca", "severity": {"consent/client-review": "warning"}})
    assert _severities(findings, "consent/client-review") == ["warning"]


def test_every_profile_names_known_rules_and_severities():
    rules = load_rules()
    with open(f"{builtin_dir()}/lists/profiles.yml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)["profiles"]
    assert set(data) == set(profiles.PROFILES)
    for name, defaults in data.items():
        for rule_id, severity in defaults.items():
            assert rule_id in rules, (name, rule_id)
            assert severity in ("error", "warning", "off"), (name, rule_id)


def test_an_unknown_profile_is_a_configuration_error():
    with pytest.raises(CaseguardError, match="profile"):
        config.validate({"profile": "bacp"}, "mkdocs.yml")


def test_warnings_alone_do_not_block():
    findings = check_text(make_post({"title": "Tips"}, "He committed suicide in 2019."))
    assert {f.rule for f in findings} >= {"safety/messaging", "safety/crisis-resource"}
    assert all(f.severity == "warning" for f in findings)


def test_expired_and_revoked_consent_are_invalid_and_say_why():
    expired = {**WRITTEN, "consent": {**WRITTEN["consent"], "expires": "2026-06-01"}}
    [finding] = [f for f in check_text(make_post(expired, "A story.")) if f.rule == "consent/invalid"]
    assert "expired on 2026-06-01" in finding.message and finding.match.startswith("expires")
    revoked = {**WRITTEN, "consent": {**WRITTEN["consent"], "revoked": True}}
    [finding] = [f for f in check_text(make_post(revoked, "A story.")) if f.rule == "consent/invalid"]
    assert "revoked" in finding.message


def test_disguise_and_composite_records_are_not_read_as_client_identifiers():
    front = {"title": "Winter", "case_study": True, "consent": {"basis": "disguised"},
             "disguise": {"altered": ["name", "age", "occupation", "location"], "recognizability_check": True,
                          "note": "Renamed from Jennifer Alvarez of Boone"}}
    findings = check_text(make_post(front, "Change came slowly."))
    assert not [f for f in findings if f.rule.startswith("identifier/") or f.rule.startswith("consent/")]


def test_a_quasi_identifier_is_silenced_by_the_facet_the_disguise_lists():
    front = {"title": "Winter", "case_study": True, "consent": {"basis": "disguised"},
             "disguise": {"altered": ["name", "age", "location", "family"], "recognizability_check": True}}
    body = "Her accident made the local news. She is the only female firefighter in her town."
    found = [f.why.split(":")[0] for f in check_text(make_post(front, body)) if f.rule == "identifier/quasi"]
    assert sorted(found) == ["event", "occupation"]
    front["disguise"]["altered"] += ["event", "occupation"]
    assert not [f for f in check_text(make_post(front, body)) if f.rule == "identifier/quasi"]


def test_sponsored_front_matter_points_at_its_key():
    text = make_post({"title": "Tools", "sponsored": True}, "My favourite tools.")
    [finding] = [f for f in check_text(text) if f.rule == "disclosure/sponsored"]
    assert finding.match == "sponsored: true" and finding.line == 3


def test_messaging_findings_name_their_kind():
    findings = check_text(make_post({"title": "Loss"}, "He shot himself. Call or text 988."))
    [finding] = [f for f in findings if f.rule == "safety/messaging"]
    assert "method" in finding.message and finding.why.startswith("method:")


def test_a_site_pack_with_an_unknown_word_list_fails_at_load(tmp_path):
    pack = tmp_path / "local.yml"
    pack.write_text(yaml.safe_dump({"rules": [{
        "id": "local/x", "severity": "warning", "summary": "s", "message": "m", "explain": "e",
        "source": "s", "detect": {"type": "phrases", "patterns": ["{{nowhere}}"]},
        "examples": {"match": ["a"], "no_match": ["b"]}}]}), encoding="utf-8")
    with pytest.raises(CaseguardError, match="words"):
        load_rules(("local.yml",), str(tmp_path))


@pytest.mark.parametrize("body, narrative", [
    ("I lent my copy to a client, Beau, who read it in two nights.", False),
    ("One of our clients told us this book got her cooking again.", False),
    ("One of my clients, a retired firefighter, hadn't slept in a decade.", True),
])
def test_a_client_named_in_passing_blocks_but_does_not_make_the_post_her_story(body, narrative):
    post = post_module.parse(make_post({"title": "A book I recommend"}, body).encode("utf-8"), "blog/posts/p.md")
    context = PostContext(post, load_rules(), case_study=False)
    assert context.cues, "every one of these needs a consent basis"
    assert context.narrative is narrative
