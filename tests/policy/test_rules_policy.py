"""Policy presets, display windows per penalty kind (R-WINDOW) and the working-day calendar."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest

from gongshi.checks.pipeline import validate
from gongshi.model.kinds import Record
from gongshi.model.presets import PRESETS, effective_policy, merge, preset
from gongshi.policy import visibility as v
from gongshi.policy.windows import policy_window, window_last_day
from gongshi.policy.workdays import WorkCalendar
from casefiles import BASE

DECIDED = dt.date(2024, 3, 5)
PUBLISHED = dt.date(2024, 3, 8)


def penalty(kinds: list[str], fine: int | None = None, **data: Any) -> Record:
    pen: dict[str, Any] = {"kinds": kinds}
    if fine is not None:
        pen["fine"] = fine
    base = {"category": "行政处罚", "decided": DECIDED, "published": PUBLISHED, "penalty": pen,
            "party": {"type": "法人", "name": "某公司"}, "status": "有效"}
    base.update(data)
    return Record("decision", "x.yml", base, "demo", "x")


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_types_against_the_site_schema(name: str) -> None:
    policy = preset(name)
    assert policy["display"]["行政处罚"]["default"]


def test_site_policy_is_merged_over_the_preset() -> None:
    site = {"preset": "市场监管", "policy": {"low_fine": 50000, "redaction": {"allow": ["0564-1234567"]}}}  # noqa
    policy = effective_policy(site)
    assert policy["low_fine"] == 50000 and policy["unpublished_kinds"] == ["警告"]
    assert policy["redaction"] == {"natural_person_name": "mask", "allow": ["0564-1234567"]}
    assert effective_policy({"policy": {"x": 1}}) == {"x": 1}
    assert merge({"a": {"b": 1, "c": 2}}, {"a": {"c": 3}}) == {"a": {"b": 1, "c": 3}}


def test_market_regulation_windows() -> None:
    policy = preset("市场监管")
    three_months = dt.date(2024, 6, 8)
    assert window_last_day(penalty(["通报批评"]), policy) == three_months
    assert window_last_day(penalty(["罚款"], 49999), policy) == three_months  # organisations: < 50,000
    assert window_last_day(penalty(["警告", "罚款"], 5000), policy) == three_months  # 警告 has no window
    assert window_last_day(penalty(["罚款"], 50000), policy) == dt.date(2027, 3, 8)
    # several kinds: the longest window wins
    assert window_last_day(penalty(["通报批评", "吊销许可证件"]), policy) == dt.date(2027, 3, 8)
    assert v.visibility(penalty(["警告"]), PUBLISHED, policy).reason == v.NOT_PUBLISHED


def test_national_credit_counts_from_the_decision() -> None:
    policy = preset("国家信用")
    assert window_last_day(penalty(["罚款"], 1000), policy) == dt.date(2027, 3, 5)
    assert policy_window(penalty(["罚款"]), policy) == {"default": "3y", "min": "3m", "max": "3y"}


def test_design_card_window() -> None:
    assert policy_window(penalty(["罚款"]), preset("设计卡")) == {"default": "3y", "min": "1y", "max": "5y"}


DECISION = """doc_no: 霍市监罚〔2024〕{n}号
category: 行政处罚
party: {{type: 法人, name: 霍邱县福源食品有限公司, credit_code: 91341522MA2N0ABCDX, legal_representative: 李某}}
result: 罚款。
penalty: {penalty}
decided: 2024-03-05
published: 2024-03-08
officers: [o-0003, o-0004]
major: false
{extra}"""


def _data(tmp_path: Path, preset_name: str, decisions: list[tuple[str, str]]) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    site = root / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("policy:", f"preset: {preset_name}\npolicy:", 1)
                    .replace("  display:\n    行政处罚:\n      default: 3y\n      min: 1y\n      max: 5y\n", ""),
                    encoding="utf-8")
    folder = root / "agencies" / "demo" / "decisions" / "2024"
    folder.mkdir(parents=True)
    for n, (pen, extra) in enumerate(decisions, 1):
        (folder / f"cf-2024-{n:04d}.yml").write_text(DECISION.format(n=n, penalty=pen, extra=extra), encoding="utf-8")
    return root


def _window_findings(root: Path) -> list[tuple[str, int, str]]:
    report = validate(str(root), dt.date(2024, 4, 1)).report
    return sorted((Path(f.file).name, f.line, f.message("en")) for f in report if f.rule == "R-WINDOW")


def test_preset_windows_in_validate(tmp_path: Path) -> None:
    root = _data(tmp_path, "市场监管", [
        ("{kinds: [通报批评]}", "display: 1y\n"),                                       # 3m only
        ("{kinds: [罚款], fine: 200000}", "display: 3y\n"),                               # fine
        ("{kinds: [罚款], fine: 5000}", "withdrawn: {date: 2024-05-01, reason: 信用修复}\n"),  # before 3m
        ("{kinds: [罚款], fine: 5000}", "withdrawn: {date: 2024-06-09, reason: 信用修复}\n"),  # after 3m
    ])
    assert _window_findings(root) == [
        ("cf-2024-0001.yml", 10, "display window 1y is outside the policy's range 3m to 3m"),
        ("cf-2024-0003.yml", 10, "withdrawn on 2024-05-01, before the minimum window of 3m ends "
                                 "(must stay online through 2024-06-08)"),
    ]


def test_contradictory_policy_is_an_error(tmp_path: Path) -> None:
    root = _data(tmp_path, "国家信用", [])
    site = root / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "  penalty_display:\n    罚款: {default: 5y, max: 3y}\n",
                    encoding="utf-8")
    report = validate(str(root), dt.date(2024, 4, 1)).report
    assert [(f.rule, f.severity, f.message("en")) for f in report] == [
        ("R-WINDOW", "error", "the display window of '罚款' contradicts itself: min 5y, default 5y, max 3y")]


# --- working days ------------------------------------------------------------------------

def test_workdays_count_make_up_days_and_skip_holidays() -> None:
    cal = WorkCalendar()
    assert cal.workdays_between(dt.date(2026, 2, 13), dt.date(2026, 2, 26)) == 4
    assert cal.workdays_between(dt.date(2026, 2, 13), dt.date(2026, 3, 3)) == 8
    assert cal.workdays_between(dt.date(2026, 2, 13), dt.date(2026, 2, 13)) == 0


def test_library_pitfalls_we_avoid() -> None:
    # find_workday(1) from a holiday skips the first working day after it (2026-02-24) ...
    assert chinese_calendar.find_workday(1, dt.date(2026, 2, 15)) == dt.date(2026, 2, 25)
    assert WorkCalendar().workdays_between(dt.date(2026, 2, 15), dt.date(2026, 2, 24)) == 1
    # ... and get_workdays(include_weekends=False) loses the make-up Saturday 2026-02-14.
    days = chinese_calendar.get_workdays(dt.date(2026, 2, 14), dt.date(2026, 2, 14), include_weekends=False)
    assert days == [] and WorkCalendar().is_workday(dt.date(2026, 2, 14))


def test_calendar_yml_for_years_the_library_lacks() -> None:
    cal = WorkCalendar.from_data({"years": [{"year": 2099, "holidays": [
        {"from": dt.date(2099, 10, 1), "to": dt.date(2099, 10, 7)}], "workdays": [dt.date(2099, 10, 10)]}]})
    assert cal.knows(2099) and not WorkCalendar().knows(2099)
    assert not cal.is_workday(dt.date(2099, 10, 2)) and cal.is_workday(dt.date(2099, 10, 10))
    assert cal.unknown_years(dt.date(2099, 12, 30), dt.date(2100, 1, 4)) == [2100]


# Issue 15: the SAMR rule (order 45) and the 2026 credit-repair rule, and presets chained by date.
def person(kinds: list[str], fine: int | None = None, **data: Any) -> Record:
    rec = penalty(kinds, fine, **data)
    rec.data["party"] = {"type": data.get("party_type", "自然人"), "name": "张某某"}
    return rec


def test_samr_order_45_art_2_and_13() -> None:
    policy = preset("市场监管")
    three_months, three_years = dt.date(2024, 6, 8), dt.date(2027, 3, 8)
    assert window_last_day(person(["罚款"], 4999), policy) == three_months       # natural person: < 5,000
    assert window_last_day(person(["罚款"], 5000), policy) == three_years
    assert window_last_day(person(["罚款"], 4999, party_type="个体工商户"), policy) == three_months
    assert window_last_day(penalty(["罚款"], 49999), policy) == three_months     # organisation: < 50,000
    assert window_last_day(penalty(["罚款"], 50000), policy) == three_years
    # art. 13: a restriction on business or practice longer than 3 years: its real length
    long = {"kinds": ["罚款", "限制从业"], "fine": 100000, "restriction": "5y"}
    assert window_last_day(penalty([], penalty=long), policy) == dt.date(2029, 3, 8)
    short = {"kinds": ["限制开展生产经营活动"], "restriction": "1y"}
    assert window_last_day(penalty([], penalty=short), policy) == three_years
    # art. 2: only 普通程序 (一般程序, 听证); never warning-only
    assert v.visibility(penalty(["罚款"], 200, procedure="简易程序"), PUBLISHED, policy).reason == v.NOT_PUBLISHED
    assert v.visibility(penalty(["罚款"], 200, procedure="听证"), PUBLISHED, policy).public
    assert v.visibility(penalty(["警告"], procedure="一般程序"), PUBLISHED, policy).reason == v.NOT_PUBLISHED


def test_credit_repair_2026_levels_count_from_the_decision() -> None:
    policy = preset("信用修复2026")
    decided = dt.date(2026, 5, 6)
    at = {"decided": decided, "published": dt.date(2026, 5, 8)}
    assert window_last_day(penalty(["罚款"], 1000, credit_level="一般", **at), policy) == dt.date(2027, 5, 6)
    assert window_last_day(penalty(["罚款"], 1000, credit_level="严重", **at), policy) == dt.date(2029, 5, 6)
    assert policy_window(penalty(["罚款"], credit_level="一般", **at), policy) == {"default": "1y", "min": "3m", "max": "1y"}
    assert policy_window(penalty(["罚款"], credit_level="严重", **at), policy) == {"default": "3y", "min": "1y", "max": "3y"}
    minor = penalty(["罚款"], 100, credit_level="轻微", **at)
    assert v.visibility(minor, dt.date(2026, 5, 8), policy).reason == v.NOT_PUBLISHED
    # a sector that publishes 轻微: at most 3 months
    sector = merge(policy, {"unpublished_levels": []})
    assert v.visibility(minor, dt.date(2026, 5, 8), sector).public
    assert window_last_day(minor, sector) == dt.date(2026, 8, 6)


def test_presets_chained_by_effective_date() -> None:
    site = {"presets": [{"preset": "信用修复2026", "from": dt.date(2026, 4, 1)},
                        {"preset": "国家信用", "from": dt.date(2023, 1, 1)}]}
    policy = effective_policy(site)
    before = penalty(["罚款"], 1000, credit_level="一般", decided=dt.date(2026, 3, 31), published=dt.date(2026, 4, 2))
    switch = penalty(["罚款"], 1000, credit_level="一般", decided=dt.date(2026, 4, 1), published=dt.date(2026, 4, 2))
    assert window_last_day(before, policy) == dt.date(2029, 3, 31)   # 国家信用: 3 years from the decision
    assert window_last_day(switch, policy) == dt.date(2027, 4, 1)    # 2026 rule: 一般, 1 year
    assert policy_window(before, policy) == {"default": "3y", "min": "3m", "max": "3y"}
