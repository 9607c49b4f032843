"""Real-browser fixtures: the built demo site served on localhost, driven in Debian's Chromium.

Pages may load nothing from outside the site: every request that does not go to the local
server is aborted and recorded, and `page.outside_requests` lets a test assert there were none.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("GONGSHI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MOBILE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `root` on a free localhost port in a daemon thread; returns (server, base URL)."""
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    """Base URL of the built demo site served on localhost."""
    httpd, url = serve(demo_site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium per test session (skipped when the browser is not installed)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser: object, viewport: dict[str, int], site_url: str) -> Iterator[object]:
    """A page of `viewport` size in its own context, for `site_url` only: every request outside
    it is blocked and recorded in `page.outside_requests` (nothing loaded from outside the site).
    The fixtures below use it; a test with a site of its own (another language, a province)
    yields from it in a fixture of its own."""
    ctx = browser.new_context(viewport=viewport, locale="zh-CN")  # type: ignore[attr-defined]
    page = ctx.new_page()
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(site_url) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", guard)
    page.outside_requests = outside  # type: ignore[attr-defined]
    yield page
    ctx.close()


@pytest.fixture()
def page(browser: object, site_url: str) -> Iterator[object]:
    """A desktop-sized page (1280 px) whose outside requests are blocked and recorded."""
    yield from open_page(browser, DESKTOP, site_url)


@pytest.fixture()
def phone(browser: object, site_url: str) -> Iterator[object]:
    """A phone-sized page (375 px) whose outside requests are blocked and recorded."""
    yield from open_page(browser, MOBILE, site_url)
