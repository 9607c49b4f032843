"""Public search in Chromium against the served demo site: what a citizen types (full names,
two-character fragments, credit codes, document numbers, sector words, a masked name, a
revoked number, an officer's certificate) finds the pages holding it exactly first, filters
narrow and count, hidden decisions cannot be found, nothing comes from outside the site."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, DEMO_AS_OF

from gongshi.checks.pipeline import validate
from gongshi.publication import Publication, publish
from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.index import fold

pytestmark = pytest.mark.browser

CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")


@pytest.fixture(scope="module")
def ps() -> Publication:
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


@pytest.fixture(scope="module")
def indexed(demo_site: Path) -> list[dict[str, Any]]:
    """Every indexed document (search/d/<id>.json), in id order."""
    import json
    n = json.loads((demo_site / "search" / "meta.json").read_text(encoding="utf-8"))["docs"]
    return [json.loads((demo_site / "search" / "d" / f"{i}.json").read_text(encoding="utf-8")) for i in range(n)]


def holding(indexed: list[dict[str, Any]], q: str) -> set[str]:
    """The pages holding `q` exactly, as typed (case and full width folded)."""
    return {"/" + d["u"] for d in indexed if fold(q) in fold(d["x"])}


def _url(rec: Any) -> str:
    return f"/{rec.agency}/decisions/{rec.year}/{rec.slug}.html"


def _unique(texts: list[str], word: str) -> bool:
    return sum(word in t for t in texts) == 1


def search(page: Any, site_url: str, q: str, **filters: str) -> list[dict[str, str]]:
    """Type `q` into the search page, press Enter, return the shown results' facts."""
    page.goto(site_url + "/search.html")
    if filters:  # folded under the box (issue 24): opened as a reader opens them
        page.click("#search-fold > summary")
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
        title: li.querySelector('h2 a').textContent, kind: li.dataset.kind,
        excerpt: li.querySelector('.search-result-excerpt').innerHTML,
        href: li.querySelector('h2 a').getAttribute('href').replace(/^\\.?\\/?/, '/'),
        doc_no: (li.querySelector('.search-result-doc-no') || {}).textContent || '',
        agency: (li.querySelector('.search-result-agency') || {}).textContent || ''}))""")


def test_index_holds_every_public_page_and_no_hidden_decision(ps: Publication, indexed: list[dict[str, Any]],
                                                             demo_site: Path) -> None:
    from gongshi.app import plugin
    from gongshi.outputs.search import index
    pub = plugin.publication({"GONGSHI_DATA": str(DATA), "GONGSHI_AS_OF": DEMO_AS_OF})
    assert sorted(d["u"] for d in indexed) == sorted(index.expected_urls(pub))
    assert {d["k"] for d in indexed} == {"decision", "notice", "agency", "guide", "flowchart", "item",
                                         "inspection", "officer", "subject"}
    assert index.misindexed(demo_site, pub) == []
    content = "\n".join(d["x"] for d in indexed if d["k"] != "notice")
    hidden = list(_hidden(ps))
    assert {ps.status[r.uid].reason for r in hidden} >= {"embargo", "expired", "withdrawn", "minor", "revoked"}
    for rec in hidden:
        assert rec.data["doc_no"] not in content, rec.file
    # natural persons get no subject page
    subjects = [d for d in indexed if d["k"] == "subject"]
    assert subjects and all("自然人" not in d["s"] for d in subjects)


def _first_is_exact(found: list[dict[str, str]], exact: set[str]) -> None:
    n = min(len(exact), len(found))
    assert n and {r["href"] for r in found[:n]} <= exact, (found[:n], exact)


def test_document_number_finds_its_decision_first(page: Any, site_url: str, ps: Publication) -> None:
    rec = ps.decisions[len(ps.decisions) // 2]
    found = search(page, site_url, rec.data["doc_no"])
    assert found and found[0]["doc_no"] == rec.data["doc_no"]
    assert found[0]["href"].endswith(_url(rec))
    # written with square brackets, as people type it on a phone
    loose = rec.data["doc_no"].replace("〔", "[").replace("〕", "]")
    assert search(page, site_url, loose)[0]["doc_no"] == rec.data["doc_no"]
    assert page.outside_requests == []


def test_revoked_number_finds_its_revocation_notice(page: Any, site_url: str) -> None:
    found = search(page, site_url, "霍环罚〔2025〕4号")
    assert found and found[0]["kind"] == "notice" and found[0]["doc_no"] == "霍环罚〔2025〕4号"
    assert len(found) == 1  # not decisions 1 and 3 of that year


def test_full_company_name_finds_its_subject_page_then_decision(page: Any, site_url: str, ps: Publication,
                                                               indexed: list[dict[str, Any]]) -> None:
    rec = next(r for r in ps.decisions if r.data["party"]["type"] == "法人" and r.data["party"].get("credit_code")
               and len(holding(indexed, r.data["party"]["name"])) == 2)
    found = search(page, site_url, rec.data["party"]["name"])
    assert found[0]["kind"] == "subject" and found[0]["href"].endswith(f"/subjects/{rec.data['party']['credit_code']}.html")
    assert found[1]["doc_no"] == rec.data["doc_no"]
    assert "<mark>" in found[1]["excerpt"]


def test_credit_code_finds_its_subject_and_decisions(page: Any, site_url: str, ps: Publication,
                                                   indexed: list[dict[str, Any]]) -> None:
    rec = next(r for r in ps.decisions if r.data["party"]["type"] == "法人" and r.data["party"].get("credit_code"))
    code = rec.data["party"]["credit_code"]
    found = search(page, site_url, code.lower())
    assert found[0]["kind"] == "subject" and {r["href"] for r in found} == holding(indexed, code)


def test_two_character_fragments_rank_exact_holders_first(page: Any, site_url: str, ps: Publication,
                                                         indexed: list[dict[str, Any]]) -> None:
    names = [r.data["party"]["name"] for r in ps.decisions if r.data["party"]["type"] != "自然人"]
    tried = 0
    for name in names[::7]:
        frag = name[3:5]  # after 霍邱县
        exact = holding(indexed, frag)
        if not exact or not CJK2.fullmatch(frag):
            continue
        found = search(page, site_url, frag)
        _first_is_exact(found, exact)
        tried += 1
    assert tried >= 3


def test_sector_words_rank_exact_holders_first(page: Any, site_url: str, indexed: list[dict[str, Any]]) -> None:
    for word in ("食品经营许可", "保质期", "排污许可", "罚款"):
        exact = holding(indexed, word)
        found = search(page, site_url, word)
        _first_is_exact(found, exact)
        assert page.inner_text("#search-status").startswith("找到")
        assert not found[0]["excerpt"].startswith((". ", "。")), found[0]
    found = search(page, site_url, "过期食品")  # held by no page exactly: its characters apart
    assert found


def test_masked_name_matches_only_the_same_surname(page: Any, site_url: str, indexed: list[dict[str, Any]]) -> None:
    found = search(page, site_url, "张某某")
    exact = holding(indexed, "张某某")
    assert exact and {r["href"] for r in found} == exact


def test_officer_by_certificate_and_name(page: Any, site_url: str, ps: Publication) -> None:
    from gongshi.app import plugin
    pub = plugin.publication({"GONGSHI_DATA": str(DATA), "GONGSHI_AS_OF": DEMO_AS_OF})
    officer = next(o for o in pub.of("officer") if o.data.get("certificate"))
    found = search(page, site_url, officer.data["certificate"]["number"])
    assert found[0]["kind"] == "officer" and found[0]["title"] == officer.data["name"]
    assert found[0]["href"].endswith(f"/{officer.agency}/officers.html#officer-{officer.slug}")
    found = search(page, site_url, "食品经营许可", kind="服务指南")
    assert found and {r["kind"] for r in found} == {"guide"}


def test_a_filter_narrows_the_results(page: Any, site_url: str, ps: Publication) -> None:
    everything = search(page, site_url, "霍邱县")
    total = page.inner_text("#search-status")
    agency = ps.agencies["market"].data["name"]
    narrowed = search(page, site_url, "霍邱县", agency=agency)
    assert page.inner_text("#search-status") != total
    assert narrowed and {r["agency"] for r in narrowed} == {agency}
    assert len({r["agency"] for r in everything}) > 1
    assert "agency=" in page.url and page.outside_requests == []


def test_hidden_decisions_cannot_be_found(page: Any, site_url: str, ps: Publication) -> None:
    first: dict[str, Any] = {}
    for rec in _hidden(ps):
        first.setdefault(ps.status[rec.uid].reason, rec)
    assert set(first) >= {"embargo", "expired", "withdrawn", "minor", "revoked"}
    page.goto(site_url + "/search.html")
    for reason, rec in sorted(first.items()):
        # What a citizen would type: the number and the party; neither shows the decision.
        for q in (rec.data["doc_no"], rec.data["party"]["name"]):
            shown = search(page, site_url, q)
            # (a revoked number finds its revocation notice, never the decision)
            assert rec.data["doc_no"] not in {r["doc_no"] for r in shown if r["kind"] != "notice"}, (reason, q)
    assert page.outside_requests == []


def test_query_in_the_url_prefills_and_searches(page: Any, site_url: str, ps: Publication) -> None:
    rec = ps.decisions[0]
    page.goto(site_url + "/search.html?q=" + rec.data["doc_no"])
    assert page.input_value("#search-q") == rec.data["doc_no"]
    assert results(page)[0]["doc_no"] == rec.data["doc_no"]
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert re.search(r"找到 \d+ 条", status.inner_text())


def test_keyboard_only(page: Any, site_url: str, ps: Publication) -> None:
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


def test_phone_layout_and_transfer(phone: Any, site_url: str, ps: Publication) -> None:
    sizes: list[int] = []
    phone.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"])
             if "/search/" in r.url else None)
    found = search(phone, site_url, ps.decisions[3].data["doc_no"])
    assert found
    first = sum(sizes)
    sizes.clear()
    phone.fill("#search-q", "霍邱县市场监督管理局")
    phone.press("#search-q", "Enter")
    results(phone)
    later = sum(sizes)
    assert first < 300_000 and later < 60_000, (first, later)  # uncompressed here (no gzip server)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.outside_requests == []


def test_a_missing_shard_is_a_notice_not_a_broken_search(page: Any, site_url: str, ps: Publication) -> None:
    page.route("**/search/g/*.json", lambda route: route.fulfill(status=404, body="") if
               int(route.request.url.rsplit("/", 1)[1].split(".")[0]) % 2 else route.continue_())
    for q in (ps.decisions[0].data["doc_no"], "霍邱县市场监督管理局"):
        search(page, site_url, q)
        status = page.inner_text("#search-status")
        assert status.startswith(("找到", "没有找到")), status
    assert page.locator("#search-notice").is_visible()
    assert "不完整" in page.inner_text("#search-notice")


def test_filters_show_counts(page: Any, site_url: str) -> None:
    search(page, site_url, "霍邱县")
    texts = page.eval_on_selector_all("#search-kind option", "os => os.map(o => o.textContent)")
    assert any(re.fullmatch(r"执法决定（\d+）", t) for t in texts), texts
    total = int(re.search(r"找到 (\d+) 条", page.inner_text("#search-status")).group(1))
    counts = [int(m.group(1)) for t in texts if (m := re.search(r"（(\d+)）", t))]
    assert sum(counts) == total


def test_without_javascript_a_plain_message(browser: Any, site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.goto(site_url + "/search.html?q=test")
        text = page.inner_text("main")
        assert "JavaScript" in text and "浏览" in text
    finally:
        ctx.close()


def _hidden(ps: Publication) -> Iterator[Any]:
    for rec in validate(str(DATA), DEMO_AS_OF).of("decision"):
        if not ps.status[rec.uid].public:
            yield rec


def test_no_serious_accessibility_violations(phone: Any, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe
    phone.goto(site_url + "/search.html?q=超过保质期")
    assert results(phone)
    violations = Axe().run(phone).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
