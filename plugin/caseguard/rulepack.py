"""Rule packs: YAML files that say what each rule looks for, why, how to fix it, and its examples.

Built-in packs ship in `caseguard.rules` (the repository's `rules/` folder); a site adds its own
with `rules:` in its configuration. Word lists (public figures, place names, first names) live
in `rules/lists/`.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml

from . import phrases
from .findings import SEVERITIES, CaseguardError

# libyaml's loader when PyYAML has it: the packs and word lists load several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REQUIRED = ("id", "severity", "summary", "message", "explain", "source", "examples")
KNOWN = set(REQUIRED) | {"fix", "detect", "example_front_matter"}
DETECTORS = ("phrases", "absent")  # the generic detectors a pack may use; others are built in


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    message: str
    explain: str
    source: str
    fix: str = ""
    detect: dict = field(default_factory=dict, hash=False, compare=False)
    examples: dict = field(default_factory=dict, hash=False, compare=False)
    example_front_matter: dict = field(default_factory=dict, hash=False, compare=False)
    pack: str = ""


@dataclass(frozen=True)
class RuleSet:
    rules: dict  # id -> Rule
    digest: str  # hash of every pack's bytes, for the cache key

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self.rules


def builtin_dir() -> str:
    return os.fspath(files("caseguard.rules"))


def _pack_files(location: str) -> list[str]:
    if os.path.isdir(location):
        return sorted(os.path.join(location, name) for name in os.listdir(location)
                      if name.endswith((".yml", ".yaml")))
    return [location]


def _load_pack(path: str, display: str, compile_patterns: bool = True) -> tuple[list[Rule], bytes]:
    """One pack's rules, validated. `compile_patterns=False` skips compiling its patterns (for
    the built-in packs, which the test suite compiles and runs): a build or a re-check that finds
    every post in the cache then compiles none."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise CaseguardError(f"{display}: cannot read the rule pack ({error.strerror}): "
                             f"check the `rules:` entry in the configuration") from None
    try:
        data = yaml.load(raw, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        line = (error.problem_mark.line + 1) if error.problem_mark else 1
        raise CaseguardError(f"{display}:{line}: the rule pack is not valid YAML ({error.problem})") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise CaseguardError(f"{display}:1: a rule pack is a mapping with a `rules:` list")
    rules = []
    for index, entry in enumerate(data["rules"]):
        where = f"{display}: rule #{index + 1}"
        if not isinstance(entry, dict):
            raise CaseguardError(f"{where}: each rule is a mapping with {', '.join(REQUIRED)}")
        missing = [key for key in REQUIRED if key not in entry]
        unknown = sorted(set(entry) - KNOWN)
        if missing or unknown:
            raise CaseguardError(f"{where} ({entry.get('id', '?')}): "
                                 + (f"missing {', '.join(missing)}" if missing else "")
                                 + ("; " if missing and unknown else "")
                                 + (f"unknown keys {', '.join(unknown)}" if unknown else ""))
        if entry["severity"] not in SEVERITIES:
            raise CaseguardError(f"{where} ({entry['id']}): severity must be error or warning")
        examples = entry["examples"]
        if not isinstance(examples, dict) or not examples.get("match") or not examples.get("no_match"):
            raise CaseguardError(f"{where} ({entry['id']}): examples need both `match` and "
                                 f"`no_match` lists, so the rule can be tested")
        detect = entry.get("detect") or {}
        if detect.get("type") is not None and detect["type"] not in DETECTORS:
            raise CaseguardError(f"{where} ({entry['id']}): detect.type must be one of {', '.join(DETECTORS)}")
        try:
            expanded = phrases.regexes(detect) + list(detect.get("unless") or [])
        except (KeyError, TypeError, AttributeError) as error:
            raise CaseguardError(f"{where} ({entry['id']}): a detect pattern is malformed ({error!r}): "
                                 f"each is a string or a mapping with `pattern:`, and `{{{{name}}}}` "
                                 f"must be one of `words:`") from None
        for pattern in expanded if compile_patterns else ():
            try:
                phrases.compiled(pattern)
            except re.error as error:
                raise CaseguardError(f"{where} ({entry['id']}): bad regular expression "
                                     f"{pattern!r} in detect: {error}") from None
        rules.append(Rule(
            id=entry["id"], severity=entry["severity"], summary=str(entry["summary"]).strip(),
            message=str(entry["message"]).strip(), explain=str(entry["explain"]).strip(),
            source=str(entry["source"]).strip(), fix=str(entry.get("fix") or "").rstrip(),
            detect=detect, examples=examples,
            example_front_matter=entry.get("example_front_matter") or {}, pack=display))
    return rules, raw


def load_rules(extra: tuple[str, ...] = (), root: str = ".") -> RuleSet:
    """The built-in packs plus a site's own (paths relative to `root`)."""
    return _load_rules(tuple(extra), os.path.abspath(root))


@lru_cache(maxsize=8)
def _load_rules(extra: tuple[str, ...], root: str) -> RuleSet:
    sources = [(path, f"rules/{os.path.basename(path)}", False) for path in _pack_files(builtin_dir())]
    for entry in extra:
        location = os.path.join(root, entry)
        if not os.path.exists(location):
            raise CaseguardError(f"{entry}: the rule pack listed under `rules:` does not exist "
                                 f"(paths are relative to the folder of mkdocs.yml)")
        sources.extend((path, os.path.relpath(path, root), True) for path in _pack_files(location))
    rules: dict[str, Rule] = {}
    digest = hashlib.sha256()
    for path, display, own in sources:
        pack_rules, raw = _load_pack(path, display, compile_patterns=own)
        digest.update(raw)
        for rule in pack_rules:
            if rule.id in rules:
                raise CaseguardError(f"{display}: rule {rule.id} is already defined in {rules[rule.id].pack}")
            rules[rule.id] = rule
    digest.update(_lists_digest().encode())
    return RuleSet(rules, digest.hexdigest())


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A list from rules/lists/: `<name>.yml` (a mapping with an `entries:` list), or `<name>.txt`
    (one entry a line, `#` comments) for long lists."""
    folder = os.path.join(builtin_dir(), "lists")
    text_file = os.path.join(folder, f"{name}.txt")
    if os.path.exists(text_file):
        with open(text_file, encoding="utf-8") as handle:
            return tuple(line.strip() for line in handle if line.strip() and not line.startswith("#"))
    with open(os.path.join(folder, f"{name}.yml"), encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_LOADER)
    return tuple(str(entry) for entry in data["entries"])


@lru_cache(maxsize=None)
def _lists_digest() -> str:
    digest = hashlib.sha256()
    folder = os.path.join(builtin_dir(), "lists")
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()
