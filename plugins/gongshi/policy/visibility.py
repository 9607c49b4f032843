"""The one answer to "is this record public on day D, and why not" (issue 3, item 4).

Pages, feeds, search, sitemap and data files all ask `visibility`, so they cannot disagree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gongshi.model.kinds import Record
from gongshi.policy import windows

PUBLIC = "public"
MINOR = "minor"          # a minor party: never published
EMBARGO = "embargo"      # before `published`
WITHDRAWN = "withdrawn"  # removed early (withdrawn.date reached)
EXPIRED = "expired"      # the display window has ended
REVOKED = "revoked"      # revoked: only a revocation notice is public
UNDATED = "undated"      # no valid `published` date: fail closed
NOT_PUBLISHED = "policy"  # the policy says this kind of decision is never published

REASONS_ZH = {PUBLIC: "公开", MINOR: "涉及未成年人，不予公开", EMBARGO: "尚未到公开日期",
              WITHDRAWN: "已提前撤下", EXPIRED: "公示期已届满", REVOKED: "已撤销（仅公开撤销公告）",
              UNDATED: "缺少有效的公开日期", NOT_PUBLISHED: "按公示政策不予公开"}


@dataclass(frozen=True)
class Visibility:
    """Whether a record is public on a day; `notice` is True for a public revocation notice."""

    public: bool
    reason: str
    last_day: dt.date | None = None
    notice: bool = False

    @property
    def reason_zh(self) -> str:
        return REASONS_ZH[self.reason]


ALWAYS = Visibility(True, PUBLIC)


def visibility(rec: Record, on: dt.date, policy: dict[str, Any]) -> Visibility:
    """Is `rec` public on day `on` under `policy`, and if not, why not.

    Records other than decisions are public as soon as they validate; a decision is public
    from `published` to the last day of its window, unless its party is a minor, the policy
    never publishes its penalty kinds, it was withdrawn, or it was revoked (then, from the
    revocation on, only a notice is). For a decision not public, `last_day` is the last day
    it was (or would have been) public where that is known.
    """
    if rec.kind != "decision":
        return ALWAYS
    data = rec.data
    party = data.get("party") or {}
    if party.get("minor") is True:
        return Visibility(False, MINOR)
    published = data.get("published")
    if not isinstance(published, dt.date) or not isinstance(data.get("decided"), dt.date):
        return Visibility(False, UNDATED)
    if on < published:
        return Visibility(False, EMBARGO)
    if windows.never_published(rec, policy):
        return Visibility(False, NOT_PUBLISHED)
    withdrawn = data.get("withdrawn")
    if withdrawn and isinstance(withdrawn.get("date"), dt.date) and on >= withdrawn["date"]:
        return Visibility(False, WITHDRAWN, withdrawn["date"] - dt.timedelta(days=1))
    last = windows.window_last_day(rec, policy)
    if last is not None and on > last:
        return Visibility(False, EXPIRED, last)
    revoked = revoked_on(rec)
    if revoked is not None and on >= revoked:
        return Visibility(False, REVOKED, last, notice=True)
    return Visibility(True, PUBLIC, last)


def revoked_on(rec: Record) -> dt.date | None:
    """The day a revoked decision stopped standing: its first 撤销 in history, else its
    publication day (revoked with no date on record: fail closed); None if not revoked."""
    data = rec.data
    if data.get("status") != "已撤销":
        return None
    days = [h["date"] for h in data.get("history") or []
            if h and h.get("action") == "撤销" and isinstance(h.get("date"), dt.date)]
    return min(days) if days else data.get("published") or dt.date.min
