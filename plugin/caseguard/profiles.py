"""Severity defaults per professional code: `profile: apa | aca | nasw | aamft` in the configuration.

The defaults are data (rules/lists/profiles.yml); `severity:` in the configuration wins over them.
"""

from __future__ import annotations

import os
from functools import lru_cache

import yaml

PROFILES = ("apa", "aca", "nasw", "aamft")


@lru_cache(maxsize=None)
def defaults(name: str | None) -> dict:
    """{rule id: error | warning | off} for a profile (empty without one)."""
    if not name:
        return {}
    from .rulepack import builtin_dir

    with open(os.path.join(builtin_dir(), "lists", "profiles.yml"), encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle)["profiles"][name])
