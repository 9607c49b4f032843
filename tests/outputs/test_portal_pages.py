"""The portal's pages: every record kind has its pages, decisions carry every disclosed field,
a revoked decision shows only its notice, and sitemap, robots, 404 and JSON-LD are right."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.pages_decisions import revocation
from gongshi.publication import Publication
from gongshi.publication import publish

SECTIONS = ["index", "officers", "posts", "items", "lists", "guides/index", "flowcharts/index",
            "inspections", "decisions/index", "revocations", "compliance"]
SITE_PAGES = ["index.html", "officers.html", "posts.html", "items.html", "lists.html", "guides.html",
              "flowcharts.html", "inspections.html", "decisions/index.html", "revocations.html",
              "stats/index.html", "compliance.html", "404.html", "sitemap.xml", "robots.txt",
              "notices/index.html", "pages/about.html", "pages/complaint.html"]


@pytest.fixture(scope="module")
def ps() -> Publication:
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_site_wide_pages_exist(demo_site: Path) -> None:
    for rel in SITE_PAGES:
        assert (demo_site / rel).is_file(), rel


def test_every_agency_has_every_section(demo_site: Path, ps: Publication) -> None:
    for slug, agency in ps.agencies.items():
        for name in SECTIONS:
            html = read(demo_site, f"{slug}/{name}.html")
            assert agency.data["name"] in html, (slug, name)
        for g in ps.of("guide", slug):
            assert g.data["name"] in read(demo_site, urls.guide(g))
        for f in ps.of("flowchart", slug):
            html = read(demo_site, urls.flowchart(f))
            assert "<svg" in html and '<ol class="steps">' in html


def test_agency_page_has_subject_fields_and_json_ld(demo_site: Path, ps: Publication) -> None:
    agency = ps.agencies["market"]
    html = read(demo_site, "market/index.html")
    for key in ("credit_code", "legal_representative", "address", "complaint_phone", "remedies"):
        assert str(agency.data[key]) in html
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blob
    doc = json.loads(blob.group(1))
    assert doc["@type"] == "GovernmentOrganization" and doc["name"] == agency.data["name"]
    assert doc["identifier"]["value"] == agency.data["credit_code"]


def test_roster_marks_auxiliary_staff(demo_site: Path, ps: Publication) -> None:
    html = read(demo_site, "market/officers.html")
    aux = [o for o in ps.of("officer", "market") if "执法辅助人员" in o.data["roles"]]
    assert aux
    for o in aux:
        row = re.search(rf'<tr id="officer-[^"]+" class="aux"><th scope="row">{re.escape(o.data["name"])} <span class="tag">', html)
        assert row, o.data["name"]


def test_decision_page_has_every_disclosed_field(demo_site: Path, ps: Publication) -> None:
    for rec in ps.decisions[:40]:
        html = read(demo_site, urls.decision(rec))
        d = rec.data
        for text in (d["doc_no"], d["party"]["name"], d["category"], d["result"], d["decided"].isoformat(),
                     d["published"].isoformat()):
            assert text in html, (rec.slug, text)
        for b in d.get("basis") or []:
            assert b["title"] in html
        for h in d.get("history") or []:
            assert h["note"] in html


def test_decision_page_budget(demo_site: Path, ps: Publication) -> None:
    css = (demo_site / "theme/css/site.css").stat().st_size
    biggest = max((demo_site / urls.decision(r)).stat().st_size for r in ps.decisions)
    assert biggest + css < 30_000, (biggest, css)


def test_revoked_decision_shows_only_the_notice(demo_site: Path, ps: Publication) -> None:
    assert ps.notices
    for rec in ps.notices:
        html = read(demo_site, urls.decision(rec))
        n = revocation(rec)
        assert rec.data["doc_no"] in html and n.reason in html and n.date.isoformat() in html
        raw = next(r for r in validate(str(DATA), DEMO_AS_OF).of("decision") if r.uid == rec.uid)
        assert raw.data["party"]["name"] not in html and raw.data["result"] not in html
        assert rec.data["doc_no"] in read(demo_site, "revocations.html")


def test_no_pagefind_markup_left(demo_site: Path) -> None:
    """The search index is built from the publication (search/index.py), not by reading pages:
    the former Pagefind attributes would only make every decision page ~1.2 kB heavier."""
    for path in demo_site.rglob("*.html"):
        assert "data-pagefind" not in path.read_text(encoding="utf-8"), path


def test_lists_paginate_and_cover_every_public_decision(demo_site: Path, ps: Publication) -> None:
    listed: list[str] = []
    page = 1
    while True:
        rel = urls.decisions_list(page=page)
        if not (demo_site / rel).exists():
            break
        listed += re.findall(r'<th scope="row"><a href="/([^"]+)">', read(demo_site, rel))
        page += 1
    assert page - 1 == -(-len(ps.decisions) // urls.PAGE_SIZE)
    assert listed == [urls.decision(r) for r in ps.decisions]
    first = read(demo_site, urls.decisions_list())
    assert 'rel="next"' in first and 'aria-current="page"' in first


def _all_pages(site: Path, first: str) -> str:
    """A list and every page after it (rel="next"), as one text."""
    out, rel = [], first
    while True:
        html = read(site, rel)
        out.append(html)
        tag = re.search(r'<a\b[^>]*\brel="next"[^>]*>', html)
        if not tag:
            return "\n".join(out)
        rel = re.search(r'href="/([^"]+)"', tag.group()).group(1)  # type: ignore[union-attr]


def test_year_and_category_lists(demo_site: Path, ps: Publication) -> None:
    """Each decision is on its agency's list of its year and on its category's list (every page
    of a paginated list read, not only the first)."""
    for rec in ps.decisions[:5]:
        by_year = _all_pages(demo_site, urls.decisions_list(rec.agency, year=rec.year))
        by_cat = _all_pages(demo_site, urls.decisions_list(None, cat=rec.data["category"]))
        link = f'href="/{urls.decision(rec)}"'
        assert link in by_year and link in by_cat, rec.slug


def test_inspection_results_are_listed(demo_site: Path, ps: Publication) -> None:
    found = [r for r in ps.decisions if r.data.get("inspection")]
    assert found
    for rec in found[:5]:
        assert urls.decision(rec) in read(demo_site, f"{rec.agency}/inspections.html")


def test_sitemap_robots_and_404(demo_site: Path, ps: Publication) -> None:
    sitemap = read(demo_site, "sitemap.xml")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    base = ps.site["url"].rstrip("/")
    assert locs == sorted(locs) and all(u.startswith(base + "/") for u in locs)
    for u in locs:
        assert (demo_site / u[len(base) + 1:]).is_file(), u
    assert f"{base}/404.html" not in locs and f"{base}/pages/about.html" in locs
    assert f"Sitemap: {base}/sitemap.xml" in read(demo_site, "robots.txt")
    assert "页面不存在" in read(demo_site, "404.html")


def test_sitemap_lists_the_other_outputs_pages(demo_site: Path, ps: Publication) -> None:
    """Feeds, open data and search pages come from other generators (gongshi_sitemap_pages)."""
    locs = set(re.findall(r"<loc>([^<]+)</loc>", read(demo_site, "sitemap.xml")))
    base = ps.site["url"].rstrip("/")
    for path in ("feeds/index.html", "data/index.html", "data/dictionary.html", "search.html"):
        assert (demo_site / path).is_file() and f"{base}/{path}" in locs, path


def test_stats_report_years_and_zero_rows(demo_site: Path) -> None:
    html = read(demo_site, "stats/2025.html")
    assert "<svg" in html and '<table class="list num stack" id="by-category">' in html
    assert re.search(r"<th scope=\"row\">行政征用</th>(<td data-label=\"[^\"]+\">0</td>)+", html)
    assert not (demo_site / "stats/2026.html").exists()  # the year is not over on 2026-11-22


def test_compliance_pages(demo_site: Path) -> None:
    html = read(demo_site, "market/compliance.html")
    assert "按时公开" in html or "合规报告暂未生成" in html


def test_markdown_pages_use_the_theme(demo_site: Path) -> None:
    html = read(demo_site, "pages/about.html")
    assert 'class="site-header"' in html and "<strong>行政执法公示制度</strong>" in html
    assert "platform-launch.html" in read(demo_site, "notices/index.html")


def test_feed_links_in_head(demo_site: Path) -> None:
    head = read(demo_site, "market/index.html").split("</head>")[0]
    if 'rel="alternate"' not in head:
        pytest.skip("no feeds in this build")
    assert "agency" in head or "market" in head


def test_clashing_urls_fail_the_build() -> None:
    from gongshi.outputs.portal.generator import PathClash, check_unique
    from gongshi.outputs.portal.page import Page
    check_unique([Page("a.html", "x"), Page("b.html", "y")])
    with pytest.raises(PathClash):
        check_unique([Page("decisions/index.html", "gongshi_decisions"), Page("decisions/index.html", "gongshi_agency")])


def test_reserved_agency_folder_is_a_finding(tmp_path: Path) -> None:
    import shutil

    from conftest import CASES
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    (data / "agencies" / "demo").rename(data / "agencies" / "stats")
    ds = validate(str(data), DEMO_AS_OF)
    found = [f for f in ds.report if f.rule == "R-FORMAT" and "stats" in f.message("en")]
    assert len(found) == 1 and found[0].file.endswith("agencies/stats/agency.yml") and not ds.report.ok
    assert "reserved by the portal" in found[0].message("en")


def test_record_text_is_escaped(tmp_path: Path) -> None:
    import importlib.util
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("update_golden", root / "scripts" / "update_golden.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    folder = tmp_path / "extra" / "agencies" / "demo" / "decisions" / "2026"
    folder.mkdir(parents=True)
    (folder / "cf-2026-0009.yml").write_text(
        "doc_no: 霍市监罚〔2026〕9号\ntitle: '<script>alert(1)</script>案'\ncategory: 行政处罚\n"
        "party: {type: 法人, name: '霍邱县A&B<i>商行</i>', credit_code: 91341522A4CL12H3BX, legal_representative: 李某}\n"
        "violation_type: 销售过期食品\nbasis: [{title: 中华人民共和国食品安全法, article: 第一百二十四条}]\n"
        "facts: '经查 <img src=x onerror=alert(1)> __属实__'\nresult: '罚款 <b>伍仟</b> 元'\n"
        "penalty: {kinds: [罚款], fine: 5000}\ndecided: 2026-03-10\npublished: 2026-03-13\n"
        "officers: [o-0003, o-0004]\nstatus: 有效\n", encoding="utf-8")
    script.build_golden(tmp_path / "site", extra=tmp_path / "extra")
    for rel in ("demo/decisions/2026/cf-2026-0009.html", "demo/decisions/index.html", "index.html"):
        html = (tmp_path / "site" / rel).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<i>商行" not in html and "<img" not in html, rel
        assert "霍邱县A&amp;B&lt;i&gt;商行&lt;/i&gt;" in html, rel
    page = (tmp_path / "site" / "demo/decisions/2026/cf-2026-0009.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;案" in page and "<strong>属实</strong>" in page


def test_decision_history_holds_only_corrections_and_revocations(demo_site: Path, ps: Publication) -> None:
    # The file's last change and commit (provenance) are shown apart, never as a history entry.
    for rec in ps.decisions[:20]:
        html = read(demo_site, urls.decision(rec))
        history = html.split("更正和撤销记录", 1)[1].split("</article>", 1)[0]
        listed = re.search(r'<ol class="history">(.*?)</ol>', history, re.S)
        assert not listed or "提交" not in listed.group(1), rec.uid
        assert bool(listed) == bool(rec.data.get("history")), rec.uid


def test_decision_lists_show_the_date_they_sort_by(demo_site: Path, ps: Publication) -> None:
    html = read(demo_site, "decisions/index.html")
    head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    assert "公开日期" in head and "决定日期" not in head
    shown = re.findall(r'data-label="公开日期"><time datetime="([0-9-]+)"', html)
    assert shown and shown == sorted(shown, reverse=True)


def test_every_decision_has_a_title_that_is_not_its_number(demo_site: Path, ps: Publication) -> None:
    from gongshi.model.titles import record_title
    untitled = {"doc_no": "霍市监罚〔2026〕9号", "category": "行政处罚", "party": {"name": "某某商行"},
                "violation_type": "销售过期食品"}
    assert record_title(untitled) == "某某商行销售过期食品"
    assert record_title({**untitled, "violation_type": None}, "食品经营许可") == "某某商行食品经营许可"
    assert record_title({**untitled, "violation_type": None}) == "某某商行行政处罚决定"
    for rec in ps.decisions[:30]:
        html = read(demo_site, urls.decision(rec))
        h1 = re.search(r"<h1>(.*?)</h1>", html).group(1)
        assert h1 and rec.data["doc_no"] not in h1, rec.uid
