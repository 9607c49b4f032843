"""A province federates small synthetic counties (issue 23): one good pair, one missing, one
stale, and a variant with a corrupt file; the province names each bad county with its reason,
shows nothing of it, and judges every decision again on its own day."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from gongshi.model.yamlwrite import dump
from gongshi_tools import synth

ROOT = Path(__file__).resolve().parents[2]
COUNTY_AS_OF = dt.date(2026, 11, 20)
STALE_AS_OF = dt.date(2026, 10, 1)
PROVINCE_AS_OF = dt.date(2026, 12, 7)
WITHDRAWN_ON = dt.date(2026, 12, 1)  # between the county's day and the province's
# A decision public on the county's day (2026-11-20) whose one-year window ends 2026-11-25.
EXPIRING = {"decided": dt.date(2025, 11, 18), "published": dt.date(2025, 11, 25), "display": "1y",
            "doc_no": "甲市监罚〔2025〕999号"}


def _county(root: Path, name: str, host: str, seed: int, as_of: dt.date) -> Path:
    """A 30-decision synthetic county under its own name and address."""
    synth.generate(str(root), decisions=30, seed=seed, as_of=as_of)
    site = synth.site_doc() | {"name": f"{name}行政执法公示平台", "url": f"https://{host}.example.gov.cn",
                               "region": f"安徽省{name}"}
    (root / "site.yml").write_text(dump(site), encoding="utf-8")
    return root


def _decisions(root: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for path in sorted(root.glob("agencies/*/decisions/*/*.yml")):
        out.append((path, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


def _build(data: Path, out: Path, as_of: dt.date) -> Path:
    from gongshi.app.build import build
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        ds = build(str(data), str(out), as_of, settings_file=str(ROOT / "pelicanconf.py"))
    finally:
        os.chdir(cwd)
    assert ds.report.ok, ds.report.to_text("en")
    return out


def _tampered(counties: dict[str, Any], name: str, record: Callable[[dict[str, Any]], None],
              manifest: Callable[[dict[str, Any]], None] = lambda m: None) -> Path:
    """A copy of 甲县's bundle in `name`, its first decision row changed by `record` (and its
    manifest by `manifest`), sealed again: hashes that match, so only the content is hostile."""
    from gongshi.runtime.checksums import sha256_file
    bad = counties["tmp"] / name
    shutil.copytree(counties["a"], bad)
    path = bad / "data/decisions.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    record(table["records"][0])
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    sealed = json.loads((bad / "bundle/manifest.json").read_text(encoding="utf-8"))
    manifest(sealed)
    for f in sealed["files"]:
        f["size"], f["sha256"] = sha256_file(str(bad / f["path"]))
    (bad / "bundle/manifest.json").write_text(json.dumps(sealed), encoding="utf-8")
    return bad


def _province(folder: Path, counties: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(dump({
        "name": "安徽省行政执法公示平台", "url": "https://zfgs.ah.example.gov.cn", "region": "安徽省",
        "federation": {"counties": counties}}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Three built counties: 甲县 and 乙县 (good, sharing one credit code), 丙县 (stale)."""
    tmp = tmp_path_factory.mktemp("federation")
    a = _county(tmp / "a-data", "甲县", "jia", 101, COUNTY_AS_OF)
    b = _county(tmp / "b-data", "乙县", "yi", 102, COUNTY_AS_OF)
    s = _county(tmp / "s-data", "丙县", "bing", 103, STALE_AS_OF)
    # 甲县: one decision whose window ends between the county's day and the province's.
    path, doc = next((p, d) for p, d in _decisions(a) if d["category"] == "行政处罚" and "history" not in d
                     and "withdrawn" not in d and d["party"]["type"] == "法人")
    doc.update(EXPIRING)
    doc.pop("status", None)
    target = path.parent.parent / "2025" / "expiring-2025-0999.yml"
    target.parent.mkdir(exist_ok=True)
    target.write_text(dump(doc), encoding="utf-8")
    # 甲县: one decision the county has already set to withdraw on 2026-12-01 (after its day).
    wpath, wdoc = next((p, d) for p, d in _decisions(a) if d["category"] != "行政处罚" and "history" not in d
                       and "withdrawn" not in d and d["published"] <= COUNTY_AS_OF - dt.timedelta(days=30)
                       and d["party"]["type"] != "自然人" and p != path)
    wdoc["withdrawn"] = {"date": WITHDRAWN_ON, "reason": "信用修复"}
    wpath.write_text(dump(wdoc), encoding="utf-8")
    # 乙县: one decision about a 甲县 company (the same credit code) to join on its subject page.
    shared = next(d for p, d in _decisions(a) if d["party"]["type"] == "法人" and d["published"] <= COUNTY_AS_OF
                  and "history" not in d and "withdrawn" not in d and d.get("display") is None
                  and d["doc_no"] != EXPIRING["doc_no"] and d["category"] != "行政处罚")
    bpath, bdoc = next((p, d) for p, d in _decisions(b) if d["party"]["type"] == "法人" and "history" not in d
                       and d["published"] <= COUNTY_AS_OF - dt.timedelta(days=30) and "withdrawn" not in d
                       and d["category"] != "行政处罚")  # no display window: public until revoked
    bdoc["party"] = dict(shared["party"])
    bpath.write_text(dump(bdoc), encoding="utf-8")
    return {"tmp": tmp, "a": _build(a, tmp / "a-site", COUNTY_AS_OF), "b": _build(b, tmp / "b-site", COUNTY_AS_OF),
            "s": _build(s, tmp / "s-site", STALE_AS_OF), "shared": shared["party"]["credit_code"],
            "shared_doc": bdoc["doc_no"], "withdrawn": (wpath.parent.parent.parent.name, wpath.stem)}


@pytest.fixture(scope="module")
def province(counties: dict[str, Any]) -> tuple[Any, Path]:
    from gongshi.app.federation import federate
    tmp = counties["tmp"]
    folder = _province(tmp / "province", [
        {"name": "甲县", "bundle": "../a-site", "id": "jia"},
        {"name": "乙县", "bundle": f"file://{counties['b']}/bundle/manifest.json", "id": "yi"},
        {"name": "丁县", "bundle": "../d-site", "id": "ding"},   # never built: missing
        {"name": "丙县", "bundle": "../s-site", "id": "bing"},   # 67 days old: stale
    ])
    out = tmp / "province-site"
    return federate(str(folder), str(out), PROVINCE_AS_OF, str(ROOT / "theme")), out


def test_county_bundle_manifest(counties: dict[str, Any]) -> None:
    manifest = json.loads((counties["a"] / "bundle/manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "gongshi-bundle" and manifest["version"] == 1
    assert manifest["site"] == {"name": "甲县行政执法公示平台", "region": "安徽省甲县",
                                "url": "https://jia.example.gov.cn", "code": "3415220001"}
    assert manifest["as_of"] == "2026-11-20" and len(manifest["build_id"]) == 20
    roles = [f["role"] for f in manifest["files"]]
    assert roles == ["catalog", "index", "table:decision", "table:agency", "table:notice", "stats"]
    from gongshi.runtime.checksums import sha256_file
    for f in manifest["files"]:
        assert sha256_file(str(counties["a"] / f["path"])) == (f["size"], f["sha256"])
    assert "https://jia.example.gov.cn/feeds/all.atom.xml" in manifest["feeds"]
    rows = json.loads((counties["a"] / "data/decisions.json").read_text(encoding="utf-8"))["records"]
    assert all("offline_from" in r and "public_until" in r for r in rows)
    expiring = next(r for r in rows if r["doc_no"] == EXPIRING["doc_no"])
    assert expiring["public_until"] == "2026-11-25"  # public on the county's day
    agency, slug = counties["withdrawn"]
    withdrawn = next(r for r in rows if (r["agency"], r["slug"]) == (agency, slug))
    assert withdrawn["offline_from"] == "2026-12-01" and "withdrawn" not in withdrawn  # the date, not the reason


def test_province_names_bad_counties_and_builds_the_rest(province: tuple[Any, Path]) -> None:
    result, out = province
    assert [(c.id, c.status) for c in result.counties] == [
        ("jia", "ok"), ("yi", "ok"), ("ding", "missing"), ("bing", "stale")]
    bing = result.counties[3]
    assert bing.reason_zh == "数据截至 2026-10-01，已 67 天未更新（超过 31 天）"
    assert bing.reason_en == "data as of 2026-10-01, 67 days old (more than 31)"
    assert result.counties[2].reason_en == "cannot read the bundle's bundle/manifest.json (No such file or directory)"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<li id="problem-ding"><strong>丁县</strong>：<span class="status status-missing">缺失</span>' in home
    assert '<li id="problem-bing"><strong>丙县</strong>：<span class="status status-stale">过期</span> — 数据截至 2026-10-01' in home
    assert 'href="counties/jia.html">甲县</a>' in home and "problem-jia" not in home
    # Nothing of the stale county is shown: no year pages, not in search.
    assert not (out / "counties/bing").exists()
    assert "bing.example.gov.cn/" not in "".join(p.read_text(encoding="utf-8")
                                                 for p in (out / "search/d").glob("*.json"))


def test_expired_decision_is_not_shown(province: tuple[Any, Path], counties: dict[str, Any]) -> None:
    result, out = province
    pages = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    index = "".join(p.read_text(encoding="utf-8") for p in (out / "search").rglob("*.json"))
    assert EXPIRING["doc_no"] not in pages and EXPIRING["doc_no"] not in index
    assert result.held.get("expired", 0) >= 1 and result.held.get("offline") == 1
    agency, slug = counties["withdrawn"]
    jia = "".join(p.read_text(encoding="utf-8") for p in (out / "counties/jia").glob("*.html"))
    assert f'id="d-{agency}-{slug}"' not in jia and not re.search(f'counties/jia/[0-9]{{4}}.html#d-{agency}-{slug}"', index)
    county = (out / "counties/jia.html").read_text(encoding="utf-8")
    assert "公示期已届满" in county


def test_pages_link_to_the_counties_decisions(province: tuple[Any, Path], counties: dict[str, Any]) -> None:
    result, out = province
    rows = json.loads((counties["a"] / "data/decisions.json").read_text(encoding="utf-8"))["records"]
    shown = [r for r in rows if r["doc_no"] != EXPIRING["doc_no"] and r["status"] != "已撤销"
             and (r["public_until"] is None or r["public_until"] >= "2026-12-07")]
    r = shown[0]
    page = (out / f"counties/jia/{r['decided'][:4]}.html").read_text(encoding="utf-8")
    assert f'<tr id="d-{r["agency"]}-{r["slug"]}">' in page
    assert f'<a href="{r["url"]}" rel="noopener">{r["doc_no"]}</a>' in page
    assert r["url"].startswith("https://jia.example.gov.cn/")


def test_subject_page_joins_counties(province: tuple[Any, Path], counties: dict[str, Any]) -> None:
    _result, out = province
    page = (out / f"subjects/{counties['shared']}.html").read_text(encoding="utf-8")
    assert "甲县" in page and "乙县" in page and counties["shared_doc"] in page


def test_statistics_sum_the_counties(province: tuple[Any, Path], counties: dict[str, Any]) -> None:
    result, out = province
    stats = (out / "stats.html").read_text(encoding="utf-8")
    jia = stats.split('<th scope="row">甲县</th><td>')[1].split("<")[0]
    yi = stats.split('<th scope="row">乙县</th><td>')[1].split("<")[0]
    total = stats.split('<th scope="row">全省合计</th><td>')[1].split("<")[0]
    assert int(jia) + int(yi) == int(total) == result.decisions > 0
    assert "未计入：丁县（缺失）、丙县（过期）" in stats
    years = {}
    for key in ("a", "b"):
        for y, fig in json.loads((counties[key] / "bundle/stats.json").read_text(encoding="utf-8"))["years"].items():
            years.setdefault(y, []).append(fig["decisions"])
    year, figs = sorted(years.items())[-1]
    cell = stats.split(f'<tr id="annual-{year}"><th scope="row">{year}</th><td>')[1].split("<")[0]
    low = any(isinstance(v, str) for v in figs)
    assert cell == ("≥ " if low else "") + str(sum(v for v in figs if isinstance(v, int)))


def test_search_index_holds_the_shown_decisions(province: tuple[Any, Path]) -> None:
    from gongshi.outputs.search.index import indexed_urls
    result, out = province
    urls = indexed_urls(out)
    decisions = [u for u in urls if u.startswith("counties/")]
    assert len(decisions) == result.decisions and len(set(urls)) == len(urls)
    assert sum(u.startswith("subjects/") for u in urls) == result.subjects
    for u in decisions[:20]:  # every result lands on a row of a page that exists
        page, anchor = u.split("#")
        assert f'id="{anchor}"' in (out / page).read_text(encoding="utf-8")
    meta = json.loads((out / "search/meta.json").read_text(encoding="utf-8"))
    assert meta["agency"]["names"] == ["乙县", "甲县"]
    assert 'id="search-agency"' in (out / "search.html").read_text(encoding="utf-8")


def test_corrupt_bundle_is_invalid(counties: dict[str, Any]) -> None:
    from gongshi.app.federation import federate
    tmp = counties["tmp"]
    bad = tmp / "b-corrupt"
    shutil.copytree(counties["b"], bad)
    path = bad / "data/decisions.json"
    path.write_bytes(path.read_bytes().replace("有效".encode(), "无效".encode(), 1))
    folder = _province(tmp / "province-corrupt", [{"name": "甲县", "bundle": "../a-site", "id": "jia"},
                                                  {"name": "乙县", "bundle": "../b-corrupt", "id": "yi"}])
    result = federate(str(folder), str(tmp / "corrupt-site"), PROVINCE_AS_OF, str(ROOT / "theme"))
    yi = result.counties[1]
    assert yi.status == "invalid" and yi.reason_en.startswith("data/decisions.json: hash mismatch (manifest ")
    home = (tmp / "corrupt-site/index.html").read_text(encoding="utf-8")
    assert '<strong>乙县</strong>：<span class="status status-invalid">无效</span> — data/decisions.json 的校验值不符' in home
    assert not (tmp / "corrupt-site/counties/yi").exists() and result.decisions > 0


def test_a_failed_index_job_is_an_error_not_a_traceback(counties: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The search index is written in a job beside the pages; when it dies the merge says so in
    both languages, exits 2 and leaves the published site as it was."""
    from gongshi.app.federation import index as fedindex
    from gongshi.cli import main
    tmp = counties["tmp"]
    folder = _province(tmp / "province-jobfail", [{"name": "甲县", "bundle": "../a-site", "id": "jia"}])

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fedindex, "write", broken)
    code = main(["federate", str(folder), "--output", str(tmp / "jobfail-site"), "--as-of", "2026-12-07"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert ("gongshi federate: 合并的后台任务失败，网站没有更新：OSError: [Errno 28] No space left on device\n"
            "  a background job of the merge failed; the site was not updated: OSError: [Errno 28] No space left on device") in err
    assert not (tmp / "jobfail-site").exists() and not list(tmp.glob("jobfail-site.tmp-*"))


def test_province_judges_offline_and_revoked_rows() -> None:
    from gongshi.app.federation.judge import verdict
    base = {"agency": "a", "slug": "s", "url": "https://x.example.gov.cn/a.html", "published": "2026-01-05",
            "public_until": None, "offline_from": None, "status": "有效"}
    day = dt.date(2026, 12, 7)
    assert verdict(base, day) == "shown"
    assert verdict(base | {"offline_from": "2026-12-07"}, day) == "offline"
    assert verdict(base | {"status": "已撤销"}, day) == "revoked"
    assert verdict(base | {"history": [{"date": "2026-12-01", "action": "撤销"}]}, day) == "revoked"
    assert verdict(base | {"published": "2026-12-08"}, day) == "embargo"
    assert verdict({k: v for k, v in base.items() if k != "offline_from"}, day) == "incomplete"


def test_cli_federate_reports_each_county(counties: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from gongshi.cli import main
    tmp = counties["tmp"]
    folder = _province(tmp / "province-cli", [{"name": "甲县", "bundle": "../a-site", "id": "jia"},
                                              {"name": "丁县", "bundle": "../d-site", "id": "ding"}])
    code = main(["federate", str(folder), "--output", str(tmp / "cli-site"), "--as-of", "2026-12-07", "--strict"])
    out = capsys.readouterr().out
    assert code == 1
    assert "丁县 [ding]: 缺失 / missing\n  无法读取数据包文件 bundle/manifest.json（No such file or directory）" in out
    (folder / "site.yml").write_text("name: 省\nurl: https://x.example.gov.cn\nregion: 安徽省\n", encoding="utf-8")
    assert main(["federate", str(folder), "--output", str(tmp / "cli-site"), "--as-of", "2026-12-07"]) == 2
    assert "has no federation.counties" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["province-gitlab-ci.yml", "province-github-workflow.yml"])
def test_province_ci_templates_merge_on_schedule_and_trigger(name: str) -> None:
    from gongshi.cli import commands
    text = (ROOT / "ci-templates" / name).read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    calls = set(re.findall(r"gongshi ([a-z-]+)", text))
    assert calls == {"federate"} and calls <= {m.NAME for m in commands()}
    if name.startswith("province-github"):
        on = doc[True]  # YAML 1.1 reads the key `on` as True
        assert on["repository_dispatch"]["types"] == ["county-bundle"] and on["schedule"]
    else:
        sources = " ".join(r["if"] for r in doc["pages"]["rules"])
        assert '"schedule"' in sources and '"trigger"' in sources and doc["pages"]["resource_group"]


def test_county_ci_templates_notify_the_province() -> None:
    gitlab = yaml.safe_load((ROOT / "ci-templates/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "trigger/pipeline" in " ".join(gitlab["notify-province"]["script"])
    github = yaml.safe_load((ROOT / "ci-templates/github-workflow.yml").read_text(encoding="utf-8"))
    assert "event_type=county-bundle" in github["jobs"]["notify-province"]["steps"][0]["run"]


def test_hostile_bundle_values_stay_inside_the_site(counties: dict[str, Any]) -> None:
    """A county's strings are data: a date that is a path, a script address, markup in a title
    neither leave the province's folder nor become live."""
    from gongshi.app.federation import federate
    tmp = counties["tmp"]
    _tampered(counties, "a-hostile", lambda r: r.update(decided="../../../escape", title="<script>alert(1)</script>"),
              lambda m: m["site"].update(url="javascript:alert(1)"))
    folder = _province(tmp / "province-hostile", [{"name": "甲县", "bundle": "../a-hostile", "id": "jia"}])
    out = tmp / "hostile-site"
    result = federate(str(folder), str(out), PROVINCE_AS_OF, str(ROOT / "theme"))
    assert result.counties[0].status == "ok" and not (tmp / "escape.html").exists()
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    html = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "<script>alert(1)" not in html and "javascript:" not in html


@pytest.mark.browser
def test_province_search_in_chromium(province: tuple[Any, Path], counties: dict[str, Any], browser: Any) -> None:
    """The province's /search.html with the project's search.js: a credit code finds its subject
    page and decisions, a document number its row first, the county filter narrows."""
    _search_in_chromium(province[1], counties, browser)


@pytest.mark.browser
def test_large_province_search_in_chromium(counties: dict[str, Any], browser: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The same searches over the index a large province gets (issue 23): result documents in
    blocks (meta.block) and facet columns in files of their own, fetched only for a filter."""
    from gongshi.app.federation import federate
    from gongshi.app.federation import index as fedindex
    from gongshi.outputs.search import stream
    monkeypatch.setattr(fedindex, "BLOCK_FROM", 0)
    monkeypatch.setattr(stream, "FACETS_INLINE", 4)
    tmp = counties["tmp"]
    out = tmp / "province-large-site"
    federate(str(tmp / "province"), str(out), PROVINCE_AS_OF, str(ROOT / "theme"))
    meta = json.loads((out / "search/meta.json").read_text(encoding="utf-8"))
    assert meta["block"] == fedindex.BLOCK and meta["agency"]["file"] == "f/agency.json" and "col" not in meta["agency"]
    _search_in_chromium(out, counties, browser)


def _search_in_chromium(out: Path, counties: dict[str, Any], browser: Any) -> None:
    from browser import DESKTOP, open_page, serve
    httpd, url = serve(out)
    pages = open_page(browser, DESKTOP, url)
    try:
        page: Any = next(pages)

        def search(q: str, **filters: str) -> list[dict[str, str]]:
            page.goto(url + "/search.html")
            for name, value in filters.items():
                page.select_option(f"#search-{name}", value)
            page.fill("#search-q", q)
            page.press("#search-q", "Enter")
            page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                                   " return s && !s.startsWith('正在'); }")
            return page.eval_on_selector_all(".search-result", """items => items.map(li => ({
                kind: li.dataset.kind, href: li.querySelector('h2 a').getAttribute('href'),
                agency: (li.querySelector('.search-result-agency') || {}).textContent || ''}))""")

        found = search(counties["shared"])
        assert found[0]["kind"] == "subject" and found[0]["href"].endswith(f"subjects/{counties['shared']}.html")
        assert {f["agency"] for f in found if f["kind"] == "decision"} >= {"甲县", "乙县"}
        page.goto(url + "/" + found[0]["href"].lstrip("./"))
        assert counties["shared_doc"] in page.content()
        yi = search(counties["shared_doc"], agency="乙县")
        assert yi and yi[0]["kind"] == "decision" and yi[0]["href"].startswith("./counties/yi/")
        assert all(f["agency"] == "乙县" for f in yi if f["kind"] == "decision")
        page.goto(url + "/" + yi[0]["href"].lstrip("./"))
        assert page.locator(f"#{yi[0]['href'].split('#')[1]}").count() == 1
        assert not any("expiring-2025-0999" in f["href"] for f in search(EXPIRING["doc_no"]))  # expired: not found
        assert page.outside_requests == []  # the province's pages load nothing from outside the site
    finally:
        pages.close()  # closes the page's context
        httpd.shutdown()


def test_bundles_over_http(counties: dict[str, Any]) -> None:
    """A bundle named by its manifest's URL or by the county's site root, served over HTTP; a
    404 is a missing county, not a failed merge."""
    from browser import serve

    from gongshi.app.federation import federate
    tmp = counties["tmp"]
    httpd, url = serve(tmp)
    try:
        folder = _province(tmp / "province-http", [
            {"name": "甲县", "bundle": f"{url}/a-site/bundle/manifest.json", "id": "jia"},
            {"name": "乙县", "bundle": f"{url}/b-site/", "id": "yi"},
            {"name": "丁县", "bundle": f"{url}/d-site", "id": "ding"}])
        result = federate(str(folder), str(tmp / "http-site"), PROVINCE_AS_OF, str(ROOT / "theme"))
    finally:
        httpd.shutdown()
    assert [c.status for c in result.counties] == ["ok", "ok", "missing"]
    assert result.counties[2].reason_en == f"cannot read {url}/d-site/bundle/manifest.json: HTTP Error 404: File not found"


@pytest.mark.parametrize("manifest, reason", [
    ("[]", "manifest bundle/manifest.json: format is not gongshi-bundle"),
    ('{"format": "gongshi-bundle", "version": 2}', "manifest bundle/manifest.json: version 2 is not supported (this reads 1)"),
    ('{"format": "gongshi-bundle", "version": 1, "as_of": "2026-11-31", "files": []}',
     "manifest bundle/manifest.json: as_of is not a date YYYY-MM-DD"),
    ('{"format": "gongshi-bundle", "version": 1, "as_of": "2026-11-30", "files": [{"path": "../../etc/passwd", '
     '"size": 1, "sha256": "' + "0" * 64 + '"}]}', "manifest bundle/manifest.json: has an invalid file entry"),
    ('{"format": "gongshi-bundle", "version": 1, "as_of": "2026-11-30", "files": []}',
     "manifest bundle/manifest.json: lists no decisions table (role table:decision)"),
    ("{not json", "bundle/manifest.json is not valid JSON"),
])
def test_broken_manifests_are_invalid(tmp_path: Path, manifest: str, reason: str) -> None:
    from gongshi.app.federation.harvest import County, harvest
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle/manifest.json").write_text(manifest, encoding="utf-8")
    county = harvest(County("x", "某县", str(tmp_path)), str(tmp_path), PROVINCE_AS_OF, 31)
    assert county.status == "invalid" and county.reason_en.startswith(reason) and county.tables == {}


def test_a_table_of_the_wrong_shape_is_invalid(tmp_path: Path) -> None:
    from gongshi.app.federation.harvest import County, harvest
    from gongshi.runtime.checksums import sha256_file
    (tmp_path / "bundle").mkdir()
    (tmp_path / "d.json").write_text('{"records": {}}', encoding="utf-8")
    size, sha = sha256_file(str(tmp_path / "d.json"))
    (tmp_path / "bundle/manifest.json").write_text(json.dumps({
        "format": "gongshi-bundle", "version": 1, "as_of": "2026-12-01",
        "files": [{"path": "d.json", "role": "table:decision", "size": size, "sha256": sha}]}), encoding="utf-8")
    county = harvest(County("x", "某县", str(tmp_path)), str(tmp_path), PROVINCE_AS_OF, 31)
    assert (county.status, county.reason_en) == ("invalid", "the decisions table has no records list")


def test_province_scans_what_it_builds(counties: dict[str, Any]) -> None:
    """Fail closed at the province: a bundle whose data carries a phone number (its hashes
    right, so only the scan can tell) is refused whole and the province's site is not updated.
    The number is in the row's address, which the province links to but no gate reads as text
    (a title's number is refused earlier, by the province's gate: the next test)."""
    from gongshi.app.federation import FederationError, federate
    tmp = counties["tmp"]
    _tampered(counties, "a-leaky", lambda r: r.update(url="https://jia.example.gov.cn/d/13912345678.html"))
    folder = _province(tmp / "province-leaky", [{"name": "甲县", "bundle": "../a-leaky", "id": "jia"}])
    out = tmp / "leaky-site"
    with pytest.raises(FederationError) as err:
        federate(str(folder), str(out), PROVINCE_AS_OF, str(ROOT / "theme"))
    assert "139****5678" in err.value.en and "13912345678" not in err.value.en
    assert not out.exists() and not list(tmp.glob("leaky-site.tmp-*"))


def test_province_rechecks_every_row_with_its_own_gate(counties: dict[str, Any]) -> None:
    """A bundle row with a name, a health condition and a phone cut over table cells (none a
    number the output scan reads whole) is refused by the province's own gate (recheck.py): the
    county is shown nothing, and its reason quotes masks only (second red-team pass)."""
    from gongshi.app.federation import federate
    tmp = counties["tmp"]
    _tampered(counties, "a-names", lambda r: r.update(
        facts=r["facts"] + "\n\n当事人委托其员工王建国到场，证人李秀英签字，当事人患有肺结核。\n\n| 电话 | 139573 | 12846 |"))
    folder = _province(tmp / "province-names", [{"name": "甲县", "bundle": "../a-names", "id": "jia"}])
    out = tmp / "names-site"
    result = federate(str(folder), str(out), PROVINCE_AS_OF, str(ROOT / "theme"))
    (county,) = result.counties
    assert county.status == "invalid" and "省级隐私检查" in county.reason_zh and "privacy check" in county.reason_en
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file())
    for secret in ("王建国", "李秀英", "肺结核", "139573", "12846"):
        assert secret not in published and secret not in county.reason_zh + county.reason_en
