"""The annual report: due from 1 January of the next year, zeros kept, counts from the public set;
and the page build gives the same bytes rendered in a fork pool as in one process."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.model.kinds.decision import PENALTY_KINDS
from gongshi.model.kinds.site import CATEGORIES
from gongshi.outputs.portal.stats import report_years, year_report
from gongshi.policy.statistics import TOTAL, count
from gongshi.publication import publish


def test_report_is_due_from_first_january() -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    assert report_years(publish(ds, dt.date(2025, 12, 31)))[-1] == 2024
    assert report_years(publish(ds, dt.date(2026, 1, 1)))[-1] == 2025


def test_every_category_kind_and_role_is_listed() -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    ps = publish(ds, DEMO_AS_OF)
    rep = year_report(ps, 2025)
    assert list(rep.total.by_category) == CATEGORIES and list(rep.total.penalty_kinds) == PENALTY_KINDS
    assert rep.total.by_category["行政征用"] == 0
    raw = count(ps.decisions, ps.of("officer"), ps.agencies, 2025)  # before any cell is withheld
    assert raw[TOTAL]["decisions"] == sum(raw[a]["decisions"] for a in ps.agencies) \
        == sum(raw[TOTAL]["by_category"].values())
    assert rep.total.officers["执法人员"] > 0


def test_a_year_without_decisions_is_all_zero() -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    rep = year_report(publish(ds, DEMO_AS_OF), 1999)
    assert rep.total.decisions == 0 and rep.total.fines == 0 and set(rep.total.by_category.values()) == {0}


def test_fork_pool_renders_the_same_bytes(tmp_path: Path, monkeypatch) -> None:
    import importlib.util
    from gongshi.outputs.portal import generator
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("update_golden", root / "scripts" / "update_golden.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    serial = script.build_golden(tmp_path / "serial")
    monkeypatch.setattr(generator, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(generator, "CHUNK", 3)
    parallel = script.build_golden(tmp_path / "parallel")
    assert serial == parallel
    for rel in serial:
        assert (tmp_path / "serial" / rel).read_bytes() == (tmp_path / "parallel" / rel).read_bytes(), rel
