"""Issue 11, item 5 (and issue 10, item 5): `gongshi import` is safe on real spreadsheets."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import CASES
from gongshi.runtime.checksums import uscc_check_char
from gongshi.model.dataset import load
from gongshi.app import importer
from gongshi.app.importer import sheet
from gongshi.app.importer import import_file

AS_OF = dt.date(2026, 11, 22)
HEADERS = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "违法行为类型",
           "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "公开日期", "承办执法人员"]
CODE = "91341522MA2N0A1B2" + uscc_check_char("91341522MA2N0A1B2")


def row(n: int, fine: object = 0.5, code: str = CODE, kind: str = "法人及非法人组织", name: str = "霍邱县福源商贸有限公司") -> list:
    return [f"霍示罚〔2026〕{n}号", name, kind, code, "销售过期食品", "经查，当事人销售超过保质期的食品。",
            "《中华人民共和国食品安全法》第一百二十四条", "罚款", "罚款人民币伍仟元整。", fine, "2026-11-02", "2026-11-05",
            "o-0003、o-0004"]


def id_number(body: str = "11010119900307451") -> str:
    """A resident ID number with a valid check digit (GB 11643)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(CASES / "_base", dst)
    return dst


def decisions(data: Path) -> list[Path]:
    return sorted((data / "agencies/demo/decisions").rglob("*.yml"))


def write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        w.writerows(rows)
    return path


def test_formula_without_cached_value_is_an_error_naming_the_cell(data: Path, tmp_path: Path) -> None:
    src = write_xlsx(tmp_path / "f.xlsx", [row(1), row(2, fine="=K2*2")])  # openpyxl stores no cached value
    imp = import_file(str(src), str(data), "demo", AS_OF)
    msgs = [f.message("en") for f in imp.report.errors]
    assert any("cell J3 (row 3, column '罚款金额（万元）') is a formula without a computed value: =K2*2" in m for m in msgs), msgs
    assert [f.line for f in imp.report.errors] == [3] and [f.column for f in imp.report.errors] == [10]
    assert len(imp.written) == 1


def test_a_formula_quoted_in_a_message_shows_no_personal_data(data: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The message quotes the formula so that it can be found; a number in it is masked there
    (checks/scrub.py): the terminal and CI logs never carry it (red-team pass, issue 20)."""
    from gongshi.cli import main
    src = write_xlsx(tmp_path / "f.xlsx", [row(1), row(2, fine='="13957312846"')])
    assert main(["import", str(src), "--data", str(data), "--agency", "demo", "--published", "2026-11-05"]) == 1
    err = capsys.readouterr().err
    assert "is a formula without a computed value" in err or "没有计算结果的公式" in err
    assert '="139****2846"' in err and "13957312846" not in err


def test_stale_dimension_does_not_hide_rows(data: Path, tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [row(n) for n in range(1, 8)])
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(stale, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = body.decode("utf-8")
                start = text.index('<dimension ref="')
                end = text.index('"', start + 16)
                body = (text[:start + 16] + "A1:M2" + text[end:]).encode("utf-8")
            zout.writestr(item, body)
    imp = import_file(str(stale), str(data), "demo", AS_OF)
    assert imp.report.errors == [] and len(imp.written) == 7


def test_row_limit_refuses_the_whole_sheet(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet, "MAX_ROWS", 5)
    src = write_csv(tmp_path / "big.csv", [row(n) for n in range(1, 10)])
    imp = import_file(str(src), str(data), "demo", AS_OF)
    assert [f.message("en") for f in imp.report.errors] == [
        "the spreadsheet is too large: more than 5 rows, the limit is 5 行 / rows; no row was imported"]
    assert imp.written == [] and decisions(data) == []


def test_size_limit(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet, "MAX_FILE_BYTES", 100)
    src = write_csv(tmp_path / "big.csv", [row(1)])
    imp = import_file(str(src), str(data), "demo", AS_OF)
    assert "too large" in imp.report.errors[0].message("en") and decisions(data) == []


def test_target_folder_is_listed_once_not_per_row(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"scandir": 0}
    real = os.scandir

    def counting(path):  # type: ignore[no-untyped-def]
        calls["scandir"] += 1
        return real(path)

    def refuse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("os.listdir per row")

    monkeypatch.setattr("gongshi.model.paths.os.scandir", counting)
    monkeypatch.setattr("gongshi.app.importer.run.os.listdir", refuse, raising=False)
    (data / "agencies/demo/decisions/2026").mkdir(parents=True)
    (data / "agencies/demo/decisions/2026/cf-2026-0007.yml").write_text("doc_no: 霍示罚〔2026〕99号\n", encoding="utf-8")
    monkeypatch.setattr(importer.Importer, "finish", lambda self: None)  # listing only, no writing here
    imp = import_file(str(write_csv(tmp_path / "s.csv", [row(n) for n in range(1, 60)])), str(data), "demo", AS_OF)
    assert calls["scandir"] <= 3
    names = sorted(os.path.basename(p) for p, _ in imp.pending)
    assert names[0] == "cf-2026-0008.yml" and names[-1] == "cf-2026-0066.yml"  # after the existing 0007


def test_a_failed_import_writes_nothing(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = importer.Importer.check
    seen = {"n": 0}

    def failing(self, r, doc):  # type: ignore[no-untyped-def]
        seen["n"] += 1
        if seen["n"] == 30:
            raise KeyboardInterrupt  # a kill (Ctrl-C) in the middle of the sheet
        return original(self, r, doc)

    monkeypatch.setattr(importer.Importer, "check", failing)
    with pytest.raises(KeyboardInterrupt):
        import_file(str(write_csv(tmp_path / "s.csv", [row(n) for n in range(1, 60)])), str(data), "demo", AS_OF)
    assert decisions(data) == []


def test_files_are_staged_hidden_and_leftovers_removed(data: Path, tmp_path: Path) -> None:
    base = data / "agencies/demo/decisions"
    (base / ".import-dead").mkdir(parents=True)
    (base / ".import-dead/3.yml").write_text("half", encoding="utf-8")
    imp = import_file(str(write_csv(tmp_path / "s.csv", [row(n) for n in range(1, 4)])), str(data), "demo", AS_OF)
    assert len(imp.written) == 3 and not any(p.name.startswith(".import-") for p in base.iterdir())
    assert all(Path(p).parent.name == "2026" for p in imp.written)


@pytest.mark.parametrize("where", ["code", "facts", "unknown-column"])
def test_resident_id_number_is_refused_and_never_written(data: Path, tmp_path: Path, where: str) -> None:
    number = id_number()
    bad = row(2, code="", kind="自然人", name="张某某")
    if where == "code":
        bad[3] = number
    elif where == "facts":
        bad[5] = f"经查，当事人张某某（身份证号{number}）销售过期食品。"
    rows = [row(1), bad]
    src = tmp_path / "id.csv"
    with open(src, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS + (["身份证"] if where == "unknown-column" else []))
        for r in rows:
            w.writerow(r + ([number if r is bad else ""] if where == "unknown-column" else []))
    imp = import_file(str(src), str(data), "demo", AS_OF)
    errors = [f for f in imp.report.errors if f.rule == "R-REDACT"]
    col = {"code": "D", "facts": "F", "unknown-column": "N"}[where]
    assert [(f.line, f.message("en")[:12]) for f in errors] == [(3, f"cell {col}3 (row")]
    assert number not in imp.report.to_text("en") and number not in imp.report.to_text("zh")
    assert len(imp.written) == 1
    for path in data.rglob("*"):
        if path.is_file():
            assert number not in path.read_text(encoding="utf-8", errors="replace")


def test_credit_codes_and_amounts_are_not_taken_for_id_numbers(data: Path, tmp_path: Path) -> None:
    imp = import_file(str(write_csv(tmp_path / "ok.csv", [row(1, fine="123456789012345678"), row(2)])),
                      str(data), "demo", AS_OF)
    assert not [f for f in imp.report.errors if f.rule == "R-REDACT"]
