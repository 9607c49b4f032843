"""The live preview (`gongshi serve --watch`): the portal rendered from memory, fresh on save.

Startup reads and checks the data folder once (app/livedata.py), publishes it
(`publication.publish`) and plans every portal page, like a build, but writes nothing: a page
is rendered from its plan when the browser asks for it, with the theme's Jinja environment of
a real `PortalGenerator` (same templates, filters, gettext, fragment cache). Pelican's own
generators give the Markdown notices, feed links and provenance the templates read.

A saved file changes the preview in two steps, because at 100,000 decisions re-publishing the
whole site takes ~10 s (publish ~6 s, planning ~3 s):

1. at once: the file is re-read and checked (LiveData.apply); for each of its decisions that
   is clean, its view is made again (`publication.view` with its `visibility` as of the day)
   and its own page is re-planned through `pages_decisions.plan` over a one-decision
   Publication: that page, a *patch*, is what the next request renders. The browser is told
   to reload (Server-Sent Events, app/livereload.py).
2. then, in a background thread: every check but the gates over the whole dataset
   (cross-record findings), a full `publish` and plan, swapped in whole; lists, counts,
   statistics and non-decision pages are fresh from then on (on the next request: the browser
   is not reloaded a second time).

When that full rebuild took less than `SYNC_SECONDS` (small sites: the demo's takes ~0.3 s)
step 2 runs before the reload instead, so every page is fresh at once.

Fail closed: a file with an error is *blocked*. Its records never reach a view, and its pages
(the URLs its records had, every page of an agency whose agency.yml is blocked, every page
when site.yml or calendar.yml is) show the error page with the findings instead. Pages still
holding an older, clean view of a record (a list, until the rebuild) show that old text, never
the blocked one.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from gongshi.app import build, plugin
from gongshi.model.dataset import Dataset
from gongshi.checks.scrub import masked
from gongshi.model.findings import Finding, Report, display_path
from gongshi.model.kinds import Record
from gongshi.outputs.portal import generator, pages_decisions
from gongshi.outputs.portal.page import Page
from gongshi.publication import Publication, publish, urls, view
from gongshi.publication.urls import site_base
from gongshi.policy.visibility import visibility
from gongshi.publication.inputs import BUILD_SETTING
from gongshi.app.livedata import Change, LiveData

SYNC_SECONDS = 0.8
GLOBAL_FILES = ("site.yml", "calendar.yml")


@dataclass
class State:
    """One published state of the preview: its Publication and planned pages, plus patches
    (path -> page, None: gone) made since, for changes newer than `generation`."""

    pub: Publication
    pages: dict[str, Page]
    generation: int
    patches: dict[str, tuple[int, Page | None]] = field(default_factory=dict)


@dataclass
class Response:
    """What the HTTP handler sends for one portal path (`blocked`: the findings page)."""

    status: int
    html: str
    blocked: bool = False


IDLE_COLLECT_S = 5.0  # seconds without a save before the garbage of rebuilds is collected


def _settle(collect: bool = True) -> None:
    """Collect once (`collect`), then move every live object out of the collector's sight
    (gc.freeze). After a background rebuild there is no collection: at 100,000 decisions a full
    one walks the new state's millions of objects holding the GIL for ~2 s, and a save arriving
    then waited for it (one save in ten took 1.8 s). The records and views make no cycles, so the
    old state is freed by reference counting; what a rebuild leaves in cycles is collected once
    the clerk has not saved for IDLE_COLLECT_S (_rebuild_loop)."""
    if collect:
        gc.collect()
    gc.freeze()


def plan_pages(ds: Dataset, pub: Publication, base: str) -> dict[str, Page]:
    """Every portal page by path, as a build plans them (portal.generator.plan)."""
    return filled(generator.plan(ds, pub, base))


def filled(pages: list[Page]) -> dict[str, Page]:
    """Pages by path, those that read the findings (Page.late) filled at once: the preview has
    its findings before it plans."""
    for page in pages:
        page.fill()
    return {p.path: p for p in pages}


class LiveSite:
    """The dataset, its findings and the rendered portal of one live preview."""

    def __init__(self, data: str, as_of: dt.date, *, content: str | None = None,
                 settings_file: str | None = "pelicanconf.py", output: str = "output", lang: str = "zh") -> None:
        self.as_of, self.lang, self.output = as_of, lang, os.path.abspath(output)
        self.settings_file = settings_file
        self.settings = self._settings(data, content)
        self.theme = os.path.abspath(self.settings["THEME"])
        markdown = self.settings["PATH"]  # as a build does: --content, else the settings' PATH
        self.data = LiveData(data, as_of, markdown if os.path.isdir(markdown) else None)
        if self.data.content is None:  # no Markdown: Pelican's readers read nothing
            self.settings.update(PATH=self.data.root, ARTICLE_PATHS=[], PAGE_PATHS=[])
        self.owners: dict[str, str] = {}  # page path -> the file of the record it shows
        self.events = threading.Condition()
        self.notified = 0
        self.rebuild_seconds = 0.0
        self.problem: str | None = None   # why the last rebuild failed (shown in the banner)
        self._swap = threading.Lock()        # patches and the swap of a rebuilt state
        self._rebuilding = threading.Lock()  # one rebuild at a time (watcher or background)
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None

    # -- startup -------------------------------------------------------------------------
    def start(self, background: bool = True) -> None:
        """Load, check, publish and plan; then start the background rebuilder."""
        from pelican import Pelican
        from pelican.generators import ArticlesGenerator, PagesGenerator

        from gongshi.outputs.feeds.generator import FeedsGenerator
        from gongshi.outputs.portal.generator import PortalGenerator
        from gongshi.outputs.provenance import ProvenanceGenerator
        self.data.load()
        snap, blocked, gen = self.data.snapshot()
        ds = self.data.publishable(snap, blocked)
        self._own(r for recs in snap.records.values() for r in recs)
        settings = self.settings
        started = time.perf_counter()
        plugin.remember(ds, self.as_of)
        pelican = Pelican(settings)  # loads the plugins: gongshi's signal receivers set up the Jinja env
        self.context: dict[str, Any] = {**settings, "generated_content": {}, "static_links": set(),
                                        "static_content": {}, "localsiteurl": ""}
        gens = [cls(context=self.context, settings=settings, path=pelican.path, theme=pelican.theme,
                    output_path=self.output)
                for cls in (ArticlesGenerator, PagesGenerator, ProvenanceGenerator, PortalGenerator, FeedsGenerator)]
        for g in gens:
            g.generate_context()
        self.portal = gens[3]
        self.base = self.portal.base
        self.state = State(self.portal.public, filled(self.portal.pages), gen)
        self.rebuild_seconds = time.perf_counter() - started
        plugin._PREPARED.clear()  # the build caches would keep this first state alive forever
        plugin._PUBLISHED.clear()
        _settle()
        if background:
            self._worker = threading.Thread(target=self._rebuild_loop, name="gongshi-live-rebuild", daemon=True)
            self._worker.start()

    def _settings(self, data: str, content: str | None) -> dict[str, Any]:
        """Pelican's settings as a build reads them, for a preview served from the site root."""
        overrides: dict[str, Any] = {"GONGSHI_DATA": os.path.abspath(data), "GONGSHI_AS_OF": self.as_of,
                                     "SITEURL": "", "RELATIVE_URLS": False, "OUTPUT_PATH": self.output}
        if content is not None:
            overrides["PATH"] = os.path.abspath(content)
        settings = build.pelican_settings(self.settings_file, overrides)
        settings["PLUGINS"] = build.site_plugins(settings.get("PLUGINS"))
        if not os.path.isdir(settings.get("THEME", "")):
            here = os.path.dirname(os.path.abspath(self.settings_file)) if self.settings_file else os.getcwd()
            settings["THEME"] = os.path.join(here, "theme")
        settings[BUILD_SETTING] = plugin.BuildInputs(settings)  # what the outputs read (publication/inputs.py)
        return settings

    def stop(self) -> None:
        self._stop.set()
        self._dirty.set()
        with self.events:
            self.events.notify_all()

    def _own(self, records: Any) -> None:
        for r in records:
            url = urls.record(r)
            if url:
                self.owners[url] = r.file

    # -- a saved file --------------------------------------------------------------------
    def apply(self, paths: list[str]) -> list[Change]:
        """Re-read and check the saved files, patch their pages, tell the browsers to reload."""
        started = time.perf_counter()
        changes = [self.data.apply(p) for p in sorted(set(paths))]
        for ch in changes:
            self._patch(ch)
        if self.rebuild_seconds < SYNC_SECONDS:
            self.rebuild()  # small site: everything fresh before the reload
        else:
            self._dirty.set()
        for ch in changes:
            self.report(ch, time.perf_counter() - started)
        self.notify()
        return changes

    def _patch(self, ch: Change) -> None:
        """Make the changed decisions' own pages again (step 1 of the module docstring)."""
        self._own(ch.new)
        if ch.path in self.data.blocked():
            return  # its pages show the findings (respond); no view of it is ever made
        with self._swap:  # a rebuild swapping meanwhile keeps the patches newer than itself
            self._patch_state(self.state, ch)

    def _patch_state(self, state: State, ch: Change) -> None:
        pub = state.pub
        new_urls: set[str] = set()
        for rec in ch.new:
            if rec.kind != "decision" or rec.agency not in pub.agencies:
                continue
            vis = visibility(rec, self.as_of, pub.policy)
            url = urls.decision(rec)
            new_urls.add(url)
            page = self._decision_page(pub, rec, vis) if (vis.public or vis.notice) else None
            state.patches[url] = (ch.generation, page)
        for rec in ch.old:  # a record gone from the file (or renamed): its page goes too
            gone = urls.record(rec)
            if rec.kind == "decision" and gone and gone not in new_urls:
                state.patches[gone] = (ch.generation, None)

    def _decision_page(self, pub: Publication, rec: Record, vis: Any) -> Page | None:
        one = Publication(pub.as_of, pub.site, pub.policy, pub.agencies,
                          others={k: pub.of(k, rec.agency) for k in ("officer", "item")})
        v = view(rec, self.as_of, vis)
        (one.decisions if vis.public else one.notices).append(v)
        url = urls.decision(rec)
        return next((p for p in pages_decisions.plan(one, self.base) if p.path == url), None)

    def report(self, ch: Change, seconds: float) -> None:
        """The saved file's findings in the terminal, as `gongshi validate` prints them."""
        where = display_path(masked(ch.path))  # a file named with a number: masked (checks/scrub.py)
        print(f"\n已更新 / updated: {where}  ({seconds * 1000:.0f} ms)", flush=True)
        if ch.findings:
            print(Report(ch.findings).to_text(self.lang), flush=True)
            if ch.path in self.data.blocked():
                print("该记录有错误，预览中不显示 / this record has errors: the preview does not show it", flush=True)
        else:
            print("没有问题 / no findings", flush=True)

    def notify(self) -> None:
        with self.events:
            self.notified = self.data.generation
            self.events.notify_all()

    # -- the full rebuild ----------------------------------------------------------------
    def rebuild(self) -> None:
        """Every check but the gates, publish and plan everything, swap it in (step 2).

        The cyclic GC is off meanwhile and the new state frozen afterwards (`_settle`): at
        100,000 decisions a full collection walks millions of objects while holding the GIL,
        which stalled a save's page by up to 2 s; the records and views make no cycles."""
        with self._rebuilding:
            enabled = gc.isenabled()
            gc.disable()
            try:
                self._rebuild()
            finally:
                if enabled:
                    gc.enable()
            _settle(collect=False)

    def _rebuild(self) -> None:
        started = time.perf_counter()
        snap, blocked, gen = self.data.snapshot()
        try:
            self.data.sweep(snap, gen)
            # Files blocked at the snapshot stay out even if fixed since (their fixed version is
            # not in the snapshot); files the sweep found errors in go out too.
            ds = self.data.publishable(snap, blocked | self.data.blocked())
            pub = publish(ds, self.as_of)
            pages = plan_pages(ds, pub, site_base(self.settings, pub.site))
        except Exception as exc:  # a clerk never sees a traceback; the preview keeps the last state
            self.problem = f"{type(exc).__name__}: {exc}"
            print(f"gongshi serve: 预览未能更新 / the preview could not be rebuilt: {self.problem}",
                  file=sys.stderr, flush=True)
            return
        self.problem = None
        env = self.portal.env
        with self._swap:
            old = self.state
            state = State(pub, pages, gen, {p: v for p, v in old.patches.items() if v[0] > gen})
            env.globals.update(ps=pub, SITE=pub.site)
            env.globals["_fragment_cache"] = {}  # header, menus, footer: made again from the new site
            self.state = state
        self.rebuild_seconds = time.perf_counter() - started

    def _rebuild_loop(self) -> None:
        garbage = False  # a rebuild left objects no collection has seen yet
        while not self._stop.is_set():
            if not self._dirty.wait(timeout=IDLE_COLLECT_S if garbage else None):
                # Quiet for a while: now collect what the rebuilds left (a rebuild's temporary
                # cycles; ~40 MB each at 100,000 decisions) while no save is likely to wait.
                with self._rebuilding:
                    gc.unfreeze()
                    _settle()
                garbage = False
                continue
            if self._stop.is_set():
                return
            self._dirty.clear()
            time.sleep(0.3)  # a burst of saves (git checkout, a search-and-replace) is one rebuild
            self._dirty.clear()
            self.rebuild()
            garbage = True
            if self.problem is None:
                print(f"全站已更新（列表、统计） / whole site refreshed (lists, statistics): "
                      f"{self.rebuild_seconds:.1f} s", flush=True)

    def templates_changed(self) -> None:
        """A theme file was saved: Jinja reloads it by itself; the fragments must go."""
        self.portal.env.globals["_fragment_cache"] = {}
        with self.data.lock:
            self.data.generation += 1
        self.notify()

    # -- answering a request -------------------------------------------------------------
    def blocked_file(self, path: str) -> str | None:
        """The blocked file whose findings a request for `path` must show instead, if any."""
        blocked = self.data.blocked()
        if not blocked:
            return None
        for name in GLOBAL_FILES:
            if os.path.join(self.data.root, name) in blocked:
                return os.path.join(self.data.root, name)
        agency = os.path.join(self.data.root, "agencies", path.split("/")[0], "agency.yml")
        if "/" in path and agency in blocked:
            return agency
        owner = self.owners.get(path)
        return owner if owner in blocked else None

    def respond(self, path: str) -> Response | None:
        """The portal page at `path` (site-relative, e.g. market/index.html), or None when it
        is not a portal page (static files and the other outputs come from the output folder)."""
        from gongshi.app.livebanner import error_page
        bad = self.blocked_file(path)
        if bad is not None:
            return Response(200, error_page(bad, self.data.findings(bad), self.lang), blocked=True)
        state = self.state
        if path in state.patches:
            page = state.patches[path][1]
        else:
            page = state.pages.get(path)
        if page is None:
            if path in state.patches or path in self.owners:
                return self._render(state, state.pages["404.html"], 404)
            return None
        return self._render(state, page, 200)

    def not_found(self) -> Response:
        state = self.state
        return self._render(state, state.pages["404.html"], 404)

    def _render(self, state: State, page: Page, status: int) -> Response:
        context = {**self.context, "gongshi": state.pub, "ps": state.pub, "SITE": state.pub.site,
                   "SITENAME": state.pub.site.get("name", self.context.get("SITENAME"))}
        html = self.portal.get_template(page.template).render(context, **page.ctx)
        return Response(status, html)

    def banner_files(self) -> list[tuple[str, list[Finding]]]:
        """Files saved in this session that have findings now, most recent first (at most 10)."""
        with self.data.lock:
            recent = sorted(self.data.changed_at.items(), key=lambda kv: -kv[1])
            out = [(p, self.data.findings(p)) for p, _ in recent]
        return [(p, fs) for p, fs in out if fs][:10]
