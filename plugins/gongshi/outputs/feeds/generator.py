"""FeedsGenerator: writes every feed under feeds/ and the feeds page listing them."""
from __future__ import annotations

import logging
import os
import time
from typing import Any

from pelican import signals
from pelican.generators import Generator

from gongshi.publication.inputs import inputs
from gongshi.publication.urls import site_base
from gongshi.outputs.feeds import entries
from gongshi.outputs.feeds.entries import FORMATS, Feed
from gongshi.outputs.feeds.render import render
from gongshi.outputs.feeds import subscribe

log = logging.getLogger("gongshi.outputs.feeds")

FORMAT_NAMES = {"atom": "Atom", "rss": "RSS 2.0"}


def feed_links(feeds: list[Feed]) -> list[dict[str, str]]:
    """The `gongshi_feeds` context list: title, site-relative href, MIME type and scope."""
    return [{"title": f"{feed.title}（{FORMAT_NAMES[fmt]}）", "href": feed.href(fmt), "type": mime,
             "scope": feed.scope, "format": FORMAT_NAMES[fmt]}
            for feed in feeds for fmt, mime in FORMATS.items()]


class FeedsGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """RSS 2.0 and Atom for all decisions, each agency, each category, and revocations."""

    def generate_context(self) -> None:
        ps = self.ps = inputs(self.settings).publication()
        self.site_name: str = ps.site.get("name", "")
        self.base = site_base(self.settings, ps.site)
        self.feeds = entries.plan(ps, self.base)
        self.hub: str | None = (ps.site.get("websub") or {}).get("hub")  # declared in every feed
        self.context["gongshi_feeds"] = feed_links(self.feeds)
        # Pages of ours the sitemap should list (the portal writes sitemap.xml).
        self.context.setdefault("gongshi_sitemap_pages", []).append("feeds/index.html")
        self.context["gongshi_sitemap_pages"].extend(subscribe.page_path(f) for f in self.feeds
                                                     if f.scope.startswith("agency:"))

    def generate_output(self, writer: Any) -> None:
        started = time.perf_counter()
        for feed in self.feeds:
            for fmt in FORMATS:
                path = os.path.join(self.output_path, feed.href(fmt))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as fh:
                    fh.write(render(feed, fmt, self.base, self.site_name, self.hub))
        self._page("feeds/index.html", "feeds", feeds=self.feeds, feed_formats=FORMAT_NAMES, feed_base=self.base,
                   subscribe_pages={f.scope: subscribe.page_path(f) for f in self.feeds
                                    if f.scope.startswith("agency:")}, hub=self.hub)
        for feed in self.feeds:  # one subscribe page per agency: its addresses and their QR codes
            if feed.scope.startswith("agency:"):
                self._page(subscribe.page_path(feed), "feeds_subscribe", feed=feed, hub=self.hub,
                           agency=self.ps.agencies[feed.scope.split(":", 1)[1]], section="subscribe",
                           addresses=subscribe.addresses(feed, self.base, FORMAT_NAMES))
        log.info("gongshi.outputs.feeds: %d feeds written in %.1f s", 2 * len(self.feeds), time.perf_counter() - started)

    def _page(self, rel: str, template: str, **ctx: Any) -> None:
        path = os.path.join(self.output_path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.get_template(template).render(self.context, **ctx))
        signals.content_written.send(path, context=self.context)  # ordinary plugins see it (model/hookspecs.py)
