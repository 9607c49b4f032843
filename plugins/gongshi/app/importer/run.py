"""One import run: the rows of a sheet typed, checked and planned as decision files, then written.

Each row is typed through the decision schema; a bad cell is reported at its row and column of
the spreadsheet, and only good rows are written, one file each. The target folders are listed
once, and every file is written at the end (staging.py), so a killed or failed import leaves no
half-done data. With `update`, rows whose document number exists fill in or change that record.
"""
from __future__ import annotations

import copy
import datetime as dt
import os
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from gongshi.model.findings import WARNING, Report
from gongshi.model.kinds.decision import DecisionKind
from gongshi.model.schema import Ctx
from gongshi.model.yamlwrite import dump
from gongshi.model.yamlread import parse
from gongshi.model.kinds import Record
from gongshi.publication import scheduled_last_day
from gongshi.publication.shuanggongshi import AGENCY, AGENCY_CODE, LAST_DAY, LONG_TERM, PARTY_TYPE, WAN_YUAN
from gongshi.runtime.progress import track
from gongshi.app.templates import schema_link
from gongshi.model.kinds.decision import slug_prefix
from gongshi.app.importer.cells import (DATES, SPLIT, get_path, make_title, ordered, parse_basis,
                                        set_path, shown, to_date, to_yuan, unguard)
from gongshi.app.importer.directory import Directory
from gongshi.app.importer.columns import PENALTY_HEADERS, PERMIT_HEADERS, header_index, header_map, ignored, normalize
from gongshi.app.importer.messages import (BAD_CELL, BAD_ROW, DOC_NO_TAKEN, DUPLICATE, FORMULA, LAST_DAY_DIFFERS,
                                           MASKS_KEPT, NAMES_MASKED, NO_AGENCY, OFFICERS_OPTION, NO_HEADER, NO_OFFICER, NOT_READABLE,
                                           PERSONAL_DATA, PERSONAL_ID, TOO_BIG, UNKNOWN_COLUMN, WHICH_SHEET, WRONG_AGENCY)
from gongshi.app.importer.redaction import masked_form_of, protect, shown_name, what
from gongshi.app.importer.site import site_policy
from gongshi.app.importer.sheet import Formula, NoSheet, TooLarge, cell_name, read_sheet
from gongshi.app.importer.staging import write_staged


class Importer:
    """Turns the rows of one spreadsheet into decision records of one agency (or, by_agency, of
    the agency each row names); `update` fills missing or changed fields of records already
    imported (by document number) and keeps the difference in `changes`."""

    def __init__(self, data: str, agency: str | None, source: str, published: dt.date,
                 by_agency: bool = False, update: bool = False, sheet: str | None = None,
                 officers: list[str] | None = None) -> None:
        self.data, self.agency, self.source, self.published = data, agency, source, published
        self.sheet = sheet                       # --sheet: the worksheet asked for
        self.officers = officers or []           # --officers: of every row that names none
        self.default_officers: dict[str, list[str] | None] = {}  # agency -> their ids (None: unresolved)
        self.sheet_name: str | None = None       # the worksheet read (None: a CSV file)
        self.sheet_names: list[str] = []
        self.title_rows: list[int] = []          # rows above the headers read past (a title)
        self.by_agency, self.update = by_agency, update
        self.report = Report()
        self.written: list[str] = []
        self.changes: list[tuple[str, int, list[tuple[str, str, str, str]]]] = []  # (path, row, [(cell, field, old, new)])
        self.next_number: dict[str, int] = {}
        self.headers: dict[int, str] = {}
        self.columns: list[tuple[int, str, str]] = []
        self.penalty_sheet = False
        self.permit_sheet = False
        self.directory = Directory(data, agency, by_agency)
        # The directory's tables, by their old names: what the rows are resolved against.
        self.agencies, self.taken = self.directory.agencies, self.directory.taken
        self.known, self.listed = self.directory.known, self.directory.listed
        self.pending: list[tuple[str, str]] = []  # (path, text) written by finish()
        self.planned: dict[str, dict[str, Any]] = {}  # doc_no -> the record planned in this run
        self.policy = site_policy(data)
        self.masked: list[tuple[int, str]] = []       # (row, mask) of every name the policy masked
        self.kept: list[tuple[int, str]] = []         # (row, cell) of masked values --update kept
        self.last_days: dict[int, tuple[int, str, dt.date]] = {}  # row -> the sheet's 公示截止期 cell

    def cell_error(self, row: int, col: int, header: str, zh: str, en: str, hint_zh: str, hint_en: str) -> None:
        self.report.add(BAD_CELL(self.source, row, col, cell=cell_name(row, col), row=row, header=header, problem=zh,
                                 problem_en=en, hint_zh=hint_zh, hint_en=hint_en))

    def _target(self, row: int, cells: list[Any], columns: list[tuple[int, str, str]]) -> str | None:
        """The agency a row belongs to, after checking what its 处罚机关 / 许可机关 columns say."""
        target = self.agency
        for col, header, path in columns:
            if path not in (AGENCY, AGENCY_CODE):
                continue
            value = cells[col - 1] if col - 1 < len(cells) else None
            if value is None or isinstance(value, Formula) or not str(value).strip():
                continue
            value = str(value).strip()
            slug = self.directory.agency_of(value)
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
            col = next((c for c, _h, p in columns if p == AGENCY), 1)
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
            value = unguard(cells[col - 1]) if col - 1 < len(cells) else None
            if isinstance(value, Formula):
                ok = False
                self.report.add(FORMULA(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                        formula=value.formula[:60]))
                continue
            if value is None or not str(value).strip() or path in (AGENCY, AGENCY_CODE):
                continue
            if path == LAST_DAY:
                day = to_date(value)
                if day is None:
                    ok = False
                    self.cell_error(row, col, header, f"“{value}”不是有效日期", f"'{value}' is not a valid date",
                                    "写成 2024-03-05 或 2024年3月5日，或留空（按公示期限计算）",
                                    "write 2024-03-05 or 2024年3月5日, or leave it empty (computed from the window)")
                elif check_ids and row not in self.last_days:  # a row of the sheet, not an export's baseline
                    self.last_days[row] = (col, header, day)
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
                    found = self.directory.officer(slug, token, path == "@certificates")
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
                value = PARTY_TYPE.get(str(value).strip(), str(value).strip())
            elif isinstance(value, float) and value.is_integer():
                value = str(int(value))  # a code or number typed into a numeric cell
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            elif isinstance(value, str):
                value = value.strip()
            set_path(doc, path, value)
        if check_ids and self.officers and not doc.get("officers"):
            default = self._default_officers(slug)
            if default is None:
                ok = False
            else:
                doc["officers"] = default
        if not ok:
            return None
        if self.penalty_sheet:  # a 双公示 sheet has no category column
            doc.setdefault("category", "行政处罚")
        elif self.permit_sheet:
            doc.setdefault("category", "行政许可")
        return doc

    def _default_officers(self, slug: str) -> list[str] | None:
        """The ids --officers names in the agency's roster (once an agency); None, after one
        error for each token the roster lacks, when one does not resolve."""
        if slug not in self.default_officers:
            ids: list[str] = []
            for token in self.officers:
                found = self.directory.officer(slug, token, False) or self.directory.officer(slug, token, True)
                if found is None:
                    self.report.add(OFFICERS_OPTION(self.source, 0, 0, value=token, agency=slug))
                else:
                    ids.append(found)
            self.default_officers[slug] = list(dict.fromkeys(ids)) if len(ids) == len(self.officers) else None
        return self.default_officers[slug]

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

    def protect(self, row: int, doc: dict[str, Any], old: dict[str, Any] | None = None) -> bool:
        """Apply the site's redaction policy to a row (redaction.py): names masked, masked values
        of the record kept (--update); False, after reporting each cell, when the row brings in
        other personal data."""
        done = protect(doc, self.policy, old)
        for _keys, m in done.masked if not done.refused else ():  # counted when the row goes in
            self.masked.append((row, m))
        for keys in done.kept:
            col = self._column_of(keys)
            self.kept.append((row, cell_name(row, col) if col else f"{row}"))
        for refusal in done.refused:
            col = self._column_of(refusal.keys)
            zh, en = what(refusal.kind)
            self.report.add(PERSONAL_DATA(self.source, row, col, cell=cell_name(row, col) if col else f"{row}", row=row,
                                          header=self.headers.get(col, ""), what=zh, what_en=en,
                                          mask=refusal.mask or "（手工改写）"))
        return not done.refused

    def _column_of(self, keys: tuple[Any, ...]) -> int:
        """The sheet's column that filled a key path of the record (0: none)."""
        path = ".".join(str(k) for k in keys if not isinstance(k, int))
        return next((c for c, _h, p in self.columns if p == path or path.startswith(p + ".")), 0)

    def _same_decision(self, row: int, doc: dict[str, Any], other: dict[str, Any], path: str) -> bool:
        """Whether a row and a record with its document number are one decision (the same party,
        its name masked or not); if not, an error naming both."""
        mine, theirs = doc.get("party") or {}, other.get("party") or {}
        codes = (mine.get("credit_code"), theirs.get("credit_code"))
        names = (str(mine.get("name") or ""), str(theirs.get("name") or ""))
        same = names[0] == names[1] or masked_form_of(names[1], names[0]) or masked_form_of(names[0], names[1])
        if all(codes):
            same = codes[0] == codes[1]
        if same or not all(names):
            return True
        col = next((c for c, _h, p in self.columns if p == "party.name"), self._doc_col())
        shown_names = [shown_name(n, p, self.policy) for n, p in zip(names, (mine, theirs))]
        self.report.add(DOC_NO_TAKEN(self.source, row, col, cell=cell_name(row, self._doc_col()), row=row,
                                     doc_no=doc.get("doc_no", ""), path=path, other=shown_names[1], party=shown_names[0]))
        return False

    def compare_last_day(self, row: int, doc: dict[str, Any]) -> None:
        """The sheet's 公示截止期 / 处罚有效期 against the day the window and withdrawal give."""
        if row not in self.last_days:
            return
        col, header, sheet = self.last_days[row]
        computed = scheduled_last_day(Record("decision", self.source, doc), self.policy)
        if computed != sheet:
            self.report.add(LAST_DAY_DIFFERS(self.source, row, col, cell=cell_name(row, col), row=row, header=header,
                                             sheet=sheet.isoformat(),
                                             computed=computed.isoformat() if computed else "无期限（公示至撤销）/ no end"))

    def write(self, row: int, doc: dict[str, Any], agency: str | None = None) -> None:
        """Plan a good row's file agencies/<agency>/decisions/<yyyy>/<slug>.yml (finish() writes)."""
        agency = agency or self.agency or ""
        doc_no = str(doc.get("doc_no", ""))
        if doc_no in self.known:
            path = self.known[doc_no]
            found = self.planned.get(doc_no) or (self._existing(path) or ("", {}))[1]
            if self._same_decision(row, doc, found, path):
                self.report.add(DUPLICATE(self.source, row, self._doc_col(), cell=cell_name(row, self._doc_col()),
                                          row=row, doc_no=doc_no, path=path))
            return
        doc.setdefault("published", self.published)
        doc.setdefault("status", "有效")
        self.compare_last_day(row, doc)
        if not doc.get("title") and make_title(doc):
            doc["title"] = make_title(doc)
        year = doc["decided"].year
        folder = os.path.join(self.data, "agencies", agency, "decisions", str(year))
        prefix = f"{slug_prefix(doc.get('category'))}-{year}"
        names = self.taken.setdefault(f"{agency}/{year}", set())
        key = f"{agency}/{prefix}"
        number = self.next_number.get(key)
        if number is None:  # the folder's names were listed once, in Directory.read_folder
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
        self.planned[doc_no] = doc

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
        if not self._same_decision(row, doc, old, path) or not self.protect(row, doc, old):
            return
        exported = self._exported(old, agency)
        width = max([len(cells), *self.headers])
        baseline_cells = [exported.get(normalize(self.headers.get(c, "")), None) for c in range(1, width + 1)]
        covered = [(c, h, p) for c, h, p in self.columns if baseline_cells[c - 1] is not None]
        baseline = self.convert(row, baseline_cells, covered, agency, check_ids=False) or {}
        new = copy.deepcopy(old)
        diff: list[tuple[str, str, str, str]] = []
        for col, header, field_path in self.columns:
            fp = "officers" if field_path == "@certificates" else field_path
            if fp.startswith("@") or fp == "category":
                continue
            value = get_path(doc, fp)
            if value in (None, "", []):
                continue  # an empty cell never deletes
            before = get_path(baseline, fp) if baseline_cells[col - 1] is not None else get_path(old, fp)
            if value == before or (shown(value) == shown(get_path(old, fp))):
                continue
            if masked_form_of(get_path(old, fp), value):
                continue  # a masked value in the data is canonical: never unmasked by a sheet
            set_path(new, fp, value)
            diff.append((cell_name(row, col), fp, shown(get_path(old, fp)), shown(value)))
        if doc.get("officers") and not old.get("officers") and not any(p in ("officers", "@certificates") for _c, _h, p in self.columns):
            new["officers"] = doc["officers"]  # --officers for a record that names none
            diff.append(("--officers", "officers", "", shown(doc["officers"])))
        self.compare_last_day(row, new)
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
        self.written.extend(write_staged(self.data, self.listed, self.pending))

    def run(self) -> None:
        """Read, convert, check and write (or, with update, merge) every row."""
        try:
            sheet = read_sheet(self.source, self.sheet)
        except NoSheet as exc:
            names, wanted = exc.args
            reason = (f"没有名为“{wanted}”的工作表", f"there is no sheet named '{wanted}'") if wanted else (
                "打开时显示的工作表是隐藏的或是空的", "the sheet the workbook opens at is hidden or empty")
            self.report.add(WHICH_SHEET(self.source, 0, 0, reason=reason[0], reason_en=reason[1],
                                        names="、".join(names) or "（无）", example=(names or ["Sheet1"])[0]))
            return
        except TooLarge as exc:
            zh, en, limit = exc.args
            self.report.add(TOO_BIG(self.source, 0, 0, what=zh, what_en=en, limit=limit))
            return
        except Exception as exc:  # a broken file is a finding for the clerk, not a traceback
            self.report.add(NOT_READABLE(self.source, 0, 0, error=f"{type(exc).__name__}: {exc}"))
            return
        self.sheet_name, self.sheet_names = sheet.name, sheet.names
        rows = sheet.rows
        known, skip = header_map(), ignored()
        if not rows:
            self.report.add(NO_HEADER(self.source, 1, 1))
            return
        first = header_index(rows, known)
        self.title_rows = [number for number, _cells in rows[:first]]
        rows = rows[first:]
        head_row, head = rows[0]
        columns: list[tuple[int, str, str]] = []
        self.headers = {col: str(h).strip() for col, h in enumerate(head, 1) if h is not None}
        for col, h in enumerate(head, 1):
            name = normalize(h or "")
            if not name or name in skip:
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
            self.directory.read_folder(agency)
            doc = self.convert(row, cells, columns, agency)
            if doc is None:
                continue
            repeat = str(doc.get("doc_no", "")) in self.known
            if self.update and repeat:
                self.merge(row, cells, doc)
            elif repeat:
                self.write(row, doc, agency)  # a repeat (warned) or a collision (an error): nothing is written
            elif self.protect(row, doc) and self.check(row, dict(doc, published=doc.get("published", self.published),
                                                                 status=doc.get("status", "有效"))):
                self.write(row, doc, agency)
        self.summarise()
        self.finish()

    def summarise(self) -> None:
        """One line for what the policy did to the whole sheet, not one a row."""
        if self.masked:
            row, example = self.masked[0]
            self.report.add(NAMES_MASKED(self.source, row, 0, count=len(self.masked),
                                         rows=len({r for r, _m in self.masked}), row=row, example=example))
        if self.kept:
            row, cell = self.kept[0]
            self.report.add(MASKS_KEPT(self.source, row, 0, count=len(self.kept),
                                       rows=len({r for r, _c in self.kept}), cell=cell))
