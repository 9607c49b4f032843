"""Open data (issue 6): files match the public set, CSV round-trips, 双公示 columns, index hashes."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.checks.pipeline import validate
from gongshi.model.kinds import KINDS
from gongshi.outputs.opendata import shuanggongshi, tables
from gongshi.outputs.opendata.dictionary import dictionary
from gongshi.outputs.opendata.files import csv_cell, write_csv
from gongshi.model.kinds import Record
from gongshi.publication import Publication
from gongshi.publication import publish
from gongshi.publication import view

BOM = b"\xef\xbb\xbf"
BASE = "https://zfgs.example.gov.cn"


@pytest.fixture(scope="module")
def public() -> Publication:
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM), path
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    # The kinds' files have Chinese column names; the tests read them by key (the JSON's names).
    from gongshi.outputs.opendata.generator import csv_header
    from gongshi.outputs.opendata.tables import KIND_FILES, columns
    kind = {stem: k for k, stem in KIND_FILES.items()}.get(path.stem)
    if kind is None:
        return rows
    keys = dict(zip(csv_header(kind), (c.key for c in columns(kind))))
    return [{keys.get(k, k): v for k, v in row.items()} for row in rows]


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def data_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in (site / "data").rglob("*")
            if p.is_file() and p.suffix in (".json", ".csv") and p.name != "index.json"}


def test_index_lists_every_file_with_size_and_sha256(demo_site: Path) -> None:
    index = read_json(demo_site / "data" / "index.json")
    listed = {f["href"] for f in index["files"]}
    assert listed == data_files(demo_site)
    for f in index["files"]:
        raw = (demo_site / f["href"]).read_bytes()
        assert f["size"] == len(raw) and f["sha256"] == hashlib.sha256(raw).hexdigest(), f["href"]
    page = (demo_site / "data" / "index.html").read_text(encoding="utf-8")
    for f in index["files"]:  # the page links every data file; checksums stay in the manifest
        assert (f["href"] in page) != f["source"].startswith("schema:") and f["sha256"] not in page
    catalog = read_json(demo_site / "data.json")  # DCAT (data.json) for CKAN and other portals
    assert catalog["@type"] == "dcat:Catalog" and catalog["dataset"]
    urls = {d["downloadURL"] for ds in catalog["dataset"] for d in ds["distribution"]}
    assert all(u.startswith("https://") for u in urls)
    assert any(u.endswith("/data/decisions.csv") for u in urls)
    for ds in catalog["dataset"]:
        assert {"title", "description", "keyword", "modified", "publisher", "contactPoint", "identifier",
                "accessLevel", "distribution"} <= set(ds)


def test_csv_headers_are_chinese_and_officers_named(demo_site: Path, public: Publication) -> None:
    raw = (demo_site / "data" / "decisions.csv").read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(raw)))
    assert "文书编号" in header and "执法对象·名称或姓名" in header and "party.name" not in header
    row = next(csv.DictReader(io.StringIO(raw)))
    assert "执法证号" in row["承办执法人员"] and "o-0" not in row["承办执法人员"]


def test_decision_files_hold_exactly_the_public_set(demo_site: Path, public: Publication) -> None:
    want = [(r.agency, r.slug) for r in public.decisions]
    site_json = read_json(demo_site / "data" / "decisions.json")
    assert [(r["agency"], r["slug"]) for r in site_json["records"]] == want
    assert site_json["count"] == len(want)
    assert [(r["agency"], r["slug"]) for r in read_csv(demo_site / "data" / "decisions.csv")] == want
    for slug in public.agencies:
        mine = [k for k in want if k[0] == slug]
        got = read_json(demo_site / "data" / "agency" / slug / "decisions.json")["records"]
        assert [(r["agency"], r["slug"]) for r in got] == mine
        rows = read_csv(demo_site / "data" / "agency" / slug / "decisions.csv")
        assert [(r["agency"], r["slug"]) for r in rows] == mine
    hidden = [r for r in validate(str(DATA), DEMO_AS_OF).of("decision") if not public.status[r.uid].public
              and not public.status[r.uid].notice]
    assert hidden
    text = "".join(p.read_text(encoding="utf-8-sig") for p in (demo_site / "data").rglob("*")
                   if p.suffix in (".json", ".csv") and "revocations" not in p.name)
    for rec in hidden:
        assert rec.data["doc_no"] not in text, rec.uid


def test_other_kinds_match_the_public_set(demo_site: Path, public: Publication) -> None:
    for kind, stem in tables.KIND_FILES.items():
        recs = public.notices if kind == tables.NOTICE else tables.records_of(public, kind)
        assert read_json(demo_site / "data" / f"{stem}.json")["count"] == len(recs), kind
        assert len(read_csv(demo_site / "data" / f"{stem}.csv")) == len(recs), kind


def test_revocations_file_holds_notices_only(demo_site: Path, public: Publication) -> None:
    notices = read_json(demo_site / "data" / "revocations.json")["records"]
    assert [(n["agency"], n["slug"]) for n in notices] == [(r.agency, r.slug) for r in public.notices]
    for n, rec in zip(notices, public.notices):
        assert set(n) == {"agency", "slug", "url", "doc_no", "date", "reason"}
        assert n["doc_no"] == rec.data["doc_no"]
    assert len(read_csv(demo_site / "data" / "revocations.csv")) == len(public.notices)


def test_only_public_fields_are_published(demo_site: Path) -> None:
    officers = read_json(demo_site / "data" / "officers.json")["records"]
    roster = {"agency", "id", "name", "roles", "certificate", "fields", "post", "duties", "window", "status"}
    assert officers and all(set(o) <= roster for o in officers)
    decisions = read_json(demo_site / "data" / "decisions.json")["records"]
    assert not any("withdrawn" in d for d in decisions)
    assert any("officers" in d for d in decisions)  # as the decision page shows them
    assert not any("minor" in d["party"] for d in decisions)
    agencies = read_json(demo_site / "data" / "agencies.json")["records"]
    assert agencies and not any("maintainers" in a for a in agencies)
    assert "@" not in (demo_site / "data" / "agencies.csv").read_text(encoding="utf-8-sig")


def test_projection_is_an_allow_list(public: Publication) -> None:
    rec = public.decisions[0]
    dirty = dict(rec.data, withdrawn={"date": DEMO_AS_OF, "reason": "x"}, internal="x",
                 party=dict(rec.data["party"], minor=False))
    clone = view(Record(rec.kind, rec.file, dirty, rec.agency, rec.slug, None, rec.year), DEMO_AS_OF)
    out = tables.public_record(clone, public, BASE)
    assert "internal" not in out and "withdrawn" not in out and "minor" not in out["party"]


def test_csv_round_trip_with_chinese_commas_quotes_and_newlines(tmp_path: Path, public: Publication) -> None:
    rec = next(r for r in public.decisions if r.data["category"] == "行政处罚")
    tricky = '经查，当事人"张某某"于2026年,在"某地"\n销售，过期食品；“引号”, 逗号'
    data = dict(rec.data, facts=tricky, result='罚款,"五万元"', remark="备注\r\n第二行")
    clone = view(Record(rec.kind, rec.file, data, rec.agency, rec.slug, None, rec.year), DEMO_AS_OF,
                 public.status[rec.uid])
    cols = tables.columns("decision")
    obj = tables.public_record(clone, public, BASE)
    row = [c.cell(obj) for c in cols]
    sgs = shuanggongshi.penalty_row(clone, public.agencies[rec.agency].data, public)
    path = tmp_path / "t.csv"
    write_csv(str(path), [[c.key for c in cols], row, sgs])
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    back = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert back == [[c.key for c in cols], row, sgs]
    assert back[1][[c.key for c in cols].index("facts")] == tricky
    assert back[1][[c.key for c in cols].index("result")] == '罚款,"五万元"'


# The national layouts as issue 15 lists them, in order.
PARTY = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2（工商注册号）",
         "行政相对人代码_3（组织机构代码）", "行政相对人代码_4（税务登记号）", "行政相对人代码_5（事业单位证书号）",
         "行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型", "法定代表人证件号码",
         "证件类型", "证件号码"]
SOURCE = ["数据来源单位", "数据来源单位统一社会信用代码", "备注"]
PENALTY_LAYOUT = [*PARTY, "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
                  "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
                  "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", *SOURCE]
PERMIT_LAYOUT = [*PARTY, "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号",
                 "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码",
                 "当前状态", *SOURCE]


def test_shuanggongshi_columns_in_national_order(demo_site: Path, public: Publication) -> None:
    penalty = PENALTY_LAYOUT
    raw = (demo_site / "data" / "shuanggongshi-xzcf.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == penalty
    doc = penalty.index("行政处罚决定书文号")
    penalties = [r for r in public.decisions if r.data["category"] == "行政处罚"]
    assert [r[doc] for r in rows[1:]] == [r.data["doc_no"] for r in penalties]
    first, rec = dict(zip(penalty, rows[1])), penalties[0]
    agency = public.agencies[rec.agency].data
    assert first["处罚机关"] == first["数据来源单位"] == agency["name"]
    assert first["处罚机关统一社会信用代码"] == agency["credit_code"]
    assert first["公示截止期"] == first["处罚有效期"] == public.status[rec.uid].last_day.isoformat()
    assert first["罚款金额（万元）"] == shuanggongshi.wanyuan(rec.data["penalty"].get("fine"))
    assert {r[1] for r in rows[1:]} <= {"法人及非法人组织", "自然人", "个体工商户"}
    permits = list(csv.reader(io.StringIO((demo_site / "data" / "shuanggongshi-xzxk.csv")
                                          .read_bytes().decode("utf-8-sig"), newline="")))
    assert permits[0] == PERMIT_LAYOUT == [c for c, _ in shuanggongshi.PERMIT_COLUMNS]
    kinds = permits[0].index("许可类别")
    assert {r[kinds] for r in permits[1:]} <= {"普通", "特许", "认可", "核准", "登记", "其他"}
    assert len(permits) - 1 == sum(r.data["category"] == "行政许可" for r in public.decisions)
    for slug in public.agencies:
        mine = read_csv(demo_site / "data" / "agency" / slug / "shuanggongshi-xzcf.csv")
        assert {r["处罚机关"] for r in mine} <= {public.agencies[slug].data["name"]}


def test_natural_persons_get_no_code_in_shuanggongshi(public: Publication) -> None:
    rows = shuanggongshi.rows("xzcf", public)
    natural = [r for r in rows[1:] if r[1] == "自然人"]
    personal = [i for i, c in enumerate(rows[0]) if c in PARTY[2:]]
    assert natural and all(r[i] == "" for r in natural for i in personal)
    # nobody's ID document is ever exported, natural person or legal representative
    ids = [rows[0].index(c) for c in ("法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码")]
    assert all(r[i] == "" for r in rows[1:] for i in ids)


@pytest.mark.parametrize("yuan,text", [(50000, "5"), (654, "0.0654"), (1, "0.0001"), (0, "0"),
                                       (0.5, "0.00005"), (12345.678, "1.234568"), (None, ""),
                                       (123456789, "12345.6789"), (0.004, "0")])
def test_wanyuan(yuan: float | None, text: str) -> None:
    assert shuanggongshi.wanyuan(yuan) == text


def test_schemas_and_dictionary_are_published(demo_site: Path) -> None:
    for name, kind in KINDS.items():
        assert read_json(demo_site / "data" / "schemas" / f"{name}.schema.json") == json.loads(
            json.dumps(kind.file_schema(), ensure_ascii=False))
    page = (demo_site / "data" / "dictionary.html").read_text(encoding="utf-8")
    for entry in dictionary():
        assert f'id="{entry["kind"]}"' in page
        for f in entry["fields"]:
            assert f"<code>{f['path']}</code>" in page and f["title"] in page
    decision = next(k for k in dictionary() if k["kind"] == "decision")
    published = {f["path"]: f["published"] for f in decision["fields"]}
    assert published["doc_no"] and not published["withdrawn"] and not published["party.minor"]
    paths = [f["path"] for f in decision["fields"] if f["published"] and "[]" not in f["path"]]
    leaves = [p for p in paths if not any(q.startswith(p + ".") for q in paths)]  # objects flatten
    assert [c.key for c in tables.columns("decision")] == leaves


def _build(out: Path, day: dt.date) -> None:
    from gongshi.app.build import build
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        ds = build(str(DATA), str(out), day, settings_file=str(ROOT / "pelicanconf.py"))
    finally:
        os.chdir(cwd)
    assert ds.report.ok


@pytest.mark.slow
def test_same_data_same_bytes(tmp_path: Path, demo_site: Path) -> None:
    _build(tmp_path / "again", DEMO_AS_OF)
    for folder in ("data", "feeds"):
        for p in (demo_site / folder).rglob("*"):
            if p.is_file():
                assert p.read_bytes() == (tmp_path / "again" / p.relative_to(demo_site)).read_bytes(), p


@pytest.mark.slow
def test_expired_decision_leaves_every_data_file(tmp_path: Path, public: Publication) -> None:
    last, uid = min((v.last_day, u) for u, v in public.status.items() if v.public and v.last_day)
    rec = next(r for r in public.decisions if r.uid == uid)
    out = tmp_path / "after"
    _build(out, last + dt.timedelta(days=1))
    index = read_json(out / "data" / "index.json")
    for f in index["files"]:
        text = (out / f["href"]).read_text(encoding="utf-8-sig")
        assert rec.data["doc_no"] not in text, f["href"]
    after = publish(validate(str(DATA), last + dt.timedelta(days=1)), last + dt.timedelta(days=1))
    got = [(r["agency"], r["slug"]) for r in read_json(out / "data" / "decisions.json")["records"]]
    assert got == [(r.agency, r.slug) for r in after.decisions] and (rec.agency, rec.slug) not in got


def test_withdrawn_and_revoked_decisions_leave_the_data(public: Publication) -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    first = publish(ds, DEMO_AS_OF)
    gone, revoked = [next(r for r in ds.of("decision") if r.uid == v.uid) for v in first.decisions[:2]]
    gone.data = dict(gone.data, withdrawn={"date": DEMO_AS_OF, "reason": "信用修复"})
    revoked.data = dict(revoked.data, status="已撤销")
    after = publish(ds, DEMO_AS_OF)
    slugs = {(r["agency"], r["slug"]) for r in tables.publish(after, "decision", BASE)}
    assert (gone.agency, gone.slug) not in slugs and (revoked.agency, revoked.slug) not in slugs
    docs = {row[13] for row in shuanggongshi.rows("xzcf", after)[1:]} | {
        row[14] for row in shuanggongshi.rows("xzxk", after)[1:]}
    assert gone.data["doc_no"] not in docs and revoked.data["doc_no"] not in docs
    notices = tables.publish(after, tables.NOTICE, BASE)
    assert (revoked.agency, revoked.slug) in {(n["agency"], n["slug"]) for n in notices}


def test_every_url_in_the_data_is_a_page_of_the_site(demo_site: Path) -> None:
    for stem in ("decisions", "agencies", "guides", "revocations"):
        for rec in read_json(demo_site / "data" / f"{stem}.json")["records"]:
            assert rec["url"].startswith(BASE + "/")
            assert (demo_site / rec["url"][len(BASE) + 1:]).is_file(), rec["url"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
                min_size=1, max_size=5))
def test_any_text_round_trips_through_csv(tmp_path_factory: pytest.TempPathFactory, cells: list[str]) -> None:
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    safe = [tables.cell_text(tables._plain(c), None) for c in cells]
    write_csv(str(path), [safe])
    back = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    # Exactly, but for the quote that keeps a formula-like cell text (issue 11, files.csv_cell).
    assert back == [[csv_cell(c) for c in safe]]
    assert [c[1:] if c != o else c for c, o in zip(back[0], safe)] == safe


@given(st.integers(min_value=0, max_value=10**12) | st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_wanyuan_is_exact_to_a_hundredth_of_a_yuan(yuan: float) -> None:
    text = shuanggongshi.wanyuan(yuan)
    assert len(text.partition(".")[2]) <= 6
    assert abs(float(text) * 10000 - yuan) <= 0.005 + 1e-9 * yuan
