"""A portal with no public decision builds, and its search page says there is nothing yet."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import ROOT

from gongshi import synth
from gongshi.checks import validate
from gongshi.public import public_set

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight synthetic decisions, all past their display window: no public decision."""
    from gongshi import cli
    base = tmp_path_factory.mktemp("empty")
    synth.generate(str(base / "data"), 8)
    assert not public_set(validate(str(base / "data"), AS_OF), AS_OF).decisions
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
    assert not (empty_site / "pagefind").exists()  # no index rather than an empty or stale one


def test_search_page_says_there_is_nothing_to_search(empty_site: Path) -> None:
    html = (empty_site / "search.html").read_text(encoding="utf-8")
    assert "暂无可搜索的内容" in html
    assert "search.js" not in html and 'id="search-form"' not in html
