"""The 双公示 export: penalties and permits in the national "double publicity" columns.

Credit platforms import these files as they are, so the column names and their order are the
national ones; amounts are in 万元 (yuan / 10,000) with at most six decimals.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Iterator

from ..feeds.text import legal_refs, plain_text, xml_safe
from ..publication import Publication
from ..publication import PublicRecord as Record

PENALTY = "行政处罚"
PERMIT = "行政许可"

# (column, how it is filled) — shown on the data page so an agency can check the mapping.
PENALTY_COLUMNS: list[tuple[str, str]] = [
    ("行政相对人名称", "party.name"),
    ("行政相对人类别", "party.type：法人、非法人组织 → 法人及非法人组织；个体工商户；自然人"),
    ("行政相对人代码", "party.credit_code（统一社会信用代码；自然人不公开证件号码，留空）"),
    ("法定代表人", "party.legal_representative（自然人留空）"),
    ("行政处罚决定书文号", "doc_no"),
    ("违法行为类型", "violation_type"),
    ("违法事实", "facts（纯文本）"),
    ("处罚依据", "basis：《法规名称》条款，多项以“；”分隔"),
    ("处罚类别", "penalty.kinds，多项以“；”分隔"),
    ("处罚内容", "result"),
    ("罚款金额(万元)", "penalty.fine ÷ 10000，最多 6 位小数；未罚款留空"),
    ("没收违法所得金额(万元)", "penalty.confiscated ÷ 10000，最多 6 位小数；未没收留空"),
    ("暂扣或吊销证照名称及编号", "penalty.license"),
    ("处罚决定日期", "decided（YYYY-MM-DD）"),
    ("处罚有效期", "公示期限的最后一天（gongshi.rules.windows）；无期限时留空"),
    ("公示截止期", "公示期限的最后一天（gongshi.rules.windows）；无期限时留空"),
    ("处罚机关", "agency.yml 的 name"),
    ("处罚机关统一社会信用代码", "agency.yml 的 credit_code"),
    ("数据来源单位", "agency.yml 的 name"),
    ("数据来源单位统一社会信用代码", "agency.yml 的 credit_code"),
    ("备注", "remark；已更正的决定注明最近一次更正"),
]

PERMIT_COLUMNS: list[tuple[str, str]] = [
    ("行政相对人名称", "party.name"),
    ("行政相对人类别", "party.type（同上）"),
    ("行政相对人代码", "party.credit_code（自然人留空）"),
    ("法定代表人", "party.legal_representative（自然人留空）"),
    ("行政许可决定文书名称", "title，未填写时为“行政许可决定书”"),
    ("行政许可决定文书号", "doc_no"),
    ("许可类别", "记录中没有此项，填“其他”"),
    ("许可证书名称", "记录中没有此项，留空"),
    ("许可编号", "记录中没有此项，留空"),
    ("许可内容", "result"),
    ("许可决定日期", "decided"),
    ("有效期自", "decided"),
    ("有效期至", "公示期限的最后一天；无期限时为 2099-12-31（长期）"),
    ("许可机关", "agency.yml 的 name"),
    ("许可机关统一社会信用代码", "agency.yml 的 credit_code"),
    ("当前状态", "有效 → 正常；已更正 → 正常"),
    ("数据来源单位", "agency.yml 的 name"),
    ("数据来源单位统一社会信用代码", "agency.yml 的 credit_code"),
    ("备注", "remark；已更正的决定注明最近一次更正"),
]

PARTY_CLASS = {"法人": "法人及非法人组织", "非法人组织": "法人及非法人组织",
               "个体工商户": "个体工商户", "自然人": "自然人"}
LONG_TERM = "2099-12-31"
_MICRO = Decimal("0.000001")


def wanyuan(amount: Any) -> str:
    """Yuan as 万元 text with at most six decimals and no trailing zeros; '' when absent."""
    if amount is None or isinstance(amount, bool):
        return ""
    value = (Decimal(str(amount)) / Decimal(10000)).quantize(_MICRO, rounding=ROUND_HALF_UP)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _party(rec: Record) -> list[str]:
    party = rec.data.get("party") or {}
    natural = party.get("type") == "自然人"
    return [party.get("name", ""), PARTY_CLASS.get(party.get("type", ""), ""),
            "" if natural else party.get("credit_code", ""),
            "" if natural else party.get("legal_representative", "")]


def _remark(rec: Record, as_of: dt.date) -> str:
    parts = [rec.data.get("remark") or ""]
    fixes = rec.history  # as of the build day, oldest first
    if rec.data.get("status") == "已更正" and fixes:
        last = fixes[-1]
        parts.append(f"{last['date'].isoformat()}{last['action']}：{last['note']}")
    return "；".join(p for p in parts if p)


def _last_day(rec: Record, policy: dict[str, Any]) -> str:
    return rec.last_day.isoformat() if rec.last_day else ""


def penalty_row(rec: Record, agency: dict[str, Any], ps: Publication) -> list[str]:
    """One 行政处罚 decision in PENALTY_COLUMNS order."""
    d, pen = rec.data, rec.data.get("penalty") or {}
    until = _last_day(rec, ps.policy)
    return [*_party(rec), d["doc_no"], d.get("violation_type", ""), plain_text(d.get("facts")),
            legal_refs(d.get("basis")), "；".join(pen.get("kinds") or []), d.get("result", ""),
            wanyuan(pen.get("fine")), wanyuan(pen.get("confiscated")), pen.get("license", ""),
            d["decided"].isoformat(), until, until, agency.get("name", ""), agency.get("credit_code", ""),
            agency.get("name", ""), agency.get("credit_code", ""), _remark(rec, ps.as_of)]


def permit_row(rec: Record, agency: dict[str, Any], ps: Publication) -> list[str]:
    """One 行政许可 decision in PERMIT_COLUMNS order."""
    d = rec.data
    return [*_party(rec), d.get("title") or "行政许可决定书", d["doc_no"], "其他", "", "",
            d.get("result", ""), d["decided"].isoformat(), d["decided"].isoformat(),
            _last_day(rec, ps.policy) or LONG_TERM, agency.get("name", ""), agency.get("credit_code", ""),
            "正常", agency.get("name", ""), agency.get("credit_code", ""), _remark(rec, ps.as_of)]


# name -> (file stem, title, category, columns, row function)
EXPORTS: dict[str, tuple[str, str, str, list[tuple[str, str]],
                         Callable[[Record, dict[str, Any], Publication], list[str]]]] = {
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
        yield rec.agency or "", [xml_safe(str(v)) for v in make(rec, ps.agencies[rec.agency].data, ps)]


def rows(name: str, ps: Publication, decisions: list[Record] | None = None) -> list[list[str]]:
    """The header and rows of one export over `decisions` (default: all public ones)."""
    return [header(name), *(row for _agency, row in records(name, ps, decisions))]
