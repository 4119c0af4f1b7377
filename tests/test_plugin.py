"""The MkDocs plugin, through real `mkdocs build` runs on temp copies of the example site."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import make_post

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "example-site")
DANA = "blog/2026/03/09/dana-and-the-bridge/index.html"


def build(site, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(site / "mkdocs.yml"), *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=site)


def tree_digest(folder) -> dict:
    found = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = hashlib.sha256(handle.read()).hexdigest()
    return found


@pytest.fixture
def example(tmp_path):
    site = tmp_path / "example"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site", ".cache", "unsafe"))
    return site


def read(site, page):
    return (site / "site" / page).read_text(encoding="utf-8")


def test_example_site_builds_with_one_badge_on_each_reviewed_post(example):
    done = build(example)
    assert done.returncode == 0, done.stderr
    page = read(example, DANA)
    assert page.count('class="cg-badge"') == 1
    assert "Reviewed by <strong>Dr. Sam Ortiz, LCSW</strong>" in page
    assert "Details changed to protect privacy" in page
    assert page.index("</h1>") < page.index('class="cg-badge"') < page.index("Dana is a pseudonym")
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    assert '"reviewedBy": {"@type": "Person", "name": "Dr. Sam Ortiz, LCSW"}' in ld and '"lastReviewed"' in ld
    assert 'href="../../../../../assets/caseguard.css"' in page
    assert (example / "site" / "assets" / "caseguard.css").is_file()
    # Listing pages render excerpts of the same post: no badge there, and none on general posts.
    for listing in ("blog/index.html", "blog/archive/2026/index.html", "blog/category/case-studies/index.html"):
        assert "cg-badge" not in read(example, listing), listing
    assert "cg-badge" not in read(example, "blog/2026/01/12/five-grounding-skills-for-the-moment-anxiety-spikes/index.html")
    # Not in the search index.
    assert "Reviewed by" not in read(example, "search/search_index.json")


def test_a_leaking_post_stops_the_build_and_the_old_site_stays_byte_for_byte(example):
    assert build(example).returncode == 0
    before = tree_digest(example / "site")
    post = example / "docs" / "blog" / "posts" / "leak.md"
    post.write_text(make_post({"title": "A hard year", "date": dt.date(2026, 6, 1), "authors": ["maya"],
                               "categories": ["Case Studies"], "case_study": True,
                               "consent": {"basis": "composite"}},
                              "Her son Tyler had just started kindergarten. She lives in Boone."))
    done = build(example)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    out = done.stderr + done.stdout
    assert "caseguard: blog/posts/leak.md:" in out and "identifier/person-name" in out
    assert "identifier/location" in out and "review/missing" in out  # every problem, in one error
    assert tree_digest(example / "site") == before


def test_editing_a_reviewed_post_removes_its_badge_and_blocks(example):
    post = example / "docs" / "blog" / "posts" / "dana-and-the-bridge.md"
    post.write_text(post.read_text().replace("six years", "seven years"))
    done = build(example)
    assert done.returncode != 0 and "review/stale" in done.stderr
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("require_review: case_studies", "require_review: none"))
    done = build(example)
    assert done.returncode != 0, "a stale approval still blocks"
    post.write_text(re.sub(r"review:\n(?:  .*\n)+", "", post.read_text()))
    done = build(example)
    assert done.returncode == 0, done.stderr
    assert "cg-badge" not in read(example, DANA)


def test_the_badge_works_in_mkdocs_own_theme_and_can_be_switched_off(example):
    config = example / "mkdocs.yml"
    text = config.read_text()
    text = re.sub(r"theme:\n(?:  .*\n)+", "theme:\n  name: mkdocs\n", text)
    text = text.replace("  - blog\n", "").replace("  - search\n", "  - search\n")
    config.write_text(text)
    done = build(example)
    assert done.returncode == 0, done.stderr
    page = (example / "site" / "blog" / "posts" / "dana-and-the-bridge" / "index.html").read_text()
    assert page.count('class="cg-badge"') == 1
    config.write_text(text.replace("      require_review: case_studies", "      require_review: case_studies\n      badge: false"))
    assert build(example).returncode == 0
    page = (example / "site" / "blog" / "posts" / "dana-and-the-bridge" / "index.html").read_text()
    assert "cg-badge" not in page and "caseguard.css" not in page


def test_excluded_pages_and_material_drafts_are_not_published_so_they_do_not_block(example):
    posts = example / "docs" / "blog" / "posts"
    leak = {"title": "Draft", "date": dt.date(2026, 6, 1), "authors": ["maya"], "case_study": True,
            "consent": {"basis": "composite"}}
    (posts / "draft.md").write_text(make_post({**leak, "draft": True}, "Her son Tyler had just started kindergarten."))
    (posts / "private.md").write_text(make_post(leak, "Her son Tyler had just started kindergarten."))
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("nav:", "exclude_docs: |\n  blog/posts/private.md\nnav:"))
    done = build(example)
    assert done.returncode == 0, done.stderr


def test_meta_yml_defaults_make_a_folder_of_case_studies(example):
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - blog\n", "  - blog\n  - meta\n"))
    folder = example / "docs" / "blog" / "posts" / "stories"
    folder.mkdir()
    (folder / ".meta.yml").write_text("case_study: true\n")
    (folder / "story.md").write_text(make_post({"title": "A story", "date": dt.date(2026, 6, 1), "authors": ["maya"]},
                                               "A composite story of recovery."))
    done = build(example)
    assert done.returncode != 0 and "blog/posts/stories/story.md" in done.stderr
    assert "consent/missing" in done.stderr


def test_an_unknown_option_fails_the_build(example):
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("require_review: case_studies", "require_review: case_studies\n      alow: [x]"))
    done = build(example)
    assert done.returncode != 0 and "alow" in done.stderr


def test_serve_shows_a_panel_instead_of_stopping(example, tmp_path):
    # Build the way `mkdocs serve` does: the plugins learn the command from on_startup.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    post = example / "docs" / "blog" / "posts" / "leak.md"
    post.write_text(make_post({"title": "A hard year", "date": dt.date(2026, 6, 1), "authors": ["maya"],
                               "case_study": True, "consent": {"basis": "composite"}, "draft": True},
                              "Her son Tyler had just started kindergarten."))
    config = load_config(str(example / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    page = (tmp_path / "served" / "blog" / "2026" / "06" / "01" / "a-hard-year" / "index.html").read_text()
    assert 'class="cg-blocked"' in page and "identifier/person-name" in page and "Tyler" in page


def test_a_name_that_only_a_snippet_brings_in_is_blocked_and_the_old_site_kept(example):
    assert build(example).returncode == 0
    before = tree_digest(example / "site")
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - md_in_html\n", "  - md_in_html\n  - pymdownx.snippets:\n      base_path: [snippets]\n"))
    (example / "snippets").mkdir()
    (example / "snippets" / "story.md").write_text(
        "In session last week, my client Jennifer Alvarez called from 828-555-0193.\n")
    post = example / "docs" / "blog" / "posts" / "tips.md"
    post.write_text(make_post({"title": "Tips", "date": dt.date(2026, 6, 1), "authors": ["maya"]},
                              "Some general advice.\n\n--8<-- \"story.md\"\n"))
    done = build(example)
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "blog/posts/tips.md (rendered page) identifier/person-name" in out
    assert "included from story.md" in out and "identifier/phone" in out
    assert "Traceback" not in out
    assert tree_digest(example / "site") == before
    assert not (example / "site.caseguard-previous").exists()


def test_a_build_in_ci_logs_no_client_name(example):
    post = example / "docs" / "blog" / "posts" / "leak.md"
    post.write_text(make_post({"title": "A hard year", "date": dt.date(2026, 6, 1), "authors": ["maya"],
                               "case_study": True, "consent": {"basis": "composite"}},
                              "Her son Tyler had just started kindergarten."))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(example / "mkdocs.yml")],
                          capture_output=True, text=True, env=env, timeout=300, cwd=example)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and "identifier/person-name" in out and "blog/posts/leak.md:" in out
    assert "Tyler" not in out
