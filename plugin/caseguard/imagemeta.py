"""What an image file says about where, when, by whom and of whom it was taken.

Read with Pillow: EXIF (JPEG, PNG, WebP, TIFF; HEIC when pillow-heif is installed), XMP packets
(wherever they sit in the file, also after the picture, where phones put extra pictures and
motion-photo videos) and IPTC. Each tag found is a `Tag` with a group:

- `location`: GPS position, or a city or sub-location (smaller than a state: HIPAA Safe Harbor);
- `serial`: camera body, lens or maker serial numbers, and maker notes that can hold them;
- `name`: the camera owner's or the artist's name;
- `date`: when the photo was taken;
- `person`: names of the people shown, or face regions.

Only tag names are reported, never their values: a log line must not carry the position itself.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

GROUP_WORDS = {"location": "where it was taken", "serial": "a serial number", "name": "the owner's or artist's name",
               "date": "when it was taken", "person": "who is in it"}

# EXIF tags, by IFD (0 is the image's own directory).
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_IFD0_TAGS = {0x013B: ("name", "Artist"), 0x9C9D: ("name", "XPAuthor"), 0x0132: ("date", "DateTime"),
              0xC62F: ("serial", "CameraSerialNumber")}
_EXIF_TAGS = {0xA431: ("serial", "BodySerialNumber"), 0xA435: ("serial", "LensSerialNumber"),
              0x927C: ("serial", "MakerNote"), 0xA430: ("name", "CameraOwnerName"),
              0x9003: ("date", "DateTimeOriginal"), 0x9004: ("date", "DateTimeDigitized")}
_GPS_VERSION = 0
_JPEG_EXIF = re.compile(rb"\xff\xe1(..)Exif\x00\x00", re.S)
# IPTC IIM (record 2) datasets. Province/state and country are not smaller than a state.
_IPTC = {(2, 90): ("location", "City"), (2, 92): ("location", "Sub-location"),
         (2, 80): ("name", "By-line"), (2, 55): ("date", "Date Created"),
         (2, 62): ("date", "Digital Creation Date")}
# XMP properties by local name (any namespace prefix).
_XMP = {
    "GPSLatitude": "location", "GPSLongitude": "location", "GPSAltitude": "location",
    "GPSDestLatitude": "location", "GPSDestLongitude": "location", "GPSAreaInformation": "location",
    "City": "location", "Sublocation": "location", "Location": "location",
    "SerialNumber": "serial", "BodySerialNumber": "serial", "LensSerialNumber": "serial",
    "CameraSerialNumber": "serial", "OwnerName": "name", "CameraOwnerName": "name",
    "creator": "name", "Artist": "name",
    "DateTimeOriginal": "date", "DateCreated": "date", "CreateDate": "date", "DateTimeDigitized": "date",
    "PersonInImage": "person", "PersonDisplayName": "person",
}
_XMP_NAMES = "|".join(sorted(_XMP, key=len, reverse=True))
_XMP_ATTRIBUTE = re.compile(rb"""(?<![\w:.-])([\w.-]+):(%s)\s*=\s*(?:"([^"]*)"|'([^']*)')""" % _XMP_NAMES.encode())
_XMP_ELEMENT = re.compile(rb"<([\w.-]+):(%s)\b[^>]*?(?:/>|>(.*?)</\1:\2\s*>)" % _XMP_NAMES.encode(), re.S)
_XMP_PACKET = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta\s*>", re.S)
_FACE_REGION = re.compile(rb"""[\w.-]+:Type\s*(?:=\s*["']Face["']|>\s*Face\s*<)""")
# PNG text chunks that name someone or date the picture.
_PNG_TEXT = {"author": ("name", "Author"), "creation time": ("date", "Creation Time")}


@dataclass(frozen=True)
class Tag:
    group: str  # location, serial, name, date, person
    label: str  # "EXIF GPSInfo (GPSLatitude, GPSLongitude)", "IPTC City", ...


class ImageProblem(Exception):
    """The file cannot be read as an image; the message says why and what to do."""


@lru_cache(maxsize=1)
def heif_available() -> bool:
    """HEIC/HEIF photos open through the optional pillow-heif package, when it is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def read(data: bytes, name: str = "") -> list[Tag]:
    """The identifying tags in an image file's bytes; ImageProblem when it is not a readable image."""
    from PIL import Image, UnidentifiedImageError

    heif_available()
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        if name.lower().endswith((".heic", ".heif")) and not heif_available():
            raise ImageProblem("HEIC photos can be read only with the optional pillow-heif package "
                               "(`pip install pillow-heif`); or export the photo as JPEG") from None
        raise ImageProblem("this is not an image Pillow can read (JPEG, PNG, WebP, TIFF, GIF): "
                           "re-export it as JPEG or PNG") from None
    except Exception as error:  # a damaged header: Pillow raises many kinds
        raise ImageProblem(f"the image is damaged ({_reason(error)}): re-export it") from None
    tags: list[Tag] = []
    try:
        with image:
            for exif in _exif_blocks(image, data):
                tags.extend(_exif(exif))
            tags.extend(_iptc(image))
            tags.extend(_png_text(image))
            tags.extend(_xmp(_xmp_packets(image, data)))
    except ImageProblem:
        raise
    except Exception as error:
        raise ImageProblem(f"its metadata is damaged ({_reason(error)}): remove it with `caseguard "
                           f"strip-metadata`, or export the image again") from None
    unique = []
    for tag in tags:
        if tag not in unique:
            unique.append(tag)
    return unique


def describe(tags: list[Tag], groups: tuple[str, ...]) -> str:
    """"EXIF GPSInfo (GPSLatitude, GPSLongitude); IPTC City" for the tags of these groups."""
    return "; ".join(t.label for t in tags if t.group in groups)


def _reason(error: Exception) -> str:
    return " ".join(str(error).split())[:120] or type(error).__name__


def _present(value) -> bool:
    if value is None:
        return False
    if isinstance(value, bytes):
        return bool(value.strip(b"\0 \t\r\n"))
    if isinstance(value, str):
        return bool(value.strip("\0 \t\r\n"))
    if isinstance(value, (tuple, list)):
        return any(_present(v) for v in value)
    return True


def _exif_blocks(image, data: bytes) -> list:
    """Every EXIF block: in a JPEG also those of the extra pictures a phone appends after it."""
    from PIL import Image

    if image.format not in ("JPEG", "MPO"):
        return [image.getexif()]
    blocks = []
    for m in _JPEG_EXIF.finditer(data):
        size = int.from_bytes(m.group(1), "big")
        exif = Image.Exif()
        exif.load(data[m.start() + 4:m.start() + 2 + size])
        blocks.append(exif)
    return blocks


def _exif(exif) -> list[Tag]:
    from PIL import ExifTags

    if not exif:
        return []
    found = []
    gps = {k: v for k, v in exif.get_ifd(_GPS_IFD).items() if k != _GPS_VERSION and _present(v)}
    if gps:
        names = ", ".join(ExifTags.GPSTAGS.get(k, hex(k)) for k in sorted(gps))
        found.append(Tag("location", f"EXIF GPSInfo ({names})"))
    for key, (group, name) in _IFD0_TAGS.items():
        if _present(exif.get(key)):
            found.append(Tag(group, f"EXIF {name}"))
    sub = exif.get_ifd(_EXIF_IFD)
    for key, (group, name) in _EXIF_TAGS.items():
        if _present(sub.get(key)):
            found.append(Tag(group, f"EXIF {name}"))
    return found


def _iptc(image) -> list[Tag]:
    from PIL import IptcImagePlugin

    if image.format not in ("JPEG", "MPO", "TIFF"):
        return []
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception as error:
        raise ImageProblem(f"its IPTC block is damaged ({_reason(error)}): run `caseguard strip-metadata` "
                           f"on it, or re-export it") from None
    return [Tag(group, f"IPTC {name}") for key, (group, name) in _IPTC.items() if _present(info.get(key))]


def _png_text(image) -> list[Tag]:
    if image.format != "PNG":
        return []
    found = []
    for key, value in (image.info or {}).items():
        known = _PNG_TEXT.get(str(key).casefold())
        if known and _present(value):
            found.append(Tag(known[0], f"PNG text '{known[1]}'"))
    return found


def _xmp_packets(image, data: bytes) -> list[bytes]:
    packets = [m.group() for m in _XMP_PACKET.finditer(data)]
    # Pillow also finds packets that are compressed or hex-encoded in the file.
    for key in ("xmp", "XML:com.adobe.xmp", "Raw profile type xmp"):
        value = (image.info or {}).get(key)
        if isinstance(value, str):
            value = value.encode("utf-8", "replace")
        if isinstance(value, bytes) and value:
            packets.append(value)
    tiff_tags = getattr(image, "tag_v2", None)
    if tiff_tags is not None and 700 in tiff_tags:
        value = tiff_tags[700]
        packets.append(value if isinstance(value, bytes) else str(value).encode("utf-8", "replace"))
    return packets


def _xmp(packets: list[bytes]) -> list[Tag]:
    found = []
    for packet in packets:
        for m in _XMP_ATTRIBUTE.finditer(packet):
            if _present(m.group(3) if m.group(3) is not None else m.group(4)):
                found.append(_xmp_tag(m.group(1), m.group(2)))
        for m in _XMP_ELEMENT.finditer(packet):
            if m.group(3) is not None and _present(re.sub(rb"<[^>]*>", b"", m.group(3))):
                found.append(_xmp_tag(m.group(1), m.group(2)))
        if _FACE_REGION.search(packet):
            found.append(Tag("person", "XMP face regions"))
    return found


def _xmp_tag(prefix: bytes, name: bytes) -> Tag:
    local = name.decode()
    return Tag(_XMP[local], f"XMP {prefix.decode()}:{local}")
