"""Working days by the official calendar (R-DEADLINE): chinese_calendar, then calendar.yml.

Counted day by day on purpose: chinese_calendar's find_workday is off by one from a
non-working day and get_workdays(include_weekends=False) drops make-up workdays (调休).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

try:
    import chinese_calendar as _cc
except ImportError:  # pragma: no cover - locked dependency; weekends-only fallback keeps us closed
    _cc = None

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _library_knows(year: int) -> bool:
    if _cc is None:
        return False
    try:
        _cc.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@dataclass
class WorkCalendar:
    """The official working-day calendar: the library's years, then the site's calendar.yml."""

    holidays: dict[int, set[dt.date]] = field(default_factory=dict)   # calendar.yml years
    workdays: dict[int, set[dt.date]] = field(default_factory=dict)
    # A memo: the library's lookup costs tens of microseconds and 100k decisions share few days.
    _memo: dict[dt.date, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def from_data(cls, calendar: dict[str, Any]) -> "WorkCalendar":
        """Build from calendar.yml's typed data ({} when the site has none)."""
        cal = cls()
        for entry in calendar.get("years") or []:
            if not entry or "year" not in entry:
                continue
            year = entry["year"]
            days = cal.holidays.setdefault(year, set())
            for h in entry.get("holidays") or []:
                if h and isinstance(h.get("from"), dt.date) and isinstance(h.get("to"), dt.date):
                    d = h["from"]
                    while d <= h["to"]:
                        days.add(d)
                        d += ONE_DAY
            cal.workdays.setdefault(year, set()).update(
                d for d in entry.get("workdays") or [] if isinstance(d, dt.date))
        return cal

    def knows(self, year: int) -> bool:
        """Whether the holiday schedule of `year` is known (library or calendar.yml)."""
        return _library_knows(year) or year in self.holidays

    def is_workday(self, day: dt.date) -> bool:
        """Whether `day` is an official working day; an unknown year counts weekends only."""
        known = self._memo.get(day)
        if known is None:
            known = self._memo[day] = self._lookup(day)
        return known

    def _lookup(self, day: dt.date) -> bool:
        if _library_knows(day.year):
            return bool(_cc.is_workday(day))
        if day.year in self.holidays:
            if day in self.workdays.get(day.year, ()):
                return True
            return day.weekday() < 5 and day not in self.holidays[day.year]
        return day.weekday() < 5

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        n = 0
        d = start + ONE_DAY
        while d <= end:
            if self.is_workday(d):
                n += 1
            d += ONE_DAY
        return n

    def unknown_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years of the span (start, end] whose schedule nobody has published yet."""
        return [y for y in range(start.year, end.year + 1) if not self.knows(y)]
