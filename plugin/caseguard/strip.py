"""`caseguard strip-metadata`: take out what an image file says about where, when, by whom and of
whom it was taken, without touching its pixels.

JPEG, PNG and WebP are rewritten at the byte level: the metadata segments or chunks are dropped
and every byte of the compressed picture is kept, so nothing is re-encoded. JPEG drops its EXIF,
XMP, IPTC/Photoshop, comment and maker segments and anything after the picture (a phone's extra
pictures or motion-photo video), and keeps its colour profile; PNG drops eXIf, text (tEXt, zTXt,
iTXt: also XMP) and tIME chunks; WebP drops EXIF and XMP chunks and clears their VP8X flags.
TIFF keeps its metadata in the same directory as the picture's layout, so it is rewritten with
Pillow, losslessly. The orientation is kept (in a minimal EXIF block) so a phone photo does not
turn sideways. Before the file is replaced (atomically) the result is read again: no tag may
be left, and the decoded pixels must be identical.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass, field

from . import imagemeta
from .approve import write_atomically
from .files import display_path
from .findings import CaseguardError

EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".tif", ".tiff")
_ORIENTATION = 0x0112
_ICC = b"ICC_PROFILE\x00"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_TEXT = (b"tEXt", b"zTXt", b"iTXt")
_PNG_TEXT_LABELS = {"XML:com.adobe.xmp": "XMP", "Raw profile type exif": "EXIF (as text)",
                    "Raw profile type APP1": "EXIF (as text)", "Raw profile type xmp": "XMP (as text)",
                    "Raw profile type iptc": "IPTC (as text)", "Raw profile type 8bim": "Photoshop data (as text)"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


@dataclass
class Stripped:
    """What strip-metadata did to one file."""

    path: str
    removed: list[str] = field(default_factory=list)  # blocks taken out: "EXIF", "XMP", "comment", ...
    tags: list[imagemeta.Tag] = field(default_factory=list)  # the identifying tags they held
    kept: list[str] = field(default_factory=list)  # "the colour profile", "the orientation"

    def summary(self) -> str:
        shown = display_path(self.path)
        if not self.removed:
            return f"{shown}: nothing to remove"
        line = f"{shown}: removed {_listed(self.removed)}."
        groups = [f"{imagemeta.GROUP_WORDS[group]} ({imagemeta.describe(self.tags, (group,))})"
                  for group in ("location", "serial", "name", "date", "person")
                  if any(t.group == group for t in self.tags)]
        if groups:
            line += f" They held {_listed(groups)}."
        if self.kept:
            line += f" Kept {_listed(self.kept)}."
        return line


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def collect(paths: list[str]) -> list[str]:
    """The image files named, and those found under the folders named."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            before = len(found)
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(folder, n) for n in sorted(names) if n.lower().endswith(EXTENSIONS))
            if len(found) == before:
                raise CaseguardError(f"{path}: no JPEG, PNG, WebP or TIFF images in this folder: give the "
                                     f"folder that holds the images, or the image files")
        else:
            found.append(path)
    return found


def strip_file(path: str) -> Stripped:
    """Strip one image file in place; CaseguardError (naming the file) when it cannot be done safely."""
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise CaseguardError(f"{shown}: cannot read the file ({error.strerror or error}): check the path") from None
    try:
        tags = imagemeta.read(data, path)
    except imagemeta.ImageProblem:
        tags = []  # damaged metadata is stripped all the same; the picture itself is checked below
    try:
        new, removed, kept = strip_bytes(data)
    except _Unsupported as problem:
        raise CaseguardError(f"{shown}: {problem}") from None
    except (_Broken, ValueError, OSError) as problem:
        raise CaseguardError(f"{shown}: the file is damaged ({problem}); nothing was changed: "
                             f"export the image again") from None
    result = Stripped(path, removed, tags, kept)
    if new == data:
        if tags:
            raise CaseguardError(f"{shown}: {imagemeta.describe(tags, tuple(imagemeta.GROUP_WORDS))} could not be "
                                 f"removed; nothing was changed: export the image again without metadata")
        return Stripped(path, [], [], [])
    try:
        left = imagemeta.read(new, path)
        same = _pixels(data) == _pixels(new)
    except (imagemeta.ImageProblem, OSError, ValueError, SyntaxError) as problem:
        raise CaseguardError(f"{shown}: the picture cannot be read ({problem}); nothing was changed: "
                             f"export the image again") from None
    if left:
        raise CaseguardError(f"{shown}: {imagemeta.describe(left, tuple(imagemeta.GROUP_WORDS))} could not be "
                             f"removed; nothing was changed: export the image again without metadata")
    if not same:
        raise CaseguardError(f"{shown}: the picture would change, so nothing was changed: export the image "
                             f"again without metadata")
    try:
        write_atomically(path, new)
    except OSError as error:
        raise CaseguardError(f"{shown}: cannot write the file ({error.strerror or error}); it is unchanged") from None
    return result


def strip_bytes(data: bytes) -> tuple[bytes, list[str], list[str]]:
    """(new bytes, blocks removed, things kept) for a JPEG, PNG, WebP or TIFF file."""
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff(data)
    raise _Unsupported("only JPEG, PNG, WebP and TIFF files can be stripped without re-encoding the "
                       "picture: export this one as JPEG or PNG (with location turned off), then run "
                       "strip-metadata on that")


class _Broken(Exception):
    pass


class _Unsupported(Exception):
    pass


def _orientation(data: bytes) -> int:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            value = image.getexif().get(_ORIENTATION, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and 2 <= value <= 8 else 1


def _orientation_exif(orientation: int) -> bytes:
    """A TIFF-structured EXIF block that holds only the orientation."""
    return (b"MM\x00*" + (8).to_bytes(4, "big") + (1).to_bytes(2, "big")
            + _ORIENTATION.to_bytes(2, "big") + (3).to_bytes(2, "big") + (1).to_bytes(4, "big")
            + orientation.to_bytes(2, "big") + b"\x00\x00" + (0).to_bytes(4, "big"))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- JPEG -----------------------------------------------------------------------------------------

def _jpeg_drop(marker: int, payload: bytes) -> str | None:
    """Why a JPEG segment goes, or None when it stays (it is needed to show the picture)."""
    if marker == 0xE1:
        if payload.startswith(b"Exif\x00"):
            return "EXIF"
        if payload.startswith(b"http://ns.adobe.com/xap/1.0/\x00"):
            return "XMP"
        if payload.startswith(b"http://ns.adobe.com/xmp/extension/\x00"):
            return "extended XMP"
        return "APP1 metadata"
    if marker == 0xED:
        return "IPTC and Photoshop data"
    if marker == 0xFE:
        return "comments"
    if marker == 0xE2 and not payload.startswith(_ICC):
        return "the index of extra pictures (MPF)" if payload.startswith(b"MPF\x00") else "APP2 metadata"
    if marker == 0xE0 and not payload.startswith(b"JFIF\x00"):
        return "an APP0 thumbnail"
    if 0xE3 <= marker <= 0xEF and marker != 0xEE:  # APP14 (Adobe) says how to decode the colours
        return "camera maker data"
    return None


def _jpeg(data: bytes) -> tuple[bytes, list[str], list[str]]:
    orientation = _orientation(data)
    out = bytearray(b"\xff\xd8")
    removed, kept = [], []
    exif_at = 2  # where an orientation-only EXIF goes: after SOI, or after a leading JFIF APP0
    i, n, first = 2, len(data), True
    while True:
        if i + 1 >= n or data[i] != 0xFF:
            raise _Broken("the picture ends early or a segment is malformed")
        while i + 1 < n and data[i + 1] == 0xFF:  # fill bytes
            i += 1
        marker = data[i + 1]
        if marker == 0xD9:  # end of the picture
            out += b"\xff\xd9"
            i += 2
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[i:i + 2]
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        end = i + 2 + length
        if length < 2 or end > n:
            raise _Broken("a segment runs past the end of the file")
        payload = data[i + 4:end]
        reason = _jpeg_drop(marker, payload)
        if reason:
            removed.append(reason)
        else:
            out += data[i:end]
            if marker == 0xE0 and first:
                exif_at = len(out)
            if marker == 0xE2:
                kept.append("the colour profile")
        first = False
        i = end
        if marker == 0xDA:  # compressed picture data runs until the next marker
            j = i
            while True:
                k = data.find(b"\xff", j)
                if k < 0 or k + 1 >= n:
                    raise _Broken("the picture data is cut off")
                following = data[k + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    j = k + (1 if following == 0xFF else 2)
                    continue
                break
            out += data[i:k]
            i = k
    if data[i:].strip(b"\x00"):
        removed.append("the data after the picture (extra pictures or a motion-photo video)")
    if orientation != 1:
        payload = b"Exif\x00\x00" + _orientation_exif(orientation)
        out[exif_at:exif_at] = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
        kept.append("the orientation")
    return bytes(out), _unique(removed), _unique(kept)


# -- PNG ------------------------------------------------------------------------------------------

def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return len(payload).to_bytes(4, "big") + kind + payload + zlib.crc32(kind + payload).to_bytes(4, "big")


def _png(data: bytes) -> tuple[bytes, list[str], list[str]]:
    orientation = _orientation(data)
    out = bytearray(_PNG_SIGNATURE)
    removed, kept = [], []
    position, n, ended = len(_PNG_SIGNATURE), len(data), False
    while position + 8 <= n:
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > n:
            raise _Broken(f"the {kind.decode('latin-1')} chunk runs past the end of the file")
        if kind == b"eXIf":
            removed.append("EXIF")
        elif kind in _PNG_TEXT:
            keyword = data[position + 8:position + 8 + min(length, 80)].split(b"\x00", 1)[0].decode("latin-1")
            removed.append(_PNG_TEXT_LABELS.get(keyword, f"the text '{keyword}'"))
        elif kind == b"tIME":
            removed.append("the modification time")
        else:
            out += data[position:end]
            if kind == b"iCCP":
                kept.append("the colour profile")
            if kind == b"IHDR" and orientation != 1:
                out += _png_chunk(b"eXIf", _orientation_exif(orientation))
                kept.append("the orientation")
        position = end
        if kind == b"IEND":
            ended = True
            break
    if not ended:
        raise _Broken("the file has no end (IEND) chunk")
    if data[position:].strip(b"\x00"):
        removed.append("the data after the picture")
    return bytes(out), _unique(removed), _unique(kept)


# -- WebP -----------------------------------------------------------------------------------------

def _webp(data: bytes) -> tuple[bytes, list[str], list[str]]:
    orientation = _orientation(data)
    riff_end = 8 + int.from_bytes(data[4:8], "little")
    if riff_end > len(data):
        raise _Broken("the file is shorter than its header says")
    chunks: list[bytearray] = []
    removed, kept = [], []
    position = 12
    while position + 8 <= riff_end:
        kind = data[position:position + 4]
        length = int.from_bytes(data[position + 4:position + 8], "little")
        end = position + 8 + length + (length & 1)
        if position + 8 + length > riff_end:
            raise _Broken(f"the {kind.decode('latin-1')} chunk runs past the end of the file")
        if kind == b"EXIF":
            removed.append("EXIF")
        elif kind == b"XMP ":
            removed.append("XMP")
        else:
            chunks.append(bytearray(data[position:min(end, riff_end)]))
            if kind == b"ICCP":
                kept.append("the colour profile")
        position = end
    vp8x = next((c for c in chunks if c[:4] == b"VP8X"), None)
    if vp8x is not None:
        vp8x[8] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
        if orientation != 1:
            payload = b"Exif\x00\x00" + _orientation_exif(orientation)  # as Pillow and libwebp write it
            chunks.append(bytearray(b"EXIF" + len(payload).to_bytes(4, "little") + payload + b"\x00" * (len(payload) & 1)))
            vp8x[8] |= _VP8X_EXIF
            kept.append("the orientation")
    if data[riff_end:].strip(b"\x00"):
        removed.append("the data after the picture")
    body = b"WEBP" + b"".join(bytes(c) for c in chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body, _unique(removed), _unique(kept)


# -- TIFF -----------------------------------------------------------------------------------------

def _tiff(data: bytes) -> tuple[bytes, list[str], list[str]]:
    """TIFF's metadata lives beside the picture's own layout tags: rewrite it, losslessly."""
    from PIL import Image, ImageSequence

    try:
        with Image.open(io.BytesIO(data)) as image:
            tags = set(image.tag_v2.keys())
            compression = image.info.get("compression", "raw")
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
            icc = image.info.get("icc_profile")
            dpi = image.info.get("dpi")
            orientation = image.tag_v2.get(_ORIENTATION, 1)
    except Exception as error:
        raise _Broken(" ".join(str(error).split())[:120] or type(error).__name__) from None
    removed = [label for tag, label in ((0x8769, "EXIF"), (0x8825, "GPS"), (700, "XMP"), (33723, "IPTC"),
                                        (34377, "Photoshop data"), (0x013B, "the artist"), (0x0132, "the date"),
                                        (0x8298, "the copyright"), (0x010E, "the description"),
                                        (0x9C9D, "the author"), (0xC62F, "the camera serial number"))
               if tag in tags]
    if not removed:
        return data, [], []
    if compression not in ("raw", "tiff_lzw", "tiff_adobe_deflate", "tiff_deflate", "packbits", "group3", "group4"):
        compression = "tiff_adobe_deflate"  # e.g. JPEG inside TIFF: stored again without loss instead
    options: dict = {"compression": compression}
    if icc:
        options["icc_profile"] = icc
    if dpi:
        options["dpi"] = dpi
    if isinstance(orientation, int) and orientation != 1:
        options["tiffinfo"] = {_ORIENTATION: orientation}
    for frame in frames:
        frame.info = {}  # nothing of the old file rides along
    out = io.BytesIO()
    try:
        frames[0].save(out, "TIFF", save_all=len(frames) > 1, append_images=frames[1:], **options)
    except Exception as error:
        raise _Unsupported(f"Pillow cannot write this kind of TIFF back without loss "
                           f"({' '.join(str(error).split())[:100]}): export it as PNG") from None
    kept = (["the colour profile"] if icc else []) + (["the orientation"] if "tiffinfo" in options else [])
    return out.getvalue(), removed, kept


def _pixels(data: bytes) -> list[tuple]:
    """Every frame's mode, size and decoded pixels."""
    from PIL import Image, ImageSequence

    with Image.open(io.BytesIO(data)) as image:
        return [(frame.mode, frame.size, frame.tobytes()) for frame in ImageSequence.Iterator(image)]
