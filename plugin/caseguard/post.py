"""A post as caseguard sees it: its front matter, its visible text, and file positions."""

from __future__ import annotations

import bisect
import dataclasses
import os
from dataclasses import dataclass
from functools import cached_property

from . import frontmatter, segments
from .findings import CaseguardError
from .segments import Segment


@dataclass(frozen=True)
class Post:
    path: str  # as given or relative to the site, for reports
    text: str  # the file decoded, exactly as on disk
    front: frontmatter.FrontMatter
    segments: tuple[Segment, ...]

    @property
    def meta(self) -> dict:
        return self.front.data

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, c in enumerate(self.text) if c == "\n")
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r")

    def key_offset(self, *key_path) -> int:
        """Offset of a front matter key (or of the front matter itself when it is absent)."""
        for depth in range(len(key_path), 0, -1):
            found = self.front.key_offsets.get(tuple(key_path[:depth]))
            if found is not None:
                return found
        return 0


def decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw[:8192]:
        raise CaseguardError(f"{path}:1: this is a binary file, not a Markdown post: "
                             f"remove it from the posts folder or rename it")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise CaseguardError(f"{path}:{line}: the file is not UTF-8 text: save it as UTF-8 "
                             f"(in most editors: Save with encoding, UTF-8)") from None


def read_bytes(file: str, path: str) -> bytes:
    try:
        with open(file, "rb") as handle:
            return handle.read()
    except OSError as error:
        reason = error.strerror or str(error)
        raise CaseguardError(f"{path}: cannot read the file ({reason}): check that it exists and "
                             f"that you may read it") from None


def parse(raw: bytes, path: str, inherited: dict | None = None) -> Post:
    """Build a Post from a file's bytes; bad input raises CaseguardError naming the file.

    `inherited` is metadata the site gives the post from elsewhere (Material's `.meta.yml`);
    the post's own front matter wins over it."""
    text = decode(raw, path)
    front = frontmatter.parse(text, path)
    if inherited:
        front = dataclasses.replace(front, data=frontmatter.merged(inherited, front.data))
    found = []
    for key_path, start, end, visible in front.strings:
        kind = segments.URL if key_path and key_path[0] in ("slug", "image", "cover", "social", "links") \
            else segments.PROSE
        found.append(Segment(start, visible, kind, f"front matter {frontmatter.key_name(key_path)}"))
    found.extend(segments.body_segments(text, front.end))
    return Post(path, text, front, tuple(found))


def load(file: str, path: str | None = None) -> Post:
    return parse(read_bytes(file, path or file), path or os.fspath(file))
