"""A real browser opens the built example post: the badge sits under the title, light and dark."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest

from test_plugin import DANA, EXAMPLE, build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CASEGUARD_REQUIRE_BROWSER"),
    reason="headless Chromium is not installed (CI installs Debian's chromium package)")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("browser") / "example"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site", ".cache", "unsafe"))
    done = build(site)
    assert done.returncode == 0, done.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_badge_is_under_the_title_in_a_screenshot(served_site, scheme, tmp_path):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Chromium is required here (CASEGUARD_REQUIRE_BROWSER is set)"
    url, _site = served_site
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 800}, color_scheme=scheme)
            page.goto(url + DANA.removesuffix("index.html"))
            title = page.locator("article h1").first.bounding_box()
            badge_box = page.locator(".cg-badge").bounding_box()
            first_paragraph = page.get_by_text("Dana is a pseudonym").bounding_box()
            shot = tmp_path / f"badge-{scheme}.png"
            page.screenshot(path=str(shot))
            text_colour = page.locator(".cg-badge").evaluate("e => getComputedStyle(e).color")
            background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    assert title["y"] + title["height"] <= badge_box["y"] < first_paragraph["y"]
    assert abs(badge_box["x"] - title["x"]) < 40 and badge_box["height"] < 80
    assert badge_box["y"] < 800, "the badge is visible without scrolling"
    assert text_colour != background, "the badge text must be readable on the page background"
