"""The 双公示 export: penalties and permits in the national "double publicity" columns.

Credit platforms import these files as they are, so the column names and their order are the
national ones; amounts are in 万元 (yuan / 10,000) with at most six decimals.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Mapping
from typing import Any, Callable, Iterator

from gongshi.publication.text import legal_refs, plain_text, xml_safe
from gongshi.publication import Publication
from gongshi.publication import PublicRecord as Record
from gongshi.publication import shuanggongshi as columns
from gongshi.publication.shuanggongshi import COLUMNS, LONG_TERM, PARTY_CLASS, PENALTY, PERMIT

# The national layouts as credit platforms' importers implement them (issue 15), in order:
# (column, how it is filled), from the one declaration the importer reads too
# (publication/shuanggongshi.py). The data page and the dictionary show this, so an agency can
# check the mapping. 行政相对人代码_2 … _6 are the codes that predate the unified credit code: the
# record keeps only the credit code, so they stay empty (a platform accepts any one of the six).
PARTY_COLUMNS: list[tuple[str, str]] = [(c, how) for c, _path, how in columns.PARTY_COLUMNS]
PENALTY_COLUMNS: list[tuple[str, str]] = [(c, how) for c, _path, how in COLUMNS[PENALTY]]
PERMIT_COLUMNS: list[tuple[str, str]] = [(c, how) for c, _path, how in COLUMNS[PERMIT]]
__all__ = ["LONG_TERM", "PARTY_CLASS", "PENALTY", "PERMIT", "EXPORTS", "header", "records", "rows",
           "penalty_cells", "permit_cells", "wanyuan"]
_MICRO = Decimal("0.000001")


def wanyuan(amount: Any) -> str:
    """Yuan as 万元 text with at most six decimals and no trailing zeros; '' when absent."""
    if amount is None or isinstance(amount, bool):
        return ""
    value = (Decimal(str(amount)) / Decimal(10000)).quantize(_MICRO, rounding=ROUND_HALF_UP)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _iso(day: Any) -> str:
    return day.isoformat() if isinstance(day, dt.date) else ""


def _party(d: Any) -> dict[str, str]:
    """The party columns: a natural person's identifiers (and every ID document) stay empty."""
    party = d.get("party") or {}
    natural = party.get("type") == "自然人"
    out = dict.fromkeys((c for c, _how in PARTY_COLUMNS), "")
    out.update({"行政相对人名称": party.get("name", ""), "行政相对人类别": PARTY_CLASS.get(party.get("type", ""), ""),
                "行政相对人代码_1（统一社会信用代码）": "" if natural else party.get("credit_code", ""),
                "法定代表人": "" if natural else party.get("legal_representative", "")})
    return out


def remark_text(d: Any, history: Any) -> str:
    """备注: the record's remark, and the last correction when the decision was corrected."""
    parts = [d.get("remark") or ""]
    fixes = list(history or ())  # as of the build day, oldest first
    if d.get("status") == "已更正" and fixes:
        last = fixes[-1]
        parts.append(f"{last['date'].isoformat()}{last['action']}：{last['note']}")
    return "；".join(p for p in parts if p)


def _source(d: Any, agency: Mapping[str, Any], history: Any) -> dict[str, str]:
    return {"数据来源单位": agency.get("name", ""), "数据来源单位统一社会信用代码": agency.get("credit_code", ""),
            "备注": remark_text(d, history)}


def penalty_cells(d: Any, agency: Mapping[str, Any], last_day: dt.date | None, history: Any = ()) -> dict[str, str]:
    """One 行政处罚 decision's cells by column name (`d`: the record's public data)."""
    pen = d.get("penalty") or {}
    until = _iso(last_day)
    return {**_party(d), "行政处罚决定书文号": d.get("doc_no", ""), "违法行为类型": d.get("violation_type", ""),
            "违法事实": plain_text(d.get("facts")), "处罚依据": legal_refs(d.get("basis")),
            "处罚类别": "；".join(pen.get("kinds") or []), "处罚内容": d.get("result", ""),
            "罚款金额（万元）": wanyuan(pen.get("fine")),
            "没收违法所得、没收非法财物的金额（万元）": wanyuan(pen.get("confiscated")),
            "暂扣或吊销证照名称及编号": pen.get("license", ""), "处罚决定日期": _iso(d.get("decided")),
            "处罚有效期": until, "公示截止期": until, "处罚机关": agency.get("name", ""),
            "处罚机关统一社会信用代码": agency.get("credit_code", ""), **_source(d, agency, history)}


def permit_cells(d: Any, agency: Mapping[str, Any], last_day: dt.date | None, history: Any = ()) -> dict[str, str]:
    """One 行政许可 decision's cells by column name (`d`: the record's public data)."""
    permit = d.get("permit") or {}
    return {**_party(d), "行政许可决定文书名称": permit.get("document") or d.get("title") or "行政许可决定书",
            "行政许可决定文书号": d.get("doc_no", ""), "许可类别": permit.get("type") or "其他",
            "许可证书名称": permit.get("certificate", ""), "许可编号": permit.get("number", ""),
            "许可内容": d.get("result", ""), "许可决定日期": _iso(d.get("decided")),
            "有效期自": _iso(permit.get("valid_from") or d.get("decided")),
            "有效期至": _iso(permit.get("valid_until") or last_day) or LONG_TERM,
            "许可机关": agency.get("name", ""), "许可机关统一社会信用代码": agency.get("credit_code", ""),
            "当前状态": permit.get("state") or "有效", **_source(d, agency, history)}


def penalty_row(rec: Record, agency: Mapping[str, Any], ps: Publication) -> list[str]:
    """One 行政处罚 decision in PENALTY_COLUMNS order (the window's last day from the view)."""
    cells = penalty_cells(rec.data, agency, rec.last_day, rec.history)
    return [cells[c] for c, _how in PENALTY_COLUMNS]


def permit_row(rec: Record, agency: Mapping[str, Any], ps: Publication) -> list[str]:
    """One 行政许可 decision in PERMIT_COLUMNS order (the window's last day from the view)."""
    cells = permit_cells(rec.data, agency, rec.last_day, rec.history)
    return [cells[c] for c, _how in PERMIT_COLUMNS]


# name -> (file stem, title, category, columns, row function)
EXPORTS: dict[str, tuple[str, str, str, list[tuple[str, str]],
                         Callable[[Record, Mapping[str, Any], Publication], list[str]]]] = {
    "xzcf": ("shuanggongshi-xzcf", "双公示 行政处罚", PENALTY, PENALTY_COLUMNS, penalty_row),
    "xzxk": ("shuanggongshi-xzxk", "双公示 行政许可", PERMIT, PERMIT_COLUMNS, permit_row),
}


def header(name: str) -> list[str]:
    """The column names of one export, in the national order."""
    return [c for c, _how in EXPORTS[name][3]]


def records(name: str, ps: Publication, decisions: list[Record] | None = None) -> Iterator[tuple[str, list[str]]]:
    """(agency, row) for each public decision of the export's category, XML/CSV-safe."""
    _stem, _title, category, _cols, make = EXPORTS[name]
    for rec in ps.decisions if decisions is None else decisions:
        vis = ps.status.get(rec.uid)
        if rec.data.get("category") != category or vis is None or not vis.public:
            continue
        yield rec.agency or "", [xml_safe(str(v)) for v in make(rec, ps.agencies[rec.agency or ""].data, ps)]


def rows(name: str, ps: Publication, decisions: list[Record] | None = None) -> list[list[str]]:
    """The header and rows of one export over `decisions` (default: all public ones)."""
    return [header(name), *(row for _agency, row in records(name, ps, decisions))]
