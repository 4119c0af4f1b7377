"""What caseguard asks git: the repository's root, and which posts changed since a ref.

Used by `caseguard check --changed-since REF` (a pull-request gate checks what the pull request
changed) and by the CI formats, whose paths are relative to the repository's root because that is
what GitHub resolves annotations and SARIF locations against.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from .findings import CaseguardError


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace")


def top_level(cwd: str = ".") -> str | None:
    """The root of the git work tree that holds `cwd`, or None (not a repository, or no git)."""
    if shutil.which("git") is None:
        return None
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    return os.path.realpath(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def report_root(cwd: str = ".") -> str:
    """The folder that CI paths are relative to: the repository's root, else the Actions
    workspace, else the working folder."""
    return top_level(cwd) or os.path.realpath(os.environ.get("GITHUB_WORKSPACE") or cwd)


def changed_files(ref: str, cwd: str = ".") -> list[str]:
    """Absolute paths of the files that differ from `ref`: committed since the point where the
    current branch left `ref` (as a pull request sees it), staged, unstaged or new and not ignored.
    Deleted files are left out: there is nothing left to check."""
    if shutil.which("git") is None:
        raise CaseguardError("--changed-since needs git, which is not installed or not on PATH: "
                             "install git, or name the posts to check instead")
    root = top_level(cwd)
    if root is None:
        raise CaseguardError(f"--changed-since {ref}: {os.path.abspath(cwd)} is not inside a git "
                             f"repository: run caseguard from the blog's repository")
    if ref.startswith("-"):
        raise CaseguardError(f"--changed-since {ref}: not a git ref (a branch, tag or commit)")
    resolved = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], root)
    if resolved.returncode != 0:
        raise CaseguardError(f"--changed-since {ref}: no such branch, tag or commit in this repository "
                             f"(in GitHub Actions, check out with `fetch-depth: 0` so the base of a "
                             f"pull request is there)")
    base = _git(["merge-base", resolved.stdout.strip(), "HEAD"], root)
    if base.returncode != 0:
        raise CaseguardError(f"--changed-since {ref}: it shares no history with HEAD (a shallow "
                             f"clone? check out with `fetch-depth: 0`)")
    # The merge base, not `ref` itself: posts changed on the target branch since this branch left
    # it are someone else's change, and checked there.
    diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base.stdout.strip(), "--"],
                root)
    new = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    for done in (diff, new):
        if done.returncode != 0:
            raise CaseguardError(f"--changed-since {ref}: git failed: {done.stderr.strip()}")
    names = [n for n in (diff.stdout + new.stdout).split("\0") if n]
    return sorted({os.path.join(root, name) for name in names})


def repo_path(path: str, root: str) -> str:
    """`path` relative to `root` with forward slashes (as GitHub and SARIF want them), or
    absolute when it lies outside the repository."""
    real = os.path.realpath(path)
    try:
        relative = os.path.relpath(real, root)
    except ValueError:  # another drive, on Windows
        relative = os.pardir
    chosen = real if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
    return chosen.replace(os.sep, "/")
