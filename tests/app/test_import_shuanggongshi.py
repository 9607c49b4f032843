"""Issue 15, item 2: the 双公示 exports read back by the importer, real 信用办 headers, 处罚机关,
officers in the sheet, titles, --update and the clerk's spreadsheet round trip."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import CASES, DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.model.dataset import load
from gongshi.outputs.opendata import shuanggongshi
from gongshi.publication import publish
from gongshi.publication import publish
from gongshi.app.importer import DUPLICATE, NO_OFFICER, UNKNOWN_COLUMN, WRONG_AGENCY, import_file, normalize

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def pub():  # type: ignore[no-untyped-def]
    ds = validate(str(DATA), DEMO_AS_OF)
    return publish(ds, DEMO_AS_OF)


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def agency_rows(pub, name: str, slug: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [shuanggongshi.header(name), *(r for a, r in shuanggongshi.records(name, pub) if a == slug)]


@pytest.mark.parametrize("name", ["xzcf", "xzxk"])
def test_every_export_column_is_read_back_by_the_importer(pub, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    slug = next(a for a, _r in shuanggongshi.records(name, pub))
    originals = {r.data["doc_no"]: r for r in load(str(data)).of("decision") if r.agency == slug}
    shutil.rmtree(data / "agencies" / slug / "decisions")
    rows = agency_rows(pub, name, slug)
    imp = import_file(str(write_xlsx(tmp_path / f"{name}.xlsx", rows)), str(data), slug, AS_OF)
    assert not [f for f in imp.report if f.msg is UNKNOWN_COLUMN], "every column of the export is known"
    assert imp.report.errors == [] and len(imp.written) == len(rows) - 1
    for rec in [r for r in load(str(data)).of("decision") if r.agency == slug]:
        old = originals[rec.data["doc_no"]].data
        keys = ("basis", "violation_type") if name == "xzcf" else ()
        for key in ("category", "decided", "result", *keys):
            assert rec.data.get(key) == old.get(key), key
        assert rec.data["party"]["name"] == old["party"]["name"]
        assert rec.data["party"].get("credit_code") == old["party"].get("credit_code")
        assert (rec.data.get("penalty") or {}).get("fine") == (old.get("penalty") or {}).get("fine")
        assert (rec.data.get("penalty") or {}).get("kinds") == (old.get("penalty") or {}).get("kinds")
        assert rec.data.get("title")  # built from party and violation when the sheet has none


@pytest.mark.parametrize("header", ["行政相对人代码_1（统一社会信用代码）", "行政相对人代码_1(统一社会信用代码)",
                                    "行政相对人代码(统一社会信用代码)", "行政相对人代码（统一社会信用代码）",
                                    "行政相对人代码", "行政相对人代码_1", "*行政相对人代码_1 (统一社会信用代码)"])
def test_credit_code_header_variants(header: str) -> None:
    assert normalize(header) == "行政相对人代码"


def test_other_code_columns_are_not_the_credit_code() -> None:
    assert normalize("行政相对人代码_2（工商注册号）") == normalize("行政相对人代码(组织机构代码)") == "行政相对人代码(其他)"
    assert normalize("罚款金额（万元）") == "罚款金额(万元)"


HEAD = ["行政相对人名称", "行政相对人类别", "行政相对人代码(统一社会信用代码)", "行政处罚决定书文号", "违法行为类型",
        "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "处罚机关", "执法人员", "执法证号"]


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(CASES / "_base", dst)
    return dst


def _row(n: int, agency: str = "霍邱县市场监督管理局", officers: str = "", certs: str = "") -> list[str]:
    return ["霍邱县福源食品有限公司", "法人及非法人组织", "91341522MA2N0ABCDX", f"霍示罚〔2026〕{n}号", "销售过期食品",
            "罚款", "罚款人民币伍仟元整。", "0.5", "2026-11-02", agency, officers, certs]


def test_agency_column_is_checked_and_officers_matched(data: Path, tmp_path: Path) -> None:
    import yaml
    agency = yaml.safe_load((data / "agencies/demo/agency.yml").read_text(encoding="utf-8"))
    roster = yaml.safe_load((data / "agencies/demo/officers.yml").read_text(encoding="utf-8"))
    a, b = roster[2], roster[3]
    rows = [HEAD, _row(1, agency["name"], f"{a['name']}、{b['id']}"),
            _row(2, "霍邱县生态环境分局", a["id"]),
            _row(3, agency["credit_code"], "", f"{a['certificate']['number']}；{b['certificate']['number']}"),
            _row(4, agency["name"], "无此人")]
    imp = import_file(str(write_csv(tmp_path / "s.csv", rows)), str(data), "demo", AS_OF)
    wrong = [f for f in imp.report.errors if f.msg is WRONG_AGENCY]
    assert [(f.line, f.column) for f in wrong] == [(3, 10)] and "cell J3" in wrong[0].message("en")
    missing = [f for f in imp.report.errors if f.msg is NO_OFFICER]
    assert [f.line for f in missing] == [5] and "cell K5" in missing[0].message("en")
    recs = {r.data["doc_no"]: r.data for r in load(str(data)).of("decision")}
    assert sorted(recs) == ["霍示罚〔2026〕1号", "霍示罚〔2026〕3号"]
    assert recs["霍示罚〔2026〕1号"]["officers"] == [a["id"], b["id"]] == recs["霍示罚〔2026〕3号"]["officers"]
    assert recs["霍示罚〔2026〕1号"]["title"] == "霍邱县福源食品有限公司销售过期食品案"
    assert recs["霍示罚〔2026〕1号"]["penalty"]["fine"] == 5000
    # again: the duplicate is named by its cell
    again = import_file(str(tmp_path / "s.csv"), str(data), "demo", AS_OF)
    dup = [f for f in again.report if f.msg is DUPLICATE]
    assert dup and dup[0].column == 4 and "cell D2" in dup[0].message("en")


def test_by_agency_files_rows_under_the_agency_they_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    import yaml
    names = {slug: yaml.safe_load((data / "agencies" / slug / "agency.yml").read_text(encoding="utf-8"))
             for slug in ("market", "ecology")}
    rows = [HEAD[:10], _row(901, names["market"]["name"])[:10], _row(902, names["ecology"]["credit_code"])[:10],
            _row(903, "不存在的局")[:10]]
    src = write_csv(tmp_path / "s.csv", rows)
    assert main(["import", str(src), "--agency", "ecology", "--data", str(data)]) == 1  # a market row: error
    assert main(["import", str(src), "--by-agency", "--data", str(data)]) == 1  # the unknown agency
    recs = {r.data["doc_no"]: r.agency for r in load(str(data)).of("decision") if "〔2026〕90" in r.data["doc_no"]}
    assert recs == {"霍示罚〔2026〕901号": "market", "霍示罚〔2026〕902号": "ecology"}


def test_clerk_round_trip_export_edit_update_loses_nothing(pub, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    slug = "market"
    rows = agency_rows(pub, "xzcf", slug)
    before = {p: p.read_bytes() for p in (data / "agencies" / slug / "decisions").rglob("*.yml")}
    src = write_xlsx(tmp_path / "export.xlsx", rows)
    # untouched export: --update changes nothing at all
    assert main(["import", str(src), "--agency", slug, "--update", "--data", str(data)]) == 0
    assert {p: p.read_bytes() for p in before} == before
    # the clerk edits two cells in a spreadsheet and empties one
    wb = load_workbook(src)
    ws = wb.active
    head = [c.value for c in ws[1]]
    result, kind, fact = head.index("处罚内容") + 1, head.index("违法行为类型") + 1, head.index("违法事实") + 1
    ws.cell(2, result).value = "罚款人民币陆万元整。"
    ws.cell(3, kind).value = "销售不符合食品安全标准的食品"
    ws.cell(4, fact).value = None
    wb.save(src)
    capsys.readouterr()
    assert main(["import", str(src), "--agency", slug, "--update", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"{chr(64 + result)}2 result" in out and f"{chr(64 + kind)}3 violation_type" in out
    after = {r.data["doc_no"]: r.data for r in load(str(data)).of("decision") if r.agency == slug}
    docs = shuanggongshi.header("xzcf").index("行政处罚决定书文号")
    first, second, third = (after[rows[i][docs]] for i in (1, 2, 3))
    assert first["result"] == "罚款人民币陆万元整。" and second["violation_type"] == "销售不符合食品安全标准的食品"
    assert third.get("facts")  # an emptied cell deletes nothing
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert len(changed) == 2
    ds = load(str(DATA))
    old = {r.data["doc_no"]: r.data for r in ds.of("decision") if r.agency == slug}
    for doc_no, rec in after.items():  # every other field as it was
        for key, value in old[doc_no].items():
            if key not in ("result", "violation_type"):
                assert rec.get(key) == value, (doc_no, key)
    assert validate(str(data), AS_OF).report.errors == []
