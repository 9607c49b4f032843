"""The clerk's path (issue 7, item 5): templates from `gongshi new`, spreadsheets via `gongshi import`."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from conftest import CASES, ROOT
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.model.dataset import load
from gongshi.model.yamlwrite import dump
from gongshi.app.importer import BAD_CELL
from gongshi.app.templates import new_record

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(CASES / "_base", dst)
    return dst


def errors_in(data: Path, path: Path) -> list[str]:
    ds = validate(str(data), AS_OF)
    return [f"{f.line}: {f.rule} {f.message('en')}" for f in ds.report.errors if f.file == str(path)]


FILL = {
    "decision": {"doc_no": "霍示罚〔2026〕1号", "category": "行政处罚",
                 "party": {"type": "法人", "name": "霍邱县某某商贸有限公司", "credit_code": "91341522MA2N0ABCDX",
                           "legal_representative": "李某"},
                 "violation_type": "销售超过保质期的食品", "facts": "经查，当事人销售超过保质期的食品。",
                 "basis": [{"title": "中华人民共和国食品安全法", "article": "第一百二十四条"}], "result": "警告。", "decided": dt.date(2026, 11, 2), "published": dt.date(2026, 11, 5),
                 "officers": ["o-0003", "o-0004"], "penalty": {"kinds": ["警告"]}},
    "guide": {"item": None, "name": "测试指南", "accepting_body": "县政务服务中心", "approving_body": "县市场监管局",
              "fees": "不收费"},
    "flowchart": {"title": "测试流程图", "kind": "执法流程",
                  "steps": [{"id": "a", "label": "受理", "next": ["b"]}, {"id": "b", "label": "决定", "next": []}]},
}


@pytest.mark.parametrize("kind", ["decision", "guide", "flowchart"])
def test_template_fails_until_filled_in_then_validates(data: Path, kind: str) -> None:
    path, report = new_record(kind, str(data), "demo", "" if kind == "decision" else "t-1", 2026)
    assert report.ok
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and ".schema.json" in text.splitlines()[0]
    assert errors_in(data, Path(path)), "an empty template must not validate"
    doc = {k: v for k, v in (yaml.safe_load(text) or {}).items() if v not in (None, [], {})}
    fill = dict(FILL[kind])
    if kind == "guide":
        fill["item"] = yaml.safe_load((data / "agencies/demo/items.yml").read_text(encoding="utf-8"))[0]["code"]
    doc.update(fill)
    Path(path).write_text(text.splitlines()[0] + "\n" + dump(doc), encoding="utf-8")
    assert errors_in(data, Path(path)) == []


def test_new_officer_appends_to_the_roster(data: Path) -> None:
    roster = data / "agencies" / "demo" / "officers.yml"
    assert main(["new", "officer", "--agency", "demo", "--data", str(data)]) == 0
    items = yaml.safe_load(roster.read_text(encoding="utf-8"))
    assert items[-1]["id"] == "o-0009" and len(items) == 9
    assert errors_in(data, roster)  # name, roles and status still blank


def test_new_refuses_unknown_agency_and_existing_file(data: Path) -> None:
    assert main(["new", "guide", "--agency", "nope", "--data", str(data), "--slug", "x"]) == 1
    assert main(["new", "guide", "--agency", "demo", "--data", str(data), "--slug", "x"]) == 0
    assert main(["new", "guide", "--agency", "demo", "--data", str(data), "--slug", "x"]) == 1
    assert main(["new", "guide", "--agency", "demo", "--data", str(data), "--slug", "Bad_Name"]) == 1


HEADERS = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "违法行为类型",
           "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "公开日期", "承办执法人员",
           "处罚机关", "法定代表人"]
ROWS = [
    ["霍示罚〔2026〕11号", "霍邱县福源商贸有限公司", "法人及非法人组织", "91341522MA2N0A1B2C", "销售过期食品",
     "经查，当事人销售超过保质期的食品。", "《中华人民共和国食品安全法》第一百二十四条", "警告；罚款", "警告；罚款人民币伍仟元整。",
     0.5, dt.datetime(2026, 11, 2), "2026-11-05", "o-0003、o-0004", "霍邱县市场监督管理局", "李某"],
    ["霍示罚〔2026〕12号", "霍邱县鑫达超市", "法人及非法人组织", "", "经营标签不符合规定的预包装食品",
     "经查，当事人经营标签不符合规定的预包装食品。", "《中华人民共和国食品安全法》第一百二十五条", "罚款", "罚款人民币贰万元整。",
     "2", "2026-02-30", "2026-11-05", "o-0003、o-0004", "霍邱县市场监督管理局", "王某"],
    ["霍示罚〔2026〕13号", "霍邱县恒泰餐饮店", "个体工商户", "", "未按规定建立进货查验记录制度",
     "经查，当事人未按规定建立并遵守进货查验记录制度。", "《中华人民共和国食品安全法》第一百二十六条", "警告", "警告。",
     None, "2026年11月3日", "2026-11-06", "o-0005，o-0006", "霍邱县市场监督管理局", ""],
]


def _credit_fix(rows: list[list]) -> list[list]:
    # A real check character, so R-FORMAT's checksum accepts the party's code.
    from gongshi.runtime.checksums import uscc_check_char
    body = "91341522MA2N0A1B2"
    rows[0][3] = body + uscc_check_char(body)
    return rows


def sheet(tmp_path: Path, kind: str) -> Path:
    rows = _credit_fix([list(r) for r in ROWS])
    if kind == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.append(HEADERS)
        for r in rows:
            ws.append(r)
        path = tmp_path / "双公示.xlsx"
        wb.save(path)
        return path
    path = tmp_path / "双公示.csv"
    with open(path, "w", encoding="gb18030", newline="") as fh:  # as Excel saves it in China
        w = csv.writer(fh)
        w.writerow(HEADERS)
        for r in rows:
            w.writerow(["2026-11-02" if isinstance(c, dt.datetime) else ("" if c is None else c) for c in r])
    return path


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_round_trips_and_reports_bad_date_on_its_row(data: Path, tmp_path: Path, kind: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = sheet(tmp_path, kind)
    code = main(["import", str(src), "--agency", "demo", "--kind", "decision", "--data", str(data), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1  # one bad row
    assert f"{src.name}:3:11: error R-FORMAT cell K3 (row 3, column '处罚决定日期'): '2026-02-30' is not a valid date" in err
    ds = load(str(data))
    got = {r.data["doc_no"]: r for r in ds.of("decision")}
    assert sorted(got) == ["霍示罚〔2026〕11号", "霍示罚〔2026〕13号"]
    first, third = got["霍示罚〔2026〕11号"], got["霍示罚〔2026〕13号"]
    assert first.data["party"]["name"] == "霍邱县福源商贸有限公司" and first.data["party"]["type"] == "法人"
    assert first.data["penalty"] == {"kinds": ["警告", "罚款"], "fine": 5000}
    assert first.data["decided"] == dt.date(2026, 11, 2) and first.data["published"] == dt.date(2026, 11, 5)
    assert first.data["basis"] == [{"title": "中华人民共和国食品安全法", "article": "第一百二十四条"}]
    assert first.data["category"] == "行政处罚" and first.data["officers"] == ["o-0003", "o-0004"]
    assert third.data["decided"] == dt.date(2026, 11, 3) and third.data["party"]["type"] == "个体工商户"
    assert Path(first.file).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert validate(str(data), AS_OF).report.errors == []
    # Importing the same sheet again adds nothing: rows already imported are recognised.
    assert main(["import", str(src), "--agency", "demo", "--data", str(data)]) == 1
    assert len(load(str(data)).of("decision")) == 2


def test_import_finding_points_at_the_cell(data: Path, tmp_path: Path) -> None:
    from gongshi.app.importer import import_file
    imp = import_file(str(sheet(tmp_path, "xlsx")), str(data), "demo", AS_OF)
    bad = [(f.msg, f.line, f.column) for f in imp.report.errors]
    assert bad == [(BAD_CELL, 3, HEADERS.index("处罚决定日期") + 1)]


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    validate_hook = next(h for h in hooks if h["id"] == "gongshi-validate")
    assert validate_hook["entry"].startswith("gongshi validate") and validate_hook["pass_filenames"] is False


def test_import_with_format_titles_as_headers(data: Path, tmp_path: Path) -> None:
    # Not a 双公示 sheet: the format's own Chinese titles, a permit, no penalty columns.
    src = tmp_path / "许可.csv"
    src.write_text("文书编号,执法类别,对象类别,名称或姓名,执法结论,决定日期,公开日期,承办执法人员\n"
                   "霍示许〔2026〕3号,行政许可,法人,霍邱县安康药店有限公司,准予行政许可。,2026/11/2,2026年11月4日,o-0003；o-0004\n",
                   encoding="utf-8-sig")
    assert main(["import", str(src), "--agency", "demo", "--data", str(data)]) == 0
    (rec,) = load(str(data)).of("decision")
    assert rec.slug == "xk-2026-0001" and rec.data["category"] == "行政许可"
    assert rec.data["decided"] == dt.date(2026, 11, 2) and rec.data["published"] == dt.date(2026, 11, 4)
    assert validate(str(data), AS_OF).report.errors == []


def test_new_and_import_name_decisions_alike(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One naming scheme, since the file name is the public URL: <category prefix>-<year>-NNNN,
    as gongshi import writes them (cf for 行政处罚, xk for 行政许可 …; jd before a category is known)."""
    assert main(["new", "decision", "--agency", "demo", "--data", str(data), "--year", "2026",
                 "--category", "行政处罚"]) == 0
    made = sorted((data / "agencies/demo/decisions/2026").glob("cf-2026-*.yml"))
    assert made and "category: 行政处罚" in made[-1].read_text(encoding="utf-8")
    assert main(["new", "decision", "--agency", "demo", "--data", str(data), "--year", "2026"]) == 0
    assert (data / "agencies/demo/decisions/2026/jd-2026-0001.yml").exists()


def test_import_names_a_missing_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("行政相对人名称\n", encoding="utf-8")
    assert main(["import", str(sheet), "--agency", "demo", "--data", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no data folder with agencies/ at: " + str(tmp_path / "nowhere") in err


def test_redact_takes_a_folder(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clerk fixes a whole import at once: a folder means every .yml below it."""
    target = data / "agencies/demo/decisions"
    one = target / "2026" / "cf-2026-0001.yml"
    one.parent.mkdir(parents=True)
    doc = dict(FILL["decision"], facts="经查，当事人联系电话13912345678，销售超过保质期的食品。")
    one.write_text(dump(doc), encoding="utf-8")
    assert main(["redact", str(target), "--write"]) in (0, 1)
    assert "13912345678" not in one.read_text(encoding="utf-8")
    assert "139****5678" in one.read_text(encoding="utf-8")
