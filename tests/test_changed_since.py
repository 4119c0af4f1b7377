"""`caseguard check --changed-since REF` in real git repositories: what a pull request changed."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import make_post, run_cli

CLEAN = {"title": "Sleep tips", "date": "2026-01-05"}
STORY = {"title": "A story", "date": "2026-01-05", "case_study": True, "consent": {"basis": "composite"}}
LEAK = "Intro.\n\nHer son Tyler had just started kindergarten."
GIT_ENV = {"GIT_AUTHOR_NAME": "Practice", "GIT_AUTHOR_EMAIL": "blog@example.org",
           "GIT_COMMITTER_NAME": "Practice", "GIT_COMMITTER_EMAIL": "blog@example.org"}


def git(*args, cwd):
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                   check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def write(site, name, front, body):
    (site / "docs" / "blog" / "posts" / name).write_text(make_post(front, body), encoding="utf-8")


@pytest.fixture
def repo(site):
    """main: an old leaking post (someone else's problem today) and a clean one; then a branch."""
    git("init", "-q", cwd=site)
    write(site, "old-story.md", STORY, LEAK)
    write(site, "tips.md", CLEAN, "Many clients find a wind-down routine helps.")
    git("add", ".", cwd=site)
    git("commit", "-q", "-m", "first posts", cwd=site)
    git("checkout", "-q", "-b", "new-post", cwd=site)
    return site


def checked(done) -> set[str]:
    return {os.path.basename(f["path"]) for f in json.loads(done.stdout)["findings"]}


def test_only_posts_changed_since_the_ref_are_checked(repo):
    write(repo, "new-story.md", STORY, LEAK)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "a new post", cwd=repo)
    write(repo, "tips.md", CLEAN, "Many clients find a wind-down routine helps. Call 988 in a crisis.")  # unstaged
    done = run_cli("check", "docs", "--changed-since", "main", "--format", "json", cwd=repo)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert checked(done) == {"new-story.md"} and data["summary"]["posts"] == 2  # new-story and tips


def test_new_untracked_posts_count_as_changed(repo):
    write(repo, "draft-story.md", {**STORY, "draft": True}, LEAK)
    done = run_cli("check", "docs", "--changed-since", "main", "--format", "json", cwd=repo)
    assert done.returncode == 1 and checked(done) == {"draft-story.md"}


def test_changes_on_the_target_branch_after_the_branch_left_it_are_not_this_branchs(repo):
    git("checkout", "-q", "main", cwd=repo)
    write(repo, "elsewhere.md", STORY, LEAK)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "on main meanwhile", cwd=repo)
    git("checkout", "-q", "new-post", cwd=repo)
    done = run_cli("check", "docs", "--changed-since", "main", "--format", "json", cwd=repo)
    assert done.returncode == 0 and json.loads(done.stdout)["summary"]["posts"] == 0


def test_files_named_are_checked_whether_or_not_they_changed(repo):
    done = run_cli("check", "docs/blog/posts/old-story.md", "--changed-since", "main", "--format", "json", cwd=repo)
    assert done.returncode == 1 and checked(done) == {"old-story.md"}


def test_nothing_changed_passes(repo):
    done = run_cli("check", "--changed-since", "main", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "in 0 post(s)" in done.stdout


def test_a_bad_ref_exits_2_with_what_to_do(repo):
    done = run_cli("check", "docs", "--changed-since", "no-such-branch", cwd=repo)
    assert done.returncode == 2
    assert "no-such-branch: no such branch, tag or commit" in done.stderr and "fetch-depth: 0" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_option_like_ref_is_not_passed_to_git(repo):
    done = run_cli("check", "docs", "--changed-since=--output=leak.txt", cwd=repo)
    assert done.returncode == 2 and "not a git ref" in done.stderr


def test_outside_a_repository_exits_2(site):
    write(site, "tips.md", CLEAN, "Fine.")
    done = run_cli("check", "docs", "--changed-since", "main", cwd=site, env={"GIT_CEILING_DIRECTORIES": str(site.parent)})
    assert done.returncode == 2 and "is not inside a git repository" in done.stderr


def test_without_git_exits_2(repo, tmp_path):
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    done = run_cli("check", "docs", "--changed-since", "main", cwd=repo, env={"PATH": str(empty)})
    assert done.returncode == 2
    assert "--changed-since needs git, which is not installed" in done.stderr
