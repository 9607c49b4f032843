"""Issue 21, item 3: the published last day is the earlier of the window's end and the day
before a scheduled withdrawal, the same on the page, in the open data and the 双公示 export."""
from __future__ import annotations

import datetime as dt

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.opendata import shuanggongshi, tables
from gongshi.outputs.portal.pages_decisions import plan as decision_pages
from gongshi.publication import publish

BASE = "https://zfgs.example.gov.cn"


def _with_withdrawal(days_ahead: int) -> tuple:
    ds = validate(str(DATA), DEMO_AS_OF)
    pub = publish(ds, DEMO_AS_OF)
    rec = next(r for r in pub.decisions if r.last_day and r.data.get("category") == "行政处罚")
    raw = next(r for r in ds.of("decision") if r.uid == rec.uid)
    day = DEMO_AS_OF + dt.timedelta(days=days_ahead)
    raw.data = {**raw.data, "withdrawn": {"date": day, "reason": "信用修复"}}
    return ds, raw, rec.last_day, day


def _shown(ds, raw) -> set:  # type: ignore[no-untyped-def]
    pub = publish(ds, DEMO_AS_OF)
    view = next(v for v in pub.decisions if v.uid == raw.uid)
    page = next(p for p in decision_pages(pub, BASE) if p.ctx.get("rec") is view)
    row = next(r for r in tables.publish(pub, "decision", BASE) if r["slug"] == raw.slug)
    cells = dict(zip(shuanggongshi.header("xzcf"), shuanggongshi.penalty_row(view, {}, pub)))
    return {view.last_day, page.ctx["last_day"], dt.date.fromisoformat(row["public_until"]),
            dt.date.fromisoformat(cells["公示截止期"]), dt.date.fromisoformat(cells["处罚有效期"])}


def test_a_scheduled_withdrawal_ends_the_published_window_the_day_before() -> None:
    ds, raw, window_end, day = _with_withdrawal(30)
    assert day - dt.timedelta(days=1) < window_end
    assert _shown(ds, raw) == {day - dt.timedelta(days=1)}


def test_a_withdrawal_after_the_window_changes_nothing() -> None:
    ds, raw, window_end, _day = _with_withdrawal(365 * 20)
    assert _shown(ds, raw) == {window_end}
