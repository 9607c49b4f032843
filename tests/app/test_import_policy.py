"""Issue 21, items 2, 3, 5 and 6: an import applies the site's redaction policy, never unmasks
on --update, compares the sheet's last day and document numbers, undoes the CSV guard, reads a
sheet with a title row or a hidden ledger in front, and says a repeated finding once."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from conftest import CASES
from gongshi.app.importer import import_file
from gongshi.app.importer.messages import (DOC_NO_TAKEN, DUPLICATE, LAST_DAY_DIFFERS, MASKS_KEPT, NAMES_MASKED,
                                           PERSONAL_DATA, WHICH_SHEET)
from gongshi.app.importer.redaction import masked_form_of
from gongshi.cli import main
from gongshi.model.dataset import load
from gongshi.runtime.checksums import uscc_check_char

AS_OF = dt.date(2026, 11, 22)
CODE = "91341522MA2N0A1B2" + uscc_check_char("91341522MA2N0A1B2")
HEAD = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人",
        "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "公开日期",
        "承办执法人员", "备注"]


def row(n: int, name: str = "霍邱县福源商贸有限公司", kind: str = "法人及非法人组织", code: str = CODE,
        rep: str = "罗丽华", facts: str = "经查，当事人销售超过保质期的食品。", remark: str = "",
        officers: str = "o-0003、o-0004") -> list[str]:
    return [f"霍示罚〔2026〕{n}号", name, kind, code, rep, "销售过期食品", facts, "《中华人民共和国食品安全法》第一百二十四条",
            "罚款", "罚款人民币伍仟元整。", "0.5", "2026-11-02", "2026-11-05", officers, remark]


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(CASES / "_base", dst)
    return dst


def write_csv(path: Path, rows: list[list[str]], head: list[str] = HEAD) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([head, *rows])
    return path


def records(data: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r.data["doc_no"]: r.data for r in load(str(data)).of("decision")}


def text_of(data: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (data / "agencies/demo/decisions").rglob("*.yml"))


def test_names_of_natural_persons_are_masked_as_the_policy_says_with_one_line(data: Path, tmp_path: Path) -> None:
    rows = [row(1), row(2, name="张三丰", kind="自然人", code="", rep=""), row(3, rep="欧阳娜娜")]
    imp = import_file(str(write_csv(tmp_path / "s.csv", rows)), str(data), "demo", AS_OF)
    assert imp.report.errors == []
    masked = [f for f in imp.report if f.msg is NAMES_MASKED]
    assert [f.message("zh") for f in masked] == [
        "按 site.yml 的 policy.redaction.natural_person_name: mask，已遮盖 3 处自然人姓名（3 行，例如第 2 行写作“罗某某”）"]
    assert "gongshi redact --write" in masked[0].hint("zh") and "gongshi redact --write" in masked[0].hint("en")
    recs = records(data)
    assert recs["霍示罚〔2026〕1号"]["party"]["legal_representative"] == "罗某某"
    assert recs["霍示罚〔2026〕2号"]["party"]["name"] == "张某某"
    assert recs["霍示罚〔2026〕3号"]["party"]["legal_representative"] == "欧阳某某"
    written = text_of(data)
    assert "罗丽华" not in written and "张三丰" not in written and "欧阳娜娜" not in written


def test_a_site_that_publishes_names_keeps_them(data: Path, tmp_path: Path) -> None:
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("natural_person_name: mask", "natural_person_name: keep"),
                    encoding="utf-8")
    imp = import_file(str(write_csv(tmp_path / "s.csv", [row(1)])), str(data), "demo", AS_OF)
    assert not [f for f in imp.report if f.msg is NAMES_MASKED]
    assert records(data)["霍示罚〔2026〕1号"]["party"]["legal_representative"] == "罗丽华"


def test_personal_data_in_a_cell_refuses_its_row_at_that_cell(data: Path, tmp_path: Path) -> None:
    facts = "经查，当事人销售超过保质期的食品，联系电话13912345678。"
    imp = import_file(str(write_csv(tmp_path / "s.csv", [row(1), row(2, facts=facts)])), str(data), "demo", AS_OF)
    refused = [f for f in imp.report.errors if f.msg is PERSONAL_DATA]
    assert [f.message("zh") for f in refused] == [
        "单元格 G3（第 3 行“违法事实”列）含手机号码（应写作“139****5678”），该行未导入"]
    assert "gongshi redact --write" in refused[0].hint("zh")
    assert "13912345678" not in imp.report.to_text("zh") + text_of(data)
    assert sorted(records(data)) == ["霍示罚〔2026〕1号"]


def test_update_never_replaces_a_masked_value(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "s.csv", [row(n) for n in range(1, 5)])
    import_file(str(src), str(data), "demo", AS_OF)
    path = next(p for p in (data / "agencies/demo/decisions").rglob("*.yml") if "〔2026〕2号" in p.read_text("utf-8"))
    path.write_text(path.read_text("utf-8").replace("销售超过保质期的食品。", "销售超过保质期的食品，联系电话139****5678。"),
                    encoding="utf-8")
    before = {p: p.read_bytes() for p in (data / "agencies/demo/decisions").rglob("*.yml")}
    rows = [row(n) for n in range(1, 5)]
    rows[1] = row(2, facts="经查，当事人销售超过保质期的食品，联系电话13912345678。")
    capsys.readouterr()
    assert main(["import", str(write_csv(src, rows)), "--agency", "demo", "--update", "--data", str(data)]) == 0
    captured = capsys.readouterr()
    assert {p: p.read_bytes() for p in before} == before, "nothing rewritten: the masks in the data are canonical"
    assert "已写入 0 个文件" in captured.out and "罗丽华" not in captured.out + captured.err
    # the legal representative of rows 2 to 5 (罗某某 in the data) and row 3's phone
    assert "5 处已遮盖的值保持不变（4 行，例如单元格 E2）" in captured.err


def test_the_sheets_last_day_is_compared_with_the_computed_one(data: Path, tmp_path: Path) -> None:
    head = HEAD + ["公示截止期", "处罚有效期"]
    rows = [row(1) + ["2029-11-05", "2029-11-05"], row(2) + ["2029-11-19", "2029年11月5日"]]
    imp = import_file(str(write_csv(tmp_path / "s.csv", rows, head)), str(data), "demo", AS_OF)
    assert imp.report.errors == [] and len(imp.written) == 2
    assert [f.message("zh") for f in imp.report if f.msg is LAST_DAY_DIFFERS] == [
        "单元格 P3（第 3 行“公示截止期”列）：表格写 2029-11-19，按公示期限计算为 2029-11-05"]


def test_a_document_number_of_another_party_is_an_error_naming_both(data: Path, tmp_path: Path) -> None:
    import_file(str(write_csv(tmp_path / "a.csv", [row(1)])), str(data), "demo", AS_OF)
    other = "91341522MA2N0C3D4" + uscc_check_char("91341522MA2N0C3D4")
    imp = import_file(str(write_csv(tmp_path / "b.csv", [row(1), row(1, name="霍邱县长青五金店", code=other)])),
                      str(data), "demo", AS_OF)
    assert [f.msg for f in imp.report] == [DUPLICATE, DOC_NO_TAKEN]
    taken = imp.report.errors[0].message("zh")
    assert "霍邱县福源商贸有限公司" in taken and "霍邱县长青五金店" in taken and "霍示罚〔2026〕1号" in taken


def test_the_csv_guard_is_undone_on_import(data: Path, tmp_path: Path) -> None:
    import_file(str(write_csv(tmp_path / "s.csv", [row(1, remark="'-"), row(2, remark="'=不是公式")])),
                str(data), "demo", AS_OF)
    recs = records(data)
    assert recs["霍示罚〔2026〕1号"]["remark"] == "-" and recs["霍示罚〔2026〕2号"]["remark"] == "=不是公式"


def test_a_merged_title_row_above_the_headers_is_read_past(data: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["霍邱县市场监督管理局2026年11月行政处罚信息"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEAD))
    for r in [HEAD, row(1), row(2)]:
        ws.append(r)
    wb.save(tmp_path / "t.xlsx")
    assert main(["import", str(tmp_path / "t.xlsx"), "--agency", "demo", "--data", str(data)]) == 0
    assert sorted(records(data)) == ["霍示罚〔2026〕1号", "霍示罚〔2026〕2号"]
    assert "第 1 行是标题" in capsys.readouterr().err


def _workbook(path: Path, active: int) -> Path:
    """A hidden ledger in front, the sheet to send, and (active=2) an empty sheet opened at."""
    wb = Workbook()
    ledger = wb.active
    ledger.title = "台账"
    ledger.append(["序号", "案由"])
    ledger.append(["1", "内部台账"])
    ledger.sheet_state = "hidden"
    sheet = wb.create_sheet("报送")
    for r in [HEAD, row(1)]:
        sheet.append(r)
    wb.create_sheet("说明")
    wb.active = active
    wb.save(path)
    return path


def test_a_hidden_ledger_in_front_the_active_sheet_is_read(data: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = _workbook(tmp_path / "w.xlsx", 1)
    assert main(["import", str(src), "--agency", "demo", "--data", str(data)]) == 0
    assert "读取工作表“报送”" in capsys.readouterr().err and sorted(records(data)) == ["霍示罚〔2026〕1号"]


def test_an_unclear_sheet_asks_for_sheet(data: Path, tmp_path: Path) -> None:
    src = _workbook(tmp_path / "w.xlsx", 2)
    imp = import_file(str(src), str(data), "demo", AS_OF)
    assert [f.message("zh") for f in imp.report.errors] == [
        "不清楚应读取哪一个工作表：打开时显示的工作表是隐藏的或是空的；含数据的工作表：台账、报送"]
    assert imp.report.errors[0].msg is WHICH_SHEET and imp.written == []
    imp = import_file(str(src), str(data), "demo", AS_OF, sheet="报送")
    assert imp.report.errors == [] and len(imp.written) == 1


def test_a_rule_repeated_on_every_row_is_one_line_with_a_bulk_hint(data: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "s.csv", [row(n, officers="") for n in range(1, 41)])
    assert main(["import", str(src), "--agency", "demo", "--data", str(data)]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "承办执法人员只有 0 名" in line]
    assert len(lines) == 1 and "本次导入共 40 处" in lines[0]
    assert "--officers" in err
    assert main(["import", str(src), "--agency", "demo", "--data", str(data), "--update",
                 "--officers", "o-0003,o-0004"]) == 0
    assert {tuple(r["officers"]) for r in records(data).values()} == {("o-0003", "o-0004")}
    err = capsys.readouterr().err
    assert "承办执法人员只有" not in err


@pytest.mark.parametrize("masked, plain, expected", [
    ("罗某某", "罗丽华", True), ("139****5678", "13912345678", True), ("欧阳某", "欧阳娜娜", True),
    ("罗某某", "罗某某", False), ("罗某某", "王丽华", False), ("霍邱县福源商贸有限公司", "霍邱县福源商贸公司", False)])
def test_masked_form_of(masked: str, plain: str, expected: bool) -> None:
    assert masked_form_of(masked, plain) is expected


def test_officers_yml_is_what_the_bulk_hint_names(data: Path) -> None:
    ids = [p["id"] for p in yaml.safe_load((data / "agencies/demo/officers.yml").read_text(encoding="utf-8"))]
    assert {"o-0003", "o-0004"} <= set(ids)


def test_export_and_import_read_one_column_declaration() -> None:
    """Issue 21, item 4: every 双公示 column the export writes is read back into the field the
    shared declaration names, and the ones holding no field are read past."""
    from gongshi.app.importer.columns import header_map, ignored, normalize
    from gongshi.outputs.opendata import shuanggongshi as export
    from gongshi.publication import shuanggongshi as declared
    known, skip = header_map(), ignored()
    for name, path, _how in declared.PENALTY_COLUMNS + declared.PERMIT_COLUMNS:
        if path is None:
            assert normalize(name) in skip, name
        else:
            assert known[normalize(name)] == path, name
    assert [c for c, _ in export.PENALTY_COLUMNS] == [c for c, _p, _h in declared.PENALTY_COLUMNS]
    assert export.LONG_TERM is declared.LONG_TERM and export.PARTY_CLASS is declared.PARTY_CLASS


def test_a_collision_message_shows_a_natural_persons_name_masked(data: Path, tmp_path: Path) -> None:
    import_file(str(write_csv(tmp_path / "a.csv", [row(1)])), str(data), "demo", AS_OF)
    imp = import_file(str(write_csv(tmp_path / "b.csv", [row(1, name="张三丰", kind="自然人", code="", rep="")])),
                      str(data), "demo", AS_OF)
    assert [f.msg for f in imp.report] == [DOC_NO_TAKEN]
    assert "张某某" in imp.report.errors[0].message("zh") and "张三丰" not in imp.report.to_text("zh")


def test_a_number_cut_over_a_table_or_hidden_in_a_comment_refuses_its_row(data: Path, tmp_path: Path) -> None:
    """Second red-team pass: the layout and encoding checks read every cell too, named for what
    the clerk sees; nothing of the row is written, the message quotes no digit of it."""
    rows = [row(1, facts="经查，当事人销售超过保质期的食品。\n| 电话 | 139573 | 12846 |"),
            row(2, facts="经查，当事人销售超过保质期的食品。<!-- 13957312846 -->")]
    imp = import_file(str(write_csv(tmp_path / "s.csv", rows)), str(data), "demo", AS_OF)
    refused = [f.message("zh") for f in imp.report.errors if f.msg is PERSONAL_DATA]
    assert refused == ["单元格 G2（第 2 行“违法事实”列）含被表格、列表或换行拆开的号码（应写作“（手工改写）”），该行未导入",
                       "单元格 G3（第 3 行“违法事实”列）含藏在编码或注释中的号码（应写作“（手工改写）”），该行未导入"]
    assert records(data) == {} and "12846" not in imp.report.to_text("zh") + imp.report.to_text("en")
