"""The pre-commit hook, for real: `pre-commit try-repo` against this repository, and `git commit`
with the hook installed, in temporary blog repositories.

pre-commit installs caseguard from the package index into an environment of its own, as it does
for a user (about a minute per environment). The hook is taken from a snapshot of this repository
as it is on disk, committed in a temporary repository: pre-commit clones a commit, and the snapshot
holds exactly the files under test, on a clean clone and in a work tree with uncommitted edits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import EXAMPLE_SITE, HERE, make_post

REPO = os.path.dirname(HERE)
GIT_ENV = {"GIT_AUTHOR_NAME": "Practice", "GIT_AUTHOR_EMAIL": "blog@example.org",
           "GIT_COMMITTER_NAME": "Practice", "GIT_COMMITTER_EMAIL": "blog@example.org"}
STORY = {"title": "A story", "date": "2026-01-05", "case_study": True, "consent": {"basis": "composite"}}
LEAK = "Intro.\n\nHer son Tyler had just started kindergarten."
CLEAN = {"title": "Sleep tips", "date": "2026-01-05"}
# The site's mkdocs.yml names Material and one of its Python objects: pre-commit's environment has
# neither, and caseguard must read the file all the same.
THEME = """
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
"""


def environment(**extra) -> dict:
    """A developer's shell: no `CI` (which masks identifiers) unless asked for."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PRE_COMMIT_HOME")}
    return {**env, **GIT_ENV, "NO_COLOR": "1", **extra}


def git(*args, cwd, env=None, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, env=env or environment(), capture_output=True, text=True, check=check)


def pre_commit(*args, cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env or environment(),
                          capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[str, str]:
    """(path, commit) of a snapshot of this repository: its tracked files and new ones not ignored."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO, check=False)
    assert listed.returncode == 0, f"the pre-commit tests need a git checkout of caseguard: {listed.stderr}"
    snapshot = tmp_path_factory.mktemp("caseguard-hook")
    for name in filter(None, listed.stdout.split("\0")):
        source = os.path.join(REPO, name)
        if os.path.isfile(source):  # a tracked file deleted in the work tree is left out
            os.makedirs(os.path.join(snapshot, os.path.dirname(name)), exist_ok=True)
            shutil.copy2(source, os.path.join(snapshot, name))
    git("init", "-q", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git("commit", "-q", "-m", "caseguard under test", cwd=snapshot)
    commit = git("rev-parse", "HEAD", cwd=snapshot).stdout.strip()
    return str(snapshot), commit


@pytest.fixture
def blog(tmp_path):
    """A practice's blog repository with one commit: mkdocs.yml (Material theme) at its root."""
    root = tmp_path / "blog"
    (root / "docs" / "blog" / "posts").mkdir(parents=True)
    with open(EXAMPLE_SITE, encoding="utf-8") as handle:
        (root / "mkdocs.yml").write_text(handle.read() + THEME, encoding="utf-8")
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-q", "-m", "site", cwd=root)
    return root


def write(blog, name, front, body) -> str:
    relative = f"docs/blog/posts/{name}"
    (blog / relative).write_text(make_post(front, body), encoding="utf-8")
    return relative


def line_of(blog, relative, text) -> int:
    return (blog / relative).read_text(encoding="utf-8").split("\n").index(text) + 1


def test_try_repo_refuses_a_leaking_post_and_a_leaking_draft_with_the_line_shown(hook_repo, blog):
    post = write(blog, "story.md", STORY, LEAK)
    draft = write(blog, "draft-story.md", {**STORY, "draft": True}, LEAK)
    git("add", ".", cwd=blog)
    done = pre_commit("try-repo", hook_repo[0], "caseguard", "--ref", hook_repo[1], cwd=blog)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "caseguard (client confidentiality)" in output and "Failed" in output
    sentence = "Her son Tyler had just started kindergarten."
    assert f"{post}:{line_of(blog, post, sentence)}:9: error identifier/person-name" in output
    # The draft is checked too: it is published to everyone who can read the repository.
    assert f"{draft}:{line_of(blog, draft, sentence)}:9: error identifier/person-name" in output
    assert "Her son Tyler had just started kindergarten." in output and "^^^^^" in output


def test_try_repo_passes_a_clean_post(hook_repo, blog):
    write(blog, "tips.md", CLEAN, "Many of my clients find that a wind-down routine helps. Call 988 in a crisis.")
    git("add", ".", cwd=blog)
    done = pre_commit("try-repo", hook_repo[0], "caseguard", "--ref", hook_repo[1], cwd=blog)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "caseguard (client confidentiality)" in done.stdout and "Passed" in done.stdout


def test_installed_hook_refuses_the_commit_then_accepts_the_fixed_post(hook_repo, blog, tmp_path):
    config = {"repos": [{"repo": hook_repo[0], "rev": hook_repo[1], "hooks": [{"id": "caseguard"}]}]}
    (blog / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("add", ".pre-commit-config.yaml", cwd=blog)
    git("commit", "-q", "-m", "pre-commit", cwd=blog)
    env = environment(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    installed = pre_commit("install", cwd=blog, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    head = git("rev-parse", "HEAD", cwd=blog).stdout

    post = write(blog, "story.md", STORY, LEAK)
    git("add", post, cwd=blog)
    refused = git("commit", "-m", "a new story", cwd=blog, env=env, check=False)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert git("rev-parse", "HEAD", cwd=blog).stdout == head  # nothing reached the repository
    assert f"{post}:{line_of(blog, post, 'Her son Tyler had just started kindergarten.')}:9: error " \
           f"identifier/person-name" in refused.stdout + refused.stderr

    # Where CI is set (pre-commit.ci, a CI job running the hooks), the log shows no name.
    in_ci = git("commit", "-m", "a new story", cwd=blog, env={**env, "CI": "true"}, check=False)
    assert in_ci.returncode != 0 and "identifier/person-name" in in_ci.stdout + in_ci.stderr
    assert "Tyler" not in in_ci.stdout + in_ci.stderr

    write(blog, "story.md", STORY, "Intro.\n\nHer son had just started kindergarten.")
    git("add", post, cwd=blog)
    accepted = git("commit", "-m", "a new story", cwd=blog, env=env, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git("rev-parse", "HEAD", cwd=blog).stdout != head


def test_the_cache_of_findings_is_never_offered_to_git(blog):
    # The hook runs in the blog's repository, and the cache keeps what it found there: names.
    config = yaml.safe_load((blog / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])
    config["plugins"][0]["caseguard"]["cache"] = True
    (blog / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    post = write(blog, "story.md", STORY, LEAK)
    done = subprocess.run([sys.executable, "-m", "caseguard.cli", "check", post], cwd=blog, env=environment(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert any((blog / ".cache" / "caseguard").rglob("*.json"))  # the cache was written
    untracked = git("status", "--porcelain", "--untracked-files=all", cwd=blog).stdout
    assert ".cache" not in untracked and post in untracked
