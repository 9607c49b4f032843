"""WebSub: push, not only poll. After a swap that changed feeds, tell their hub.

A feed declares its hub (site.yml `websub: hub: URL`; outputs/feeds/render.py writes
`<link rel="hub">` in Atom and `<atom:link rel="hub">` in RSS beside the self link). A
newsroom, a 微博/微信 bridge or an app subscribes once at the hub; the hub fetches a feed when
it is told the feed changed and pushes the new entries to every subscriber.

What changed is decided by bytes, not by dates: every feed file of the new build is compared
with the one the published build holds (a feed the published build lacks is new). The feeds
are deterministic (no "now" in them), so an unchanged build pings nobody. The topic and hub of
each changed feed are read from the feed itself, so the ping names exactly the URL subscribers
subscribed to, whatever SITEURL the build used.

The ping is WebSub's publish notification as hubs accept it (Google's, Superfeedr, WebSub.rocks
and the PubSubHubbub 0.4 reference): an HTTP POST, form-encoded, `hub.mode=publish` and
`hub.url=<feed URL>`, one request per feed. It runs after the swap (the hub must find the new
feed online) and never fails the build: the site is already published, a hub that does not
answer is a warning, and the subscribers' readers still poll.
"""
from __future__ import annotations

import logging
import os
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass

log = logging.getLogger("gongshi.websub")

FEEDS = "feeds"        # the folder the feeds output writes (outputs/feeds/entries.py)
TIMEOUT = 10.0         # seconds a hub has to answer one ping


@dataclass(frozen=True)
class Ping:
    """One publish notification: tell `hub` that `topic` changed."""

    hub: str
    topic: str


def _feed_files(site: str) -> dict[str, str]:
    """Site-relative path -> absolute path of every feed file under feeds/."""
    root = os.path.join(site, FEEDS)
    out: dict[str, str] = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.endswith(".xml"):
                path = os.path.join(folder, name)
                out[os.path.relpath(path, site).replace(os.sep, "/")] = path
    return out


def _same(a: str, b: str) -> bool:
    try:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            return fa.read() == fb.read()
    except OSError:
        return False


def links(feed: bytes) -> tuple[str | None, str | None]:
    """(self, hub) URLs a feed declares: Atom <link> or RSS <atom:link>, by their rel."""
    try:
        root = ET.fromstring(feed)
    except ET.ParseError:
        return None, None
    found: dict[str, str] = {}
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "link" and el.get("rel") in ("self", "hub") and el.get("href"):
            found.setdefault(str(el.get("rel")), str(el.get("href")))
    return found.get("self"), found.get("hub")


def pending(new: str, published: str) -> list[Ping]:
    """The pings a swap of `new` over `published` calls for: one per feed of `new` that
    declares a hub and whose bytes differ from the published one (or that is new), in path
    order. Call it before the swap; publish() them after."""
    old = _feed_files(published) if os.path.isdir(published) else {}
    out: list[Ping] = []
    for rel, path in sorted(_feed_files(new).items()):
        if rel in old and _same(path, old[rel]):
            continue
        with open(path, "rb") as fh:
            topic, hub = links(fh.read())
        if topic and hub:
            out.append(Ping(hub, topic))
    return out


def publish(pings: list[Ping], timeout: float = TIMEOUT) -> int:
    """POST each ping to its hub; how many the hubs accepted (2xx). A hub that cannot be
    reached is not asked again in this run (one warning, not one timeout per feed)."""
    accepted = 0
    down: set[str] = set()
    for p in pings:
        if p.hub in down:
            continue
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": p.topic}).encode("ascii")
        req = urllib.request.Request(p.hub, data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "User-Agent": "gongshi-websub"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (the site's own hub)
                ok = 200 <= resp.status < 300
        except urllib.error.HTTPError as e:
            log.warning("WebSub 推送中心 %s 拒绝了 %s 的更新通知（HTTP %s） / the WebSub hub refused the ping for %s",
                        p.hub, p.topic, e.code, p.topic)
            continue
        except (urllib.error.URLError, OSError) as e:
            down.add(p.hub)
            log.warning("无法连接 WebSub 推送中心 %s（%s），订阅者仍可轮询订阅源 / cannot reach the WebSub hub %s (%s); "
                        "subscribers still poll the feeds", p.hub, getattr(e, "reason", e), p.hub, getattr(e, "reason", e))
            continue
        accepted += ok
    if pings:
        log.info("gongshi.websub: %d of %d changed feeds announced to their hub", accepted, len(pings))
    return accepted
