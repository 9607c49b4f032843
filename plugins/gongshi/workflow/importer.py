"""gongshi import: an agency's spreadsheet (xlsx or csv, Chinese headers) to decision records.

Headers are the Chinese titles of the format's fields (文书编号, 决定日期, 名称或姓名 …) or the
national 双公示 columns (行政相对人名称, 行政处罚决定书文号, 处罚决定日期, 罚款金额(万元) …).
Each row is typed through the decision schema; a bad cell is reported at its row and column
of the spreadsheet, and only good rows are written, one file each.

Safe on real spreadsheets (issue 11): a formula cell without a cached value is an error naming
the cell (M12), not an empty field; rows are read from the sheet's content, not its stored
dimension; a file over MAX_FILE_BYTES or a sheet over MAX_ROWS rows is refused with a clear
message; a natural person's resident ID number in any cell is an error and is never written;
the target folders are listed once, and every file is written at the end: first into a hidden
staging folder, then moved into place, so a killed or failed import leaves no half-done data.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
import io
import shutil
import tempfile
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator

from ..findings import WARNING, Msg, Report
from ..kinds.decision import DecisionKind
from ..schema import Ctx, Field, Obj
from ..yamlwrite import dump
from ..yamlread import parse
from .progress import track
from .templates import schema_link

BAD_CELL = Msg("R-FORMAT", "第 {row} 行“{header}”列：{problem}", "row {row}, column '{header}': {problem_en}",
               "{hint_zh}", "{hint_en}")
BAD_ROW = Msg("R-FORMAT", "第 {row} 行：{problem}", "row {row}: {problem_en}",
              "改正该行后重新导入；其他行已正常导入", "fix the row and import again; the other rows were imported")
UNKNOWN_COLUMN = Msg("R-FORMAT", "不认识的列“{header}”，已忽略", "unknown column '{header}' ignored",
                     "列名应为 docs/format.md 中字段的中文名称或双公示列名，例如 {examples}",
                     "headers are the Chinese field titles or the 双公示 columns, e.g. {examples}", severity=WARNING)
NO_HEADER = Msg("R-FORMAT", "表格中没有可识别的表头（需要 行政处罚决定书文号 或 文书编号 等列）",
                "no recognisable header row (needs a column such as 行政处罚决定书文号 or 文书编号)",
                "第一行应为列名", "the first row must hold the column names")
DUPLICATE = Msg("R-FORMAT", "第 {row} 行：文书编号“{doc_no}”已存在（{path}），未重复导入",
                "row {row}: document number '{doc_no}' already exists ({path}); not imported again",
                "如需修改，请直接编辑已有文件", "edit the existing file to change it", severity=WARNING)
FORMULA = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）是没有计算结果的公式：{formula}",
              "cell {cell} (row {row}, column '{header}') is a formula without a computed value: {formula}",
              "在 Excel 或 WPS 中打开并保存一次（会保存计算结果），或把公式换成数值",
              "open and save the file once in Excel or WPS (which stores the results), or replace the formula by its value")
TOO_BIG = Msg("R-FORMAT", "表格过大：{what}，上限 {limit}；未导入任何行",
              "the spreadsheet is too large: {what_en}, the limit is {limit}; no row was imported",
              "把表格按年份或月份拆成几个文件，分别导入", "split the sheet into several files (by year or month) and import each")
PERSONAL_ID = Msg("R-REDACT", "单元格 {cell}（第 {row} 行“{header}”列）含自然人的{what}（{mask}），该行未导入",
                  "cell {cell} (row {row}, column '{header}') holds a natural person's {what_en} ({mask}); the row was not imported",
                  "身份证号码不得公开，也不写入数据文件；删除该号码（自然人不填写行政相对人代码）后重新导入",
                  "resident ID numbers are never published nor written to the data; delete the number (a natural person has no "
                  "credit code) and import again")
NOT_READABLE = Msg("R-FORMAT", "无法读取表格：{error}", "cannot read the spreadsheet: {error}",
                   "支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）", "use .xlsx or .csv (UTF-8 or GBK)")

# 双公示 columns (national credit exchange format) -> the decision field they fill.
SHUANG = {
    "行政相对人名称": "party.name", "行政相对人类别": "party.type", "行政相对人代码": "party.credit_code",
    "统一社会信用代码": "party.credit_code", "法定代表人": "party.legal_representative",
    "行政处罚决定书文号": "doc_no", "违法行为类型": "violation_type", "违法事实": "facts",
    "处罚依据": "basis", "处罚类别": "penalty.kinds", "处罚内容": "result", "罚款金额(万元)": "penalty.fine",
    "没收违法所得金额(万元)": "penalty.confiscated", "没收违法所得、没收非法财物的金额(万元)": "penalty.confiscated",
    "暂扣或吊销证照名称及编号": "penalty.license", "处罚决定日期": "decided",
    "执法人员": "officers", "承办人员": "officers",
}
# 双公示 columns that describe the agency or the credit platform's own window: not record fields.
IGNORED = ("处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位",
           "数据来源单位统一社会信用代码", "备注说明")
PENALTY_HEADERS = ("行政处罚决定书文号", "处罚决定日期", "处罚类别", "罚款金额(万元)")
PARTY_TYPES = {"法人及非法人组织": "法人", "法人": "法人", "非法人组织": "非法人组织", "个体工商户": "个体工商户",
               "自然人": "自然人"}
WAN_YUAN = {"penalty.fine", "penalty.confiscated"}  # 万元 columns, stored in yuan
PREFIX = {"行政处罚": "cf", "行政许可": "xk", "行政检查": "jc", "行政强制": "qz"}
SPLIT = re.compile(r"[；;、，,\n]+")
DATE_FORMS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
              re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
              re.compile(r"(\d{4})(\d{2})(\d{2})"))


def normalize(header: str) -> str:
    """A header without spaces, required-markers or full-width parentheses."""
    h = str(header).strip().replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")
    h = h.strip("*＊").removesuffix("(必填)").removesuffix("(选填)")
    return re.sub(r"_\d+(\(.*\))?$", "", h)  # 行政相对人代码_1(统一社会信用代码) -> 行政相对人代码


def _titles(obj: Obj, prefix: str = "") -> Iterator[tuple[str, str, Field]]:
    for key, f in obj.fields.items():
        if isinstance(f, Obj):
            yield from _titles(f, f"{prefix}{key}.")
        else:
            yield f.title, prefix + key, f


def header_map() -> dict[str, str]:
    """Normalized header -> field path: the schema's Chinese titles, then the 双公示 names."""
    out: dict[str, str] = {}
    for title, path, _f in _titles(DecisionKind.schema):
        out.setdefault(normalize(title), path)
    out.update({normalize(k): v for k, v in SHUANG.items()})
    return out


MAX_FILE_BYTES = 100 * 1024 * 1024  # a 100,000-row 双公示 sheet is about 60 MB as CSV, 20 MB as xlsx
MAX_ROWS = 200_000


class TooLarge(Exception):
    """The file or sheet is over a limit: (what in Chinese, in English, the limit)."""


class Formula:
    """A formula cell without a cached value: the cell reference and the formula text."""

    __slots__ = ("formula",)

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return ""


def _xlsx_rows(path: str) -> Iterator[list[Any]]:
    """The first sheet's rows as they are stored, whatever the sheet's <dimension> claims;
    a formula cell without a cached value is a Formula, never an empty cell."""
    from openpyxl import load_workbook
    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    try:
        ws, wf = values.worksheets[0], formulas.worksheets[0]
        ws.reset_dimensions()  # read_only trusts <dimension>, which some tools write stale
        wf.reset_dimensions()
        for vrow, frow in zip(ws.iter_rows(values_only=True), wf.iter_rows(values_only=True)):
            cells = list(vrow)
            for i, f in enumerate(frow):
                if i < len(cells) and cells[i] is None and isinstance(f, str) and f.startswith("="):
                    cells[i] = Formula(f)
            yield cells
    finally:
        values.close()
        formulas.close()


def _csv_rows(path: str) -> Iterator[list[Any]]:
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")  # Excel in China saves CSV as GBK
    del raw
    yield from csv.reader(io.StringIO(text, newline=""))


def read_rows(path: str, max_rows: int = MAX_ROWS) -> list[tuple[int, list[Any]]]:
    """(row number, cells) of the first sheet or the CSV file, blank rows dropped; TooLarge
    when the file or the sheet is over the limits (checked before and while reading)."""
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"文件 {size:,} 字节", f"{size:,} bytes", f"{MAX_FILE_BYTES:,} 字节 / bytes")
    source = _xlsx_rows(path) if path.lower().endswith((".xlsx", ".xlsm")) else _csv_rows(path)
    rows: list[tuple[int, list[Any]]] = []
    for i, r in enumerate(source, 1):
        if i > max_rows + 1:  # the header row and max_rows rows
            raise TooLarge(f"超过 {max_rows:,} 行", f"more than {max_rows:,} rows", f"{max_rows:,} 行 / rows")
        if any(c not in (None, "") and (isinstance(c, Formula) or str(c).strip()) for c in r):
            rows.append((i, r))
    return rows


def cell_name(row: int, col: int) -> str:
    """The spreadsheet's name of a cell: column letter and row, e.g. M12."""
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(col)}{row}"


def to_date(value: Any) -> dt.date | None:
    """A cell as a date: a date cell or text like 2024-03-05, 2024/3/5, 2024年3月5日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for form in DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                return None
    return None


def to_yuan(value: Any) -> int | float | None:
    """A 万元 amount as yuan."""
    try:
        amount = Decimal(str(value).strip().replace(",", "")) * 10000
    except InvalidOperation:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def parse_basis(text: str) -> list[dict[str, str]]:
    """《法律名称》第X条；… as [{title, article}]."""
    out = []
    for part in re.split(r"[；;\n]+", text):
        m = re.match(r"\s*《?([^》]+?)》?\s*(第.+)?\s*$", part)
        if m and m.group(1).strip():
            out.append({"title": m.group(1).strip(), **({"article": m.group(2).strip()} if m.group(2) else {})})
    return out


def ordered(doc: dict[str, Any], obj: Obj) -> dict[str, Any]:
    """`doc` with its keys in the schema's order, as a clerk would read them in docs/format.md."""
    out: dict[str, Any] = {}
    for key, f in obj.fields.items():
        if key in doc:
            out[key] = ordered(doc[key], f) if isinstance(f, Obj) and isinstance(doc[key], dict) else doc[key]
    return out


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for p in parents:
        doc = doc.setdefault(p, {})
    doc[last] = value


class Importer:
    """Turns the rows of one spreadsheet into decision records of one agency."""

    def __init__(self, data: str, agency: str, source: str, published: dt.date) -> None:
        self.data, self.agency, self.source, self.published = data, agency, source, published
        self.report = Report()
        self.written: list[str] = []
        self.next_number: dict[str, int] = {}
        self.headers: dict[int, str] = {}
        self.columns: list[tuple[int, str, str]] = []
        self.penalty_sheet = False
        # File names of every year folder, listed once (not once per row): year -> names.
        self.taken: dict[str, set[str]] = {}
        self.known = self._existing_doc_nos()
        self.pending: list[tuple[str, str]] = []  # (path, text) written by finish()

    def _existing_doc_nos(self) -> dict[str, str]:
        from ..paths import safe_walk
        folder = os.path.join(self.data, "agencies", self.agency, "decisions")
        out: dict[str, str] = {}
        files, _refused = safe_walk(folder, suffixes=(".yml",))  # validate reports what it refuses
        for path, rel, _mtime in files:
            self.taken.setdefault(os.path.dirname(rel), set()).add(os.path.basename(rel))
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    m = re.search(r"^doc_no:\s*(.+?)\s*$", fh.read(), re.M)
            except OSError:
                continue
            if m:
                out[m.group(1).strip("'\"")] = path
        return out

    def cell_error(self, row: int, col: int, header: str, zh: str, en: str, hint_zh: str, hint_en: str) -> None:
        self.report.add(BAD_CELL(self.source, row, col, row=row, header=header, problem=zh, problem_en=en,
                                 hint_zh=hint_zh, hint_en=hint_en))

    def convert(self, row: int, cells: list[Any], columns: list[tuple[int, str, str]]) -> dict[str, Any] | None:
        """One row as a decision document, or None after reporting its bad cells."""
        doc: dict[str, Any] = {}
        ok = True
        for col, cell in enumerate(cells, 1):  # every column, known or not: nothing may slip through
            if isinstance(cell, Formula):
                continue
            if cell is not None and not isinstance(cell, (dt.date, bool)) and self._personal_id(row, col, cell):
                ok = False
        for col, header, path in columns:
            value = cells[col - 1] if col - 1 < len(cells) else None
            if isinstance(value, Formula):
                ok = False
                self.report.add(FORMULA(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                        formula=value.formula[:60]))
                continue
            if value is None or not str(value).strip():
                continue
            if path in ("decided", "published", "legal_review.date"):
                day = to_date(value)
                if day is None:
                    ok = False
                    self.cell_error(row, col, header, f"“{value}”不是有效日期", f"'{value}' is not a valid date",
                                    "写成 2024-03-05 或 2024年3月5日，并确认日期真实存在",
                                    "write 2024-03-05 or 2024年3月5日, and check the day exists")
                    continue
                value = day
            elif path in WAN_YUAN:
                value = to_yuan(value)
                if value is None:
                    ok = False
                    self.cell_error(row, col, header, f"“{cells[col - 1]}”不是金额", f"'{cells[col - 1]}' is not an amount",
                                    "只写数字，单位为万元，例如 0.5", "digits only, in 10,000 yuan, e.g. 0.5")
                    continue
            elif path in ("penalty.kinds", "officers"):
                value = [s.strip() for s in SPLIT.split(str(value)) if s.strip()]
            elif path == "basis":
                value = parse_basis(str(value))
            elif path == "party.type":
                value = PARTY_TYPES.get(str(value).strip(), str(value).strip())
            elif isinstance(value, float) and value.is_integer():
                value = str(int(value))  # a code or number typed into a numeric cell
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            elif isinstance(value, str):
                value = value.strip()
            _set(doc, path, value)
        if not ok:
            return None
        if self.penalty_sheet:  # a 双公示 penalty sheet has no category column
            doc.setdefault("category", "行政处罚")
        doc.setdefault("published", self.published)
        doc.setdefault("status", "有效")
        return doc

    def _personal_id(self, row: int, col: int, value: Any) -> bool:
        """Report a resident ID number (18 or 15 digits) in a cell; True when there is one."""
        from ..rules.detectors import ID, ID15, WHAT, detect
        text = str(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = str(int(value)) if isinstance(value, float) and value.is_integer() else text
        if sum(ch.isdigit() for ch in text) < 15:
            return False
        found = [m for m in detect(text) if m.kind in (ID, ID15)]
        if not found:
            return False
        header = self.headers.get(col, "")
        m = found[0]
        zh, en = WHAT[m.kind]
        self.report.add(PERSONAL_ID(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                    what=zh, what_en=en, mask=m.mask or "*" * len(m.text)))
        return True

    def check(self, row: int, doc: dict[str, Any]) -> bool:
        """Type `doc` through the decision schema; report what is wrong on its row."""
        root, findings = parse(dump(doc), self.source)
        ctx = Ctx(self.source)
        if root is not None:
            DecisionKind.schema.check(root, "", ctx)
        problems = [f for f in findings + ctx.findings if f.severity != WARNING]
        for f in problems:
            field = str(f.args.get("name") or f.args.get("key") or "")
            col = next((c for c, _h, p in self.columns if p == field or field.startswith(p + "[")), 0)
            self.report.add(BAD_ROW(self.source, row, col, row=row, problem=f.message("zh"),
                                    problem_en=f.message("en")))
        return not problems

    def write(self, row: int, doc: dict[str, Any]) -> None:
        """Plan a good row's file agencies/<agency>/decisions/<yyyy>/<slug>.yml (finish() writes)."""
        doc_no = str(doc.get("doc_no", ""))
        if doc_no in self.known:
            self.report.add(DUPLICATE(self.source, row, 0, row=row, doc_no=doc_no, path=self.known[doc_no]))
            return
        year = doc["decided"].year
        folder = os.path.join(self.data, "agencies", self.agency, "decisions", str(year))
        prefix = f"{PREFIX.get(doc.get('category', ''), 'jd')}-{year}"
        names = self.taken.setdefault(str(year), set())
        number = self.next_number.get(prefix)
        if number is None:  # the folder's names were listed once, in _existing_doc_nos
            number = max([int(m.group(1)) for n in names
                          if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)\.yml", n))], default=0) + 1
        name = f"{prefix}-{number:04d}.yml"
        self.next_number[prefix] = number + 1
        names.add(name)
        path = os.path.join(folder, name)
        note = f"# 由 gongshi import 从 {os.path.basename(self.source)} 第 {row} 行导入 / imported from row {row}\n"
        text = dump(ordered(doc, DecisionKind.schema))
        self.pending.append((path, schema_link(path, self.data, "decision") + "\n" + note + text))
        self.known[doc_no] = path

    def finish(self) -> None:
        """Write every planned file: into a hidden staging folder first (the loader skips hidden
        names), then each moved into place, so a kill or an error before the end leaves nothing
        but that folder; staging folders left by a killed import are removed here."""
        if not self.pending:
            return
        base = os.path.join(self.data, "agencies", self.agency, "decisions")
        os.makedirs(base, exist_ok=True)
        for old in os.listdir(base):
            if old.startswith(".import-"):
                shutil.rmtree(os.path.join(base, old), ignore_errors=True)
        stage = tempfile.mkdtemp(prefix=".import-", dir=base)
        try:
            staged = []
            for i, (path, text) in enumerate(self.pending):
                tmp = os.path.join(stage, f"{i}.yml")
                with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
                os.chmod(tmp, 0o644)
                staged.append((tmp, path))
            for tmp, path in staged:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                os.replace(tmp, path)
                self.written.append(path)
        finally:
            shutil.rmtree(stage, ignore_errors=True)

    def run(self) -> None:
        """Read, convert, check and write every row."""
        try:
            rows = read_rows(self.source)
        except TooLarge as exc:
            zh, en, limit = exc.args
            self.report.add(TOO_BIG(self.source, 0, 0, what=zh, what_en=en, limit=limit))
            return
        except Exception as exc:  # a broken file is a finding for the clerk, not a traceback
            self.report.add(NOT_READABLE(self.source, 0, 0, error=f"{type(exc).__name__}: {exc}"))
            return
        known = header_map()
        if not rows:
            self.report.add(NO_HEADER(self.source, 1, 1))
            return
        head_row, head = rows[0]
        columns: list[tuple[int, str, str]] = []
        self.headers = {col: str(h).strip() for col, h in enumerate(head, 1) if h is not None}
        for col, h in enumerate(head, 1):
            name = normalize(h or "")
            if not name or name in IGNORED:
                continue
            if name in known:
                columns.append((col, str(h).strip(), known[name]))
            else:
                self.report.add(UNKNOWN_COLUMN(self.source, head_row, col, header=str(h).strip(),
                                               examples="行政处罚决定书文号、处罚决定日期、公开日期"))
        self.columns = columns
        self.penalty_sheet = any(normalize(h) in PENALTY_HEADERS for _c, h, _p in columns)
        if not any(p == "doc_no" for _c, _h, p in columns):
            self.report.add(NO_HEADER(self.source, head_row, 1))
            return
        for row, cells in track(rows[1:], len(rows) - 1, "导入 / importing"):
            doc = self.convert(row, cells, columns)
            if doc is not None and self.check(row, doc):
                self.write(row, doc)
        self.finish()


def import_file(source: str, data: str, agency: str, published: dt.date) -> Importer:
    """Import `source` into `data` for `agency`; the importer holds the report and the files written."""
    imp = Importer(data, agency, source, published)
    imp.run()
    return imp
