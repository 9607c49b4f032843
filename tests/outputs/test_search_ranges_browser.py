"""A common pair written in id ranges, newest first (outputs/search/ranges.py), read by search.js
in Chromium: the demo site's index written again with thresholds low enough that its common
pairs are cut (a province's are at a million documents). The first page shows the newest title
hits, read from the newest key ranges only, and says "at least N"; "显示更多结果" reads the older
ranges, and every result shown is in the place a search reading every posting gives it; once
every range is read the count is exact."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import DESKTOP, open_page, serve
from conftest import DATA, DEMO_AS_OF
from test_search_browser import results

from gongshi.outputs.search import format as fmt
from gongshi.outputs.search import index, ranges
from gongshi.outputs.search.stream import doc_grams

pytestmark = pytest.mark.browser

Q = "培训"  # on 50 of the demo's 575 documents: 26 in a key field, 24 elsewhere


@pytest.fixture(scope="module")
def ranged(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[int]]]:
    """(the served copy of the demo site with its index cut into ranges, Q's ranking by id:
    the documents holding it in a key field newest first, then the others newest first)."""
    from gongshi.app import plugin
    site = tmp_path_factory.mktemp("ranged") / "output"
    shutil.copytree(demo_site, site)
    docs = index.documents(plugin.publication({"GONGSHI_DATA": str(DATA), "GONGSHI_AS_OF": DEMO_AS_OF}))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fmt, "COMMON_BYTES", 100)
        mp.setattr(ranges, "SPLIT_GZ", 60)
        mp.setattr(ranges, "RANGE_GZ", 40)
        index.write(site, docs)
    title, body = [], []
    for i, d in enumerate(docs):
        key, other = doc_grams(d.key, d.body, d.doc_no)
        (title if Q in key else body if Q in other else []).append(i)
    httpd, url = serve(site)
    yield url, sorted(title, reverse=True) + sorted(body, reverse=True)
    httpd.shutdown()


@pytest.fixture()
def ranged_page(browser: object, ranged: tuple[str, list[int]]) -> Iterator[Any]:
    yield from open_page(browser, DESKTOP, ranged[0])


def test_newest_title_hits_first_older_ranges_on_more_count_at_least_then_exact(
        ranged_page: Any, ranged: tuple[str, list[int]]) -> None:
    url, ranking = ranged
    page = ranged_page
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url.split("/search/", 1)[1]) if "/search/r/" in r.url else None)
    page.goto(url + "/search.html")
    listed = page.evaluate("fetch('search/meta.json').then(r => r.json()).then(m => m.ranges)")
    keys, bodies = listed[Q]
    assert keys >= 3 and bodies >= 3  # several ranges in each series
    page.fill("#search-q", Q)
    page.press("#search-q", "Enter")
    results(page)
    page.wait_for_function("() => document.querySelectorAll('.search-result').length >= 10")
    urls = page.eval_on_selector_all(".search-result h2 a", "as => as.map(a => a.getAttribute('href'))")
    status = page.text_content("#search-status")
    assert status.startswith("找到至少 "), status
    want = _urls(page, ranking)
    assert urls == want[:10]                      # the newest title hits, in the whole ranking's order
    stem = ranges.name(Q)
    mine = [f for f in fetched if f.startswith(f"r/{stem}.")]
    assert mine and all(".k" in f for f in mine)  # the body series is not read for the first page
    assert f"r/{stem}.k{keys - 1}.json" not in mine  # nor the oldest key range
    # "more" until every range is read: each page continues the whole ranking; then an exact count
    shown = urls
    for _ in range(10):
        if "至少" not in page.text_content("#search-status"):
            break
        page.click("#search-more")
        page.wait_for_function("n => document.querySelectorAll('.search-result').length > n", arg=len(shown))
        shown = page.eval_on_selector_all(".search-result h2 a", "as => as.map(a => a.getAttribute('href'))")
        assert shown[:len(want)] == want[:len(shown)]
    status = page.text_content("#search-status")
    assert "至少" not in status and status.startswith("找到 "), status
    mine = {f for f in fetched if f.startswith(f"r/{stem}.")}
    assert mine == set(ranges.files_of(Q, [keys, bodies]))
    assert page.outside_requests == []


def _urls(page: Any, ranking: list[int]) -> list[str]:
    """The result links search.js gives the documents of `ranking` (read from their files)."""
    return page.evaluate("""ids => Promise.all(ids.map(i => fetch(`search/d/${i}.json`).then(r => r.json())
        .then(d => (document.getElementById('search').dataset.site || '/') + d.u)))""", ranking)
