"""PortalGenerator: plans every portal page from the public set, renders them on both cores,
and writes sitemap.xml and robots.txt.

Pages are planned first (a list of `Page`), templates are compiled once in the parent, and
for large sites the list is rendered by a fork pool: children inherit the compiled templates
and the public set, and only page indexes cross the process boundary.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import re
import time
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from markupsafe import Markup, escape
from pelican.generators import Generator

from pelican import signals
from pelican.utils import get_relative_path

from gongshi.checks import attachments
from gongshi.publication.inputs import inputs
from gongshi.model.dataset import Dataset
from gongshi.publication import Publication, subjects
from gongshi.publication.urls import site_base as _site_base
from gongshi.outputs import pagecache
from gongshi.outputs.portal import (
    decision_page,
    fragments,
    i18n,
    lookup,
    rows,
    pages_agency,
    pages_decisions,
    pages_site,
    pages_subjects,
    urls,
)
from gongshi.outputs.portal.fragments import phone_links
from gongshi.outputs.portal.markup import render_markdown
from gongshi.outputs.portal.page import Page
from gongshi.runtime.workers import workers as configured_workers

log = logging.getLogger("gongshi.outputs.portal")

PARALLEL_MIN_PAGES = 1500
CHUNK = 400
SITEMAP_MAX = 50000  # URLs per sitemap file (sitemaps.org limit)
_ACTIVE: PortalGenerator | None = None  # the generator a forked worker renders for




def money(value: Any) -> str:
    """An amount in yuan with thousands separators and no needless decimals; text ("<3", an
    amount an annual snapshot withholds) as it is."""
    if isinstance(value, str):
        return value
    v = float(value or 0)
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def site_base(settings: dict[str, Any], ps: Publication) -> str:
    """Absolute base URL for sitemap and JSON-LD (the publication's URL builder)."""
    return _site_base(settings, ps.site)


class PathClash(Exception):
    """Two planned pages share one URL (an agency slug such as `decisions` or `stats`)."""


def check_unique(pages: list[Page]) -> None:
    """Fail the build rather than let one page silently overwrite another."""
    seen: dict[str, str] = {}
    for page in pages:
        if page.path in seen:
            raise PathClash(f"gongshi.outputs.portal: {page.path} would be written twice "
                            f"({seen[page.path]} and {page.template}); rename the agency folder")
        seen[page.path] = page.template


def _render_range(bounds: tuple[int, int]) -> tuple[dict[str, str], int]:
    assert _ACTIVE is not None
    return _ACTIVE.settle_and_render(_ACTIVE.early[bounds[0]:bounds[1]])


def plan(ds: Dataset, ps: Publication, base: str) -> list[Page]:
    """Every portal page, in order: what a build renders and the live preview serves. A page
    with `late` reads the checks' findings (Page.late): call it once they are known."""
    pages = [*pages_site.plan(ds, ps, base), *pages_agency.plan(ps, base),
             *pages_decisions.plan(ps, base), *pages_subjects.plan(ps, base)]
    check_unique(pages)
    return pages


class PortalGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """Every portal page: 事前 per agency, 事后 decisions and lists, statistics, compliance."""

    def generate_context(self) -> None:
        ds = inputs(self.settings).dataset()
        self.dataset = ds
        self.public: Publication = inputs(self.settings).publication()
        self.context["gongshi"] = self.public
        self.context["SITENAME"] = self.public.site.get("name", self.context.get("SITENAME"))
        self.base = site_base(self.settings, self.public)
        i18n.install(self.env, self.settings)
        lookup.install(self.env)  # `d.data.x` without an AttributeError a dot (portal/lookup.py)
        self.env.globals.update(urls=urls, ps=self.public, SITE=self.public.site, fragment=fragments.fragment,
                                subject_url=subjects.url_for, decision_rows=rows.decision_rows,
                                decision_crumbs=decision_page.decision_crumbs,
                                decision_article=decision_page.decision_article,
                                decision_provenance=decision_page.decision_provenance)
        self.env.filters.update(md=render_markdown, money=money, cat_slug=urls.category, phone=phone_links)
        ps = self.public
        self.pages: list[Page] = plan(ds, ps, self.base)

    def render_page(self, page: Page) -> None:
        """Render one planned page to its file."""
        ctx = page.ctx
        if self.settings.get("RELATIVE_URLS"):
            ctx = {**ctx, "SITEURL": get_relative_path(page.path).rstrip("/") or "."}
        html = self.get_template(page.template).render(self.context, **ctx)
        with open(os.path.join(self.output_path, page.path), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)

    def settle_and_render(self, pages: list[Page]) -> tuple[dict[str, str], int]:
        """Link each page unchanged since the published build (the page cache), render the
        rest: the pages' cache keys and how many were rendered. Keys are computed here, in the
        render workers, not before them: hashing every page's context is work for both cores."""
        keys: dict[str, str] = {}
        rendered = 0
        for page in pages:
            key, linked = self.cache.settle(page, self.output_path) if self.cache else (None, False)
            if key is not None:
                keys[page.path] = key
            if not linked:
                self.render_page(page)
                rendered += 1
        return keys, rendered

    def announce(self) -> None:
        """Pelican's `content_written` for every page (rendered or reused), sent in this process
        as Pelican's writer sends it for its own pages, so ordinary plugins (a sitemap, say) see
        the whole portal."""
        for page in self.pages:
            signals.content_written.send(os.path.join(self.output_path, page.path),
                                         context={**self.context, **page.ctx})

    def generate_output(self, writer: Any) -> None:
        global _ACTIVE
        started = time.perf_counter()
        for folder in sorted({os.path.dirname(p.path) for p in self.pages}):
            os.makedirs(os.path.join(self.output_path, folder), exist_ok=True)
        self.cache: pagecache.PageCache | None = None
        if self.settings.get(pagecache.SETTING):
            # Pages whose key is unchanged are linked from the published build (outputs/pagecache.py).
            self.cache = pagecache.PageCache(self.settings, self.context, self.env, i18n.language(self.settings))
        for name in sorted({p.template for p in self.pages}):
            self.get_template(name)  # compiled once, before any fork
            if self.cache is not None:
                self.cache.key_names(name)  # and analysed once
        workers = configured_workers(self.settings)
        self.early = [p for p in self.pages if p.late is None]
        parallel = workers >= 2 and len(self.early) >= PARALLEL_MIN_PAGES
        if not parallel:
            keys, rendered = self.settle_and_render(self.early)
        else:
            _ACTIVE = self
            bounds = [(i, min(i + CHUNK, len(self.early))) for i in range(0, len(self.early), CHUNK)]
            keys, rendered = {}, 0
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    for part, count in pool.imap_unordered(_render_range, bounds):
                        keys.update(part)
                        rendered += count
            finally:
                _ACTIVE = None
        late = [p for p in self.pages if p.late is not None]
        if late:
            inputs(self.settings).checked()  # they read the findings: wait for the checks
            for page in late:
                page.fill()
            more, count = self.settle_and_render(late)
            keys.update(more)
            rendered += count
        if self.cache is not None:
            self.cache.record(keys, rendered, len(self.pages))
        attachments.publish_files(self.public, self.output_path, self.dataset.root)  # files/<agency>/: guides' 示范文本, sanitised
        attachments.publish_linked(self.dataset.content, self.dataset.root, self.output_path)  # notices' files
        self.announce()
        self.write_sitemap()
        log.info("gongshi.outputs.portal: %d pages (%d decisions, %d rendered) written in %.1f s with %d process(es)",
                 len(self.pages), len(self.public.decisions), rendered, time.perf_counter() - started,
                 workers if parallel else 1)

    def sitemap_paths(self) -> list[str]:
        """Every public page: the portal's, the other outputs' and Pelican's notices and Markdown pages."""
        paths = {p.path for p in self.pages if p.sitemap}
        paths.update(self.context.get("gongshi_sitemap_pages") or [])  # feeds, open data, search
        for key in ("articles", "pages"):
            paths.update(getattr(doc, "save_as", "") for doc in self.context.get(key) or [])
        if self.context.get("articles"):
            paths.add(str(self.settings.get("INDEX_SAVE_AS") or "index.html"))
        return sorted(p for p in paths if p)

    def write_sitemap(self) -> None:
        """sitemap.xml (an index of numbered files past 50,000 URLs) and robots.txt."""
        paths = self.sitemap_paths()
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

        def urlset(chunk: list[str]) -> str:
            body = "".join(f"<url><loc>{xml_escape(f'{self.base}/{p}')}</loc></url>\n" for p in chunk)
            return f"{head}<urlset {ns}>\n{body}</urlset>\n"

        files: dict[str, str] = {}
        if len(paths) <= SITEMAP_MAX:
            files["sitemap.xml"] = urlset(paths)
        else:
            parts = [paths[i:i + SITEMAP_MAX] for i in range(0, len(paths), SITEMAP_MAX)]
            for n, chunk in enumerate(parts, 1):
                files[f"sitemap-{n}.xml"] = urlset(chunk)
            body = "".join(f"<sitemap><loc>{self.base}/sitemap-{n}.xml</loc></sitemap>\n"
                           for n in range(1, len(parts) + 1))
            files["sitemap.xml"] = f"{head}<sitemapindex {ns}>\n{body}</sitemapindex>\n"
        files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {self.base}/sitemap.xml\n"
        for name, text in files.items():
            with open(os.path.join(self.output_path, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)

