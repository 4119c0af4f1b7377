"""Every piece of a post that a reader or a crawler can see, located exactly in the file.

A segment keeps the file's own characters with everything that is not visible text (Markdown
markup, list markers, quote prefixes, HTML tags) replaced by spaces. Its text is as long as the
file span it covers, so an offset in the segment plus the segment's start is an offset in the
file: positions are computed once and cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin

PROSE, URL = "prose", "url"


@dataclass(frozen=True)
class Segment:
    start: int  # offset in the file
    text: str  # the file's characters from `start`, invisible ones blanked
    kind: str  # PROSE (read by the language model) or URL (addresses and file names)
    where: str  # for messages: "heading", "image alt text", "front matter title", ...

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _parser() -> MarkdownIt:
    # MkDocs renders with Python-Markdown, which passes raw HTML and comments through.
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.use(footnote_plugin).use(admon_plugin)


_MD = _parser()

_HTML = re.compile(r"<!--(?P<comment>.*?)(?:-->|\Z)|<(?P<tag>[A-Za-z][^>]*)>|</[^>]*>", re.S)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_PROSE_ATTRS = {"alt", "title", "aria-label", "content", "placeholder", "label", "summary"}
_URL_ATTRS = {"href", "src", "poster", "data-src", "action", "cite"}
_HIDDEN_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_REFERENCE_DEF = re.compile(
    r"""^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(?P<url>[^\s>]+)>?(?:[ \t]+(?:"(?P<t1>[^"]*)"|'(?P<t2>[^']*)'|\((?P<t3>[^)]*)\)))?[ \t]*$""",
    re.M)
_DESTINATION = re.compile(r"[*_~`\s]*(?:!?\[[*_~`\s]*)?\]\(")
# Comments that are instructions to tools, not text: Material's excerpt marker and our own.
_TOOL_COMMENT = re.compile(r"^\s*(?:more|caseguard:.*)\s*$", re.S)


class _Collector:
    def __init__(self, text: str):
        self.text = text
        self.segments: list[Segment] = []

    def add(self, start: int, end: int, kind: str, where: str, visible=None):
        """Add the span [start, end); `visible` lists the sub-spans to keep (default: all)."""
        if end <= start:
            return
        raw = self.text[start:end]
        if visible is not None:
            chars = [c if c == "\n" else " " for c in raw]
            for a, b in visible:
                chars[a - start:b - start] = raw[a - start:b - start]
            raw = "".join(chars)
        if raw.strip():
            self.segments.append(Segment(start, raw, kind, where))

    def html(self, start: int, end: int, where: str):
        """Raw HTML: its text, the text of its alt/title attributes, its URLs, its comments."""
        chunk = self.text[start:end]
        hidden = [(m.start(), m.end()) for m in _HIDDEN_ELEMENTS.finditer(chunk)]
        visible, cursor = [], 0
        for m in _HTML.finditer(chunk):
            if any(a <= m.start() < b for a, b in hidden):
                continue
            visible.append((start + cursor, start + m.start()))
            cursor = m.end()
            if m.group("comment") is not None:
                body = m.group("comment")
                if not _TOOL_COMMENT.match(body):
                    self.add(start + m.start("comment"), start + m.end("comment"), PROSE, "HTML comment")
            elif m.group("tag") is not None:
                tag_start = start + m.start("tag")
                for attr in _ATTR.finditer(m.group("tag")):
                    name = attr.group(1).lower()
                    group = next(g for g in (2, 3, 4) if attr.group(g) is not None)
                    a, b = tag_start + attr.start(group), tag_start + attr.end(group)
                    if name in _PROSE_ATTRS:
                        self.add(a, b, PROSE, f"HTML {name} attribute")
                    elif name in _URL_ATTRS or name == "srcset":
                        self.add(a, b, URL, f"HTML {name} attribute")
        visible.append((start + cursor, end))
        visible = [(a, b) for a, b in visible
                   if not any(h0 <= a - start < h1 for h0, h1 in hidden)]
        self.add(start, end, PROSE, where, visible)


def body_segments(text: str, body_start: int) -> list[Segment]:
    """The visible pieces of the Markdown body of `text` (which starts at `body_start`)."""
    # Blank the front matter but keep its newlines, so token line numbers are file lines.
    source = re.sub(r"[^\n]", " ", text[:body_start]) + text[body_start:]
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(source)

    out = _Collector(text)
    containers: list[str] = []
    tokens = _MD.parse(source)
    for token in tokens:
        if token.nesting == 1:
            containers.append(token.type.removesuffix("_open"))
        elif token.nesting == -1 and containers:
            containers.pop()
        if token.map is None:
            continue
        start, end = offset(token.map[0]), offset(token.map[1])
        where = _where(containers, token)
        if token.type == "inline":
            _inline(out, token, start, end, where)
        elif token.type == "html_block":
            out.html(start, end, "raw HTML")
        elif token.type in ("fence", "code_block"):
            # Code ships to the page as it is; only the fence lines themselves are markup.
            lines = source[start:end].split("\n")
            if token.type == "fence":
                first = len(lines[0]) + 1
                last_line_start = start + len("\n".join(lines[:-2])) + 1 if len(lines) > 2 else end
                out.add(start + first, max(start + first, last_line_start - 1), PROSE, "code block")
            else:
                visible = [(m.start() + start, m.end() + start)
                           for m in re.finditer(r"\S[^\n]*", source[start:end])]
                out.add(start, end, PROSE, "indented block", visible)
    for m in _REFERENCE_DEF.finditer(source, body_start):
        out.add(m.start("url"), m.end("url"), URL, "link reference")
        title = next((g for g in ("t1", "t2", "t3") if m.group(g)), None)
        if title:
            out.add(m.start(title), m.end(title), PROSE, "link title")
    return out.segments


def _where(containers: list[str], token) -> str:
    for name, label in (("footnote", "footnote"), ("th", "table"), ("td", "table"),
                        ("admonition_title", "admonition title"), ("heading", "heading"),
                        ("blockquote", "blockquote"), ("list_item", "list item"),
                        ("admonition", "admonition")):
        if name in containers:
            return label
    return "body text"


def _inline(out: _Collector, token, start: int, end: int, where: str):
    """Unmask the text children of one inline token inside its source lines."""
    text = out.text
    visible: list[tuple[int, int]] = []
    cursor = start

    def find(needle: str, at: int) -> int:
        return text.find(needle, at, end) if needle else -1

    def unmask_text(content: str, into: list):
        nonlocal cursor
        pos = find(content, cursor)
        if pos >= 0:
            into.append((pos, pos + len(content)))
            cursor = pos + len(content)
            return
        # Escapes and entities were decoded by the parser: keep each word found as written.
        for word in content.split():
            pos = find(word, cursor)
            if pos < 0:  # "line*" written as "line\*": keep the letters
                word = re.sub(r"^\W+|\W.*$", "", word)
                pos = find(word, cursor)
            if pos >= 0:
                into.append((pos, pos + len(word)))
                cursor = pos + len(word)

    link_stack = []
    for child in token.children or []:
        if child.type == "text":
            if link_stack and link_stack[-1].markup == "autolink":
                pos = find(child.content, cursor)
                if pos >= 0:
                    out.add(pos, pos + len(child.content), URL, "link URL")
                    cursor = pos + len(child.content)
            else:
                unmask_text(child.content, visible)
        elif child.type == "code_inline":
            unmask_text(child.content, visible)
        elif child.type == "html_inline":
            pos = find(child.content, cursor)
            if pos >= 0:
                cursor = pos + len(child.content)
                out.html(pos, cursor, where)
        elif child.type == "image":
            alt: list = []
            for grandchild in child.children or []:
                if grandchild.type in ("text", "code_inline"):
                    unmask_text(grandchild.content, alt)
            if alt:
                out.add(alt[0][0], alt[-1][1], PROSE, "image alt text", alt)
            _attributes(out, child, find, cursor, "image")
            cursor = _after_destination(text, cursor, end)
        elif child.type == "link_open":
            link_stack.append(child)
        elif child.type == "link_close" and link_stack:
            opened = link_stack.pop()
            if opened.markup != "autolink":
                _attributes(out, opened, find, cursor, "link")
                cursor = _after_destination(text, cursor, end)
    if visible:
        out.add(visible[0][0], visible[-1][1], PROSE, where, visible)


def _attributes(out: _Collector, token, find, cursor: int, what: str):
    """The URL and title of a link or image, found in the source after its text."""
    dest = token.attrs.get("src") or token.attrs.get("href")
    paren = _destination_start(out.text, cursor)
    if dest and paren >= 0:
        raw_dest = out.text[paren + 2:].split(None, 1)[0].rstrip(")") if out.text[paren + 2:].strip() else ""
        raw_dest = raw_dest.strip("<>")
        pos = find(raw_dest, paren + 2) if raw_dest else -1
        if pos >= 0:
            out.add(pos, pos + len(raw_dest), URL, f"{what} URL" if what == "link" else "image file")
    title = token.attrs.get("title")
    if title and paren >= 0:
        pos = find(title, paren + 2)
        if pos >= 0:
            out.add(pos, pos + len(title), PROSE, f"{what} title")


def _destination_start(text: str, cursor: int) -> int:
    """Where `](` opens an inline destination right after the text (closing markup aside); -1 if not."""
    m = _DESTINATION.match(text, cursor)
    return m.end() - 2 if m else -1


def _after_destination(text: str, cursor: int, end: int) -> int:
    """Move past `](destination "title")` so later text is searched after it."""
    paren = _destination_start(text, cursor)
    if paren < 0 or paren >= end:
        return cursor
    depth, i = 0, paren + 1
    while i < end:
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return cursor
