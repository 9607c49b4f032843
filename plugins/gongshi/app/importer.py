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

import copy
import csv
import datetime as dt
import os
import re
import io
import shutil
import tempfile
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator

from gongshi.model.findings import WARNING, Msg, Report
from gongshi.model.kinds.decision import DecisionKind
from gongshi.model.schema import NUMBER_MAX, Ctx, Field, Obj
from gongshi.model.yamlwrite import dump
from gongshi.model.yamlread import parse
from gongshi.runtime.progress import track
from gongshi.app.templates import schema_link

BAD_CELL = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：{problem}",
               "cell {cell} (row {row}, column '{header}'): {problem_en}",
               "{hint_zh}", "{hint_en}")
BAD_ROW = Msg("R-FORMAT", "第 {row} 行（{cell}）：{problem}", "row {row} ({cell}): {problem_en}",
              "改正该行后重新导入；其他行已正常导入", "fix the row and import again; the other rows were imported")
UNKNOWN_COLUMN = Msg("R-FORMAT", "不认识的列“{header}”（{cell}），已忽略", "unknown column '{header}' ({cell}) ignored",
                     "列名应为 docs/format.md 中字段的中文名称或双公示列名，例如 {examples}",
                     "headers are the Chinese field titles or the 双公示 columns, e.g. {examples}", severity=WARNING)
NO_HEADER = Msg("R-FORMAT", "表格中没有可识别的表头（需要 行政处罚决定书文号 或 文书编号 等列）",
                "no recognisable header row (needs a column such as 行政处罚决定书文号 or 文书编号)",
                "第一行应为列名", "the first row must hold the column names")
DUPLICATE = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行）：文书编号“{doc_no}”已存在（{path}），未重复导入",
                "cell {cell} (row {row}): document number '{doc_no}' already exists ({path}); not imported again",
                "如需用表格中的内容补充或修改已有记录，加 --update 重新导入；也可直接编辑已有文件",
                "import again with --update to fill in or change the existing record from the sheet, or edit the file",
                severity=WARNING)
WRONG_AGENCY = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：“{value}”不是 {agency}（{name}），该行未导入",
                   "cell {cell} (row {row}, column '{header}'): '{value}' is not {agency} ({name}); the row was not imported",
                   "只导入本主体的决定；多个主体的表格用 --by-agency 导入，按处罚机关分别归档",
                   "import only this agency's rows; for a sheet of several agencies use --by-agency, which files each row "
                   "under the agency it names")
NO_AGENCY = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：“{value}”不是本平台的执法主体，该行未导入",
                "cell {cell} (row {row}, column '{header}'): '{value}' is no agency of this portal; the row was not imported",
                "写执法主体的全称或统一社会信用代码（与 agencies/<编号>/agency.yml 一致），或先建立该主体",
                "give the agency's full name or credit code as in agencies/<slug>/agency.yml, or create the agency first")
NO_OFFICER = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：执法人员名录中没有“{value}”",
                 "cell {cell} (row {row}, column '{header}'): '{value}' is not in the roster",
                 "写 officers.yml 中的人员编号、姓名或执法证号；同名的人员请写编号",
                 "give the id, name or certificate number of officers.yml; for namesakes give the id")
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

# 双公示 columns (national credit exchange format, both layouts) -> the decision field they fill.
# Paths starting with @ are not record fields: the agency a row names, and officers by name or
# certificate number, resolved against agency.yml and officers.yml.
SHUANG = {
    "行政相对人名称": "party.name", "行政相对人类别": "party.type", "行政相对人代码": "party.credit_code",
    "统一社会信用代码": "party.credit_code", "法定代表人": "party.legal_representative",
    "行政处罚决定书文号": "doc_no", "违法行为类型": "violation_type", "违法事实": "facts",
    "处罚依据": "basis", "处罚类别": "penalty.kinds", "处罚内容": "result", "罚款金额(万元)": "penalty.fine",
    "没收违法所得金额(万元)": "penalty.confiscated", "没收违法所得、没收非法财物的金额(万元)": "penalty.confiscated",
    "暂扣或吊销证照名称及编号": "penalty.license", "处罚决定日期": "decided",
    "行政许可决定文书名称": "permit.document", "行政许可决定文书号": "doc_no", "许可类别": "permit.type",
    "许可证书名称": "permit.certificate", "许可编号": "permit.number", "许可内容": "result",
    "许可决定日期": "decided", "有效期自": "permit.valid_from", "有效期至": "permit.valid_until",
    "当前状态": "permit.state", "备注": "remark",
    "处罚机关": "@agency", "许可机关": "@agency", "执法主体": "@agency",
    "处罚机关统一社会信用代码": "@agency_code", "许可机关统一社会信用代码": "@agency_code",
    "执法人员": "officers", "承办人员": "officers", "执法证号": "@certificates", "执法证件号": "@certificates",
}
# 双公示 columns that describe the credit platform's own window, the sender, a natural person's or a
# representative's ID documents (never taken), or codes the unified credit code replaced.
IGNORED = ("处罚有效期", "公示截止期", "数据来源单位", "数据来源单位统一社会信用代码", "备注说明",
           "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码", "行政相对人代码(其他)")
PENALTY_HEADERS = ("行政处罚决定书文号", "处罚决定日期", "处罚类别", "罚款金额(万元)")
PERMIT_HEADERS = ("行政许可决定文书号", "许可决定日期", "许可类别", "许可内容")
DATES = ("decided", "published", "legal_review.date", "permit.valid_from", "permit.valid_until")
LONG_TERM = "2099-12-31"  # the export's "long term" 有效期至: no end on record
# 行政相对人代码, 行政相对人代码_1, 行政相对人代码(统一社会信用代码), 行政相对人代码_3(组织机构代码) …
CODE_HEADER = re.compile(r"行政相对人代码(?:_(\d))?(?:\((.*)\))?")
PARTY_TYPES = {"法人及非法人组织": "法人", "法人": "法人", "非法人组织": "非法人组织", "个体工商户": "个体工商户",
               "自然人": "自然人"}
WAN_YUAN = {"penalty.fine", "penalty.confiscated"}  # 万元 columns, stored in yuan
PREFIX = {"行政处罚": "cf", "行政许可": "xk", "行政检查": "jc", "行政强制": "qz"}
SPLIT = re.compile(r"[；;、，,\n]+")
DATE_FORMS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
              re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
              re.compile(r"(\d{4})(\d{2})(\d{2})"))


def normalize(header: str) -> str:
    """A header without spaces, required-markers or full-width parentheses; the party's code
    columns as 行政相对人代码 (the credit code: _1, or named so, or unnumbered) or 行政相对人代码(其他)."""
    h = str(header).strip().replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")
    h = h.strip("*＊").removesuffix("(必填)").removesuffix("(选填)").strip("*＊")
    code = CODE_HEADER.fullmatch(h)
    if code:
        number, name = code.groups()
        if (name or "统一社会信用代码") == "统一社会信用代码" and number in (None, "1"):
            return "行政相对人代码"
        return "行政相对人代码(其他)"
    return re.sub(r"_\d+(\(.*\))?$", "", h)


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
            cells: list[Any] = list(vrow)
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
    text = str(value).strip().replace(",", "")
    if len(text) > 40:  # no amount needs more: thousands of digits are a paste, not a fine
        return None
    try:
        amount = Decimal(text) * 10000
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount) >= NUMBER_MAX:  # nan, inf, 1e999: the schema's ceiling
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


def _get(doc: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(doc, dict):
            return None
        doc = doc.get(part)  # type: ignore[assignment]
    return doc


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "；".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return "".join(_shown(v) for v in value.values())
    return "" if value is None else str(value)


def make_title(doc: dict[str, Any]) -> str | None:
    """A case title from the party and the violation (某某公司销售过期食品案), for rows without one."""
    name = str(_get(doc, "party.name") or "")
    if not name:
        return None
    if doc.get("violation_type"):
        return f"{name}{doc['violation_type']}案"
    if doc.get("category") == "行政许可":
        return f"{name}{_get(doc, 'permit.certificate') or '行政许可'}"
    return None


class Importer:
    """Turns the rows of one spreadsheet into decision records of one agency (or, by_agency, of
    the agency each row names); `update` fills missing or changed fields of records already
    imported (by document number) and keeps the difference in `changes`."""

    def __init__(self, data: str, agency: str | None, source: str, published: dt.date,
                 by_agency: bool = False, update: bool = False) -> None:
        self.data, self.agency, self.source, self.published = data, agency, source, published
        self.by_agency, self.update = by_agency, update
        self.report = Report()
        self.written: list[str] = []
        self.changes: list[tuple[str, int, list[tuple[str, str, str, str]]]] = []  # (path, row, [(cell, field, old, new)])
        self.next_number: dict[str, int] = {}
        self.headers: dict[int, str] = {}
        self.columns: list[tuple[int, str, str]] = []
        self.penalty_sheet = False
        self.permit_sheet = False
        self.agencies = self._agencies()
        self.rosters: dict[str, list[dict[str, Any]]] = {}
        # File names of every year folder, listed once (not once per row): (agency/)year -> names.
        self.taken: dict[str, set[str]] = {}
        self.known: dict[str, str] = {}
        self.listed: set[str] = set()
        for slug in (self.agencies if by_agency else [agency] if agency else []):
            self._list(slug)
        self.pending: list[tuple[str, str]] = []  # (path, text) written by finish()

    def _agencies(self) -> dict[str, dict[str, Any]]:
        import yaml
        out: dict[str, dict[str, Any]] = {}
        base = os.path.join(self.data, "agencies")
        # Only the named agency unless rows are filed by the agency they name (listed once).
        slugs = sorted(os.listdir(base)) if self.by_agency and os.path.isdir(base) else [self.agency or ""]
        for slug in slugs:
            path = os.path.join(base, slug, "agency.yml")
            if slug.startswith(".") or not os.path.isfile(path):
                continue
            try:
                with open(path, encoding="utf-8") as fh:
                    data = yaml.safe_load(fh) or {}
            except (OSError, yaml.YAMLError):
                data = {}
            out[slug] = data if isinstance(data, dict) else {}
        return out

    def _agency_of(self, value: str) -> str | None:
        """The agency whose slug, name, short name or credit code `value` is."""
        v = value.strip().upper()
        for slug, a in self.agencies.items():
            names = {slug, str(a.get("name") or ""), str(a.get("short_name") or ""), str(a.get("credit_code") or "")}
            if v in {n.strip().upper() for n in names if n}:
                return slug
        return None

    def _list(self, slug: str) -> None:
        """The agency's decision files and document numbers, listed once."""
        from gongshi.model.paths import safe_walk
        if slug in self.listed:
            return
        self.listed.add(slug)
        folder = os.path.join(self.data, "agencies", slug, "decisions")
        files, _refused = safe_walk(folder, suffixes=(".yml",))  # validate reports what it refuses
        for path, rel, _mtime in files:
            self.taken.setdefault(f"{slug}/{os.path.dirname(rel)}", set()).add(os.path.basename(rel))
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    m = re.search(r"^doc_no:\s*(.+?)\s*$", fh.read(), re.M)
            except OSError:
                continue
            if m:
                self.known[m.group(1).strip("'\"")] = path

    def _roster(self, slug: str) -> list[dict[str, Any]]:
        import yaml
        if slug not in self.rosters:
            try:
                with open(os.path.join(self.data, "agencies", slug, "officers.yml"), encoding="utf-8") as fh:
                    people = yaml.safe_load(fh) or []
            except (OSError, yaml.YAMLError):
                people = []
            self.rosters[slug] = [p for p in people if isinstance(p, dict)] if isinstance(people, list) else []
        return self.rosters[slug]

    def _officer(self, slug: str, token: str, by_certificate: bool) -> str | None:
        """An officer's id from an id, a name (when no namesake) or a certificate number."""
        roster = self._roster(slug)
        if by_certificate:
            found = [p for p in roster if str((p.get("certificate") or {}).get("number") or "").upper() == token.upper()]
        else:
            found = [p for p in roster if str(p.get("id")) == token] or [p for p in roster if str(p.get("name")) == token]
        return str(found[0]["id"]) if len(found) == 1 else None

    def cell_error(self, row: int, col: int, header: str, zh: str, en: str, hint_zh: str, hint_en: str) -> None:
        self.report.add(BAD_CELL(self.source, row, col, cell=cell_name(row, col), row=row, header=header, problem=zh,
                                 problem_en=en, hint_zh=hint_zh, hint_en=hint_en))

    def _target(self, row: int, cells: list[Any], columns: list[tuple[int, str, str]]) -> str | None:
        """The agency a row belongs to, after checking what its 处罚机关 / 许可机关 columns say."""
        target = self.agency
        for col, header, path in columns:
            if path not in ("@agency", "@agency_code"):
                continue
            value = cells[col - 1] if col - 1 < len(cells) else None
            if value is None or isinstance(value, Formula) or not str(value).strip():
                continue
            value = str(value).strip()
            slug = self._agency_of(value)
            if self.by_agency:
                if slug is None:
                    self.report.add(NO_AGENCY(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                              value=value))
                    return None
                if target is not None and target != slug:
                    a = self.agencies[target]
                    self.report.add(WRONG_AGENCY(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                                 value=value, agency=target, name=a.get("name", "")))
                    return None
                target = slug
            elif slug != self.agency:
                a = self.agencies.get(self.agency or "", {})
                self.report.add(WRONG_AGENCY(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                             value=value, agency=self.agency, name=a.get("name", "")))
                return None
        if target is None:
            col = next((c for c, _h, p in columns if p == "@agency"), 1)
            self.report.add(NO_AGENCY(self.source, row, col, cell=cell_name(row, col), row=row,
                                      header=self.headers.get(col, ""), value=""))
        return target

    def convert(self, row: int, cells: list[Any], columns: list[tuple[int, str, str]],
                agency: str | None = None, check_ids: bool = True) -> dict[str, Any] | None:
        """One row as a decision document, or None after reporting its bad cells."""
        doc: dict[str, Any] = {}
        ok = True
        slug = agency or self.agency or ""
        if check_ids:
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
            if value is None or not str(value).strip() or path in ("@agency", "@agency_code"):
                continue
            if path in DATES:
                if path == "permit.valid_until" and str(value).strip()[:10] == LONG_TERM:
                    continue  # 长期: no end
                day = to_date(value)
                if day is None:
                    ok = False
                    self.cell_error(row, col, header, f"“{value}”不是有效日期", f"'{value}' is not a valid date",
                                    "写成 2024-03-05 或 2024年3月5日，并确认日期真实存在",
                                    "write 2024-03-05 or 2024年3月5日, and check the day exists")
                    continue
                value = day
            elif path in WAN_YUAN and "万元" in header:
                value = to_yuan(value)
                if value is None:
                    ok = False
                    self.cell_error(row, col, header, f"“{cells[col - 1]}”不是金额", f"'{cells[col - 1]}' is not an amount",
                                    "只写数字，单位为万元，例如 0.5", "digits only, in 10,000 yuan, e.g. 0.5")
                    continue
            elif path in WAN_YUAN:
                try:
                    amount = Decimal(str(value).strip().replace(",", ""))
                except InvalidOperation:
                    ok = False
                    self.cell_error(row, col, header, f"“{value}”不是金额", f"'{value}' is not an amount",
                                    "只写数字，单位为元，例如 5000", "digits only, in yuan, e.g. 5000")
                    continue
                value = int(amount) if amount == amount.to_integral_value() else float(amount)
            elif path in ("officers", "@certificates"):
                ids = []
                for token in (s.strip() for s in SPLIT.split(str(value))):
                    if not token:
                        continue
                    found = self._officer(slug, token, path == "@certificates")
                    if found is None:
                        ok = False
                        self.report.add(NO_OFFICER(self.source, row, col, cell=cell_name(row, col), row=row,
                                                   header=header, value=token))
                    else:
                        ids.append(found)
                value = list(dict.fromkeys((doc.get("officers") or []) + ids))
                path = "officers"
            elif path == "penalty.kinds":
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
        if self.penalty_sheet:  # a 双公示 sheet has no category column
            doc.setdefault("category", "行政处罚")
        elif self.permit_sheet:
            doc.setdefault("category", "行政许可")
        return doc

    def _personal_id(self, row: int, col: int, value: Any) -> bool:
        """Report a resident ID number (18 or 15 digits) in a cell; True when there is one."""
        from gongshi.policy.detectors import ID, ID15, WHAT, detect
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
            self.report.add(BAD_ROW(self.source, row, col, row=row, cell=cell_name(row, col) if col else f"{row}:{row}",
                                    problem=f.message("zh"), problem_en=f.message("en")))
        return not problems

    def _doc_col(self) -> int:
        return next((c for c, _h, p in self.columns if p == "doc_no"), 1)

    def write(self, row: int, doc: dict[str, Any], agency: str | None = None) -> None:
        """Plan a good row's file agencies/<agency>/decisions/<yyyy>/<slug>.yml (finish() writes)."""
        agency = agency or self.agency or ""
        doc_no = str(doc.get("doc_no", ""))
        if doc_no in self.known:
            self.report.add(DUPLICATE(self.source, row, self._doc_col(), cell=cell_name(row, self._doc_col()), row=row,
                                      doc_no=doc_no, path=self.known[doc_no]))
            return
        doc.setdefault("published", self.published)
        doc.setdefault("status", "有效")
        if not doc.get("title") and make_title(doc):
            doc["title"] = make_title(doc)
        year = doc["decided"].year
        folder = os.path.join(self.data, "agencies", agency, "decisions", str(year))
        prefix = f"{PREFIX.get(doc.get('category', ''), 'jd')}-{year}"
        names = self.taken.setdefault(f"{agency}/{year}", set())
        key = f"{agency}/{prefix}"
        number = self.next_number.get(key)
        if number is None:  # the folder's names were listed once, in _list
            number = max([int(m.group(1)) for n in names
                          if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)\.yml", n))], default=0) + 1
        name = f"{prefix}-{number:04d}.yml"
        self.next_number[key] = number + 1
        names.add(name)
        path = os.path.join(folder, name)
        note = f"# 由 gongshi import 从 {os.path.basename(self.source)} 第 {row} 行导入 / imported from row {row}\n"
        text = dump(ordered(doc, DecisionKind.schema))
        self.pending.append((path, schema_link(path, self.data, "decision") + "\n" + note + text))
        self.known[doc_no] = path

    def _existing(self, path: str) -> tuple[str, dict[str, Any]] | None:
        """A record's leading comment lines and typed data, or None when it does not read."""
        from gongshi.model.yamlread import read_file
        root, findings = read_file(path)
        ctx = Ctx(path)
        data = DecisionKind.schema.check(root, "", ctx) if root is not None else None
        if not isinstance(data, dict) or any(f.severity != WARNING for f in findings):
            return None
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        head = "".join(line + "\n" for line in lines[:next((i for i, x in enumerate(lines) if not x.startswith("#")),
                                                             len(lines))])
        return head, data

    def _exported(self, data: dict[str, Any], agency: str) -> dict[str, str]:
        """What the 双公示 export shows of an existing record, by normalised column name."""
        from gongshi.outputs.opendata.shuanggongshi import penalty_cells, permit_cells
        make = permit_cells if data.get("category") == "行政许可" else penalty_cells
        cells = make(data, self.agencies.get(agency, {}), None, data.get("history") or ())
        return {normalize(k): v for k, v in cells.items()}

    def merge(self, row: int, cells: list[Any], doc: dict[str, Any]) -> None:
        """--update: fill the existing record's missing fields and change those the sheet changed."""
        path = self.known[str(doc["doc_no"])]
        agency = os.path.relpath(path, os.path.join(self.data, "agencies")).split(os.sep)[0]
        found = self._existing(path)
        if found is None:
            self.report.add(BAD_ROW(self.source, row, self._doc_col(), row=row, cell=cell_name(row, self._doc_col()),
                                    problem=f"已有文件 {path} 有错误，未更新", problem_en=f"the existing file {path} "
                                    "has errors; not updated"))
            return
        head, old = found
        shown = self._exported(old, agency)
        width = max([len(cells), *self.headers])
        baseline_cells = [shown.get(normalize(self.headers.get(c, "")), None) for c in range(1, width + 1)]
        covered = [(c, h, p) for c, h, p in self.columns if baseline_cells[c - 1] is not None]
        baseline = self.convert(row, baseline_cells, covered, agency, check_ids=False) or {}
        new = copy.deepcopy(old)
        diff: list[tuple[str, str, str, str]] = []
        for col, header, field_path in self.columns:
            fp = "officers" if field_path == "@certificates" else field_path
            if fp.startswith("@") or fp == "category":
                continue
            value = _get(doc, fp)
            if value in (None, "", []):
                continue  # an empty cell never deletes
            before = _get(baseline, fp) if baseline_cells[col - 1] is not None else _get(old, fp)
            if value == before or (_shown(value) == _shown(_get(old, fp))):
                continue
            _set(new, fp, value)
            diff.append((cell_name(row, col), fp, _shown(_get(old, fp)), _shown(value)))
        if not diff:
            return
        if not self.check(row, new):
            return
        self.pending.append((path, head + dump(ordered(new, DecisionKind.schema))))
        self.changes.append((path, row, diff))

    def finish(self) -> None:
        """Write every planned file: into a hidden staging folder first (the loader skips hidden
        names), then each moved into place, so a kill or an error before the end leaves nothing
        but that folder; staging folders left by a killed import are removed here."""
        if not self.pending:
            return
        base = os.path.join(self.data, "agencies")
        for folder in [base] + [os.path.join(base, a, "decisions") for a in self.listed]:
            for old in os.listdir(folder) if os.path.isdir(folder) else []:
                if old.startswith(".import-"):
                    shutil.rmtree(os.path.join(folder, old), ignore_errors=True)
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
        """Read, convert, check and write (or, with update, merge) every row."""
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
                                               cell=cell_name(head_row, col),
                                               examples="行政处罚决定书文号、处罚决定日期、公开日期"))
        self.columns = columns
        self.penalty_sheet = any(normalize(h) in PENALTY_HEADERS for _c, h, _p in columns)
        self.permit_sheet = any(normalize(h) in PERMIT_HEADERS for _c, h, _p in columns)
        if not any(p == "doc_no" for _c, _h, p in columns):
            self.report.add(NO_HEADER(self.source, head_row, 1))
            return
        for row, cells in track(rows[1:], len(rows) - 1, "导入 / importing"):
            agency = self._target(row, cells, columns)
            if agency is None:
                continue
            self._list(agency)
            doc = self.convert(row, cells, columns, agency)
            if doc is None:
                continue
            if self.update and str(doc.get("doc_no", "")) in self.known:
                self.merge(row, cells, doc)
            elif self.check(row, dict(doc, published=doc.get("published", self.published),
                                      status=doc.get("status", "有效"))):
                self.write(row, doc, agency)
        self.finish()


def import_file(source: str, data: str, agency: str | None, published: dt.date, by_agency: bool = False,
                update: bool = False) -> Importer:
    """Import `source` into `data` for `agency` (or, by_agency, for the agency each row names);
    the importer holds the report, the files written and, with update, the changes made."""
    imp = Importer(data, agency, source, published, by_agency, update)
    imp.run()
    return imp
