"""R-ADJUST: a change of a service guide is announced at least one month before it takes effect."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.policy.windows import add_months

SHORT_NOTICE = Msg("R-ADJUST", "调整于 {announced} 公告、{effective} 生效，提前不足一个月（最早应于 {earliest} 生效）",
                   "the change announced {announced} takes effect {effective}, less than a month later (earliest {earliest})",
                   "公示内容的调整应至少提前一个月公告；推迟生效日期或说明理由",
                   "announce changes at least a month before they take effect; move the effective date or explain", WARNING)


@check
@scoped(RECORD)  # guides only
def adjustment_notice(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every guide change is announced a full civil-code month before it takes effect."""
    for rec in ds.of("guide"):
        for i, change in enumerate(rec.data.get("changes") or []):
            announced, effective = (change or {}).get("announced"), (change or {}).get("effective")
            if not isinstance(announced, dt.date) or not isinstance(effective, dt.date):
                continue
            earliest = add_months(announced, 1)
            if effective < earliest:
                yield SHORT_NOTICE(rec.file, keys=rec.keys("changes", i, "effective"), announced=announced,
                                   effective=effective, earliest=earliest)
