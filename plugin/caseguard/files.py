"""Which files to check: the Markdown posts under the paths a user gives."""

from __future__ import annotations

import os

from .findings import CaseguardError

MARKDOWN = (".md", ".markdown")
_SKIP_DIRS = {"node_modules", "__pycache__", "site-packages"}


def _skipped(folder: str, name: str) -> bool:
    return name.startswith(".") or name in _SKIP_DIRS or os.path.exists(os.path.join(folder, name, "pyvenv.cfg"))


def display_path(file: str) -> str:
    relative = os.path.relpath(file)
    return file if relative.startswith("..") else relative


def collect(paths: list[str]) -> list[tuple[str, str]]:
    """(file, path to report) for every Markdown file named or found under a folder, in order."""
    found: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            before = len(found)
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _skipped(folder, d))
                for name in sorted(files):
                    if name.endswith(MARKDOWN):
                        file = os.path.join(folder, name)
                        found.append((file, display_path(file)))
            if len(found) == before:
                raise CaseguardError(f"{path}: no Markdown posts (*.md) in this folder: give the folder "
                                     f"that holds the posts, e.g. docs/")
        elif os.path.exists(path):
            found.append((path, display_path(path)))
        else:
            raise CaseguardError(f"{path}: no such file or folder: check the path")
    seen, unique = set(), []
    for file, shown in found:
        real = os.path.realpath(file)
        if real not in seen:
            seen.add(real)
            unique.append((file, shown))
    return unique
