"""gongshi import: an agency's spreadsheet (xlsx or csv, Chinese headers) to decision records.

Headers are the Chinese titles of the format's fields (文书编号, 决定日期, 名称或姓名 …) or the
national 双公示 columns (行政相对人名称, 行政处罚决定书文号, 处罚决定日期, 罚款金额(万元) …), read
through the same declaration the 双公示 export writes (publication/shuanggongshi.py), so an
export imports back as it was.

One module per step of the way a row takes:

    sheet.py    reading the sheet (xlsx or CSV, limits, formulas without values)
    columns.py  which field each header fills
    directory.py the agencies, rosters and existing decisions rows are resolved against
    cells.py    a cell's text as a value (dates, 万元, legal bases, lists)
    run.py      the run: rows typed, checked and planned as files (or merged, --update)
    staging.py  every file written at the end, or none
    redaction.py the site's redaction policy on a row; site.py that policy, read once
    summary.py  a message repeated on every row as one line, with a bulk hint
    messages.py what the run says

Safe on real spreadsheets (issue 11): see sheet.py and staging.py; a natural person's resident
ID number in any cell is an error and is never written.
"""
from __future__ import annotations

import datetime as dt

from gongshi.app.importer.columns import header_map, normalize
from gongshi.app.importer.messages import (BAD_CELL, BAD_ROW, DUPLICATE, FORMULA, NO_AGENCY, NO_HEADER, NO_OFFICER,
                                           NOT_READABLE, PERSONAL_ID, TOO_BIG, UNKNOWN_COLUMN, WRONG_AGENCY)
from gongshi.app.importer.run import Importer
from gongshi.app.importer.sheet import read_rows

__all__ = ["BAD_CELL", "BAD_ROW", "DUPLICATE", "FORMULA", "NO_AGENCY", "NO_HEADER", "NO_OFFICER", "NOT_READABLE",
           "PERSONAL_ID", "TOO_BIG", "UNKNOWN_COLUMN", "WRONG_AGENCY", "Importer", "header_map", "import_file",
           "normalize", "read_rows"]


def import_file(source: str, data: str, agency: str | None, published: dt.date, by_agency: bool = False,
                update: bool = False, sheet: str | None = None, officers: list[str] | None = None) -> Importer:
    """Import `source` into `data` for `agency` (or, by_agency, for the agency each row names);
    the importer holds the report, the files written and, with update, the changes made.
    `sheet`: the worksheet to read (default: the one the workbook opens at); `officers`: those of
    every row that names none (--officers)."""
    imp = Importer(data, agency, source, published, by_agency, update, sheet, officers)
    imp.run()
    return imp
