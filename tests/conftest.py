"""Shared helpers: real posts written to temp folders, the real engine, the real CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml

from caseguard import config, post as post_module, review
from caseguard.engine import Engine

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE_SITE = os.path.join(HERE, "data", "example-site.yml")
TODAY = dt.date(2026, 11, 24)


def make_post(front_matter: dict | None, body: str) -> str:
    """A post's text: YAML front matter (when given) and a body."""
    if front_matter is None:
        return body
    return "---\n" + yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True) + "---\n\n" + body + "\n"


def with_auto_digest(text: str) -> str:
    """Replace `digest: auto` with the real digest of the post, as `caseguard approve` would."""
    if "digest: auto" not in text:
        return text
    placeholder = "digest: sha256:" + "0" * 64
    draft = post_module.parse(text.replace("digest: auto", placeholder).encode(), "example.md")
    return text.replace("digest: auto", f"digest: {review.digest(draft)}")


def engine_for(options: dict | None = None, config_file: str = EXAMPLE_SITE) -> Engine:
    """The engine with the example practice's configuration, some options replaced."""
    with open(config_file, encoding="utf-8") as handle:
        site = yaml.safe_load(handle)
    block = {**(config.plugin_block(site, config_file) or {}), **(options or {})}
    settings = config.settings_from(config.validate(block, config_file), site, config_file)
    return Engine(settings, today=TODAY)


def check_text(text: str, options: dict | None = None, path: str = "blog/posts/example.md"):
    """Findings of the real engine (real language model) for one post's text."""
    engine = engine_for(options)
    [result] = engine.check_posts([post_module.parse(text.encode("utf-8"), path)])
    return result.findings


def run_cli(*args: str, cwd: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The CLI as on a developer's terminal: `CI` is dropped (CI runs mask identifiers) unless
    `env` sets it."""
    full_env = {**{k: v for k, v in os.environ.items() if k != "CI"}, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "caseguard.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def site(tmp_path):
    """A temp site folder with an mkdocs.yml like the example practice's."""
    with open(EXAMPLE_SITE, encoding="utf-8") as handle:
        (tmp_path / "mkdocs.yml").write_text(handle.read(), encoding="utf-8")
    (tmp_path / "docs" / "blog" / "posts").mkdir(parents=True)
    return tmp_path
