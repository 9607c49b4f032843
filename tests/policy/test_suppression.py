"""Annual reports that identify no one (issue 21, item 5): no withheld cell of a published year can
be worked out from what the report shows, its totals and margins included.

The audit (policy/statistics.py audit(), policy/suppression.py) solves the margins by exact
elimination and propagates what the labels say ("少于3件" is 1 or 2, "不公开" is not 0). It
is run on every committed year of the demo data and on random datasets; on tiny random tables a
brute force (every table consistent with the published one) confirms it independently."""
from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from conftest import DATA
from gongshi.model.dataset import load
from gongshi.model.kinds.stats import SMALL, WITHHELD
from gongshi.policy.statistics import TOTAL, audit, count, publish

CATS = ["行政许可", "行政处罚", "行政确认", "行政检查"]
KINDS = ["警告", "罚款", "没收违法所得"]


def _figures(snap: dict[str, Any]) -> dict[str, Any]:
    figs = {a["agency"]: a for a in snap["agencies"]}
    figs[TOTAL] = snap["total"]
    return figs


def test_every_committed_year_passes_the_audit() -> None:
    ds = load(str(DATA))
    years = sorted(int(p.stem) for p in (DATA / "stats").glob("*.yml"))
    assert years
    for year in years:
        snap = yaml.safe_load((DATA / "stats" / f"{year}.yml").read_text(encoding="utf-8"))
        assert audit(_figures(snap)) == [], year
        # and what is shown is the recount (the audit's margins are the true ones)
        raw = count(ds.of("decision"), ds.of("officer"), ds.agencies(), year)
        for slug, fig in _figures(snap).items():
            assert fig["decisions"] in (WITHHELD, raw[slug]["decisions"])
            for k, v in fig["by_category"].items():
                assert v == raw[slug]["by_category"][k] or (v == SMALL and 0 < raw[slug]["by_category"][k] < 3) \
                    or (v == WITHHELD and raw[slug]["by_category"][k] > 0), (year, slug, k)


def test_the_issues_example_is_caught_and_closed() -> None:
    """执法决定 total minus the other categories gave 行政许可 = 2: the audit finds it when only
    the small cell is withheld, and publish() withholds more until it cannot."""
    shown = {"a": {"decisions": 12, "by_category": {"行政许可": SMALL, "行政处罚": 10}},
             "b": {"decisions": 7, "by_category": {"行政许可": 3, "行政处罚": 4}},
             TOTAL: {"decisions": 19, "by_category": {"行政许可": 5, "行政处罚": 14}}}
    assert audit(shown) == ["by_category a 行政许可"]
    # two "少于3件" whose row leaves 2: both are 1
    row = {"a": {"decisions": 9, "by_category": {"行政许可": SMALL, "行政处罚": 7, "行政确认": SMALL}},
           TOTAL: {"decisions": 9, "by_category": {"行政许可": WITHHELD, "行政处罚": WITHHELD, "行政确认": WITHHELD}}}
    assert "by_category a 行政许可" in audit(row)
    # an amount: the site total minus the other agencies
    fines = {"a": {"decisions": 0, "by_category": {}, "fines": WITHHELD}, "b": {"decisions": 0, "by_category": {},
                                                                              "fines": 5000},
             TOTAL: {"decisions": 0, "by_category": {}, "fines": 6200}}
    assert audit(fines) == ["fines a fines"]


def _records(rows: list[tuple[int, str, list[str], int]], year: int = 2025) -> list[SimpleNamespace]:
    return [SimpleNamespace(agency=f"a{agency}", file="", data={
        "decided": dt.date(year, 3, 1), "category": cat,
        "penalty": {"kinds": kinds, "fine": fine} if kinds else None}) for agency, cat, kinds, fine in rows]


decision = st.tuples(st.integers(0, 3), st.sampled_from(CATS), st.lists(st.sampled_from(KINDS), max_size=2),
                     st.sampled_from([0, 0, 200, 5000, 12000]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(decision, max_size=40), st.integers(1, 4))
def test_random_datasets_pass_the_audit(rows: list[tuple[int, str, list[str], int]], agencies: int) -> None:
    rows = [r for r in rows if r[0] < agencies]
    figures = publish(count(_records(rows), [], [f"a{i}" for i in range(agencies)], 2025))
    assert audit(figures) == []
    for fig in figures.values():  # a 1 or 2 never shows
        cells = [*fig["by_category"].values(), *fig["penalty_kinds"].values()]
        assert not [v for v in cells if not isinstance(v, str) and 0 < v < 3]


def _consistent(figures: dict[str, Any], cats: list[str], rows: list[str]) -> list[dict[tuple[str, str], int]]:
    """Brute force: every integer table of the agencies' category cells that gives back what is
    shown (shown cells equal, "少于3件" 1 or 2, "不公开" at least 1, margins summed)."""
    body = [(r, c) for r in rows for c in cats]
    total = figures[TOTAL]["decisions"]
    cap = total if isinstance(total, int) else 40

    def allowed(v: Any) -> range:
        return range(1, 3) if v == SMALL else range(1, cap + 1) if v == WITHHELD else range(v, v + 1)
    ranges = [allowed(figures[r]["by_category"][c]) for r, c in body]
    if eval_size(ranges) > 60_000:
        return []
    out = []
    for combo in itertools.product(*ranges):
        t = dict(zip(body, combo))
        ok = True
        for r in rows:
            s = sum(t[(r, c)] for c in cats)
            shown = figures[r]["decisions"]
            ok &= (shown == WITHHELD and s >= 1) or shown == s
        for c in cats:
            s = sum(t[(r, c)] for r in rows)
            shown = figures[TOTAL]["by_category"][c]
            ok &= (shown == SMALL and 1 <= s <= 2) or (shown == WITHHELD and s >= 1) or shown == s
        s = sum(t.values())
        ok &= figures[TOTAL]["decisions"] in (s, WITHHELD)
        if ok:
            out.append(t)
    return out


def eval_size(ranges: list[range]) -> int:
    n = 1
    for r in ranges:
        n *= len(r)
    return n


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(st.tuples(st.integers(0, 1), st.sampled_from(CATS[:3]), st.just([]), st.just(0)),
                min_size=1, max_size=14))
def test_brute_force_finds_no_withheld_cell_either(rows: list[tuple[int, str, list[str], int]]) -> None:
    cats, agencies = CATS[:3], ["a0", "a1"]
    figures = publish(count(_records(rows), [], agencies, 2025))
    withheld = [(r, c) for r in agencies for c in cats if isinstance(figures[r]["by_category"][c], str)]
    assume(withheld)
    tables = _consistent(figures, cats, agencies)
    assume(tables)
    for cell in withheld:
        assert len({t[cell] for t in tables}) > 1, (cell, figures)
