"""Display windows (R-WINDOW): durations, civil-code month arithmetic and the policy's window."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from ..kinds import Record


def months(duration: str) -> int:
    """A duration such as 3y or 6m in months."""
    n, unit = int(duration[:-1]), duration[-1]
    return n * 12 if unit == "y" else n


def add_months(day: dt.date, n: int) -> dt.date:
    """`day` plus n months; a day the target month lacks becomes its last day (Civil Code 202)."""
    y, m = divmod(day.month - 1 + n, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window_end(start: dt.date, duration: str) -> dt.date:
    """The last day a window of `duration` counted from `start` is open (it ends at 24:00)."""
    return add_months(start, months(duration))


def policy_window(rec: Record, policy: dict[str, Any]) -> dict[str, str] | None:
    """The policy's {default, min, max} for a decision's category, or None (shown until revoked)."""
    return (policy.get("display") or {}).get(rec.data.get("category", ""))


def display_duration(rec: Record, policy: dict[str, Any]) -> str | None:
    """The decision's own `display`, else the policy default for its category, else None."""
    own = rec.data.get("display")
    if own:
        return own
    win = policy_window(rec, policy)
    return win.get("default") if win else None


def window_start(rec: Record, policy: dict[str, Any]) -> dt.date | None:
    """The day the window counts from: `published`, or `decided` per policy.display_from."""
    field = "decided" if policy.get("display_from") == "decided" else "published"
    return rec.data.get(field)


def window_last_day(rec: Record, policy: dict[str, Any]) -> dt.date | None:
    """The last day a decision may be public under its window, or None for no end."""
    duration = display_duration(rec, policy)
    start = window_start(rec, policy)
    if duration is None or start is None:
        return None
    return window_end(start, duration)


def never_published(rec: Record, policy: dict[str, Any]) -> bool:
    """Whether the policy keeps this decision off the portal altogether (e.g. warnings only)."""
    unpublished = policy.get("unpublished_kinds") or []
    kinds = ((rec.data.get("penalty") or {}).get("kinds")) or []
    return bool(kinds) and bool(unpublished) and all(k in unpublished for k in kinds)
