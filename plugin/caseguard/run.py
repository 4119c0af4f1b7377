"""One check run, shared by `caseguard check` and the GitHub Action: the settings, the posts to
check (all of them, or those changed since a git ref), and the engine."""

from __future__ import annotations

import os

from . import config, files, git
from .engine import Engine
from .findings import CaseguardError, Report
from .rulepack import RuleSet


def settings(config_file: str | None, paths: list[str]) -> config.Settings:
    """`--config FILE`, else the mkdocs.yml found from the first path (or the working folder)."""
    if config_file and not os.path.isfile(config_file):
        raise CaseguardError(f"{config_file}: no such configuration file: check --config")
    return config.load(config_file or config.find_config_file(paths or ["."]))


def posts(paths: list[str], site: config.Settings, changed_since: str | None = None) -> list[tuple[str, str]]:
    """(file, path to report) for the posts to check.

    Without paths: the site's docs folder (else the working folder). With `changed_since`, the
    folders are narrowed to the Markdown files in them that changed since that git ref; files
    named on their own are always checked, changed or not.
    """
    default = site.docs_dir if site.docs_dir and os.path.isdir(site.docs_dir) else "."
    targets = list(paths) or [default]
    if changed_since is None:
        return files.collect(targets)
    named = [p for p in targets if not os.path.isdir(p)]
    folders = [p for p in targets if os.path.isdir(p)]
    changed = {os.path.realpath(f) for f in git.changed_files(changed_since)}
    # The folders are walked as always (hidden folders and virtualenvs skipped), then narrowed.
    in_folders = [file for file, _shown in (files.collect(folders) if folders else [])
                  if os.path.realpath(file) in changed]
    return files.collect(named + in_folders)


def check(paths: list[str], config_file: str | None = None,
          changed_since: str | None = None) -> tuple[Report, RuleSet]:
    """Check the posts; the rule set comes back too, for reporters that describe every rule."""
    site = settings(config_file, paths)
    engine = Engine(site)
    return engine.check_files(posts(paths, site, changed_since)), engine.ruleset
