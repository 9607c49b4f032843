"""What goes into each feed: entries built from the public set only, with stable tag-URI ids.

An entry's id is a tag URI from the agency and slug (never the title), so a corrected title
is an update of the same entry, not a new one; `updated` moves with the latest correction.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from gongshi.model.kinds.site import CATEGORIES
from gongshi.publication import Publication, PublicRecord, urls
from gongshi.publication.urls import site_base
from gongshi.model.titles import record_title
from gongshi.publication.text import plain_text, xml_safe

LIMIT = 50  # newest entries per feed
# ASCII file names per category: the portal's URL words, so feed and page URLs agree.
CATEGORY_SLUGS: dict[str, str] = urls.CATEGORY_SLUGS
ACTION_SLUGS = {"更正": "correction", "撤销": "revocation", "变更": "change"}
FORMATS = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@dataclass(frozen=True)
class Entry:
    """One feed entry; `uid` is the record it comes from (for the fail-closed tests)."""

    id: str
    title: str
    link: str
    published: dt.date
    updated: dt.date
    summary: str
    author: str
    agency: str
    slug: str
    uid: str
    category: str | None = None

    def order(self) -> tuple[Any, ...]:
        """Newest first, then agency, slug and id: one stable order for every build."""
        return (-self.updated.toordinal(), self.agency, self.slug, self.id)


@dataclass
class Feed:
    """One feed, written as both Atom and RSS: `stem` + '.atom.xml' / '.rss.xml'."""

    scope: str
    title: str
    subtitle: str
    stem: str
    page: str  # site-relative HTML page the feed mirrors
    entries: list[Entry] = field(default_factory=list)
    empty_since: dt.date | None = None  # `updated` of a feed without entries

    @property
    def updated(self) -> dt.date:
        """The newest entry's date (never 'now'), so the same data gives the same bytes."""
        if self.entries:
            return max(e.updated for e in self.entries)
        return self.empty_since or dt.date(1970, 1, 1)

    def href(self, fmt: str) -> str:
        return f"{self.stem}.{fmt}.xml"


def site_url(settings: dict[str, Any], site: dict[str, Any]) -> str:
    """Base for absolute links (the publication's one URL builder)."""
    return site_base(settings, site)


def host_of(base: str) -> str:
    return urlsplit(base).hostname or "localhost"


def tag_uri(host: str, rec: PublicRecord, *suffix: str) -> str:
    """tag:<host>,<year first published>:<agency>/<slug>[/suffix…] (RFC 4151)."""
    tail = "".join(f"/{s}" for s in suffix)
    year = rec.published.year if rec.published else 1970
    return f"tag:{host},{year}:{rec.agency}/{rec.slug}{tail}"


def updated_of(rec: PublicRecord) -> dt.date:
    """The latest correction date up to the build day, else the publication date (the view's)."""
    return rec.updated or rec.published or dt.date(1970, 1, 1)


def decision_title(rec: PublicRecord) -> str:
    d = rec.data
    return xml_safe(f"{d['doc_no']} {record_title(d)}")


def decision_summary(rec: PublicRecord) -> str:
    """The public text: the conclusion and the facts, as plain text."""
    parts = [xml_safe(rec.data.get("result", "")), plain_text(rec.data.get("facts"))]
    return "\n".join(p for p in parts if p)


def decision_entry(rec: PublicRecord, agency_name: str, base: str) -> Entry:
    """The entry of a public decision."""
    return Entry(tag_uri(host_of(base), rec), decision_title(rec), f"{base}/{rec.url}",
                 rec.published or updated_of(rec), updated_of(rec), decision_summary(rec),
                 xml_safe(agency_name), rec.agency or "", rec.slug or "", rec.uid,
                 rec.data.get("category"))


def history_entries(rec: PublicRecord, agency_name: str, base: str) -> list[Entry]:
    """One entry per past correction or change of a public decision (the view's history)."""
    out: list[Entry] = []
    seen: dict[str, int] = {}
    doc_no = rec.data["doc_no"]
    for h in rec.history:
        key = f"{ACTION_SLUGS.get(h['action'], 'change')}/{h['date'].isoformat()}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # two events of one kind on one day keep distinct ids
            key = f"{key}-{seen[key]}"
        out.append(Entry(tag_uri(host_of(base), rec, *key.split("/")),
                         xml_safe(f"{h['action']}：{doc_no}"), f"{base}/{rec.url}",
                         h["date"], h["date"], xml_safe(f"{doc_no} {h['action']}：{h['note']}"),
                         xml_safe(agency_name), rec.agency or "", rec.slug or "", rec.uid,
                         rec.data.get("category")))
    return out


def notice_entry(rec: PublicRecord, agency_name: str, base: str) -> Entry:
    """A revocation notice: document number, date and reason only (no party, no facts)."""
    assert rec.revocation is not None
    day, reason = rec.revocation.date, rec.revocation.reason
    doc_no = rec.data["doc_no"]
    return Entry(tag_uri(host_of(base), rec, "revocation", day.isoformat()),
                 xml_safe(f"撤销公告：{doc_no}"), f"{base}/{rec.url}", day, day,
                 xml_safe(f"{doc_no}已于{day.isoformat()}撤销。" + (f"撤销原因：{reason}" if reason else "")),
                 xml_safe(agency_name), rec.agency or "", rec.slug or "", rec.uid)


def _newest(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=Entry.order)[:LIMIT]


def _buckets(ps: Publication) -> dict[str, list[PublicRecord]]:
    """Scope -> its newest LIMIT public decisions, in one pass over one sort (100k stays cheap)."""
    def order(r: PublicRecord) -> tuple[Any, ...]:
        return (-updated_of(r).toordinal(), r.agency or "", r.slug or "")

    out: dict[str, list[PublicRecord]] = {}
    for r in sorted(ps.decisions, key=order):
        for scope in ("all", f"agency:{r.agency}", f"category:{r.data.get('category')}"):
            bucket = out.setdefault(scope, [])
            if len(bucket) < LIMIT:
                bucket.append(r)
    return out


def plan(ps: Publication, base: str) -> list[Feed]:
    """Every feed of the site with its newest entries, from the public set and nothing else."""
    site = xml_safe(ps.site.get("name", ""))
    names = {slug: a.data.get("name", slug) for slug, a in ps.agencies.items()}
    buckets = _buckets(ps)
    made: dict[str, Entry] = {}

    def newest(scope: str) -> list[Entry]:
        recs = buckets.get(scope, [])
        for r in recs:
            if r.uid not in made:
                made[r.uid] = decision_entry(r, names[r.agency or ""], base)
        return [made[r.uid] for r in recs]

    changes = [e for r in ps.decisions if r.history for e in history_entries(r, names[r.agency or ""], base)]
    changes += [notice_entry(r, names[r.agency or ""], base) for r in ps.notices]
    # An empty feed is as new as the site's newest change, so it only moves when content does.
    dates = [e.updated for e in changes] + [updated_of(r) for r in buckets.get("all", [])[:1]]
    since = max(dates, default=ps.as_of)
    feeds = [Feed("all", f"{site}：执法决定", f"{site}新公开和更正的全部行政执法决定", "feeds/all",
                  "index.html", newest("all"), since)]
    for slug, name in names.items():
        feeds.append(Feed(f"agency:{slug}", f"{xml_safe(name)}：执法决定", f"{xml_safe(name)}公开的行政执法决定",
                          f"feeds/agency/{slug}", urls.agency(slug), newest(f"agency:{slug}"), since))
    for cat in CATEGORIES:
        mine = newest(f"category:{cat}")
        # The portal lists a category only once it has a decision; until then, all decisions.
        page = urls.decisions_list(cat=cat) if mine else urls.decisions_list()
        feeds.append(Feed(f"category:{cat}", f"{site}：{cat}决定", f"{site}公开的{cat}决定",
                          f"feeds/category/{urls.category(cat)}", page, mine, since))
    feeds.append(Feed("revocations", f"{site}：撤销和更正公告", f"{site}执法决定的撤销公告和更正记录",
                      "feeds/revocations", "revocations.html", _newest(changes), since))
    return feeds
