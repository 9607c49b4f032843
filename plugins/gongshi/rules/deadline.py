"""R-DEADLINE: decisions are published within the policy's working days of the decision."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterator

from ..checks import check
from ..dataset import Dataset
from ..findings import WARNING, Finding, Msg
from ..kinds import Record
from .workdays import WorkCalendar

LATE = Msg("R-DEADLINE", "公开迟延：决定日期 {decided} 至公开日期 {published} 共 {days} 个工作日，超过 {limit} 个工作日的时限",
           "published late: {days} working days from decision {decided} to publication {published}, over the limit of {limit}",
           "{category}决定应在作出决定之日起 {limit} 个工作日内公开；请说明原因并加快公开流程",
           "{category} decisions must be published within {limit} working days of the decision; record why, and speed up publication",
           WARNING)
UNKNOWN_YEAR = Msg("R-DEADLINE", "{year} 年的节假日安排尚未收录，工作日只按周末计算",
                   "the holiday schedule of {year} is not known yet; working days were counted by weekends only",
                   "国务院办公厅公布放假安排后，把它加入 data/calendar.yml",
                   "add the year to data/calendar.yml once the State Council announces it", WARNING)


@dataclass(frozen=True)
class Timeliness:
    """How long one decision took to be published, against its deadline."""

    workdays: int
    limit: int | None
    unknown_years: tuple[int, ...] = ()

    @property
    def on_time(self) -> bool:
        return self.limit is None or self.workdays <= self.limit


def deadline_for(category: str, policy: dict[str, Any]) -> int | None:
    """The policy's working-day limit for a category (its `default` otherwise), or None."""
    limits = policy.get("deadline_workdays") or {}
    return limits.get(category, limits.get("default"))


def timeliness(rec: Record, policy: dict[str, Any], cal: WorkCalendar) -> Timeliness | None:
    """Working days from `decided` to `published` and the limit, or None when undated."""
    decided, published = rec.data.get("decided"), rec.data.get("published")
    if not isinstance(decided, dt.date) or not isinstance(published, dt.date) or published < decided:
        return None
    return Timeliness(cal.workdays_between(decided, published),
                      deadline_for(rec.data.get("category", ""), policy),
                      tuple(cal.unknown_years(decided, published)))


@check
def publication_deadline(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision published within its working-day limit (official calendar)."""
    policy = ds.policy
    cal = WorkCalendar.from_data(ds.calendar)
    for rec in ds.of("decision"):
        t = timeliness(rec, policy, cal)
        if t is None or t.limit is None:
            continue
        for year in t.unknown_years:
            yield UNKNOWN_YEAR(rec.file, keys=rec.keys("published"), year=year)
        if not t.on_time:
            yield LATE(rec.file, keys=rec.keys("published"), days=t.workdays, limit=t.limit,
                       decided=rec.data["decided"], published=rec.data["published"],
                       category=rec.data.get("category", ""))
