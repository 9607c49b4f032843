"""Display windows (R-WINDOW): durations, civil-code month arithmetic and the policy's window."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from gongshi.model.kinds import Record
from gongshi.model.kinds.base import RecordLike
from gongshi.model.kinds.site import LOW_FINE



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


def in_force(rec: RecordLike, policy: dict[str, Any]) -> dict[str, Any]:
    """The policy in force on the decision's date (site.yml `presets:` chains them by date)."""
    from gongshi.model.presets import policy_on
    return policy_on(policy, rec.data.get("decided"))


def _window_key(kind: str, rec: Record, policy: dict[str, Any]) -> str:
    # A fine below the party type's low_fine_below, else up to policy.low_fine, is looked up as
    # 低额罚款 (market regulation's "low fine", set per province).
    penalty = rec.data.get("penalty") or {}
    if kind != "罚款":
        return kind
    fine = penalty.get("fine", 0)
    below = (policy.get("low_fine_below") or {}).get((rec.data.get("party") or {}).get("type", ""))
    if below is not None:
        return LOW_FINE if fine < below else kind
    limit = policy.get("low_fine")
    return LOW_FINE if limit is not None and fine <= limit else kind


def _restricted(rec: Record, policy: dict[str, Any], win: dict[str, str] | None) -> dict[str, str] | None:
    """A restriction on business or practice longer than the window is published as long as it lasts."""
    penalty = rec.data.get("penalty") or {}
    length = penalty.get("restriction")
    kinds = set(policy.get("restriction_kinds") or [])
    if not length or not kinds & set(penalty.get("kinds") or []) or win is None:
        return win
    if months(length) <= months(win.get("max") or win["default"]):
        return win
    return {"default": length, "min": length, "max": length}


def policy_window(rec: Record, policy: dict[str, Any]) -> dict[str, str] | None:
    """The policy's {default, min, max} for a decision, or None (shown until revoked).

    A penalty kind listed in policy.penalty_display has its own window, others take the
    category's (policy.display); a decision with several kinds takes the longest, and kinds
    the policy never publishes (unpublished_kinds) do not count.
    """
    policy = in_force(rec, policy)
    level = rec.data.get("credit_level")
    by_level = policy.get("credit_display") or {}
    if level and level in by_level and rec.data.get("category") == "行政处罚":
        return dict(by_level[level])
    category_window = (policy.get("display") or {}).get(rec.data.get("category", ""))
    penalty = rec.data.get("penalty") or {}
    by_kind = policy.get("penalty_display") or {}
    unpublished = set(policy.get("unpublished_kinds") or [])
    kinds = [k for k in penalty.get("kinds") or [] if k and k not in unpublished]
    if not kinds or not by_kind:
        return _restricted(rec, policy, category_window)
    candidates: list[Any] = [by_kind.get(_window_key(k, rec, policy), category_window) for k in kinds]
    if any(c is None for c in candidates):
        return None  # one kind is shown until revoked, the longest of all
    longest: dict[str, str] = max(candidates, key=lambda w: (months(w["default"]),
                                                              months(w.get("max") or w["default"])))
    return _restricted(rec, policy, longest)


def display_duration(rec: Record, policy: dict[str, Any]) -> str | None:
    """The decision's own `display`, else the policy default for its category, else None."""
    own: str | None = rec.data.get("display")
    if own:
        return own
    win = policy_window(rec, policy)
    return win.get("default") if win else None


def window_start(rec: Record, policy: dict[str, Any]) -> dt.date | None:
    """The day the window counts from: `published`, or `decided` per policy.display_from."""
    field = "decided" if in_force(rec, policy).get("display_from") == "decided" else "published"
    return rec.data.get(field)


def window_last_day(rec: Record, policy: dict[str, Any]) -> dt.date | None:
    """The last day a decision may be public under its window, or None for no end."""
    duration = display_duration(rec, policy)
    start = window_start(rec, policy)
    if duration is None or start is None:
        return None
    return window_end(start, duration)


def never_published(rec: Record, policy: dict[str, Any]) -> bool:
    """Whether the policy keeps this decision off the portal altogether: warnings only, a
    credit level it does not publish (轻微), or a penalty by a procedure it does not publish
    (SAMR order 45 art. 2: 普通程序 only)."""
    policy = in_force(rec, policy)
    if rec.data.get("category") == "行政处罚":
        if rec.data.get("credit_level") and rec.data["credit_level"] in (policy.get("unpublished_levels") or []):
            return True
        procedures = policy.get("published_procedures")
        if procedures and rec.data.get("procedure") and rec.data["procedure"] not in procedures:
            return True
    unpublished = policy.get("unpublished_kinds") or []
    kinds = ((rec.data.get("penalty") or {}).get("kinds")) or []
    return bool(kinds) and bool(unpublished) and all(k in unpublished for k in kinds)
