"""The demo data validates and builds."""
from __future__ import annotations

from pathlib import Path

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate


def test_demo_data_has_no_errors() -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    assert ds.report.errors == [], ds.report.to_text("en")
    assert len(ds.of("decision")) >= 300
    assert len(ds.agencies()) >= 3


def test_demo_site_builds(demo_site: Path) -> None:
    assert (demo_site / "index.html").is_file()
    assert any((demo_site / "market" / "decisions").rglob("*.html"))
