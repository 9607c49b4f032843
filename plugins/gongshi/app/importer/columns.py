"""Which record field each column of a sheet fills: the schema's Chinese titles and the 双公示 columns.

The 双公示 columns come from the one declaration the export writes too
(publication/shuanggongshi.py); the names below are only what other layouts of the national
format call the same fields, and the columns no record field holds.
"""
from __future__ import annotations

import re
from typing import Iterator

from gongshi.model.kinds.decision import DecisionKind
from gongshi.model.schema import Field, Obj
from gongshi.publication import shuanggongshi as sgs

# Other layouts' names for the fields of the declaration, and officers by name or certificate
# number (paths starting with @ are not record fields: resolved against agency.yml and officers.yml).
ALIASES = {
    "行政相对人代码": "party.credit_code", "统一社会信用代码": "party.credit_code",
    "没收违法所得金额(万元)": "penalty.confiscated", "执法主体": sgs.AGENCY,
    "执法人员": "officers", "承办人员": "officers", "执法证号": "@certificates", "执法证件号": "@certificates",
}
# Columns that name a natural person's or a representative's ID documents (never taken), the
# sender, or codes the unified credit code replaced: read past without a word.
IGNORED_EXTRA = ("备注说明", "行政相对人代码(其他)")
PENALTY_HEADERS = ("行政处罚决定书文号", "处罚决定日期", "处罚类别", "罚款金额(万元)")
PERMIT_HEADERS = ("行政许可决定文书号", "许可决定日期", "许可类别", "许可内容")
# 行政相对人代码, 行政相对人代码_1, 行政相对人代码(统一社会信用代码), 行政相对人代码_3(组织机构代码) …
CODE_HEADER = re.compile(r"行政相对人代码(?:_(\d))?(?:\((.*)\))?")


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
    """Normalized header -> field path: the schema's Chinese titles, then the 双公示 columns
    (publication.shuanggongshi, the export's declaration) and their other layouts' names."""
    out: dict[str, str] = {}
    for title, path, _f in _titles(DecisionKind.schema):
        out.setdefault(normalize(title), path)
    out.update({normalize(k): v for k, v in sgs.fields_by_column().items() if v is not None})
    out.update({normalize(k): v for k, v in ALIASES.items()})
    return out


def ignored() -> set[str]:
    """Normalized headers read past without a word: the 双公示 columns no record field holds."""
    return {normalize(k) for k, v in sgs.fields_by_column().items() if v is None} | {
        normalize(k) for k in IGNORED_EXTRA}


TITLE_ROWS = 10  # how far down a sheet the header row is looked for


def header_index(rows: list[tuple[int, list[object]]], known: dict[str, str]) -> int:
    """The index of the header row: the first of the top rows that names the document number
    column. Credit offices put a (merged) title row or two above the headers
    (“2026年11月行政处罚信息”); those rows are read past. 0 when no row does (NO_HEADER then)."""
    for i, (_number, cells) in enumerate(rows[:TITLE_ROWS]):
        if any(known.get(normalize(str(c))) == "doc_no" for c in cells if c is not None):
            return i
    return 0
