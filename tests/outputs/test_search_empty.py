"""A portal with no public decision builds, and its search page says there is nothing yet."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import ROOT

from gongshi.checks.pipeline import validate
from gongshi.publication import publish
from gongshi_tools import synth

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight synthetic decisions, all past their display window: no public decision."""
    from gongshi import cli
    base = tmp_path_factory.mktemp("empty")
    synth.generate(str(base / "data"), 8)
    assert not publish(validate(str(base / "data"), AS_OF), AS_OF).decisions
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code = cli.main(["build", "--data", str(base / "data"), "--output", str(base / "out"),
                         "--as-of", AS_OF.isoformat()])
    finally:
        os.chdir(cwd)
    assert code == 0
    return base / "out"


def test_empty_public_set_builds_a_portal(empty_site: Path) -> None:
    assert (empty_site / "index.html").is_file()
    assert "/search.html</loc>" in (empty_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not (empty_site / "search").exists()  # no index rather than an empty or stale one


def test_search_page_says_there_is_nothing_to_search(empty_site: Path) -> None:
    html = (empty_site / "search.html").read_text(encoding="utf-8")
    assert "暂无可搜索的内容" in html
    assert "search.js" not in html and 'id="search-form"' not in html


def test_every_decision_embargoed(tmp_path: Path) -> None:
    """A decision not yet due is no search page either: the build succeeds without an index."""
    import shutil

    from conftest import CASES

    from gongshi.app.build import build
    from casefiles import BASE
    shutil.copytree(BASE, tmp_path / "data")
    folder = tmp_path / "data" / "agencies" / "demo" / "decisions" / "2026"
    folder.mkdir(parents=True)
    text = (CASES / "rules" / "deadline" / "spring-festival-late.yml").read_text(encoding="utf-8")
    (folder / "cf-2026-0002.yml").write_text(text.replace("published: 2026-03-03", "published: 2026-12-01"),
                                             encoding="utf-8")
    ds = build(str(tmp_path / "data"), str(tmp_path / "out"), AS_OF, settings_file=str(ROOT / "pelicanconf.py"))
    assert ds.report.ok and ds.of("decision") and not publish(ds, AS_OF).decisions
    assert "暂无可搜索的内容" in (tmp_path / "out" / "search.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "search").exists()
