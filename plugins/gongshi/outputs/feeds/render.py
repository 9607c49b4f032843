"""Feed bytes with feedgen: Atom 1.0 and RSS 2.0, deterministic (no 'now' anywhere)."""
from __future__ import annotations

import datetime as dt
import html
import re

from feedgen.feed import FeedGenerator

from gongshi.outputs.feeds.entries import Entry, Feed
from gongshi.publication.text import xml_safe as x

CHINA = dt.timezone(dt.timedelta(hours=8))


def _moment(day: dt.date) -> dt.datetime:
    # Records carry dates only; midnight in China keeps the calendar day in every reader.
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


def _add(fg: FeedGenerator, e: Entry, fmt: str = "atom") -> None:
    # Every string passes xml_safe here too: lxml raises on any forbidden character.
    fe = fg.add_entry(order="append")
    fe.id(x(e.id))
    fe.guid(x(e.id), permalink=False)
    fe.title(x(e.title))
    fe.link(href=x(e.link), rel="alternate")
    fe.published(_moment(e.published))
    fe.updated(_moment(e.updated))
    fe.author({"name": x(e.author)})
    # Plain text summary: no type="CDATA" content, which is not valid Atom. Atom's summary is
    # type text; RSS readers take <description> as HTML, so there the text is HTML-escaped first
    # (a literal "<img onerror=…>" in the text stays text, never live markup).
    fe.summary(x(e.summary) if fmt == "atom" else html.escape(x(e.summary), quote=False))
    if e.category:
        fe.category(term=x(e.category))


def render(feed: Feed, fmt: str, base: str, site_name: str, hub: str | None = None) -> bytes:
    """The feed as Atom ('atom') or RSS 2.0 ('rss') bytes. `hub`: the WebSub hub the feed
    declares (site.yml websub.hub): subscribers are pushed new entries instead of polling;
    the build pings it when the feed changed (app/websub.py)."""
    fg = FeedGenerator()
    self_url = x(f"{base}/{feed.href(fmt)}")
    fg.id(self_url)
    fg.title(x(feed.title))
    fg.subtitle(x(feed.subtitle))
    fg.author({"name": x(site_name) or x(feed.title)})
    fg.link(href=self_url, rel="self")
    if hub:
        fg.link(href=x(hub), rel="hub")
    fg.link(href=x(f"{base}/{feed.page}"), rel="alternate")  # last: feedgen takes it as RSS <link>
    fg.language("zh-CN")
    fg.generator("gongshi")
    moment = _moment(feed.updated)
    fg.updated(moment)
    fg.lastBuildDate(moment)
    for e in feed.entries:
        _add(fg, e, fmt)
    out: bytes = fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)
    if hub and fmt == "rss":
        out = _rss_hub(out, x(hub))
    return out


def _rss_hub(rss: bytes, hub: str) -> bytes:
    """feedgen writes only the self <atom:link> into RSS: the hub's goes right after it (WebSub
    §4 asks for both in the topic's own document)."""
    link = f'<atom:link href="{html.escape(hub, quote=True)}" rel="hub"/>'.encode()
    out, n = re.subn(rb'(\n(\s*)<atom:link [^>]*rel="self"[^>]*/>)', lambda m: m.group(1) + b"\n" + m.group(2) + link,
                     rss, count=1)
    assert n == 1, "feedgen wrote no self link into the RSS feed"
    return out
