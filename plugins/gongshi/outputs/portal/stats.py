"""The annual statistics report (R-ANNUAL, R-STATS): counts per year, agency and category.

A year with a committed snapshot (data/stats/<yyyy>.yml, written by `gongshi annual`,
policy/statistics.py) is shown as that snapshot: every decision of the year, public or not, with
its withheld cells ("少于3件", "不公开"), and the page stays the same when the year's decisions
later expire or change (validate warns about the change instead). A year without one (the year
just ended, before it is committed) is counted live from the Publication by the same computation
(policy/statistics.py count() and publish(): the same cells withheld), so a decision that is not
public (embargoed, withdrawn, expired, revoked, a minor's) is counted nowhere. A year is reported
from 1 January of the next year on; every category, penalty kind and role is listed, with 0
where nothing happened.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gongshi.model.kinds.officer import ROLES
from gongshi.model.kinds.site import CATEGORIES, PENALTY_KINDS
from gongshi.model.kinds.stats import SMALL, WITHHELD
from gongshi.policy.statistics import TOTAL, count, publish
from gongshi.publication import Publication

Cell = int | float | str  # a figure, or SMALL / WITHHELD

PERMIT = "行政许可"
PENALTY = "行政处罚"
COERCION = "行政强制"


@dataclass
class Counts:
    """The figures of one agency (or the whole site) for one year, as published: a withheld
    cell is the text "少于3件" or "不公开"."""

    slug: str
    name: str
    decisions: Cell = 0
    by_category: dict[str, Cell] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    penalty_kinds: dict[str, Cell] = field(default_factory=lambda: dict.fromkeys(PENALTY_KINDS, 0))
    fines: Cell = 0
    confiscated: Cell = 0
    officers: dict[str, Cell] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    officer_kinds: dict[str, Cell] = field(default_factory=dict)
    inspections: dict[str, Cell] = field(default_factory=dict)
    on_time_rate: float | None = None  # only in a snapshot (0..1)

    @property
    def permits(self) -> Cell:
        return self.by_category[PERMIT]

    @property
    def penalties(self) -> Cell:
        return self.by_category[PENALTY]

    @property
    def coercive(self) -> Cell:
        return self.by_category[COERCION]


@dataclass
class YearReport:
    """One year's report: every agency, then the site total."""

    year: int
    agencies: list[Counts]
    total: Counts
    made: dt.date | None = None   # the day the committed snapshot was made (None: counted live)
    small: str = SMALL            # how a count of 1 or 2 is written
    withheld: str = WITHHELD      # how an amount of 1 or 2 decisions, or a secondary cell, is written


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


def year_report(ps: Publication, year: int) -> YearReport:
    """One year's public decisions and serving officers, per agency, counted and withheld as a
    snapshot is (policy/statistics.py)."""
    figures = publish(count(ps.decisions, ps.of("officer"), ps.agencies, year))
    agencies = [_counts(slug, a.data.get("name", slug), figures[slug]) for slug, a in ps.agencies.items()]
    return YearReport(year, agencies, _counts("", "", figures[TOTAL]))


def all_reports(ps: Publication, snapshots: Mapping[int, Mapping[str, Any]] | None = None) -> list[YearReport]:
    """Every due year's report, newest first: the committed snapshot where there is one."""
    snapshots = snapshots or {}
    return [snapshot_report(snapshots[y]) if y in snapshots else year_report(ps, y)
            for y in reversed(report_years(ps, snapshots))]
