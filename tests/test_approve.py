"""`caseguard approve`, digests and signed approvals, through the real CLI and ssh-keygen."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from caseguard import approve, post as post_module, review

from conftest import make_post, run_cli

CASE = {"title": "A composite story", "date": dt.date(2026, 3, 1), "case_study": True,
        "consent": {"basis": "composite"}}


def write(site, name, front, body="A composite of several clients."):
    path = site / "docs" / "blog" / "posts" / name
    path.write_text(make_post(front, body), encoding="utf-8")
    return path


def set_option(site, text):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("      cache: false", "      cache: false\n" + text))


def test_approve_then_edit_then_stale(site):
    set_option(site, "      require_review: case_studies")
    post = write(site, "story.md", CASE)
    assert run_cli("check", "docs", cwd=site).returncode == 1
    done = run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen, PsyD", cwd=site)
    assert done.returncode == 0, done.stderr
    assert run_cli("check", "docs", cwd=site).returncode == 0
    post.write_text(post.read_text().replace("several", "many"))
    stale = run_cli("check", "docs", "--format", "json", cwd=site)
    assert stale.returncode == 1 and '"review/stale"' in stale.stdout


def test_approve_refuses_a_post_that_blocks_for_another_reason(site):
    post = write(site, "story.md", CASE, "Her son Tyler had just started kindergarten.")
    before = post.read_bytes()
    done = run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen, PsyD", cwd=site)
    assert done.returncode == 1 and "identifier/person-name" in done.stderr and "not approved" in done.stderr
    assert post.read_bytes() == before


def test_approve_refuses_an_unknown_reviewer(site):
    post = write(site, "story.md", CASE)
    done = run_cli("approve", str(post), "--reviewer", "Pat Example", cwd=site)
    assert done.returncode == 2 and "not one of the configured `reviewers`" in done.stderr


def test_status_shows_what_waits_for_whom(site):
    set_option(site, "      require_review: case_studies")
    write(site, "waiting.md", CASE)
    write(site, "tips.md", {"title": "Sleep tips", "date": dt.date(2026, 3, 1)}, "Many of my clients sleep badly.")
    done = run_cli("status", "docs", cwd=site)
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith("docs/")}
    assert "yes" in lines["docs/blog/posts/waiting.md"] and "missing" in lines["docs/blog/posts/waiting.md"]
    assert "BLOCKED" in lines["docs/blog/posts/waiting.md"]
    assert "not required" in lines["docs/blog/posts/tips.md"] and lines["docs/blog/posts/tips.md"].endswith("ok")


# -- every other byte stays as it was ---------------------------------------------------------

front_lines = st.lists(st.sampled_from([
    "title: 'Odd: quoting'", 'description: "with a \\"quote\\""', "# a comment about consent",
    "tags: [grief,   holidays]", "slug: my-slug   # trailing comment", "date: 2026-03-01",
    "case_study: true", "consent:\n  basis: composite   # a composite", "authors:\n  - maya",
    "extra_key: >\n  folded\n  text"]), min_size=1, max_size=6, unique=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=front_lines, crlf=st.booleans(), bom=st.booleans(),
       body=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80))
def test_approve_changes_nothing_but_the_review_block(tmp_path, lines, crlf, bom, body):
    text = "\n".join(["---", *lines, "---", "", body, ""])
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    file = tmp_path / "post.md"
    file.write_bytes(raw)
    digest = approve.approve(str(file), "Dr. Maya Chen", dt.date(2026, 3, 2))
    written = file.read_bytes()
    after = post_module.parse(written, "post.md")
    assert after.meta["review"] == {"reviewer": "Dr. Maya Chen", "approved": dt.date(2026, 3, 2), "digest": digest}
    assert review.digest(after) == digest
    # Taking the review block out gives back the original bytes exactly.
    decoded = written.decode("utf-8-sig")
    restored = review.without_review(decoded, after.front.start, after.front.end)
    assert (b"\xef\xbb\xbf" if written.startswith(b"\xef\xbb\xbf") else b"") + restored.encode() == raw
    # Approving again replaces the block instead of adding a second one.
    approve.approve(str(file), "Dr. Maya Chen", dt.date(2026, 3, 3))
    assert file.read_bytes().decode("utf-8-sig").count("review:") == 1


def test_an_interrupted_write_leaves_the_post_intact(tmp_path, monkeypatch):
    file = tmp_path / "post.md"
    original = make_post(CASE, "A composite of several clients.").encode()
    file.write_bytes(original)

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        approve.approve(str(file), "Dr. Maya Chen", dt.date(2026, 3, 2))
    assert file.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"], "no temp file is left behind"


# -- signed approvals ---------------------------------------------------------------------------

pytestmark_ssh = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="OpenSSH is not installed")


def make_key(folder, name):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)], check=True)
    return folder / name, (folder / f"{name}.pub").read_text().strip()


@pytestmark_ssh
def test_signed_approvals(site, tmp_path):
    key, public = make_key(tmp_path, "maya")
    other, _ = make_key(tmp_path, "someone-else")
    set_option(site, f"      reviewers: [{{name: Dr. Maya Chen, key: \"{public}\"}}]")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("      reviewers: [Dr. Maya Chen, PsyD]\n", ""))
    post = write(site, "story.md", CASE)

    unsigned = run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen", cwd=site)
    assert unsigned.returncode == 0
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1 and '"review/signature"' in done.stdout and "must be signed" in done.stdout

    signed = run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen", "--sign-key", str(key), cwd=site)
    assert signed.returncode == 0, signed.stderr
    assert run_cli("check", "docs", cwd=site).returncode == 0

    wrong = run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen", "--sign-key", str(other), cwd=site)
    assert wrong.returncode == 0
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1 and '"review/signature"' in done.stdout

    # A hand-edited digest (matching an edited body) with the old signature does not pass.
    assert run_cli("approve", str(post), "--reviewer", "Dr. Maya Chen", "--sign-key", str(key), cwd=site).returncode == 0
    text = post.read_text().replace("several", "many")
    draft = post_module.parse(text.encode(), "story.md")
    import re
    text = re.sub(r"digest: sha256:[0-9a-f]+", f"digest: {review.digest(draft)}", text)
    post.write_text(text)
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1 and '"review/signature"' in done.stdout
