"""R-MONTHLY: an agency's disclosures are refreshed at least once a month."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from gongshi.checks.pipeline import SUMMARY, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.model.kinds import Record
from gongshi.policy.visibility import MINOR, NOT_PUBLISHED, UNDATED, WITHDRAWN, visibility
from gongshi.policy.windows import add_months

STALE = Msg("R-MONTHLY", "本主体最近一次公开或更新是 {latest}，已超过一个月没有新的公示内容（核对日期 {as_of}）",
            "this agency last published or updated anything on {latest}, more than a month before {as_of}",
            "公示内容原则上每月至少更新一次；请公开新的执法决定或更新已公开的信息",
            "disclosures should be refreshed at least once a month: publish new decisions or update what is online",
            WARNING)


def activity_dates(rec: Record) -> list[dt.date]:
    """The days a record put something new online: publication, corrections, withdrawal, guide changes."""
    data = rec.data
    days = [data.get("published"), (data.get("withdrawn") or {}).get("date")]
    days += [(h or {}).get("date") for h in data.get("history") or []]
    days += [(c or {}).get("announced") for c in data.get("changes") or []]
    return [d for d in days if isinstance(d, dt.date)]


def _ever_public(rec: Record, policy: dict[str, Any]) -> bool:
    """Whether the public ever sees the decision: not a minor's, not of a kind or level the
    policy never publishes, and dated (visibility on its own publication day)."""
    published = rec.data.get("published")
    if not isinstance(published, dt.date):
        return False
    return visibility(rec, published, policy).reason not in (MINOR, NOT_PUBLISHED, UNDATED)


def _showed(rec: Record, day: dt.date, policy: dict[str, Any]) -> bool:
    """Whether the public saw something new of `rec` on `day`: a decision public or shown as a
    revocation notice that day, or taken offline that day (its withdrawal). A decision the public
    never sees (a minor's, a kind or level the policy never publishes, undated) refreshes
    nothing, and neither does a correction dated after its window ended: the seed asks that the
    disclosed content be updated (000 §二(一)3 "每月要对执法决定、行政许可、行政处罚等公示内容更新
    一次"), not that a file change."""
    if rec.kind != "decision":
        return True
    seen = visibility(rec, day, policy)
    if seen.public or seen.notice:
        return True
    withdrawn = rec.data.get("withdrawn") or {}
    return seen.reason == WITHDRAWN and withdrawn.get("date") == day


def last_updates(ds: Dataset, as_of: dt.date) -> dict[str, dt.date]:
    """Agency -> the latest day on or before `as_of` it published or updated a decision or guide."""
    days: dict[str, list[tuple[dt.date, int, Record]]] = {}
    for kind in ("decision", "guide"):
        for rec in ds.of(kind):
            if rec.agency:
                days.setdefault(rec.agency, []).extend((d, id(rec), rec) for d in activity_dates(rec) if d <= as_of)
    latest: dict[str, dt.date] = {}
    for agency, found in days.items():
        # Newest first: visibility() is asked only until a day the public saw is found.
        for day, _, rec in sorted(found, key=lambda x: x[:2], reverse=True):
            if _showed(rec, day, ds.policy):
                latest[agency] = day
                break
    return latest


@check
# activity_dates, and what visibility() reads to tell whether the public saw the day
@scoped(SUMMARY, reads=("published", "withdrawn", "history", "changes", "party", "decided", "category",
                        "credit_level", "procedure", "penalty", "display", "status"))
def monthly_update(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every agency that publishes decisions published or updated something in the last month."""
    # An agency whose decisions the public never sees has nothing to refresh (as one that decided nothing).
    deciding: set[str | None] = set()
    for r in ds.of("decision"):
        if r.agency not in deciding and _ever_public(r, ds.policy):
            deciding.add(r.agency)
    latest = last_updates(ds, as_of)
    since = add_months(as_of, -1)
    for agency, rec in sorted(ds.agencies().items()):
        if agency not in deciding:
            continue  # nothing public decided yet: nothing can go stale
        day = latest.get(agency)
        if day is None or day < since:
            yield STALE(rec.file, 1, 1, latest=day or "—", as_of=as_of)
