"""The YAML front matter of a post: its values, the line of every key, and its visible strings."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .findings import CaseguardError

# MkDocs accepts `---` or `...` as the closing line.
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)

# Keys whose strings a reader never sees as prose, or that caseguard itself owns.
NOT_PUBLISHED = {"date", "consent", "review", "caseguard", "authors", "template", "hide", "draft",
                 "pin", "readtime", "status", "search", "comments", "case_study", "media",
                 "disguise", "composite", "sponsored"}


def _timestamp_or_text(loader, node):
    """A date, except that an impossible one (2026-02-30) stays text for the consent check to
    report, instead of crashing the parser."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with `_timestamp_or_text`."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml's parser: the same values and positions, ten times faster. Its error
    messages are vaguer, so broken YAML is read again by `_Loader` for the message."""


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _load(yaml_text: str, loader_class) -> tuple:
    """The document's node (for positions) and its values, from one parse."""
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


@dataclass(frozen=True)
class FrontMatter:
    data: dict
    start: int  # offset of the YAML text in the file
    end: int  # offset where the body starts
    key_offsets: dict  # key path tuple -> offset of the key in the file
    strings: list  # (key path, start, end, visible text) for every published string


def _mask_scalar(raw: str, style: str | None) -> str:
    """The raw YAML of a scalar with its syntax blanked, so offsets stay those of the file."""
    if style in ("'", '"'):
        return " " + raw[1:-1] + " " if len(raw) >= 2 else raw
    if style in ("|", ">"):
        header_end = raw.find("\n")
        return " " * header_end + raw[header_end:] if header_end >= 0 else " " * len(raw)
    return raw


def parse(text: str, path: str) -> FrontMatter:
    """Read the front matter at the top of `text`; a post without one has empty data."""
    opening = _OPENING.match(text)
    if not opening:
        return FrontMatter({}, 0, 0, {}, [])
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise CaseguardError(f"{path}:1: front matter is never closed: add a line `---` after the YAML")
    start, stop = opening.end(), closing.start()
    body_start = closing.end() + (1 if text[closing.end():closing.end() + 1] == "\n" else 0)
    yaml_text = text[start:stop]
    first_line = text.count("\n", 0, start) + 1
    try:
        try:
            node, data = _load(yaml_text, _FastLoader)
        except (yaml.YAMLError, ValueError, TypeError):
            node, data = _load(yaml_text, _Loader)  # raises again, with the clearer message
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise CaseguardError(
            f"{path}:{line}: front matter is not valid YAML ({problem}): fix it, and quote values "
            f"that contain ': ' or start with a special character") from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        detail = " ".join(str(error).split())
        raise CaseguardError(f"{path}:{first_line}: front matter is not valid YAML ({detail})") from None
    if node is None:  # only comments, or nothing, between the --- lines
        return FrontMatter({}, start, body_start, {}, [])
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise CaseguardError(
            f"{path}:{first_line}: front matter must be a mapping of `key: value` lines, "
            f"not a {type(data).__name__}")
    key_offsets: dict = {}
    strings: list = []
    _walk(node, (), start, yaml_text, key_offsets, strings, True)
    return FrontMatter(data, start, body_start, key_offsets, strings)


def _walk(node, key_path, base, yaml_text, key_offsets, strings, published):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            key_offsets[key_path + (key,)] = base + key_node.start_mark.index
            _walk(value_node, key_path + (key,), base, yaml_text, key_offsets, strings,
                  published and not (not key_path and key in NOT_PUBLISHED))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, key_path + (index,), base, yaml_text, key_offsets, strings, published)
    elif published and isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value:
        raw = yaml_text[node.start_mark.index:node.end_mark.index]
        strings.append((key_path, base + node.start_mark.index, base + node.end_mark.index,
                        _mask_scalar(raw, node.style)))


def key_name(key_path: tuple) -> str:
    """`("tags", 0)` -> `tags[0]`, for messages."""
    name = ""
    for part in key_path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def merged(inherited: dict, own: dict) -> dict:
    """Inherited metadata under the post's own, as Material's meta plugin merges `.meta.yml`
    (lists such as categories are combined; the post's own values win)."""
    from mergedeep import Strategy, merge

    return merge({}, inherited, own, strategy=Strategy.TYPESAFE_ADDITIVE)
