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


XMP_TEMPLATE = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                '<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
                'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"{attributes}/>'
                '</rdf:RDF></x:xmpmeta>')


def make_image(path, gps=False, serial=None, artist=None, date=False, city=None, person=None, corrupt=False,
               size=(48, 32)):
    """Write a small image with Pillow, in the format its extension names, carrying the tags asked
    for: `gps` (EXIF GPSInfo), `serial` (EXIF BodySerialNumber), `artist` (EXIF Artist), `date`
    (EXIF DateTimeOriginal), `city` (XMP photoshop:City), `person` (XMP PersonInImage);
    `corrupt` writes bytes that are no image. Pixels vary, so a re-encoding would show."""
    from PIL import ExifTags, Image, PngImagePlugin

    path = os.fspath(path)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if corrupt:
        with open(path, "wb") as handle:
            handle.write(b"\xff\xd8\xff\xe0 this is not really an image")
        return path
    image = Image.new("RGB", size)
    image.putdata([((x * 37) % 256, (y * 61) % 256, ((x + y) * 13) % 256)
                   for y in range(size[1]) for x in range(size[0])])
    exif = Image.Exif()
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (35.0, 35.0, 42.5), 3: "W", 4: (82.0, 33.0, 1.5)})
    if serial:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = serial
    if date:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2025:10:01 09:30:00"
    if artist:
        exif[ExifTags.Base.Artist] = artist
    if gps or serial or date or artist:
        exif[ExifTags.Base.Software] = "caseguard tests"  # Pillow's TIFF writer drops an EXIF of pointers only
    attributes = (f' photoshop:City="{city}"' if city else "") + (f' Iptc4xmpExt:PersonInImage="{person}"' if person else "")
    xmp = XMP_TEMPLATE.format(attributes=attributes).encode() if attributes else None
    extension = os.path.splitext(path)[1].lower()
    options: dict = {"exif": exif.tobytes()} if gps or serial or date or artist else {}
    if extension == ".png":
        info = PngImagePlugin.PngInfo()
        if xmp:
            info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        image.save(path, "PNG", pnginfo=info, **options)
    elif extension in (".tif", ".tiff"):
        if xmp:  # TIFF keeps XMP in a tag (700) of the image's own directory
            exif[700] = xmp
            options = {"exif": exif.tobytes()}
        image.save(path, "TIFF", **options)
    else:
        image.save(path, {".webp": "WEBP"}.get(extension, "JPEG"), **options, **({"xmp": xmp} if xmp else {}))
    return path
