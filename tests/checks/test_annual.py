"""Annual reports that stay put (issue 15, item 4; R-ANNUAL): `gongshi annual` writes the year's
snapshot, the portal shows it, and validate warns about a missing or changed year.
The messages themselves are golden cases in tests/cases/rules/annual/."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import yaml

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.model.dataset import load
from gongshi.model.kinds.stats import SMALL, WITHHELD
from gongshi.policy.statistics import TOTAL, compute, count
from gongshi.outputs.portal.stats import year_report
from gongshi.publication import publish


def _public_penalties(ps: object, year: int) -> int:
    """Penalties among the public decisions of a year, before any cell is withheld."""
    raw = count(ps.decisions, [], ps.agencies, year)  # type: ignore[attr-defined]
    return int(raw[TOTAL]["by_category"]["行政处罚"])


def _annual(findings: object) -> list:
    return [f for f in findings if f.rule == "R-ANNUAL"]  # type: ignore[attr-defined]


def test_annual_writes_the_committed_snapshot(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.rmtree(data / "stats")
    assert main(["annual", "2025", str(data), "--as-of", "2026-01-15"]) == 0
    written = yaml.safe_load((data / "stats/2025.yml").read_text(encoding="utf-8"))
    committed = yaml.safe_load((DATA / "stats/2025.yml").read_text(encoding="utf-8"))
    assert written == committed  # the demo's snapshots are what the command writes (made 15 January)
    assert main(["annual", "2025", str(data), "--check", "--as-of", "2026-11-22"]) == 0
    assert main(["annual", "2026", str(data), "--as-of", "2026-11-22"]) == 2  # the year is not over


def test_snapshot_counts_every_decision_and_withholds_small_cells() -> None:
    ds = load(str(DATA))
    figures = compute(ds, 2021)
    every = sum(1 for r in ds.of("decision") if r.data["decided"].year == 2021)
    assert figures["total"]["decisions"] == every > 0
    # the live count sees only what is still public: 2021's penalties have expired by 2026
    assert _public_penalties(publish(ds, DEMO_AS_OF), 2021) < every
    cells = [v for a in figures["agencies"] for v in a["by_category"].values()]
    assert all(v in (SMALL, WITHHELD) or v == 0 or v >= 3 for v in cells)
    # the portal's live report is the same computation over the public views
    live = year_report(publish(ds, DEMO_AS_OF), 2021)
    assert all(v in (SMALL, WITHHELD) or v == 0 or v >= 3 for a in live.agencies for v in a.by_category.values())


def test_missing_snapshot_after_31_january(data_copy: Path) -> None:
    os.remove(data_copy / "stats/2025.yml")
    assert not _annual(validate(str(data_copy), dt.date(2026, 1, 31)).report.findings)
    found = _annual(validate(str(data_copy), dt.date(2026, 2, 1)).report.findings)
    assert [(f.severity, f.args["year"]) for f in found] == [("warning", 2025)]


def test_changed_year_is_reported_not_published(data_copy: Path) -> None:
    src = sorted((data_copy / "agencies/market/decisions/2023").glob("*.yml"))[0]
    text = src.read_text(encoding="utf-8")
    (src.parent / "zz-extra.yml").write_text(text.replace("〔2023〕", "〔2023〕增"), encoding="utf-8")
    found = _annual(validate(str(data_copy), DEMO_AS_OF).report.findings)
    assert len(found) == 1 and found[0].args["year"] == 2023
    assert "market.by_category" in found[0].message("en") and "2023" in found[0].message("en")
    assert found[0].severity == "warning"


def _main(html: str) -> str:
    return html.split('<main id="main">')[1].split("</main>")[0]


def test_past_report_identical_after_its_penalties_expire(tmp_path: Path) -> None:
    from gongshi.app.build import build
    from gongshi_tools import synth
    data = tmp_path / "data"
    synth.generate(str(data), decisions=40, as_of=DEMO_AS_OF)
    year, later = 2024, dt.date(2032, 6, 1)
    ds = load(str(data))
    # between the two builds, that year's penalties leave the public set
    assert _public_penalties(publish(ds, later), year) < _public_penalties(publish(ds, DEMO_AS_OF), year)
    pages = []
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for as_of in (DEMO_AS_OF, later):
            out = tmp_path / f"out-{as_of.year}"
            built = build(str(data), str(out), as_of, settings_file=str(ROOT / "pelicanconf.py"), incremental=False)
            assert built.report.ok
            pages.append(_main((out / f"stats/{year}.html").read_text(encoding="utf-8")))
    finally:
        os.chdir(cwd)
    assert pages[0] == pages[1]
    assert "定稿" in pages[0]


def test_a_change_no_figure_shows_is_reported_by_the_digest(data_copy: Path) -> None:
    """Issue 21, item 5: a change the published figures cannot show (here a decision published a
    day earlier, still on time) changes the inputs digest, and R-ANNUAL says so."""
    src = next(p for p in sorted((data_copy / "agencies/market/decisions/2023").glob("*.yml"))
               if (lambda d: (d["published"] - d["decided"]).days >= 2)(yaml.safe_load(p.read_text(encoding="utf-8"))))
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    earlier = doc["published"] - dt.timedelta(days=1)
    src.write_text(src.read_text(encoding="utf-8").replace(f"published: {doc['published'].isoformat()}",
                                                           f"published: {earlier.isoformat()}"), encoding="utf-8")
    found = _annual(validate(str(data_copy), DEMO_AS_OF).report.findings)
    assert [(f.args["year"], f.msg.en.startswith("the {year} annual statistics were published")) for f in found] \
        == [(2023, True)]
    assert "withheld cell" in found[0].message("en") and "inputs digest" in found[0].message("en")
