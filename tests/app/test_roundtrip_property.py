"""Issue 21, "done when": random decisions go through the 双公示 export (the guarded CSV), a
spreadsheet (openpyxl, which types numbers and dates as Excel does on opening a CSV, sometimes
with a title row above), an edit — one cell changed, or the office's unmasked originals pasted
over the masks (罗丽华 for 罗某某, the whole phone number) — `import --update`, and are read back:
every field as it was but the one edited, every mask intact, no personal data written, and no
finding but the one line saying which masks were kept."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from conftest import CASES
from gongshi.app.importer import import_file
from gongshi.app.importer.messages import MASKS_KEPT
from gongshi.checks.pipeline import validate
from gongshi.model.dataset import load
from gongshi.model.yamlwrite import dump
from gongshi.outputs.opendata import shuanggongshi
from gongshi.outputs.opendata.files import write_csv
from gongshi.publication import publish
from gongshi.runtime.checksums import USCC_CHARS, uscc_check_char

AS_OF = dt.date(2026, 11, 22)
MASKS = ["联系电话139****1234", "身份证号码3415**********1236", "住址幸福小区*栋*单元***室", "店员王*在场", "***"]
PHRASES = ["经查，当事人销售超过保质期的食品", "货值金额共计人民币叁佰元", "上述事实有现场检查笔录证实",
           "当事人未按规定查验供货者的许可证", "责令改正"]
REMARKS = ["", "-", "=SUM(A1)", "+86", "@所有人", "已履行", "-已缴纳罚款"]
RESULTS = ["罚款人民币伍仟元整。", "警告；罚款人民币贰仟元整。", "罚款人民币伍佰元整（当事人王*、***）。"]


def _code(tail: str) -> str:
    body = "91341522MA2N0" + tail
    return body + uscc_check_char(body)


party = st.one_of(
    st.builds(lambda tail, rep: {"type": "法人", "name": f"霍邱县{tail}商贸有限公司", "credit_code": _code(tail),
                                 **({"legal_representative": rep} if rep else {})},
              st.text(st.sampled_from("ABCDEFGHJKLMNPQRTUWXY0123456789"), min_size=4, max_size=4),
              # a legal person's 法定代表人 is a mandatory 双公示 column (R-DEC): always there
              st.sampled_from(["罗某某", "欧阳某某", "王某"])),
    st.builds(lambda tail: {"type": "个体工商户", "name": f"霍邱县{tail}便利店", "credit_code": _code(tail)},
              st.text(st.sampled_from("ABCDEFGHJKLMNPQRTUWXY0123456789"), min_size=4, max_size=4)),
    st.sampled_from([{"type": "自然人", "name": "张某某"}, {"type": "自然人", "name": "欧阳某某"}]))

facts = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(MASKS)), min_size=1, max_size=6).map("，".join)


@st.composite
def decision(draw: st.DrawFn, n: int) -> dict:  # type: ignore[type-arg]
    decided = AS_OF - dt.timedelta(days=draw(st.integers(10, 300)))
    fine = draw(st.integers(1, 200) | st.just(0)) * 100
    doc = {"doc_no": f"霍示罚〔2026〕{n}号", "category": "行政处罚", "party": draw(party), "facts": draw(facts),
           "violation_type": "销售过期食品", "basis": [{"title": "中华人民共和国食品安全法", "article": "第一百二十四条"}],
           "result": draw(st.sampled_from(RESULTS)),
           "penalty": {"kinds": ["罚款"], "fine": fine} if fine else {"kinds": ["警告"]},
           "decided": decided, "published": decided + dt.timedelta(days=3), "officers": ["o-0003", "o-0004"],
           "status": "有效"}
    if draw(st.booleans()):
        doc["remark"] = draw(st.sampled_from(REMARKS)) or "无"
    if draw(st.integers(0, 3)) == 0:
        # a credit repair after the shortest window (1y) and before the window's end (3y)
        doc["withdrawn"] = {"date": doc["published"] + dt.timedelta(days=draw(st.integers(370, 1000))),
                            "reason": "信用修复"}
    return doc


def _as_excel_reads_it(value: str) -> object:
    """A CSV cell as Excel or WPS types it on opening: numbers and dates become typed cells."""
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        pass
    try:
        return float(value) if value and value.replace(".", "", 1).isdigit() else value
    except ValueError:
        return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=5, unique=True).flatmap(
    lambda ns: st.tuples(st.tuples(*(decision(n) for n in ns)), st.booleans(), st.integers(0, len(ns)),
                         st.sampled_from(["result", "unmask"]))))
def test_export_spreadsheet_update_is_exact(case: tuple) -> None:  # type: ignore[type-arg]
    docs, title_row, edit, how = case
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "data"
        shutil.copytree(CASES / "_base", data)
        folder = data / "agencies" / "demo" / "decisions" / "2026"
        folder.mkdir(parents=True)
        for i, doc in enumerate(docs, 1):
            (folder / f"cf-2026-{i:04d}.yml").write_text(dump(doc), encoding="utf-8")
        ds = validate(str(data), AS_OF)
        assert ds.report.errors == [], ds.report.to_text("en")
        before = {p: p.read_bytes() for p in folder.glob("*.yml")}
        # the export, guarded as the build writes it
        write_csv(str(work / "xzcf.csv"), shuanggongshi.rows("xzcf", publish(ds, AS_OF)))
        with open(work / "xzcf.csv", encoding="utf-8-sig", newline="") as fh:
            table = list(csv.reader(fh))
        assert len(table) == len(docs) + 1
        # the spreadsheet: typed cells, maybe a title row, one cell edited
        wb = Workbook()
        ws = wb.active
        if title_row:
            ws.append(["霍邱县示例局行政处罚信息"])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(table[0]))
        for r in table:
            ws.append([_as_excel_reads_it(v) for v in r])
        edited_doc_no, unmasked = None, False
        if edit:
            r = edit + (1 if title_row else 0) + 1
            if how == "result":
                ws.cell(r, table[0].index("处罚内容") + 1).value = "罚款人民币陆万元整。"
                edited_doc_no = table[edit][table[0].index("行政处罚决定书文号")]
            else:  # the office's own sheet: the originals the data holds masked
                for column, masked, plain in (("法定代表人", "罗某某", "罗丽华"), ("违法事实", "139****1234", "13912341234")):
                    cell = ws.cell(r, table[0].index(column) + 1)
                    if isinstance(cell.value, str) and masked in cell.value:
                        cell.value = cell.value.replace(masked, plain)
                        unmasked = True
        wb.save(work / "edited.xlsx")
        imp = import_file(str(work / "edited.xlsx"), str(data), "demo", AS_OF, update=True)
        assert [f.msg for f in imp.report] == ([MASKS_KEPT] if unmasked else []), imp.report.to_text("en")
        # read back: every field as it was but the edited one, masks intact, nothing personal
        after = {r.data["doc_no"]: r.data for r in load(str(data)).of("decision")}
        for doc in docs:
            got = dict(after[doc["doc_no"]])
            if doc["doc_no"] == edited_doc_no:
                assert got.pop("result") == "罚款人民币陆万元整。"
                got["result"] = doc["result"]
            assert got == doc
            for mask in MASKS:
                assert (mask in doc["facts"]) == (mask in got["facts"])
        changed = [p.name for p in before if p.read_bytes() != before[p]]
        assert len(changed) == (1 if edited_doc_no else 0)
        ds = validate(str(data), AS_OF)
        assert ds.report.errors == []
        # and what the build publishes: the export again, the same but the edited cell
        write_csv(str(work / "again.csv"), shuanggongshi.rows("xzcf", publish(ds, AS_OF)))
        with open(work / "again.csv", encoding="utf-8-sig", newline="") as fh:
            again = list(csv.reader(fh))
        if edited_doc_no:
            table[edit][table[0].index("处罚内容")] = "罚款人民币陆万元整。"
        assert sorted(again) == sorted(table)
        written = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.yml"))
        assert "罗丽华" not in written and "13912341234" not in written
