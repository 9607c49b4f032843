"""A browser index split by decision year (as at 100k decisions), on the demo data with a
tiny shard size: the shards hold exactly the public decisions, older years are searched on
request, and a typed document number or year filter reaches its own shard at once."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import serve
from conftest import DATA, DEMO_AS_OF, ROOT

from gongshi.checks import validate
from gongshi.publication import Publication as PublicSet
from gongshi.publication import publish as public_set
from gongshi.search import bundle, shards

LIMIT = 60


@pytest.fixture(scope="module")
def ps() -> PublicSet:
    return public_set(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gongshi.build import build
    out = tmp_path_factory.mktemp("sharded") / "output"
    old = os.environ.get(shards.SETTING)
    os.environ[shards.SETTING] = str(LIMIT)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        build(str(DATA), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"))
    finally:
        os.chdir(cwd)
        if old is None:
            os.environ.pop(shards.SETTING, None)
        else:
            os.environ[shards.SETTING] = old
    return out


@pytest.fixture()
def sharded_page(browser: Any, sharded_site: Path) -> Iterator[tuple[Any, str]]:
    httpd, url = serve(sharded_site)
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
    page.outside_requests = outside
    yield page, url
    ctx.close()
    httpd.shutdown()


def test_plan_keeps_one_index_until_the_limit(ps: PublicSet) -> None:
    (one,) = shards.plan(ps, len(ps.decisions))
    assert one.path == "" and one.pages == len(ps.decisions) and one.glob.startswith("*/decisions/")
    planned = shards.plan(ps, LIMIT)
    assert sum(s.pages for s in planned) == len(ps.decisions)
    assert all(s.pages <= LIMIT for s in planned)
    newest = [max(s.years) for s in planned]
    assert newest == sorted(newest, reverse=True)
    assert len({s.path for s in planned}) == len(planned)


def test_shards_hold_exactly_the_public_decisions(sharded_site: Path, ps: PublicSet) -> None:
    urls: list[str] = []
    for s in shards.plan(ps, LIMIT):
        folder = sharded_site / "pagefind" / s.path
        got = [f["url"] for f in bundle.fragments(folder)]
        assert len(got) == s.pages, s.path
        assert {int(u.split("/")[3]) for u in got} <= set(s.years), s.path  # /<agency>/decisions/<yyyy>/
        urls += got
    assert sorted(urls) == sorted(f"/{r.agency}/decisions/{r.year}/{r.slug}.html" for r in ps.decisions)


def _status(page: Any) -> str:
    page.wait_for_function("() => /^(找到|没有)/.test(document.getElementById('search-status').textContent)")
    return page.inner_text("#search-status")


def test_older_years_on_request(sharded_page: tuple[Any, str], ps: PublicSet) -> None:
    page, url = sharded_page
    page.goto(url + "/search.html?q=霍邱县")
    first = _status(page)
    assert "已查" in first and page.is_visible("#search-older")
    page.click("#search-older")
    page.wait_for_function("() => !document.getElementById('search-status').textContent.includes('已查')"
                           " && document.getElementById('search-status').textContent.startsWith('找到')")
    assert not page.is_visible("#search-older")
    assert int(page.inner_text("#search-status").split()[1]) == len(ps.decisions)
    assert page.outside_requests == []


def test_document_number_and_year_reach_their_shard(sharded_page: tuple[Any, str], ps: PublicSet) -> None:
    page, url = sharded_page
    oldest = min(ps.decisions, key=lambda r: (r.year, r.slug))
    page.goto(url + "/search.html?q=" + oldest.data["doc_no"])
    _status(page)
    assert page.inner_text(".search-result .search-result-doc-no") == oldest.data["doc_no"]
    page.goto(url + f"/search.html?q=霍邱县&year={oldest.year}")
    _status(page)
    hrefs = page.eval_on_selector_all(".search-result h2 a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(f"/decisions/{oldest.year}/" in h for h in hrefs)
    assert page.outside_requests == []


def test_fail_closed_when_another_page_is_marked(demo_site: Path, tmp_path: Path, ps: PublicSet) -> None:
    import shutil

    from gongshi.search import pagefind
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    planned = shards.plan(ps, len(ps.decisions))
    assert pagefind.misindexed(str(site), planned, ps) == []
    # a list page that wrongly marks itself as a decision is caught, as is a missing page
    stray = site / "market" / "decisions" / "2025" / "stray.html"
    stray.write_text('<html lang="zh-CN"><body><main data-pagefind-body>错误页面</main></body></html>',
                     encoding="utf-8")
    first = next(site.glob("ecology/decisions/2024/*.html"))
    first.write_text(first.read_text(encoding="utf-8").replace("data-pagefind-body", ""), encoding="utf-8")
    pagefind.index_shards(str(site), planned)
    wrong = pagefind.misindexed(str(site), planned, ps)
    assert "/market/decisions/2025/stray.html" in wrong
    assert "/" + first.relative_to(site).as_posix() in wrong
