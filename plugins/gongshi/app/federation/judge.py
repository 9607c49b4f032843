"""The province judges every county decision again, on its own day (fail closed).

A county's bundle says what was public on the county's build day. By the province's day a
decision may have expired, been revoked or withdrawn: the province reads the exported facts
(`published`, `public_until`, `offline_from`, and `status` and the dated `history` when present) and shows a
decision only when every one of them says it is public on the province's day. A decision
missing any of those keys (an older exporter, a hand-made file) is not shown: the province
never trusts a county's word that something is still public. The reasons are counted, so the
province's page can say how many it held back and why.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

# Keys a decision row must carry for the province to judge it (docs/bundle.md); `status` and
# `history` are the record's own optional fields (absent: standing, never changed).
REQUIRED = ("agency", "slug", "url", "published", "public_until", "offline_from")

SHOWN = "shown"
REASONS_ZH = {"embargo": "尚未到公开日期", "expired": "公示期已届满", "offline": "已撤下",
              "revoked": "已撤销", "incomplete": "数据缺少判断所需的字段"}


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def verdict(row: Any, as_of: dt.date) -> str:
    """SHOWN, or why a county decision is not public on the province's day `as_of`."""
    if not isinstance(row, dict) or any(k not in row for k in REQUIRED):
        return "incomplete"
    published = _day(row["published"])
    if published is None or not str(row["url"]).startswith(("https://", "http://")):
        return "incomplete"
    if as_of < published:
        return "embargo"
    # A scheduled exit first: public_until is already the day before it (publication.last_public_day),
    # and "offline" is the reason that holds for such a row.
    offline = row["offline_from"]
    if offline is not None and (_day(offline) is None or as_of >= _day(offline)):  # type: ignore[operator]
        return "offline"
    until = row["public_until"]
    if until is not None and (_day(until) is None or as_of > _day(until)):  # type: ignore[operator]
        return "expired"
    if row.get("status") == "已撤销":
        return "revoked"
    for h in row.get("history") or []:
        if isinstance(h, dict) and h.get("action") == "撤销" and (_day(h.get("date")) or dt.date.max) <= as_of:
            return "revoked"
    return SHOWN


def judge(rows: list[Any], as_of: dt.date) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The rows public on `as_of` (in the county's order) and the count of each reason not."""
    shown: list[dict[str, Any]] = []
    held: Counter[str] = Counter()
    for row in rows:
        why = verdict(row, as_of)
        if why == SHOWN:
            shown.append(row)
        else:
            held[why] += 1
    return shown, held
