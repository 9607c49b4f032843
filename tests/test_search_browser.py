"""Public search in Chromium against the served demo site: what a citizen types finds the
right decision first, filters narrow, hidden decisions cannot be found, nothing comes from
outside the site, and the index holds exactly the public decisions."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, DEMO_AS_OF

from gongshi.checks import validate
from gongshi.public import PublicSet, public_set
from gongshi.search import bundle
from gongshi.search.docno import token

pytestmark = pytest.mark.browser

CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")


@pytest.fixture(scope="module")
def ps() -> PublicSet:
    return public_set(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


@pytest.fixture(scope="module")
def indexed(demo_site: Path) -> list[dict[str, Any]]:
    return list(bundle.fragments(demo_site / "pagefind"))


def _url(rec: Any) -> str:
    return f"/{rec.agency}/decisions/{rec.year}/{rec.slug}.html"


def _unique(texts: list[str], word: str) -> bool:
    return sum(word in t for t in texts) == 1


def search(page: Any, site_url: str, q: str, **filters: str) -> list[dict[str, str]]:
    """Type `q` into the search page, press Enter, return the shown results' facts."""
    page.goto(site_url + "/search.html")
    for name, value in filters.items():
        page.select_option(f"#search-{name}", value)
    page.fill("#search-q", q)
    page.press("#search-q", "Enter")
    return results(page)


def results(page: Any) -> list[dict[str, str]]:
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status').textContent;"
        " return s && !s.startsWith('正在'); }")
    return page.eval_on_selector_all(".search-result", """items => items.map(li => ({
        title: li.querySelector('h2 a').textContent,
        href: li.querySelector('h2 a').getAttribute('href'),
        doc_no: (li.querySelector('.search-result-doc-no') || {}).textContent || '',
        agency: (li.querySelector('.search-result-agency') || {}).textContent || ''}))""")


def test_index_holds_exactly_the_public_decisions(ps: PublicSet, indexed: list[dict[str, Any]],
                                                  demo_site: Path) -> None:
    assert sorted(f["url"] for f in indexed) == sorted(_url(r) for r in ps.decisions)
    entry = bundle.entry(demo_site / "pagefind")
    assert [lang["page_count"] for lang in entry["languages"].values()] == [len(ps.decisions)]
    content = "\n".join(bundle.plain(f) for f in indexed)
    hidden = list(_hidden(ps))
    assert {ps.status[r.uid].reason for r in hidden} >= {"embargo", "expired", "withdrawn", "minor", "revoked"}
    for rec in hidden:
        assert rec.data["doc_no"] not in content, rec.file
        assert token(rec.data["doc_no"]) not in content, rec.file


def test_a_word_the_browser_cuts_otherwise_is_found(page: Any, site_url: str,
                                                   indexed: list[dict[str, Any]]) -> None:
    # The indexer cuts 保质期 into 保质 + 期; Chromium's dictionary into 保 + 质 + 期. The
    # page cuts queries with the indexer's words (pagefind/words.txt), so every page holding
    # the text is found.
    holding = {f["url"] for f in indexed if "保质期" in bundle.plain(f)}
    assert holding
    found = search(page, site_url, "保质期")
    assert page.inner_text("#search-status").startswith(f"找到 {len(holding)} 条")
    assert {r["href"] for r in found} <= holding


def test_results_carry_the_decision_facts(indexed: list[dict[str, Any]]) -> None:
    for f in indexed:
        assert set(f["meta"]) >= {"title", "doc_no", "party", "agency", "category", "date"}
        assert set(f["filters"]) == {"agency", "category", "year"}


def test_document_number_finds_its_decision_first(page: Any, site_url: str, ps: PublicSet) -> None:
    rec = ps.decisions[len(ps.decisions) // 2]
    found = search(page, site_url, rec.data["doc_no"])
    assert found and found[0]["doc_no"] == rec.data["doc_no"]
    assert found[0]["href"].endswith(_url(rec))
    # written with square brackets, as people type it on a phone
    loose = rec.data["doc_no"].replace("〔", "[").replace("〕", "]")
    assert search(page, site_url, loose)[0]["doc_no"] == rec.data["doc_no"]
    assert page.outside_requests == []


def test_company_name_finds_its_decision_first(page: Any, site_url: str, ps: PublicSet,
                                               indexed: list[dict[str, Any]]) -> None:
    texts = [bundle.plain(f) for f in indexed]
    rec = next(r for r in ps.decisions if r.data["party"]["type"] == "法人"
               and _unique(texts, r.data["party"]["name"]))
    found = search(page, site_url, rec.data["party"]["name"])
    assert found[0]["doc_no"] == rec.data["doc_no"]


def test_masked_person_name_finds_its_decision_first(page: Any, site_url: str, ps: PublicSet,
                                                     indexed: list[dict[str, Any]]) -> None:
    texts = [bundle.plain(f) for f in indexed]
    rec = next(r for r in ps.decisions if r.data["party"]["type"] == "自然人"
               and "某" in r.data["party"]["name"] and _unique(texts, r.data["party"]["name"]))
    found = search(page, site_url, rec.data["party"]["name"])
    assert found[0]["doc_no"] == rec.data["doc_no"]


def test_two_character_word_from_the_facts(page: Any, site_url: str, ps: PublicSet,
                                           indexed: list[dict[str, Any]]) -> None:
    # The demo's facts are templated, so no two-character word is in one decision only: take
    # the rarest; every decision holding it must be found, nothing else, and the year filter
    # then leaves the one decision of that year first.
    texts = {f["url"]: bundle.plain(f) for f in indexed}
    by_url = {_url(r): r for r in ps.decisions}
    words = {w for f in indexed for w in bundle.words(f)
             if CJK2.fullmatch(w) and w in (by_url[f["url"]].data.get("facts") or "")}
    word = min(sorted(words), key=lambda w: sum(w in t for t in texts.values()))
    holding = {u for u, t in texts.items() if word in t}
    found = search(page, site_url, word)
    assert {r["href"] for r in found} == holding, word
    years = {}
    for u in holding:
        years.setdefault(by_url[u].data["decided"].year, []).append(by_url[u])
    year, (rec,) = next((y, recs) for y, recs in sorted(years.items()) if len(recs) == 1)
    found = search(page, site_url, word, year=str(year))
    assert found[0]["doc_no"] == rec.data["doc_no"], word


def test_a_filter_narrows_the_results(page: Any, site_url: str, ps: PublicSet) -> None:
    everything = search(page, site_url, "霍邱县")
    total = page.inner_text("#search-status")
    agency = ps.agencies["market"].data["name"]
    narrowed = search(page, site_url, "霍邱县", agency=agency)
    assert page.inner_text("#search-status") != total
    assert narrowed and {r["agency"] for r in narrowed} == {agency}
    assert len({r["agency"] for r in everything}) > 1
    assert "agency=" in page.url and page.outside_requests == []


def test_hidden_decisions_cannot_be_found(page: Any, site_url: str, ps: PublicSet) -> None:
    first: dict[str, Any] = {}
    for rec in _hidden(ps):
        first.setdefault(ps.status[rec.uid].reason, rec)
    assert set(first) >= {"embargo", "expired", "withdrawn", "minor", "revoked"}
    page.goto(site_url + "/search.html")
    for reason, rec in sorted(first.items()):
        # The word only this decision's page would carry: Pagefind itself has no such page.
        hits = page.evaluate("""async (word) => {
            const pf = await import('/pagefind/pagefind.js');
            return (await pf.search(word)).results.length; }""", token(rec.data["doc_no"]))
        assert hits == 0, reason
        # What a citizen would type: the number and the party; neither shows the decision.
        for q in (rec.data["doc_no"], rec.data["party"]["name"]):
            shown = search(page, site_url, q)
            assert rec.data["doc_no"] not in {r["doc_no"] for r in shown}, (reason, q)
    assert page.outside_requests == []


def test_query_in_the_url_prefills_and_searches(page: Any, site_url: str, ps: PublicSet) -> None:
    rec = ps.decisions[0]
    page.goto(site_url + "/search.html?q=" + rec.data["doc_no"])
    assert page.input_value("#search-q") == rec.data["doc_no"]
    assert results(page)[0]["doc_no"] == rec.data["doc_no"]
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert re.search(r"找到 \d+ 条", status.inner_text())


def test_keyboard_only(page: Any, site_url: str, ps: PublicSet) -> None:
    rec = ps.decisions[1]
    page.goto(site_url + "/search.html")
    page.focus("#search-q")
    page.keyboard.type(rec.data["doc_no"])
    page.keyboard.press("Enter")
    assert results(page)[0]["doc_no"] == rec.data["doc_no"]
    assert "q=" in page.url  # Enter put the query in the address: the result can be linked
    page.keyboard.press("Tab")  # from the box, Tab reaches the button, the filters, the results
    for _ in range(8):
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + _url(rec))


def test_phone_layout_and_transfer(phone: Any, site_url: str, ps: PublicSet) -> None:
    sizes: list[int] = []
    phone.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"])
             if "/pagefind/" in r.url else None)
    found = search(phone, site_url, ps.decisions[3].data["doc_no"])
    assert found
    first = sum(sizes)
    sizes.clear()
    phone.fill("#search-q", "罚款")
    phone.press("#search-q", "Enter")
    results(phone)
    later = sum(sizes)
    assert first < 300_000 and later < 60_000, (first, later)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.outside_requests == []


def test_without_javascript_a_plain_message(browser: Any, site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.goto(site_url + "/search.html?q=test")
        text = page.inner_text("main")
        assert "JavaScript" in text and "浏览" in text
    finally:
        ctx.close()


def _hidden(ps: PublicSet) -> Iterator[Any]:
    for rec in validate(str(DATA), DEMO_AS_OF).of("decision"):
        if not ps.status[rec.uid].public:
            yield rec


def test_no_serious_accessibility_violations(phone: Any, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe
    phone.goto(site_url + "/search.html?q=超过保质期")
    assert results(phone)
    violations = Axe().run(phone).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
