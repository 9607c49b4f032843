"""visibility(): the one public/not-public answer, against a brute-force day-by-day model."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gongshi.model.kinds import Record
from gongshi.policy import visibility as v
from gongshi.policy.windows import add_months, window_last_day

DAY = dt.timedelta(days=1)
POLICY = {"display": {"行政处罚": {"default": "3y", "min": "1y", "max": "5y"}}, "display_from": "published"}


def decision(**data: Any) -> Record:
    base = {"category": "行政处罚", "decided": dt.date(2024, 3, 5), "published": dt.date(2024, 3, 8),
            "party": {"type": "法人", "name": "某公司"}, "status": "有效"}
    base.update(data)
    return Record("decision", "x.yml", base, "demo", "x")


def test_window_from_31_january_ends_on_the_last_day_of_february() -> None:
    policy = {"display": {"行政处罚": {"default": "1m"}}}
    for year, last in ((2024, 29), (2025, 28)):
        rec = decision(decided=dt.date(year, 1, 30), published=dt.date(year, 1, 31))
        assert window_last_day(rec, policy) == dt.date(year, 2, last)
        assert v.visibility(rec, dt.date(year, 2, last), policy).public
        assert v.visibility(rec, dt.date(year, 2, last) + DAY, policy).reason == v.EXPIRED


def test_window_from_29_february_ends_on_28_february() -> None:
    rec = decision(decided=dt.date(2024, 2, 27), published=dt.date(2024, 2, 29), display="1y")
    assert window_last_day(rec, POLICY) == dt.date(2025, 2, 28)
    assert v.visibility(rec, dt.date(2025, 2, 28), POLICY).public
    assert v.visibility(rec, dt.date(2025, 3, 1), POLICY) == v.Visibility(False, v.EXPIRED, dt.date(2025, 2, 28))


def test_display_from_decided() -> None:
    rec = decision(decided=dt.date(2024, 1, 31), published=dt.date(2024, 2, 6), display="1m")
    policy = dict(POLICY, display_from="decided")
    assert window_last_day(rec, policy) == dt.date(2024, 2, 29)


def test_every_reason() -> None:
    assert v.visibility(decision(), dt.date(2024, 3, 7), POLICY).reason == v.EMBARGO
    assert v.visibility(decision(party={"type": "自然人", "name": "张某", "minor": True}),
                        dt.date(2024, 4, 1), POLICY).reason == v.MINOR
    withdrawn = decision(withdrawn={"date": dt.date(2025, 6, 1), "reason": "信用修复"})
    assert v.visibility(withdrawn, dt.date(2025, 5, 31), POLICY).public
    assert v.visibility(withdrawn, dt.date(2025, 6, 1), POLICY) == v.Visibility(False, v.WITHDRAWN, dt.date(2025, 5, 31))
    revoked = decision(status="已撤销", history=[{"date": dt.date(2024, 4, 2), "action": "撤销", "note": "复议撤销"}])
    assert v.visibility(revoked, dt.date(2024, 4, 1), POLICY).public
    notice = v.visibility(revoked, dt.date(2024, 4, 2), POLICY)
    assert (notice.public, notice.reason, notice.notice) == (False, v.REVOKED, True)
    undated_revocation = decision(status="已撤销")
    assert v.visibility(undated_revocation, dt.date(2024, 3, 8), POLICY).reason == v.REVOKED
    warning_only = decision(penalty={"kinds": ["警告"]})
    assert v.visibility(warning_only, dt.date(2024, 4, 1), dict(POLICY, unpublished_kinds=["警告"])).reason == v.NOT_PUBLISHED
    assert v.visibility(decision(published=None), dt.date(2024, 4, 1), POLICY).reason == v.UNDATED
    assert v.visibility(Record("guide", "g.yml", {}), dt.date(2000, 1, 1), POLICY).public


# --- the brute-force model ---------------------------------------------------------------

def model_last_day(start: dt.date, duration: str) -> dt.date:
    """Civil Code art. 202 read literally: walk month by month, then clamp to the month's end."""
    months = int(duration[:-1]) * (12 if duration[-1] == "y" else 1)
    year, month = start.year, start.month
    for _ in range(months):
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def model_default(data: dict[str, Any], policy: dict[str, Any]) -> str | None:
    """The policy's default window: the longest of the published penalty kinds' windows."""
    category = (policy.get("display") or {}).get(data["category"])
    pen = data.get("penalty") or {}
    kinds = [k for k in pen.get("kinds") or [] if k not in (policy.get("unpublished_kinds") or [])]
    by_kind = policy.get("penalty_display") or {}
    if not kinds or not by_kind:
        return (category or {}).get("default")
    windows = []
    for k in kinds:
        low = k == "罚款" and "low_fine" in policy and pen.get("fine", 0) <= policy["low_fine"]
        windows.append(by_kind.get("低额罚款" if low else k, category))
    if any(w is None for w in windows):
        return None
    in_days = [model_last_day(dt.date(2001, 1, 1), w["default"]) for w in windows]
    return windows[in_days.index(max(in_days))]["default"]


def model_public(data: dict[str, Any], policy: dict[str, Any], day: dt.date) -> bool:
    """Public on `day`, derived from the rules one by one without visibility()'s code."""
    if (data.get("party") or {}).get("minor"):
        return False
    if day < data["published"]:
        return False
    kinds = (data.get("penalty") or {}).get("kinds") or []
    if kinds and all(k in (policy.get("unpublished_kinds") or []) for k in kinds):
        return False
    if data.get("withdrawn") and day >= data["withdrawn"]["date"]:
        return False
    duration = data.get("display") or model_default(data, policy)
    if duration:
        start = data["decided"] if policy.get("display_from") == "decided" else data["published"]
        if day > model_last_day(start, duration):
            return False
    if data.get("status") == "已撤销":
        revoked = [h["date"] for h in data.get("history") or [] if h["action"] == "撤销"]
        if not revoked or day >= min(revoked):
            return False
    return True


dates = st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31))
durations = st.builds(lambda n, u: f"{n}{u}", st.integers(1, 26), st.sampled_from("ym"))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Record, dict[str, Any]]:
    decided = draw(dates)
    published = decided + dt.timedelta(days=draw(st.integers(0, 40)))
    data: dict[str, Any] = {"category": draw(st.sampled_from(["行政处罚", "行政许可"])), "decided": decided,
                            "published": published, "party": {"type": "自然人", "name": "张某",
                                                              "minor": draw(st.booleans())},
                            "status": "有效"}
    if draw(st.booleans()):
        data["display"] = draw(durations)
    if draw(st.booleans()):
        data["penalty"] = {"kinds": draw(st.lists(st.sampled_from(["警告", "罚款", "通报批评"]), min_size=1, max_size=2)),
                           "fine": draw(st.sampled_from([1000, 10000, 50000]))}
    if draw(st.booleans()):
        data["withdrawn"] = {"date": published + dt.timedelta(days=draw(st.integers(0, 900))), "reason": "信用修复"}
    if draw(st.booleans()):
        data["status"] = "已撤销"
        if draw(st.booleans()):
            data["history"] = [{"date": published + dt.timedelta(days=draw(st.integers(0, 400))),
                                "action": "撤销", "note": "撤销"}]
    policy: dict[str, Any] = {"display": {"行政处罚": {"default": draw(durations)}},
                              "display_from": draw(st.sampled_from(["published", "decided"])),
                              "unpublished_kinds": draw(st.sampled_from([[], ["警告"]]))}
    if draw(st.booleans()):  # market-regulation style windows per penalty kind
        policy["penalty_display"] = {"通报批评": {"default": draw(durations)}, "低额罚款": {"default": draw(durations)}}
        policy["low_fine"] = 10000
    return Record("decision", "x.yml", data, "demo", "x"), policy


@settings(max_examples=300, deadline=None)
@given(scenarios(), st.integers(-30, 2200))
def test_visibility_agrees_with_the_day_by_day_model(scenario: tuple[Record, dict[str, Any]], offset: int) -> None:
    rec, policy = scenario
    day = rec.data["decided"] + dt.timedelta(days=offset)
    got = v.visibility(rec, day, policy)
    assert got.public == model_public(rec.data, policy, day)
    assert got.public == (got.reason == v.PUBLIC)


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_public_days_are_one_unbroken_span(scenario: tuple[Record, dict[str, Any]]) -> None:
    rec, policy = scenario
    start = rec.data["decided"] - dt.timedelta(days=5)
    flags = [v.visibility(rec, start + dt.timedelta(days=i), policy).public for i in range(0, 2400, 3)]
    changes = sum(1 for a, b in zip(flags, flags[1:]) if a != b)
    assert changes <= 2


@given(dates, st.integers(0, 400))
def test_add_months_matches_the_model(day: dt.date, n: int) -> None:
    assert add_months(day, n) == model_last_day(day, f"{n}m") if n else add_months(day, 0) == day
