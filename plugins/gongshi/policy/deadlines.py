"""Working-day deadlines: how long a decision took to be published, against the policy's limit
(official calendar), and the day it really went public when its stated day is backdated.
R-DEADLINE (checks/deadline.py), the yearly on-time rate and the compliance summary all read
this one computation."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from gongshi.model.kinds.base import RecordLike
from gongshi.policy.windows import in_force
from gongshi.policy.workdays import WorkCalendar
from gongshi.runtime.gitlog import file_log

BACKDATING_DAYS = 3  # default policy.backdating_days: calendar days a commit may trail the stated day


def first_seen(root: str) -> dict[str, dt.date] | None:
    """Absolute path -> the day the file first appeared in git, for files added after the data
    folder's first commit (a bulk migration proves nothing); None without git history.

    The first commit, not the first day: a file committed later on that same day was added by
    a clerk like any other, and its stated `published` is judged against that day (a backdated
    record committed hours after the migration is not exempt)."""
    log = file_log(root)  # one `git log` pass
    if not log:
        return None
    firsts = {path: commits[-1] for path, commits in log.items() if commits}
    if not firsts:
        return None
    start = min(firsts.values(), key=lambda c: (dt.datetime.fromisoformat(c["time"]), c["commit"]))["commit"]
    return {path: dt.date.fromisoformat(c["date"]) for path, c in firsts.items() if c["commit"] != start}


def backdating_days(policy: dict[str, Any]) -> int:
    value = policy.get("backdating_days")
    return BACKDATING_DAYS if value is None else int(value)


def effective_published(rec: RecordLike, policy: dict[str, Any], seen: dict[str, dt.date] | None) -> dt.date | None:
    """`published`, or the day the record first appeared in git when that is more than
    backdating_days later (the stated day is then not believed)."""
    published = rec.data.get("published")
    if not isinstance(published, dt.date) or not seen:
        return published if isinstance(published, dt.date) else None
    first = seen.get(os.path.abspath(rec.file))
    if first is not None and (first - published).days > backdating_days(policy):
        return first
    return published


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


def timeliness(rec: RecordLike, policy: dict[str, Any], cal: WorkCalendar,
               seen: dict[str, dt.date] | None = None) -> Timeliness | None:
    """Working days from `decided` to `published` (or to the record's first appearance in git,
    `seen`, when `published` is backdated) and the limit, or None when undated."""
    policy = in_force(rec, policy)
    decided, published = rec.data.get("decided"), effective_published(rec, policy, seen)
    if not isinstance(decided, dt.date) or not isinstance(published, dt.date) or published < decided:
        return None
    return Timeliness(cal.workdays_between(decided, published),
                      deadline_for(rec.data.get("category", ""), policy),
                      tuple(cal.unknown_years(decided, published)))
