"""The annual statistics report (R-ANNUAL, R-STATS): counts per year, agency and category.

A year with a committed snapshot (data/stats/<yyyy>.yml, written by `gongshi annual`,
policy/statistics.py) is shown as that snapshot: every decision of the year, public or not, small
cells as "<3", and the page stays the same when the year's decisions later expire or change
(validate warns about the change instead). A year without one (the year just ended, before it
is committed) is counted live from the Publication, so a decision that is not public
(embargoed, withdrawn, expired, revoked, a minor's) is counted nowhere. A year is reported from
1 January of the next year on; every category, penalty kind and role is listed, with 0 where
nothing happened.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gongshi.model.kinds.officer import ROLES
from gongshi.model.kinds.site import CATEGORIES, PENALTY_KINDS
from gongshi.model.kinds.stats import SMALL
from gongshi.publication import Publication

PERMIT = "行政许可"
PENALTY = "行政处罚"
COERCION = "行政强制"


@dataclass
class Counts:
    """The figures of one agency (or the whole site) for one year."""

    slug: str
    name: str
    decisions: int = 0
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    penalty_kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PENALTY_KINDS, 0))
    fines: float = 0.0
    confiscated: float = 0.0
    officers: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    # Only in a snapshot: officers by kind, inspection results by item, on-time rate (0..1).
    officer_kinds: dict[str, int | str] = field(default_factory=dict)
    inspections: dict[str, int | str] = field(default_factory=dict)
    on_time_rate: float | None = None

    @property
    def permits(self) -> int:
        return self.by_category[PERMIT]

    @property
    def penalties(self) -> int:
        return self.by_category[PENALTY]

    @property
    def coercive(self) -> int:
        return self.by_category[COERCION]

    def add(self, other: Counts) -> None:
        """Add another agency's figures (for the site total)."""
        self.decisions += other.decisions
        self.fines += other.fines
        self.confiscated += other.confiscated
        for mine, theirs in ((self.by_category, other.by_category),
                             (self.penalty_kinds, other.penalty_kinds),
                             (self.officers, other.officers)):
            for key, value in theirs.items():
                mine[key] += value


@dataclass
class YearReport:
    """One year's report: every agency, then the site total."""

    year: int
    agencies: list[Counts]
    total: Counts
    made: dt.date | None = None   # the day the committed snapshot was made (None: counted live)
    small: str = SMALL            # how a snapshot writes a withheld cell


def _counts(slug: str, name: str, fig: Mapping[str, Any]) -> Counts:
    return Counts(slug, name, fig.get("decisions", 0),
                  {**dict.fromkeys(CATEGORIES, 0), **(fig.get("by_category") or {})},
                  {**dict.fromkeys(PENALTY_KINDS, 0), **(fig.get("penalty_kinds") or {})},
                  fig.get("fines", 0), fig.get("confiscated", 0),
                  {**dict.fromkeys(ROLES, 0), **(fig.get("officers") or {})},
                  dict(fig.get("officer_kinds") or {}), dict(fig.get("inspections") or {}),
                  fig.get("on_time_rate"))


def snapshot_report(snap: Mapping[str, Any]) -> YearReport:
    """A committed snapshot as the report (its figures exactly as reviewed)."""
    agencies = [_counts(a.get("agency", ""), a.get("name") or a.get("agency", ""), a)
                for a in snap.get("agencies") or []]
    return YearReport(snap["year"], agencies, _counts("", "", snap.get("total") or {}), snap.get("made"))


def report_years(ps: Publication, snapshots: Mapping[int, Mapping[str, Any]] | None = None) -> list[int]:
    """Years whose report is due by `as_of` (from 1 January of the next year), oldest first."""
    last = ps.as_of.year - 1
    years = [r.data["decided"].year for r in ps.decisions] + [y for y in snapshots or {} if y <= last]
    first = min([*years, last])
    return list(range(first, last + 1))


def _serving(officer: Mapping[str, Any], year: int) -> bool:
    # An officer counts for a year when the certificate was valid on some day of it;
    # auxiliary staff carry no certificate and count every year.
    cert = officer.get("certificate")
    if not cert:
        return True
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return bool(cert.get("valid_from", start) <= end and cert.get("valid_until", end) >= start)


def year_report(ps: Publication, year: int) -> YearReport:
    """Count one year's public decisions and serving officers, per agency."""
    per: dict[str, Counts] = {slug: Counts(slug, a.data.get("name", slug)) for slug, a in ps.agencies.items()}
    for rec in ps.decisions:
        if rec.data["decided"].year != year or rec.agency not in per:
            continue
        c = per[rec.agency]
        c.decisions += 1
        c.by_category[rec.data["category"]] = c.by_category.get(rec.data["category"], 0) + 1
        penalty = rec.data.get("penalty") or {}
        for kind in dict.fromkeys(penalty.get("kinds") or []):
            c.penalty_kinds[kind] = c.penalty_kinds.get(kind, 0) + 1
        c.fines += float(penalty.get("fine") or 0)
        c.confiscated += float(penalty.get("confiscated") or 0)
    for off in ps.of("officer"):
        if off.agency in per and _serving(off.data, year):
            for role in off.data.get("roles") or []:
                per[off.agency].officers[role] = per[off.agency].officers.get(role, 0) + 1
    total = Counts("", "")
    for c in per.values():
        total.add(c)
    return YearReport(year, list(per.values()), total)


def all_reports(ps: Publication, snapshots: Mapping[int, Mapping[str, Any]] | None = None) -> list[YearReport]:
    """Every due year's report, newest first: the committed snapshot where there is one."""
    snapshots = snapshots or {}
    return [snapshot_report(snapshots[y]) if y in snapshots else year_report(ps, y)
            for y in reversed(report_years(ps, snapshots))]
