"""gongshi serve --watch: the live preview over real HTTP, with the real file watcher.

One server over a copy of the demo data for the whole module (startup ~2 s); each test saves a
file and polls the page until it changes (the watcher sees a save in ~50 ms). No test depends on
how long anything takes: a poll returns as soon as its condition holds and only gives up after a
minute (a loaded machine), and "after the background rebuild" is a rebuild the test waits for.
"""
from __future__ import annotations

import http.client
import http.server
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.app.live import LiveSite
from gongshi.app.livereload import handler_for, watch

DECISION = "agencies/ecology/decisions/2026/cf-2026-0003.yml"
PAGE = "/ecology/decisions/2026/cf-2026-0003.html"


def resident_id(first17: str) -> str:
    """An 18-digit resident ID number with a valid check digit (GB 11643)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


@dataclass
class Live:
    site: LiveSite
    url: str
    data: Path

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def save(self, rel: str, edit: Callable[[str], str]) -> None:
        path = self.data / rel
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")

    def until(self, path: str, ok: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            body = self.get(path)[1]
            if ok(body) or time.monotonic() > deadline:
                return body
            time.sleep(0.05)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    root = tmp_path_factory.mktemp("live")
    data = root / "data"
    shutil.copytree(DATA, data)
    site = LiveSite(str(data), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"), output=str(root / "output"))
    site.start()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    stop = threading.Event()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    threading.Thread(target=watch, args=(site, stop), daemon=True).start()
    lv = Live(site, f"http://127.0.0.1:{httpd.server_address[1]}", data)
    deadline = time.monotonic() + 60  # the watcher is ready once a save is seen
    while site.data.generation == 0 and time.monotonic() < deadline:
        lv.save("calendar.yml", lambda t: t)
        time.sleep(0.2)
    assert site.data.generation > 0, "the watcher saw no save"
    yield lv
    stop.set()
    site.stop()
    httpd.shutdown()
    httpd.server_close()


def test_pages_come_from_memory_with_the_reload_script(live: Live) -> None:
    status, body = live.get(PAGE)
    assert status == 200 and "霍环罚〔2026〕3号" in body
    assert '<script src="/__gongshi/live.js"' in body
    status, css = live.get("/theme/css/site.css")
    assert status == 200 and css
    assert live.get("/no/such/page.html")[0] == 404
    script = live.get("/__gongshi/live.js")[1]
    assert "EventSource" in script and "http" not in script  # nothing loaded from outside


@pytest.fixture(params=["sync", "patch"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """"sync": a small site re-publishes everything before the reload; "patch": what a large
    one does (the decision's page patched at once, the rest rebuilt in the background)."""
    if request.param == "patch":
        monkeypatch.setattr("gongshi.app.live.SYNC_SECONDS", 0.0)
    return str(request.param)


def test_a_saved_decision_shows_its_new_text(live: Live, mode: str) -> None:
    text = f"预览新增的事实文字{mode}"
    live.save(DECISION, lambda t: t.replace("facts: |-\n", f"facts: |-\n  {text}。\n", 1))
    body = live.until(PAGE, lambda b: text in b)
    assert text in body
    assert "gongshi-live-findings" not in body  # a clean save: no banner


def test_personal_data_is_not_served_and_the_finding_is_shown(live: Live, mode: str) -> None:
    number = resident_id("34152219850315123" if mode == "sync" else "34012219900101456")
    live.save(DECISION, lambda t: t.replace("facts: |-\n", f"facts: |-\n  当事人身份证号{number}。\n", 1))
    body = live.until(PAGE, lambda b: "R-REDACT" in b)
    assert "R-REDACT" in body and "身份证号码未作隐私处理" in body and "unredacted resident ID" in body
    assert number not in body
    for path in ("/", "/ecology/", PAGE):
        assert number not in live.get(path)[1]
    live.site.rebuild()  # a whole-site rebuild after the save (the background one's work): still nowhere
    for path in ("/", "/ecology/", "/decisions/index.html", PAGE):
        assert number not in live.get(path)[1]
    live.save(DECISION, lambda t: t.replace(f"  当事人身份证号{number}。\n", ""))
    body = live.until(PAGE, lambda b: "R-REDACT" not in b and "霍环罚〔2026〕3号" in b)
    assert "R-REDACT" not in body and "霍环罚〔2026〕3号" in body


def test_a_number_a_message_quotes_is_masked_on_the_page_and_in_the_terminal(
        live: Live, capsys: pytest.CaptureFixture[str]) -> None:
    """A phone typed into a date field: the R-FORMAT message quotes the value, masked in the
    banner and in the terminal (checks/scrub.py; red-team pass of issue 20)."""
    before = (live.data / DECISION).read_text(encoding="utf-8")
    live.save(DECISION, lambda t: re.sub(r"(?m)^decided: .*$", "decided: 13957312846", t, count=1))
    body = live.until(PAGE, lambda b: "R-FORMAT" in b)
    assert "139****2846" in body and "13957312846" not in body
    live.save(DECISION, lambda t: before)
    live.until(PAGE, lambda b: "R-FORMAT" not in b)
    assert "13957312846" not in capsys.readouterr().out


def test_broken_yaml_shows_its_finding(live: Live) -> None:
    live.save(DECISION, lambda t: t.replace("doc_no:", "doc_no: [unclosed\n  x:", 1))
    body = live.until(PAGE, lambda b: "R-FORMAT" in b)
    assert "R-FORMAT" in body and "Traceback" not in body
    assert f"{DECISION.split('/')[-1]}:" in body  # file:line:column
    home = live.get("/")[1]
    assert "gongshi-live-findings" in home and "R-FORMAT" in home  # the banner, on every page
    live.save(DECISION, lambda t: t.replace("doc_no: [unclosed\n  x:", "doc_no:", 1))
    body = live.until(PAGE, lambda b: "霍环罚〔2026〕3号" in b)
    assert "霍环罚〔2026〕3号" in body and "R-FORMAT" not in body


def test_a_save_sends_the_reload_event(live: Live) -> None:
    host, port = live.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", f"/__gongshi/events?since={live.site.notified}")
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("Content-Type") == "text/event-stream"
    assert resp.readline() == b"retry: 1000\n"
    live.save(DECISION, lambda t: t.replace("facts: |-\n", "facts: |-\n  再次保存。\n", 1))
    lines = [resp.readline() for _ in range(3)]
    conn.close()
    assert b"event: reload\n" in lines


def test_compliance_pages_count_the_findings(live: Live) -> None:
    """They read the checks' findings (Page.late): the preview fills them, as a build does."""
    status, html = live.get("/compliance.html")
    assert status == 200 and "按时公开" in html and "逾期公开" in html and "暂无数据" not in html


def test_a_file_named_with_a_number_is_named_masked_in_the_banner_and_the_terminal(
        live: Live, capsys: pytest.CaptureFixture[str]) -> None:
    """Second red-team pass: the finding's place and the "updated:" line mask the number in the
    file's name (Finding.shown, checks/scrub.py); the clerk is told to rename it."""
    named = Path(DECISION).parent / "13957312846.yml"
    text = (live.data / DECISION).read_text(encoding="utf-8")
    (live.data / named).write_text(re.sub(r"(?m)^doc_no: .*$", "doc_no: 霍环罚〔2026〕913号", text, count=1),
                                   encoding="utf-8")
    try:
        body = live.until("/", lambda b: "139****2846.yml" in b)
        assert "13957312846" not in body and "git mv" in body
    finally:
        (live.data / named).unlink()
        live.until("/", lambda b: "139****2846" not in b)
    assert "13957312846" not in capsys.readouterr().out
