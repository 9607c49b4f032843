"""Reading a spreadsheet: the rows of an xlsx sheet or a CSV file, as they are stored.

Safe on real spreadsheets (issue 11): a formula cell without a cached value is a `Formula`, not
an empty cell; rows are read from the sheet's content, not its stored dimension; a file over
MAX_FILE_BYTES or a sheet over MAX_ROWS rows is refused (`TooLarge`) before and while reading.
"""
from __future__ import annotations

import csv
import io
import os
from typing import Any, Iterator

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


class NoSheet(Exception):
    """The sheet to read is not clear: (the names of the sheets that hold data, the one asked for)."""


def _has_data(ws: Any) -> bool:
    """Whether a worksheet holds any value in its first rows (a header at least)."""
    return any(v not in (None, "") for r in ws.iter_rows(max_row=20, values_only=True) for v in r)


def _pick(wb: Any, wanted: str | None) -> int:
    """Which worksheet to read: `wanted` by name; else the active one (the sheet Excel opens at,
    not the first: a credit office's workbook often keeps its raw ledger hidden in front),
    unless it is hidden or empty while another sheet holds data: then NoSheet asks for --sheet."""
    names = [ws.title for ws in wb.worksheets]
    if wanted is not None:
        if wanted not in names:
            raise NoSheet([n for n, ws in zip(names, wb.worksheets) if _has_data(ws)], wanted)
        return names.index(wanted)
    active = wb.active
    index = wb.worksheets.index(active) if active in wb.worksheets else 0
    ws = wb.worksheets[index]
    if len(names) > 1 and (getattr(ws, "sheet_state", "visible") != "visible" or not _has_data(ws)):
        raise NoSheet([n for n, w in zip(names, wb.worksheets) if _has_data(w)], None)
    return index


class Sheet:
    """What was read: the sheet's name (None for CSV), every sheet's name, the rows."""

    def __init__(self, name: str | None, names: list[str], rows: list[tuple[int, list[Any]]]) -> None:
        self.name, self.names, self.rows = name, names, rows


def _xlsx_rows(path: str, wanted: str | None, meta: dict[str, Any]) -> Iterator[list[Any]]:
    """The chosen sheet's rows as they are stored, whatever the sheet's <dimension> claims;
    a formula cell without a cached value is a Formula, never an empty cell."""
    from openpyxl import load_workbook
    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    try:
        index = _pick(values, wanted)
        ws, wf = values.worksheets[index], formulas.worksheets[index]
        meta.update(name=ws.title, names=[w.title for w in values.worksheets])
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


def read_sheet(path: str, wanted: str | None = None, max_rows: int | None = None) -> Sheet:
    """The rows (row number, cells) of the chosen sheet (see _pick) or the CSV file, blank rows
    dropped; TooLarge when the file or the sheet is over the limits (checked before and while
    reading), NoSheet when the sheet to read is not clear."""
    limit = MAX_ROWS if max_rows is None else max_rows
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"文件 {size:,} 字节", f"{size:,} bytes", f"{MAX_FILE_BYTES:,} 字节 / bytes")
    meta: dict[str, Any] = {"name": None, "names": []}
    source = _xlsx_rows(path, wanted, meta) if path.lower().endswith((".xlsx", ".xlsm")) else _csv_rows(path)
    rows: list[tuple[int, list[Any]]] = []
    for i, r in enumerate(source, 1):
        if i > limit + 1:  # the header row and max_rows rows
            raise TooLarge(f"超过 {limit:,} 行", f"more than {limit:,} rows", f"{limit:,} 行 / rows")
        if any(c not in (None, "") and (isinstance(c, Formula) or str(c).strip()) for c in r):
            rows.append((i, r))
    return Sheet(meta["name"], meta["names"], rows)


def read_rows(path: str, max_rows: int | None = None) -> list[tuple[int, list[Any]]]:
    """The rows of read_sheet."""
    return read_sheet(path, None, max_rows).rows


def cell_name(row: int, col: int) -> str:
    """The spreadsheet's name of a cell: column letter and row, e.g. M12."""
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(col)}{row}"

