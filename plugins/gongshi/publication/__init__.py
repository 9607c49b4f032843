"""The publication layer: one `publish(dataset, as_of)` per build turns every public record into
a frozen view, and every output (pages, feeds, open data, the 双公示 export, sitemap, search,
refresh's change list) reads these views and nothing else.

    data/ ──load──▶ Dataset ──checks──▶ findings ──publish──▶ Publication ──▶ outputs

A view (`PublicRecord`) carries the facts outputs used to derive each on their own: its URL,
`updated`, its history as of the build day, ONE revocation (`revocation_of`: the day
`visibility` takes it offline, and the reason given then), its last public day, and `data`,
the projection of the record onto the fields its kind declares public (projection.py).
What the public sees of kind K is declared in model/kinds/K.py; which records are public on a
day is policy/visibility.py, judged once in `publish`. The compliance summary (compliance) and the
inputs handed to the outputs (inputs) live here too.

Layer: publication. May import: runtime, model, policy, checks (never an output: outputs read
this, not each other).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gongshi.model.dataset import Dataset
from gongshi.model.kinds import KINDS, Record
from gongshi.model.kinds.base import Section
from gongshi.policy import windows
from gongshi.policy.visibility import PUBLIC, Visibility, revoked_on, visibility
from gongshi.publication import urls
from gongshi.publication.projection import NonPublicField, Projection, only, project

__all__ = ["NonPublicField", "Projection", "PublicRecord", "Publication", "Revocation", "Withheld",
           "last_public_day", "publish", "revocation_of", "scheduled_last_day", "past_history", "updated_of", "urls"]

NOTICE_FIELDS = ("doc_no",)  # all a revocation notice shows of the decision itself


@dataclass(frozen=True)
class Revocation:
    """When a revoked decision went offline and why (行政处罚法 art. 48: notice of revocation)."""

    date: dt.date
    reason: str


def revocation_of(rec: Record) -> Revocation | None:
    """The one definition: the day `visibility` takes the decision offline (`revoked_on`: its
    first 撤销, else — status 已撤销 with no 撤销 on record — its publication day), with the
    note of that 撤销, else the withdrawal's reason. None when the decision is not revoked."""
    day = revoked_on(rec)
    if day is None:
        return None
    for h in rec.data.get("history") or []:
        if h and h.get("action") == "撤销" and h.get("date") == day:
            return Revocation(day, str(h.get("note") or ""))
    return Revocation(day, str((rec.data.get("withdrawn") or {}).get("reason") or ""))


def past_history(rec: Record, as_of: dt.date) -> list[dict[str, Any]]:
    """History events dated on or before the build day, oldest first (a future one is not news)."""
    events = [h for h in rec.data.get("history") or [] if h and isinstance(h.get("date"), dt.date)
              and h["date"] <= as_of]
    return sorted(events, key=lambda h: h["date"])


def updated_of(rec: Record, as_of: dt.date) -> dt.date | None:
    """The latest history date up to the build day, else the publication date."""
    published = rec.data.get("published")
    days = [h["date"] for h in past_history(rec, as_of)]
    if isinstance(published, dt.date):
        days.append(published)
    return max(days) if days else None


@dataclass(frozen=True, eq=False)
class PublicRecord:
    """What the public may see of one record on the build day (never its raw data)."""

    kind: str
    uid: str
    agency: str | None
    slug: str | None
    year: int | None
    file: str                       # provenance (page cache, compliance), not content
    url: str | None                 # site-relative page, or None (kinds without one)
    data: Projection                # the public fields only
    published: dt.date | None = None
    updated: dt.date | None = None
    history: tuple[Projection, ...] = ()
    revocation: Revocation | None = None  # a revocation notice's date and reason
    last_day: dt.date | None = None       # last day of the display window (None: until revoked)
    notice: bool = False                  # only the revocation notice is public
    # A public decision's scheduled exit known on the build day (a withdrawal or revocation
    # dated later): exported so that a province judging it on a later day hides it then too.
    offline_from: dt.date | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __reduce__(self) -> Any:  # pickled (page-cache keys) as its fields
        return (_rebuild, (tuple(getattr(self, f.name) for f in dataclasses.fields(self)),))


def _rebuild(values: tuple[Any, ...]) -> PublicRecord:
    return PublicRecord(*values)


@dataclass(frozen=True)
class Withheld:
    """A decision that is not public on the build day: identity and reason only, for the
    private change list of refresh (app/changes.py), never for a published output."""

    uid: str
    agency: str
    slug: str
    year: int | None
    doc_no: str
    reason: str


@dataclass
class Publication:
    """Every public view of one build, by kind and agency (newest decisions first)."""

    as_of: dt.date
    site: dict[str, Any]
    policy: dict[str, Any]
    agencies: dict[str, PublicRecord]
    decisions: list[PublicRecord] = field(default_factory=list)
    notices: list[PublicRecord] = field(default_factory=list)
    others: dict[str, list[PublicRecord]] = field(default_factory=dict)
    status: dict[str, Visibility] = field(default_factory=dict)  # decision uid -> visibility
    hidden: dict[str, int] = field(default_factory=dict)         # reason -> count
    withheld: list[Withheld] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)       # every kind's section pages

    def of(self, kind: str, agency: str | None = None) -> list[PublicRecord]:
        """Public views of a kind other than decision and agency, optionally of one agency."""
        recs = self.others.get(kind, [])
        return recs if agency is None else [r for r in recs if r.agency == agency]

    def records(self, kind: str) -> list[PublicRecord]:
        """Public views of any kind (decisions: the public ones, not the notices)."""
        if kind == "decision":
            return self.decisions
        if kind == "agency":
            return list(self.agencies.values())
        return self.of(kind)

    def pages(self) -> list[str]:
        """The site-relative URL of every public record page (decisions and notices included)."""
        out = [v.url for v in self.agencies.values() if v.url]
        out += [v.url for v in self.decisions + self.notices if v.url]
        out += [v.url for recs in self.others.values() for v in recs if v.url]
        return out


def last_public_day(rec: Record, vis: Visibility | None) -> dt.date | None:
    """The last day the public sees the decision: the earlier of its window's last day and the
    day before a scheduled withdrawal (`withdrawn.date`, e.g. a credit repair that takes it
    offline before the window ends). The one definition every output shows and exports as
    公示截止期 / 处罚有效期 / public_until (issue 21): a withdrawal six months before the window's
    end is the day it goes offline, not the window's end."""
    last = vis.last_day if vis else None
    withdrawn = rec.data.get("withdrawn") if rec.kind == "decision" else None
    day = withdrawn.get("date") if isinstance(withdrawn, dict) else None
    if isinstance(day, dt.date):
        before = day - dt.timedelta(days=1)
        return before if last is None or before < last else last
    return last


def scheduled_last_day(rec: Record, policy: dict[str, Any]) -> dt.date | None:
    """The last public day a decision is given by its window and withdrawal, whatever the day:
    what the 双公示 export shows as 公示截止期 while it is public (the importer compares a
    sheet's date with it)."""
    return last_public_day(rec, Visibility(True, PUBLIC, windows.window_last_day(rec, policy)))


def view(rec: Record, as_of: dt.date, vis: Visibility | None = None) -> PublicRecord:
    """The public view of one record (a revocation notice when `vis.notice`)."""
    kind = KINDS[rec.kind]
    notice = bool(vis and vis.notice)
    where = f"{rec.uid}: "
    if notice:
        data = only(kind.schema, rec.data, NOTICE_FIELDS, where)
    else:
        body = dict(rec.data)
        if "history" in body:
            body["history"] = past_history(rec, as_of)
        data = project(kind.schema, body, kind.public_fields(), where)
    published = rec.data.get("published") if isinstance(rec.data.get("published"), dt.date) else None
    return PublicRecord(
        rec.kind, rec.uid, rec.agency, rec.slug, rec.year, rec.file, urls.record(rec), data,
        published=published, updated=updated_of(rec, as_of) if published else None,
        history=() if notice else tuple(data.get("history") or ()),
        revocation=revocation_of(rec) if notice else None,
        last_day=last_public_day(rec, vis) if vis else None, notice=notice,
        offline_from=None if notice or vis is None else scheduled_exit(rec, as_of))


def scheduled_exit(rec: Record, as_of: dt.date) -> dt.date | None:
    """The first day after `as_of` on which a decision is already set to leave: its withdrawal
    date or its revocation (policy/visibility.py takes it offline on either), else None."""
    days = [d for d in ((rec.data.get("withdrawn") or {}).get("date"), revoked_on(rec))
            if isinstance(d, dt.date) and d > as_of]
    return min(days) if days else None


def publish(ds: Dataset, as_of: dt.date) -> Publication:
    """Every public record of a validated dataset on `as_of`, as frozen views (run once a build).

    Which decisions are public is `visibility` (policy/visibility.py), judged here once for
    every output; a revoked decision is public only as its notice. Newest first, ties broken by
    agency and slug, so every output has one stable order."""
    raw_agencies = dict(sorted(ds.agencies().items()))
    agencies = {slug: view(r, as_of) for slug, r in raw_agencies.items()}
    pub = Publication(as_of, ds.site, ds.policy, agencies)
    shown: list[Record] = []
    notices: list[Record] = []
    for r in ds.of("decision"):
        if r.agency not in raw_agencies:
            continue
        vis = visibility(r, as_of, ds.policy)
        pub.status[r.uid] = vis
        if vis.public:
            shown.append(r)
        else:
            pub.hidden[vis.reason] = pub.hidden.get(vis.reason, 0) + 1
            if vis.notice:
                notices.append(r)
    pub.decisions = [view(r, as_of, pub.status[r.uid]) for r in sorted(shown, key=_order)]
    pub.notices = [view(r, as_of, pub.status[r.uid]) for r in sorted(notices, key=_order)]
    published = set(others())
    for kind in KINDS.values():
        if kind.name in published:
            pub.others[kind.name] = [view(r, as_of) for r in ds.of(kind.name) if r.agency in raw_agencies]
        pub.sections += [dataclasses.replace(s, kind=kind.name) for s in kind.sections]
    public = {r.uid for r in shown}
    for r in ds.of("decision"):
        judged = pub.status.get(r.uid)
        if judged is not None and r.uid not in public:
            pub.withheld.append(Withheld(r.uid, r.agency or "", r.slug or "", r.year,
                                         str(r.data.get("doc_no") or ""), judged.reason))
    return pub


def _order(r: Record) -> tuple[Any, ...]:
    # Newest first; ties broken by agency and slug so every output has one stable order.
    return (-r.data["published"].toordinal(), r.agency or "", r.slug or "")


def others() -> list[str]:
    """The published kinds besides decisions and agencies (which the set holds apart), as the
    kinds declare them (`RecordKind.published`), in registration order."""
    return [name for name, kind in KINDS.items() if kind.published and name not in ("decision", "agency")]
