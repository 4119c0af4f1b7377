"""What the page really contains: identifiers that appear only once a page is rendered.

Snippets (`--8<--`), includes and macros add text the source Markdown does not hold. The
rendered HTML's text is compared with the source; only the new text is checked, as part of the
same post (so a case study's new text is read as a case study), and each finding says where the
text came from.
"""

from __future__ import annotations

import html as html_module
import os
import re
from dataclasses import dataclass

from . import post as post_module
from .engine import Engine

_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|td|th|blockquote|figcaption|dt|dd|pre|div|summary|caption)>", re.I)
_TAG = re.compile(r"<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)
_WORD = re.compile(r"[^\W_][\w'’@.-]*")
# `--8<-- "file.md"` (pymdownx.snippets) and `{% include "file.md" %}` (macros, include-markdown)
_INCLUDES = re.compile(r"""(?:-{1,2}8<-{1,2}\s*|\{%\s*include(?:-markdown)?\s+)["']([^"'\n]+)["']""")


@dataclass(frozen=True)
class RenderedLeak:
    path: str  # the page's source file
    rule: str
    match: str
    origin: str  # the included file it came from, or how it got there
    message: str


def text_blocks(page_html: str) -> list[str]:
    """The readable text of rendered HTML, one string per block element."""
    marked = _BLOCK_END.sub("\n\n", page_html)
    text = html_module.unescape(_TAG.sub(" ", marked))
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def new_blocks(source: str, blocks: list[str]) -> list[str]:
    """Blocks that hold words the source never had: text added while rendering."""
    known = set(_WORD.findall(html_module.unescape(source).casefold()))
    return [b for b in blocks if not known.issuperset(_WORD.findall(b.casefold()))]


def leaks(engine: Engine, source_path: str, src_uri: str, page_html: str, search_dirs: list[str]) -> list[RenderedLeak]:
    """Identifiers in the rendered page that its source Markdown does not contain."""
    with open(source_path, "rb") as handle:
        raw = handle.read()
    source = post_module.decode(raw, src_uri)
    added = new_blocks(source, text_blocks(page_html))
    if not added:
        return []
    parsed = post_module.parse(raw, src_uri)
    front = source[:parsed.front.end]
    # Checked as one post with the page's own front matter, so the same context applies.
    text = front + ("\n" if front and not front.endswith("\n") else "") + "\n\n".join(added) + "\n"
    [result] = engine.check_posts([post_module.parse(text.encode("utf-8"), src_uri)])
    found = []
    for finding in result.findings:
        if not finding.rule.startswith("identifier/") or finding.match.casefold() in source.casefold():
            continue
        origin = _origin(finding.match, source, search_dirs)
        found.append(RenderedLeak(src_uri, finding.rule, finding.match, origin, finding.message))
    return found


def _origin(match: str, source: str, search_dirs: list[str]) -> str:
    for name in _INCLUDES.findall(source):
        for folder in search_dirs:
            candidate = os.path.join(folder, name)
            try:
                with open(candidate, encoding="utf-8", errors="replace") as handle:
                    if match.casefold() in handle.read().casefold():
                        return f"included from {name}"
            except OSError:
                continue
    return "added while rendering (a macro, an include or another plugin)"
