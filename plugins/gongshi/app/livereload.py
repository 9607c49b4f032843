"""The live preview's HTTP side: pages from memory, the reload channel, findings on the page,
and the file watcher.

- Portal pages come from `LiveSite.respond` (rendered from memory). `/theme/…` comes from the
  theme's `static/` folder, so the preview needs no build; everything else (feeds, open data,
  the search index, Markdown notices, attachments) from the `--output` folder of the last
  `make html`, when there is one.
- Every HTML response gets, and only here (never in a built file), a banner with the findings
  of the files saved in this session, and `<script src="/__gongshi/live.js">`: it listens on
  `/__gongshi/events` (Server-Sent Events: one long GET, no library, reconnects by itself) and
  reloads the page when a `reload` event comes. The page's generation is in the script tag, so
  a save between the page and the connection still reloads it. Nothing is loaded from outside.
- Text in the banner and the error page is escaped (`html.escape`): a finding quotes the
  clerk's text, which must never become markup.

Watching uses `watchfiles` (already installed with Pelican, pinned in pyproject.toml): it
waits on inotify (Linux), FSEvents or ReadDirectoryChangesW in Rust, so a save is seen in
~50 ms at any size and the server costs no CPU while idle. Polling mtimes with the standard
library was the alternative: a scan of 100,000 files takes ~0.5 s of CPU each round, which
would eat most of the 1 s budget and keep a core busy forever.
"""
from __future__ import annotations

import html
import http.server
import os
import re
import sys
import threading
import traceback
import urllib.parse
from typing import Any, Iterable

from gongshi.model.findings import Finding, display_path
from gongshi.app.live import LiveSite
from gongshi.app.livebanner import banner, error_page

PREFIX = "/__gongshi/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "live.js"
HEARTBEAT = 15.0

LIVE_JS = b"""(function () {
  var me = document.currentScript, since = me ? me.getAttribute("data-generation") : "0";
  var es = new EventSource("/__gongshi/events?since=" + encodeURIComponent(since || "0"));
  es.addEventListener("reload", function () { es.close(); location.reload(); });
})();
"""

_BODY = re.compile(r"<body\b[^>]*>", re.I)


def inject(page: str, generation: int, banner_html: str) -> str:
    """The banner after <body> and the reload script before </body> (live server only)."""
    script = f'<script src="{SCRIPT}" data-generation="{generation}"></script>'
    m = _BODY.search(page)
    if banner_html and m and 'id="gongshi-live-findings"' not in page:
        page = page[:m.end()] + banner_html + page[m.end():]
    at = page.lower().rfind("</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


class LiveHandler(http.server.SimpleHTTPRequestHandler):
    """One request of the live preview (`site` is set on a subclass by `handler_for`)."""

    site: LiveSite

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        if path == EVENTS:
            return self._events(urllib.parse.parse_qs(url.query).get("since", ["0"])[0])
        if path == SCRIPT:
            return self._send(200, LIVE_JS, "text/javascript; charset=utf-8", head)
        rel = path.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        try:
            resp = self.site.respond(rel)
            if resp is None and not self._static(rel):
                resp = self.site.not_found()
        except Exception as exc:  # never a traceback in the browser; the terminal gets one line
            print(f"gongshi serve: 页面未能生成 / page could not be rendered: {rel}: {type(exc).__name__}: {exc}",
                  file=sys.stderr, flush=True)
            if os.environ.get("GONGSHI_DEBUG"):
                traceback.print_exc()
            body = error_page(rel, [], self.site.lang).replace(
                "该记录有错误，未发布 / This record has errors and is not published",
                html.escape(f"页面未能生成 / the page could not be rendered ({type(exc).__name__})"))
            return self._send(500, body.encode(), "text/html; charset=utf-8", head)
        if resp is None:
            return self._file(rel, head)
        return self._html(resp.status, resp.html, head, with_banner=not resp.blocked)

    def _html(self, status: int, page: str, head: bool, with_banner: bool = True) -> None:
        site = self.site
        files = site.banner_files() if with_banner else []
        shown = banner(files, site.data.errors_elsewhere(p for p, _ in files), site.problem) if with_banner else ""
        body = inject(page, site.notified, shown).encode("utf-8")
        self._send(status, body, "text/html; charset=utf-8", head)

    def _send(self, status: int, body: bytes, ctype: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _static(self, rel: str) -> bool:
        return os.path.isfile(self.translate_path("/" + urllib.parse.quote(rel)))

    def translate_path(self, path: str) -> str:
        """`/theme/…` from the theme's static folder, the rest from the output folder."""
        if urllib.parse.urlsplit(path).path.startswith("/theme/"):
            self.directory = os.path.join(self.site.theme, "static")
            path = path[len("/theme"):]
        else:
            self.directory = self.site.output
        return super().translate_path(path)

    def _file(self, rel: str, head: bool) -> None:
        local = self.translate_path("/" + urllib.parse.quote(rel))
        if local.endswith(".html"):
            with open(local, encoding="utf-8", errors="replace") as fh:
                return self._html(200, fh.read(), head)
        f = self.send_head()  # SimpleHTTPRequestHandler: headers, and the open file
        if f is not None:
            try:
                if not head:
                    self.copyfile(f, self.wfile)
            finally:
                f.close()

    def _events(self, since: str) -> None:
        """Server-Sent Events: `reload` whenever the data changed after generation `since`."""
        seen = int(since) if since.isdigit() else 0
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        site = self.site
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not site._stop.is_set():
                with site.events:
                    site.events.wait_for(lambda: site.notified > seen or site._stop.is_set(), timeout=HEARTBEAT)
                    now = site.notified
                if now > seen:
                    seen = now
                    self.wfile.write(f"event: reload\ndata: {now}\n\n".encode())
                else:
                    self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        except OSError:
            return  # the browser went away

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # one line per request would drown the findings the clerk needs to see


def handler_for(site: LiveSite) -> type[LiveHandler]:
    return type("BoundLiveHandler", (LiveHandler,), {"site": site})


def watch(site: LiveSite, stop: threading.Event) -> None:
    """Apply every saved record file (.yml), Markdown page (.md) or theme file until `stop`."""
    import watchfiles
    roots = [site.data.root] + [p for p in (site.data.content, os.path.join(site.theme, "templates"))
                                if p and os.path.isdir(p)]
    templates = os.path.join(site.theme, "templates") + os.sep

    def wanted(_change: Any, path: str) -> bool:
        name = os.path.basename(path)
        return not name.startswith(".") and name.endswith((".yml", ".yaml", ".md", ".html"))

    for batch in watchfiles.watch(*roots, watch_filter=wanted, debounce=400, step=30, stop_event=stop,
                                  raise_interrupt=False):
        paths = {os.path.abspath(p) for _, p in batch}
        try:
            if any(p.startswith(templates) for p in paths):
                site.templates_changed()
            data = [p for p in paths if not p.startswith(templates)]
            if data:
                site.apply(data)
        except Exception as exc:  # the watcher must outlive any one bad save
            print(f"gongshi serve: 未能处理 / could not apply {', '.join(sorted(paths))}: "
                  f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            if os.environ.get("GONGSHI_DEBUG"):
                traceback.print_exc()
