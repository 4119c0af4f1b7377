"""Images, audio and video: metadata read from real image files, strip-metadata on real files,
and client photos and recordings that need a `media:` consent entry."""

from __future__ import annotations

import json
import os

import pytest
from PIL import Image, ImageSequence

from caseguard import imagemeta, media, post as post_module, strip

from conftest import engine_for, make_image, make_post, run_cli

GENERAL = {"title": "Slowing down", "date": "2026-01-05"}
CASE_STUDY = {"title": "A story", "date": "2026-01-05", "case_study": True, "consent": {"basis": "composite"},
              "composite": {"sources": 3}}
BODY = "A composite of several clients, told with their agreement. Call 988 in a crisis."


def write_post(site, front, body, name="story.md"):
    path = site / "docs" / "blog" / "posts" / name
    path.write_text(make_post(front, body), encoding="utf-8")
    return path


def findings(site, post, rule_prefix="", **options):
    """The findings of a fresh engine (as a new run would have) for one post of the temp site."""
    report = engine_for(options, str(site / "mkdocs.yml")).check_files([(str(post), post.name)])
    return [f for f in report.findings if f.rule.startswith(rule_prefix)]


def pixels(path):
    with Image.open(path) as image:
        return [(f.mode, f.size, f.tobytes()) for f in ImageSequence.Iterator(image)]


def labels(path):
    with open(path, "rb") as handle:
        return [t.label for t in imagemeta.read(handle.read(), str(path))]


# -- reading metadata ---------------------------------------------------------------------------

@pytest.mark.parametrize("extension", ["jpg", "png", "webp", "tif"])
def test_tags_are_read_in_every_format(tmp_path, extension):
    tagged = make_image(tmp_path / f"tagged.{extension}", gps=True, serial="SN-4471", artist="Maya Chen",
                        date=True, city="Weaverville")
    with open(tagged, "rb") as handle:
        tags = imagemeta.read(handle.read(), tagged)
    groups = {t.group for t in tags}
    assert groups == {"location", "serial", "name", "date"}
    assert any("GPSLatitude" in t.label for t in tags) and any("City" in t.label for t in tags)
    assert labels(make_image(tmp_path / f"clean.{extension}")) == []


def test_iptc_city_in_a_jpeg_is_a_location(tmp_path):
    path = tmp_path / "iptc.jpg"
    make_image(path)
    data = path.read_bytes()
    path.write_bytes(data[:2] + _app13({90: b"Weaverville", 95: b"North Carolina"}) + data[2:])
    assert labels(path) == ["IPTC City"]  # the state alone would not be reported


def test_a_heic_photo_without_pillow_heif_says_how_to_read_it(tmp_path):
    if imagemeta.heif_available():
        pytest.skip("pillow-heif is installed here")
    path = tmp_path / "photo.heic"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    with pytest.raises(imagemeta.ImageProblem, match="pillow-heif"):
        imagemeta.read(path.read_bytes(), str(path))


# -- finding the images a post uses ---------------------------------------------------------------

def test_every_kind_of_reference_is_found_at_its_src():
    text = make_post({"title": "x", "image": "img/cover.jpg", "social": {"cards_layout_options": {"background_image": "img/card.png"}}},
                     "![Alt](img/a.jpg \"A title\")\n\n"
                     '<img src="img/b.webp" srcset="img/b-1x.webp 1x, img/b-2x.webp 2x" alt="B">\n\n'
                     '<figure markdown="span">\n  ![Her garden](img/c.jpg)\n  <figcaption>In June</figcaption>\n</figure>\n\n'
                     "[the worksheet](files/sheet.png) and [a page](https://example.org/page)\n\n"
                     "![Ref][pic]\n\n[pic]: img/d.png\n\n"
                     '<video controls poster="img/poster.jpg"><source src="video/v.mp4" type="video/mp4"></video>\n\n'
                     '<iframe src="https://player.vimeo.com/video/1"></iframe> <script src="js/x.js"></script>')
    post = post_module.parse(text.encode(), "x.md")
    check = media.MediaCheck(_ruleset(), None, None)
    refs = media.references(post, check.audio, check.video, check.embed_hosts)
    found = {r.src: r for r in refs}
    assert list(found) == ["img/cover.jpg", "img/card.png", "img/a.jpg", "img/b.webp", "img/b-1x.webp",
                           "img/b-2x.webp", "img/c.jpg", "files/sheet.png", "img/d.png", "img/poster.jpg",
                           "video/v.mp4", "https://player.vimeo.com/video/1"]
    for ref in refs:
        assert text[ref.start:ref.end] == ref.src  # each points at its own src in the file
    assert dict(found["img/a.jpg"].texts)["title"] == "A title"
    assert dict(found["img/c.jpg"].texts) == {"alt text": "Her garden", "caption": "In June", "file name": "c"}
    assert dict(found["img/d.png"].texts)["alt text"] == "Ref"
    assert found["video/v.mp4"].kind == "video" and found["https://player.vimeo.com/video/1"].kind == "video"
    assert found["img/poster.jpg"].kind == "image"


# -- the checks, with real files --------------------------------------------------------------------

def test_a_gps_tagged_photo_blocks_until_strip_metadata_removes_it(site):
    image = make_image(site / "docs" / "blog" / "posts" / "img" / "office.jpg", gps=True, serial="SN-4471", date=True)
    post = write_post(site, GENERAL, "Some evenings I sit and breathe.\n\n![Our office at dusk](img/office.jpg)")
    done = run_cli("check", "docs", "--format", "json", cwd=site)
    assert done.returncode == 1, done.stdout + done.stderr
    found = {f["rule"]: f for f in json.loads(done.stdout)["findings"]}
    location = found["media/location-metadata"]
    line = post.read_text().splitlines()[location["line"] - 1]
    assert line[location["column"] - 1:location["end_column"] - 1] == "img/office.jpg"
    assert "GPSLatitude" in location["message"] and "caseguard strip-metadata" in location["message"]
    assert not any(value in done.stdout for value in ("35.0", "42.5", "82.0"))  # tag names, never the position
    assert found["media/metadata"]["severity"] == "warning" and "BodySerialNumber" in found["media/metadata"]["message"]
    before = pixels(image)

    stripped = run_cli("strip-metadata", str(image), cwd=site)
    assert stripped.returncode == 0, stripped.stderr
    assert "removed EXIF" in stripped.stdout and "GPSLatitude" in stripped.stdout
    assert pixels(image) == before and labels(image) == []

    again = run_cli("check", "docs", "--format", "json", cwd=site)
    assert again.returncode == 0, again.stdout + again.stderr
    assert not [f for f in json.loads(again.stdout)["findings"] if f["rule"].startswith("media/")]


@pytest.mark.parametrize("extension", ["jpg", "png", "webp", "tif"])
def test_strip_metadata_keeps_every_pixel_and_removes_every_tag(tmp_path, extension):
    image = make_image(tmp_path / f"photo.{extension}", gps=True, serial="SN-4471", artist="Maya Chen",
                       date=True, city="Weaverville", person="Dana Whitfield", size=(97, 61))
    before = pixels(image)
    result = strip.strip_file(image)
    assert {t.group for t in result.tags} == {"location", "serial", "name", "date", "person"}
    assert pixels(image) == before
    assert labels(image) == []
    assert strip.strip_file(image).summary().endswith("nothing to remove")  # and again: nothing left


def test_strip_metadata_works_on_the_bytes_and_keeps_the_colour_profile_and_orientation(tmp_path):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[0x0112] = 6  # a phone held upright
    exif.get_ifd(0x8825).update({1: "N", 2: (35.0, 35.0, 42.5)})
    exif[0x0131] = "camera"
    extra = tmp_path / "extra.jpg"
    make_image(extra, gps=True)
    for name, options in (("p.jpg", {"progressive": True}), ("p.png", {}), ("p.webp", {"lossless": True})):
        path = tmp_path / name
        Image.new("RGB", (64, 48), (30, 160, 90)).save(path, exif=exif.tobytes(), icc_profile=icc, **options)
        if name == "p.jpg":  # IPTC City before the picture, a phone's extra picture after it
            data = path.read_bytes()
            path.write_bytes(data[:2] + _app13({90: b"Weaverville"}) + data[2:] + extra.read_bytes())
        compressed = _compressed_picture(path.read_bytes())
        before = pixels(path)
        result = strip.strip_file(path)
        assert "the colour profile" in result.kept and "the orientation" in result.kept
        with Image.open(path) as image:
            assert image.info.get("icc_profile") == icc and image.getexif().get(0x0112) == 6
        assert pixels(path) == before and labels(path) == []
        assert _compressed_picture(path.read_bytes()) == compressed  # not re-encoded: the same bytes


def test_strip_metadata_refuses_what_it_cannot_do_losslessly(tmp_path):
    gif = tmp_path / "a.gif"
    Image.new("P", (8, 8)).save(gif)
    before = gif.read_bytes()
    done = run_cli("strip-metadata", str(gif), str(tmp_path / "missing.jpg"), cwd=tmp_path)
    assert done.returncode == 2
    assert "a.gif: only JPEG, PNG, WebP and TIFF" in done.stderr and "missing.jpg: cannot read" in done.stderr
    assert gif.read_bytes() == before


def test_an_unreadable_or_missing_image_is_an_error(site):
    make_image(site / "docs" / "blog" / "posts" / "img" / "broken.jpg", corrupt=True)  # a cut-off upload
    (site / "docs" / "blog" / "posts" / "img" / "notes.png").write_text("not a picture at all")
    post = write_post(site, GENERAL, "Quiet.\n\n![A lake](img/lake.jpg)\n\n<img src=\"img/broken.jpg\" alt=\"A path\">"
                                     "\n\n![Notes](img/notes.png)")
    found = findings(site, post, "media/")
    assert [(f.rule, f.match, f.severity) for f in found] == [("media/missing", "img/lake.jpg", "error"),
                                                            ("media/unreadable", "img/broken.jpg", "error"),
                                                            ("media/unreadable", "img/notes.png", "error")]
    assert "no such file" in found[0].message and os.path.join("posts", "img", "lake.jpg") in found[0].message
    assert "damaged" in found[1].message and "not an image" in found[2].message


def test_absolute_paths_are_read_from_the_docs_folder_and_remote_images_warn(site):
    make_image(site / "docs" / "assets" / "view.jpg", gps=True)
    post = write_post(site, GENERAL, "Quiet.\n\n![A view](/assets/view.jpg)\n\n![A bench](https://example.org/bench.jpg)")
    found = findings(site, post, "media/")
    assert [(f.rule, f.match) for f in found] == [("media/location-metadata", "/assets/view.jpg"),
                                                  ("media/remote", "https://example.org/bench.jpg")]


def test_a_client_portrait_in_a_case_study_needs_a_media_entry(site):
    make_image(site / "docs" / "blog" / "posts" / "img" / "lake.jpg")
    body = BODY + "\n\n![A portrait of her by the lake, the week things changed](img/lake.jpg)"
    post = write_post(site, CASE_STUDY, body)
    [finding] = findings(site, post, "identifier/photo")
    assert finding.severity == "error" and finding.match == "img/lake.jpg"
    assert "media:" in finding.message and "\"portrait\"" in finding.message

    consented = {**CASE_STUDY, "media": [{"src": "img/lake.jpg", "consent": "written", "obtained": "2026-01-20"}]}
    write_post(site, consented, body)
    assert findings(site, post, "identifier/") == []
    assert not [f for f in findings(site, post) if f.severity == "error"]

    future = {**CASE_STUDY, "media": [{"src": "./img/lake.jpg", "consent": "written", "obtained": "2027-01-20"}]}
    write_post(site, future, body)
    [finding] = findings(site, post, "identifier/photo")
    assert "in the future" in finding.message


def test_pictures_of_things_and_places_in_a_case_study_need_nothing(site):
    for name in ("autumn-path.jpg", "coffee.png"):
        make_image(site / "docs" / "blog" / "posts" / "img" / name)
    post = write_post(site, CASE_STUDY, BODY + "\n\n![An autumn path through the woods](img/autumn-path.jpg)\n\n"
                                              "<figure><img src=\"img/coffee.png\" alt=\"\"><figcaption>A cup of "
                                              "coffee on a windowsill</figcaption></figure>")
    assert findings(site, post, "identifier/photo") == []


def test_face_tags_in_the_metadata_make_an_image_a_photo_of_someone(site):
    make_image(site / "docs" / "blog" / "posts" / "img" / "IMG_2041.jpg", person="Dana Whitfield")
    post = write_post(site, CASE_STUDY, BODY + "\n\n![](img/IMG_2041.jpg)")
    [photo] = findings(site, post, "identifier/photo")
    assert "PersonInImage" in photo.message


def test_an_audio_clip_in_a_case_study_needs_a_media_entry(site):
    post = write_post(site, CASE_STUDY, BODY + '\n\n<audio controls src="audio/fourth-session.m4a"></audio>')
    [finding] = findings(site, post, "identifier/biometric")
    assert finding.severity == "error" and finding.match == "audio/fourth-session.m4a"
    assert "audio recording in a case study" in finding.message
    consented = {**CASE_STUDY, "media": [{"src": "audio/fourth-session.m4a", "consent": "written", "obtained": "2026-02-01"}]}
    write_post(site, consented, BODY + '\n\n<audio controls src="audio/fourth-session.m4a"></audio>')
    assert findings(site, post, "identifier/biometric") == []


def test_changing_only_the_image_checks_the_post_again(site):
    image = site / "docs" / "blog" / "posts" / "img" / "office.jpg"
    make_image(image)
    post = write_post(site, GENERAL, "Some evenings I sit and breathe.\n\n![Our office at dusk](img/office.jpg)")
    assert findings(site, post, "media/", cache=True) == []
    entries = [json.loads(p.read_text()) for p in (site / ".cache" / "caseguard").rglob("*.json")]
    assert [list(e["inputs"]) for e in entries] == [[str(image)]]  # the result remembers the image it read

    make_image(image, gps=True)  # the post's bytes are unchanged
    assert [f.rule for f in findings(site, post, "media/", cache=True)] == ["media/location-metadata"]
    make_image(image)
    assert findings(site, post, "media/", cache=True) == []


# -- helpers ----------------------------------------------------------------------------------------

def _ruleset():
    from caseguard.rulepack import load_rules

    return load_rules()


def _app13(datasets: dict[int, bytes]) -> bytes:
    """A JPEG APP13 segment holding IPTC IIM record 2 datasets, as Photoshop writes it."""
    record = b"".join(b"\x1c\x02" + bytes([key]) + len(value).to_bytes(2, "big") + value
                      for key, value in datasets.items())
    resource = b"8BIM\x04\x04\x00\x00" + len(record).to_bytes(4, "big") + record + b"\x00" * (len(record) & 1)
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def _compressed_picture(data: bytes) -> bytes:
    """The bytes that hold the compressed picture: a JPEG's scans, PNG IDAT, WebP VP8/VP8L."""
    if data.startswith(b"\xff\xd8"):
        start = data.index(b"\xff\xda")
        return data[start:data.index(b"\xff\xd9", start) + 2]
    if data.startswith(b"\x89PNG"):
        return data[data.index(b"IDAT") - 4:data.index(b"IEND")]
    start = data.index(b"VP8L") if b"VP8L" in data else data.index(b"VP8 ")
    return data[start:start + 8 + int.from_bytes(data[start + 4:start + 8], "little")]
