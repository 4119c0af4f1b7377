"""Results of unchanged posts, kept in .cache/caseguard/ so a re-check costs no language model.

A result is keyed by the post's bytes, the configuration, the rule packs, the language model,
caseguard's version and today's date (consent dates are compared with today).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

CACHE_DIR = os.path.join(".cache", "caseguard")


def key(raw: bytes, context_key: str) -> str:
    return hashlib.sha256(context_key.encode() + b"\0" + raw).hexdigest()


class Cache:
    def __init__(self, root: str, enabled: bool = True):
        self.folder = os.path.join(root, CACHE_DIR)
        self.enabled = enabled

    def _file(self, entry: str) -> str:
        return os.path.join(self.folder, entry[:2], entry + ".json")

    def get(self, entry: str) -> dict | None:
        if not self.enabled:
            return None
        try:
            with open(self._file(entry), encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return None  # absent or damaged: check the post again

    def put(self, entry: str, result: dict):
        if not self.enabled:
            return
        path = self._file(entry)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _ignored_by_git(self.folder)
            handle, temp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(result, out)
            os.replace(temp, path)
        except OSError:
            pass  # a read-only checkout still gets a correct (uncached) result


def _ignored_by_git(folder: str):
    """Results hold the identifiers they found, and the cache lives in the blog's repository, where
    a `git add .` would publish them (the hook checks Markdown, not JSON): tell git to leave it."""
    marker = os.path.join(folder, ".gitignore")
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write("# Written by caseguard: its cache holds what it found in unpublished posts.\n*\n")
