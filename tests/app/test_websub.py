"""Push, not only poll (issue 24): feeds declare the WebSub hub of site.yml, and the build pings
it (POST hub.mode=publish, hub.url=<feed>) after a swap that changed feeds — and only then.

The hub is a tiny HTTP server on 127.0.0.1 that records what it is sent."""
from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import DEMO_AS_OF, ROOT
from gongshi.app import websub
from gongshi.app.build import build

FEED = "https://zfgs.example.gov.cn/feeds/"


class Hub(http.server.ThreadingHTTPServer):
    received: list[dict[str, list[str]]]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("ascii")
        assert self.headers.get("Content-Type") == "application/x-www-form-urlencoded"
        self.server.received.append(urllib.parse.parse_qs(body))  # type: ignore[attr-defined]
        self.send_response(202)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def hub() -> Iterator[Hub]:
    server = Hub(("127.0.0.1", 0), _Handler)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def _build(data: Path, out: Path) -> None:
    ds = build(str(data), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"),
               content=str(ROOT / "content"))
    assert ds.report.ok, ds.report.to_text("en")


def _topics(hub: Hub) -> list[str]:
    assert all(p["hub.mode"] == ["publish"] and len(p["hub.url"]) == 1 for p in hub.received), hub.received
    return sorted(p["hub.url"][0] for p in hub.received)


def test_hub_pinged_after_a_changed_build_and_not_after_an_unchanged_one(data_copy: Path, tmp_path: Path,
                                                                          hub: Hub) -> None:
    url = f"http://127.0.0.1:{hub.server_address[1]}/hub"
    site = data_copy / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + f"websub:\n  hub: {url}\n", encoding="utf-8")
    out = tmp_path / "output"

    _build(data_copy, out)  # the first build: every feed is new
    feeds = sorted(p.relative_to(out).as_posix() for p in (out / "feeds").rglob("*.xml"))
    assert _topics(hub) == [f"https://zfgs.example.gov.cn/{f}" for f in feeds]
    atom = (out / "feeds/all.atom.xml").read_text(encoding="utf-8")
    rss = (out / "feeds/all.rss.xml").read_text(encoding="utf-8")
    assert f'<link href="{url}" rel="hub"/>' in atom and f'<atom:link href="{url}" rel="hub"/>' in rss
    assert websub.links(atom.encode()) == (FEED + "all.atom.xml", url)

    hub.received.clear()
    _build(data_copy, out)  # nothing changed: the feeds are the same bytes, nobody is pinged
    assert hub.received == []

    record = data_copy / "agencies/market/decisions/2026/xk-2026-0002.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("有效期五年", "有效期五年（已核对）"), encoding="utf-8")
    _build(data_copy, out)  # one decision's conclusion changed: the feeds holding it
    topics = _topics(hub)
    assert {FEED + "all.atom.xml", FEED + "all.rss.xml", FEED + "agency/market.atom.xml",
            FEED + "agency/market.rss.xml"} <= set(topics)
    assert FEED + "revocations.atom.xml" not in topics and len(topics) < len(feeds)


def test_an_unreachable_hub_is_a_warning_not_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    with socket_closed() as url:
        pings = [websub.Ping(url, FEED + "all.atom.xml"), websub.Ping(url, FEED + "all.rss.xml")]
        assert websub.publish(pings, timeout=2) == 0
    warned = [r for r in caplog.records if r.name == "gongshi.websub" and r.levelname == "WARNING"]
    assert len(warned) == 1 and "无法连接 WebSub 推送中心" in warned[0].getMessage()


class socket_closed:
    """A localhost URL nothing listens on (a port bound, then released)."""

    def __enter__(self) -> str:
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        return f"http://127.0.0.1:{port}/hub"

    def __exit__(self, *exc: object) -> None:
        return None
