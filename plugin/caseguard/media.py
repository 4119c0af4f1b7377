"""The images, audio and video a post uses: what their files say, and whose they are.

Two questions about every picture or recording a post puts on the page:

1. Does the image file carry where, when or by whom it was taken (`media/location-metadata`,
   `media/metadata`)? A phone photo holds the GPS position of the office or of a client's home.
   An unreadable image (`media/unreadable`) or a missing one (`media/missing`) is an error, never a
   silent pass; an image on
   another site cannot be read offline, and the post is told so (`media/remote`).
2. Does it show a client or carry a client's voice (`identifier/photo`, `identifier/biometric`)?
   Then the front matter needs a `media:` entry for that file with the client's written consent.
   Which images "show a person" is decided from the words around them (alt text, title,
   caption, file name) and from face tags in their metadata; the word lists live in
   rules/media.yml.

Images are found in Markdown images, raw HTML (`<img src>`, `srcset`, `<source>`, `poster`),
links to image files and front matter values (`image:`, `cover:`, social cards). Relative paths
are resolved from the post's folder, then the docs folder, then the site's folder; `/...` from
the docs folder when the post is inside it. Every path looked at is remembered, with a hash of
its bytes, so the engine's cache re-checks a post when only its image changed.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from . import imagemeta
from .context import PostContext
from .files import display_path
from .post import Post
from .segments import URL

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif",
                    ".gif", ".avif", ".bmp")
VECTOR_EXTENSIONS = (".svg", ".svgz")  # drawings as text: no camera metadata to read
_SOURCE_ATTRIBUTES = ("HTML src attribute", "HTML srcset attribute", "HTML data-src attribute")
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.S | re.I)
# pymdownx.blocks.caption: a `/// caption` block right after the image.
_BLOCK_CAPTION = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?/// *(?:figure-)?caption\b[^\n]*\n(.*?)^[ \t]*///[ \t]*\r?$",
                            re.S | re.M)
# A Markdown image inside raw HTML (`<figure markdown>`), which the Markdown parser leaves as HTML.
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"([^\"]*)\"|'([^']*)'))?\s*\)")
_TITLE_AFTER = re.compile(r">?\s+(?:\"([^\"]*)\"|'([^']*)'|\(([^)]*)\))\s*\)")
_LABEL_DEF = re.compile(r"^[ \t]{0,3}\[([^\]]+)\]:", re.M)
_ENCLOSING = re.compile(r"<(audio|video|picture)\b", re.I)


@dataclass(frozen=True)
class Reference:
    """One use of a media file in a post, located at its `src` in the file."""

    start: int
    end: int
    src: str  # as written
    kind: str  # image, audio or video
    texts: tuple[tuple[str, str], ...]  # (what, text): alt text, title, caption, file name


# -- which files a post uses ---------------------------------------------------------------------

def references(post: Post, audio: tuple[str, ...], video: tuple[str, ...], embed_hosts: re.Pattern) -> list[Reference]:
    """Every image, audio and video reference in the post, in file order."""
    text = post.text
    found: list[Reference] = []
    for segment in post.segments:
        front = segment.where.startswith("front matter")
        if segment.kind == URL or front:
            for start, end in _urls(segment):
                src = text[start:end]
                if front and segment.kind != URL and not _extension(src).endswith(
                        IMAGE_EXTENSIONS + VECTOR_EXTENSIONS + audio + video):
                    continue  # a front matter string that is not a file name
                kind = _kind(text, start, src, segment.where, audio, video, embed_hosts)
                if kind:
                    found.append(Reference(start, end, src, kind, _texts(post, segment.where, start, end, src)))
        elif segment.where == "raw HTML":
            for m in _MARKDOWN_IMAGE.finditer(segment.text):
                start, end = segment.start + m.start(2), segment.start + m.end(2)
                src = text[start:end]
                kind = _kind(text, start, src, "image file", audio, video, embed_hosts)
                texts = [("alt text", m.group(1)), ("title", m.group(3) or m.group(4) or "")]
                texts += [("caption", _caption(text, start, end)), ("file name", _file_name(src))]
                found.append(Reference(start, end, src, kind, tuple((w, t) for w, t in texts if t.strip())))
    return sorted(found, key=lambda r: r.start)


def _urls(segment) -> list[tuple[int, int]]:
    """File spans of the URLs in a segment: one, or each candidate of a `srcset`."""
    if segment.where == "HTML srcset attribute":
        spans = []
        for part in re.finditer(r"[^,]+", segment.text):
            m = re.match(r"\s*(\S+)", part.group())
            if m:
                spans.append((segment.start + part.start() + m.start(1), segment.start + part.start() + m.end(1)))
        return spans
    stripped = segment.text.strip()
    if not stripped or " " in stripped:
        return []
    start = segment.start + segment.text.index(stripped)
    return [(start, start + len(stripped))]


def _extension(src: str) -> str:
    path = urlparse(src).path if "://" in src or src.startswith("//") else src.split("?")[0].split("#")[0]
    return posixpath.splitext(unquote(path))[1].lower()


def _tag(text: str, offset: int) -> tuple[str, int, int]:
    """The HTML tag an attribute at `offset` belongs to: (name, start, end)."""
    start = text.rfind("<", 0, offset)
    end = text.find(">", offset)
    m = re.match(r"<([A-Za-z][\w-]*)", text[start:]) if start >= 0 else None
    return (m.group(1).lower() if m else ""), start, (len(text) if end < 0 else end + 1)


def _enclosing(text: str, offset: int) -> str:
    """audio, video or picture: the element a `<source>` at `offset` sits in."""
    for m in reversed(list(_ENCLOSING.finditer(text, 0, offset))):
        if not re.search(rf"</{m.group(1)}\s*>", text[m.end():offset], re.I):
            return m.group(1).lower()
    return ""


def _kind(text, start, src, where, audio, video, embed_hosts) -> str | None:
    extension = _extension(src)
    tag = _tag(text, start)[0] if where.startswith("HTML ") else ""
    host = (urlparse(src if "//" in src else "//" + src).hostname or "") if _remote(src) else ""
    if host and embed_hosts.fullmatch(host) and (where == "image file" or tag in ("iframe", "embed", "object", "video", "source")):
        return "video"  # a YouTube or Vimeo player: a face and a voice
    if extension in audio:
        return "audio"
    if extension in video:
        return "video"
    if where in _SOURCE_ATTRIBUTES:
        if tag == "source":
            return {"audio": "audio", "video": "video"}.get(_enclosing(text, start), "image")
        if tag in ("audio", "video"):
            return tag
        if tag in ("img", "image", "input"):
            return "image"
    if where == "image file" or where == "HTML poster attribute":
        return "image"
    if extension in IMAGE_EXTENSIONS + VECTOR_EXTENSIONS:
        return "image"  # a link to an image file, or a front matter image: it is published too
    return None


def _texts(post: Post, where: str, start: int, end: int, src: str) -> tuple[tuple[str, str], ...]:
    """The words that describe a reference: alt text, title, caption and file name."""
    text = post.text
    texts: list[tuple[str, str]] = []
    if where == "image file":
        texts.append(("alt text", _markdown_alt(text, start)))
        m = _TITLE_AFTER.match(text, end)
        texts.append(("title", next((g for g in m.groups() if g), "") if m else ""))
    elif where == "link URL":
        texts.append(("link text", _markdown_alt(text, start)))
    elif where.startswith("HTML "):
        name, tag_start, tag_end = _tag(text, start)
        if name == "a":
            closing = text.find("</a", tag_end)
            texts.append(("link text", re.sub(r"<[^>]+>", " ", text[tag_end:closing]) if closing >= 0 else ""))
        for attr in _ATTR.finditer(text, tag_start, tag_end):
            if attr.group(1).lower() in ("alt", "title", "aria-label"):
                value = next((g for g in attr.groups()[1:] if g is not None), "")
                texts.append(("alt text" if attr.group(1).lower() == "alt" else "title", value))
    elif where == "link reference":
        texts.extend(("alt text", alt) for alt in _reference_alts(text, start))
    if not where.startswith("front matter"):
        texts.append(("caption", _caption(text, start, end)))
    texts.append(("file name", _file_name(src)))
    return tuple((w, t) for w, t in texts if t and t.strip())


def _markdown_alt(text: str, src_start: int) -> str:
    """The alt text of `![alt](src)` (or the text of `[text](src)`): brackets matched backwards
    from the `](` before the src."""
    paren = text.rfind("](", 0, src_start)
    if paren < 0 or text[paren + 2:src_start].strip(" \t<"):
        return ""
    depth, i = 0, paren
    while i >= 0:
        if text[i] == "]" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "[" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return text[i + 1:paren]
        i -= 1
    return ""


def _reference_alts(text: str, def_start: int) -> list[str]:
    """Alt texts of `![alt][label]` images that use the reference definition at `def_start`."""
    line_start = text.rfind("\n", 0, def_start) + 1
    m = _LABEL_DEF.match(text, line_start)
    if not m:
        return []
    label = re.escape(m.group(1).strip())
    pattern = re.compile(rf"!\[([^\]]*)\]\[{label}\]|!\[({label})\](?:\[\])?(?![(\[:])", re.I)
    return [g.group(1) if g.group(1) is not None else g.group(2) for g in pattern.finditer(text)]


def _caption(text: str, start: int, end: int) -> str:
    """The `<figcaption>` of the `<figure>` around the reference, or a `/// caption` block after it."""
    opening = text.rfind("<figure", 0, start)
    if opening >= 0 and text.find("</figure", opening, start) < 0:
        closing = text.find("</figure", end)
        m = _FIGCAPTION.search(text, opening, closing if closing >= 0 else len(text))
        if m:
            return " ".join(re.sub(r"<[^>]+>", " ", m.group(1)).split())
    line_end = text.find("\n", end)
    if line_end >= 0:
        m = _BLOCK_CAPTION.match(text, line_end + 1)
        if m:
            return " ".join(m.group(1).split())
    return ""


def _file_name(src: str) -> str:
    """The file name's words: `img/DanaAtTheLake_2.jpg` -> `Dana At The Lake 2`."""
    if src.startswith("data:"):
        return ""
    path = urlparse(src).path if _remote(src) else src.split("?")[0].split("#")[0]
    stem = posixpath.splitext(posixpath.basename(unquote(path)))[0]
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
    return " ".join(re.split(r"[-_.+\s]+", stem)).strip()


def _remote(src: str) -> bool:
    return bool(re.match(r"(?i)(?:[a-z][a-z0-9+.-]*:)?//", src))


# -- reading the files ----------------------------------------------------------------------------

def fingerprint(path: str) -> str | None:
    """A hash of the file's bytes; None when there is no file there."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except OSError as error:
        return f"unreadable: {error.errno}"


def unchanged(inputs: dict | None) -> bool:
    """Are all the files a cached result read still as they were?"""
    return all(fingerprint(path) == digest for path, digest in (inputs or {}).items())


class _Files:
    """Reads the images of one post, once each, and remembers every path it looked at."""

    def __init__(self):
        self.inputs: dict[str, str | None] = {}
        self._tags: dict[str, list | imagemeta.ImageProblem] = {}

    def exists(self, path: str) -> bool:
        path = os.path.abspath(path)
        if path not in self.inputs:
            self.inputs[path] = fingerprint(path)
        return self.inputs[path] is not None

    def tags(self, path: str) -> list[imagemeta.Tag]:
        """The image's identifying tags; raises ImageProblem when it cannot be read."""
        path = os.path.abspath(path)
        if path not in self._tags:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                self._tags[path] = imagemeta.read(data, path)
            except OSError as error:
                self._tags[path] = imagemeta.ImageProblem(
                    f"cannot read the file ({error.strerror or error}): check that you may read it")
            except imagemeta.ImageProblem as problem:
                self._tags[path] = problem
        result = self._tags[path]
        if isinstance(result, imagemeta.ImageProblem):
            raise result
        return result


def _candidates(src: str, post_file: str, docs_dir: str | None, root: str) -> list[str]:
    path = unquote(src.split("#")[0].split("?")[0])
    post_dir = os.path.dirname(os.path.abspath(post_file))
    inside_docs = bool(docs_dir) and _inside(post_dir, docs_dir)
    if path.startswith("/"):
        return [os.path.join(docs_dir if inside_docs else root, path.lstrip("/"))]
    # Markdown images are relative to the post; raw HTML and front matter images are often
    # written from the docs folder (or, for social cards, from the site's folder).
    found = []
    for base in (post_dir, docs_dir if inside_docs else None, root):
        if base:
            candidate = os.path.normpath(os.path.join(base, path))
            if candidate not in found:
                found.append(candidate)
    return found


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return os.path.commonpath([path, folder]) == folder


# -- the check ------------------------------------------------------------------------------------

class MediaCheck:
    """The media rules for one site; `find` checks one post."""

    def __init__(self, ruleset, settings, identifiers):
        self.settings = settings
        self.identifiers = identifiers
        photo = ruleset["identifier/photo"].detect
        voice = ruleset["identifier/biometric"].detect
        self.depicted = photo["depicted"]
        self.person = re.compile(photo["person_words"].replace("{depicted}", self.depicted), re.I)
        self.photo_of = re.compile(photo["photo_of"], re.I)
        self.client = [re.compile(p, re.I) for p in photo["client_cues"]]
        self.audio = tuple("." + e.lstrip(".").lower() for e in voice["audio"])
        self.video = tuple("." + e.lstrip(".").lower() for e in voice["video"])
        self.embed_hosts = re.compile("|".join(f"(?:{h})" for h in voice["embed_hosts"]), re.I)

    def find(self, post: Post, context: PostContext, file: str, hits, today: dt.date) -> tuple[list[tuple], dict]:
        """(raw findings: rule, start, end, why, detail) and the files read: path -> hash."""
        files = _Files()
        found: list[tuple] = []
        names = self._names(post, hits)
        entries = post.meta.get("media")
        for ref in references(post, self.audio, self.video, self.embed_hosts):
            path = None
            if ref.kind == "image":
                path, problems = self._metadata(ref, file, files)
                found.extend(problems)
            found.extend(self._consent(post, context, ref, path, files, names, entries, file, today))
        return found, files.inputs

    # metadata ----------------------------------------------------------------------------------

    def _metadata(self, ref: Reference, post_file: str, files: _Files) -> tuple[str | None, list[tuple]]:
        src = ref.src
        at = (ref.start, ref.end)
        if src.startswith("data:"):
            try:
                payload = base64.b64decode(src.split(",", 1)[1], validate=False) if ";base64," in src[:80] else b""
                tags = imagemeta.read(payload) if payload else []
            except (binascii.Error, IndexError, imagemeta.ImageProblem) as problem:
                return None, [("media/unreadable", *at, "an image written into the post as data",
                               f"the image data in the post cannot be read ({problem}): use an image file instead")]
            return None, self._tag_findings(at, tags, "the image written into the post", None)
        if _remote(src):
            if not re.match(r"(?i)(?:https?:)?//", src):
                return None, []
            return None, [("media/remote", *at, "an image on another site", "")]
        if re.match(r"(?i)[a-z][a-z0-9+.-]*:", src) or src.startswith("#"):
            return None, []  # another scheme (mailto:, blob:) is not a file of the site
        if _extension(src) in VECTOR_EXTENSIONS:
            return None, []
        candidates = _candidates(src, post_file, self.settings.docs_dir, self.settings.root)
        path = next((c for c in candidates if files.exists(c)), None)
        if path is None:
            # A file that is not there cannot be published either: a warning, not a block.
            looked = ", ".join(display_path(c) for c in candidates)
            return None, [("media/missing", *at, "no file at the image's path",
                           f"there is no such file (looked for {looked}), so it could not be checked: "
                           f"fix the path or add the image")]
        shown = display_path(path)
        try:
            tags = files.tags(path)
        except imagemeta.ImageProblem as problem:
            return path, [("media/unreadable", *at, f"Pillow could not read {shown}", f"{shown}: {problem}")]
        return path, self._tag_findings(at, tags, shown, path)

    @staticmethod
    def _tag_findings(at, tags, shown: str, path: str | None) -> list[tuple]:
        fix = (f"remove them with `caseguard strip-metadata {_quoted(shown)}`" if path else
               "save the image as a file, run `caseguard strip-metadata` on it and use the file")
        found = []
        location = imagemeta.describe(tags, ("location",))
        if location:
            found.append(("media/location-metadata", *at, f"read with Pillow from {shown}",
                          f"{location}; {fix}"))
        other = imagemeta.describe(tags, ("serial", "name", "date", "person"))
        if other:
            groups = [imagemeta.GROUP_WORDS[g] for g in ("serial", "name", "date", "person")
                      if any(t.group == g for t in tags)]
            what = ", ".join(groups[:-1]) + (" and " if len(groups) > 1 else "") + groups[-1]
            found.append(("media/metadata", *at, f"read with Pillow from {shown}", f"{what} ({other}): {fix}"))
        return found

    # client photos and recordings --------------------------------------------------------------

    def _names(self, post: Post, hits) -> list[str]:
        """Names that point at a client: those the identifier check flagged, and the post's
        declared pseudonyms (its own `caseguard: allow:`), public figures aside."""
        names = [post.text[h.start:h.end] for h in hits if h.kind == "person-name"]
        block = post.meta.get("caseguard")
        allowed = block.get("allow") if isinstance(block, dict) else None
        for entry in allowed if isinstance(allowed, list) else []:
            entry = str(entry).strip()
            if re.fullmatch(r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}", entry) \
                    and " ".join(re.findall(r"\w+", entry.casefold())) not in self.identifiers.public_figures:
                names.append(entry)
        # longest first, and names of one length in a fixed order, so the message is the same on every run
        return sorted({n for n in names if len(n.strip(".")) >= 2}, key=lambda n: (-len(n), n))

    def _cue(self, ref: Reference, names: list[str], case_study: bool, files: _Files, path: str | None,
             pseudonyms: frozenset = frozenset()) -> str:
        """Why this reference shows or points at a client ("" when it does not)."""
        drawn = any(re.search(r"(?i)\billustrat|\bcartoon|\bclip ?art\b|\bstock (?:photo|image)", text)
                    for _what, text in ref.texts)  # a drawing of a composite is nobody's likeness
        for what, text in ref.texts:
            for name in names:
                if what == "file name" and name in pseudonyms:
                    continue  # "kira-running-shoes.jpg": a pseudonym in a file name names an owner
                words = r"[\s_.+-]+".join(re.escape(w) for w in re.findall(r"[\w'’]+", name))
                if not words:
                    continue
                if what == "file name":
                    shown = rf"(?<!\w){words}(?!\w)"
                else:  # "Dana on the beach" shows Dana; "Dana's running shoes", "the lock Theo checked" do not
                    shown = (rf"(?<!\w){words}(?:\s+(?:and|&)\s+[\w'’-]+)?\s*,?\s+(?:is\s+|was\s+)?(?:{self.depicted})\b"
                             rf"|(?:photo|picture|portrait|image) of\s+(?:\w+\s+)?{words}(?!\w)|^\s*{words}\s*$")
                if not drawn and re.search(shown, text, re.I):
                    return f"its {what} names \"{name}\", a name in this post"
            for pattern in self.client:
                m = pattern.search(text)
                if m:
                    return f"its {what} says \"{m.group()}\""
        if not case_study:
            return ""
        for what, text in ref.texts:
            m = self.person.search(text)
            if m:
                return f"its {what} says \"{m.group()}\""
            m = self.photo_of.search(text) if what != "file name" else None
            if m and not self.identifiers.is_word(m.group(1)):
                return f"its {what} says \"{' '.join(m.group().split())}\""
        if path is not None and ref.kind == "image":
            try:
                tags = files.tags(path)
            except imagemeta.ImageProblem:
                return ""
            people = imagemeta.describe(tags, ("person",))
            if people:
                return f"its metadata tags the people in it ({people})"
        return ""

    def _consent(self, post, context, ref, path, files, names, entries, post_file, today) -> list[tuple]:
        case_study = context.case_study
        if ref.kind == "image":
            cue = self._cue(ref, names, case_study, files, path, _pseudonyms(post))
            if not cue:
                return []
            rule, what = "identifier/photo", f"{cue}{', in a case study' if case_study else ''}"
        else:
            cue = self._cue(ref, names, False, files, None)
            if not (case_study or cue):
                return []
            noun = "an audio recording" if ref.kind == "audio" else "a video"
            rule, what = "identifier/biometric", (f"{noun} in a case study" if case_study else f"{noun}: {cue}")
            if case_study and cue:
                what += f" ({cue})"
        entry, problem = self._entry(ref, entries, post_file, path, today)
        if entry is not None and problem is None:
            return []
        why = f"{what}; no valid `media:` entry for this file"
        if problem:
            return [(rule, ref.start, ref.end, why, f"{what}, but its `media:` entry is not valid: {problem}")]
        example = f"media: [{{src: {_yaml_scalar(ref.src)}, consent: written, obtained: YYYY-MM-DD}}]"
        other = ("a stock picture or one of yourself" if ref.kind == "image" else
                 "a recording that is not the client's (a talk, your own exercise)")
        return [(rule, ref.start, ref.end, why,
                 f"{what}: add a `media:` entry for it with the client's written consent, e.g. `{example}`; "
                 f"for {other}, `consent: not-client` with a `source:`")]

    def _entry(self, ref, entries, post_file, path, today) -> tuple[dict | None, str | None]:
        """The `media:` entry for this reference and what is wrong with it (None when valid)."""
        if entries is None:
            return None, None
        if not isinstance(entries, list):
            return {}, "`media:` must be a list of entries, each `{src: …, consent: written, obtained: YYYY-MM-DD}`"
        wanted = _normal(ref.src)
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("src"), str):
                continue
            same = _normal(entry["src"]) == wanted
            if not same and path is not None and not _remote(entry["src"]):
                candidates = _candidates(entry["src"], post_file, self.settings.docs_dir, self.settings.root)
                same = os.path.abspath(path) in (os.path.abspath(c) for c in candidates)
            if same:
                return entry, _entry_problem(entry, today)
        return None, None


def _entry_problem(entry: dict, today: dt.date) -> str | None:
    basis = str(entry.get("consent") or "").strip().casefold()
    if basis == "not-client":
        if not str(entry.get("source") or "").strip():
            return "`consent: not-client` needs a `source:` that says where the picture or recording comes from"
        return None
    if basis != "written":
        shown = f"`consent: {entry.get('consent')}`" if entry.get("consent") is not None else "there is no `consent:`"
        return (f"{shown}; a client's image or voice is published only with written consent "
                f"(`consent: written` and `obtained: YYYY-MM-DD`), or `consent: not-client` with a `source:`")
    obtained = _date(entry.get("obtained"))
    if entry.get("obtained") is None:
        return "written consent needs the date the client signed it: add `obtained: YYYY-MM-DD`"
    if obtained is None:
        return f"`obtained: {entry.get('obtained')}` is not a real date; write it as YYYY-MM-DD"
    if obtained > today:
        return f"`obtained: {obtained.isoformat()}` is in the future; consent counts once it is signed"
    if entry.get("revoked") not in (None, False):
        return "the client revoked this consent (`revoked`): take the file out of the post"
    if entry.get("expires") is not None:
        expires = _date(entry["expires"])
        if expires is None:
            return f"`expires: {entry['expires']}` is not a real date; write it as YYYY-MM-DD"
        if expires < today:
            return f"this consent expired on {expires.isoformat()}: ask the client again, or take the file out"
    return None


def _pseudonyms(post: Post) -> frozenset:
    block = post.meta.get("caseguard")
    allowed = block.get("allow") if isinstance(block, dict) else None
    return frozenset(str(e).strip() for e in allowed) if isinstance(allowed, list) else frozenset()


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _normal(src: str) -> str:
    if _remote(src):
        return src.strip().rstrip("/")
    path = unquote(src.strip().split("#")[0].split("?")[0])
    return posixpath.normpath(path).removeprefix("./")


def _quoted(path: str) -> str:
    return f"'{path}'" if re.search(r"[^\w@%+=:,./-]", path) else path


def _yaml_scalar(text: str) -> str:
    return text if re.fullmatch(r"[\w./-]+", text) else '"' + text.replace('"', '\\"') + '"'
