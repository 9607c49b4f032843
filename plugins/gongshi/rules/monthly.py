"""R-MONTHLY: an agency's disclosures are refreshed at least once a month."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..checks import check
from ..dataset import Dataset
from ..findings import WARNING, Finding, Msg
from ..kinds import Record
from .windows import add_months

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


def last_update(ds: Dataset, agency: str, as_of: dt.date) -> dt.date | None:
    """The latest day on or before `as_of` an agency published or updated a decision or guide."""
    days = [d for kind in ("decision", "guide") for r in ds.by_agency(kind).get(agency, [])
            for d in activity_dates(r) if d <= as_of]
    return max(days, default=None)


@check
def monthly_update(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every agency that publishes decisions published or updated something in the last month."""
    deciding = set(ds.by_agency("decision"))
    since = add_months(as_of, -1)
    for agency, rec in sorted(ds.agencies().items()):
        if agency not in deciding:
            continue  # nothing decided yet: nothing can go stale
        latest = last_update(ds, agency, as_of)
        if latest is None or latest < since:
            yield STALE(rec.file, 1, 1, latest=latest or "—", as_of=as_of)
