"""The 双公示 columns: which record field each national column holds, declared once.

The export (outputs/opendata/shuanggongshi.py) writes these columns, in this order, and the
importer (app/importer/) reads them back through the same declaration, so the two cannot drift
apart (issue 21: the importer used to keep its own inverted copy, with its own 长期 date and
party classes). Each column is (national name, field path, how it is filled): the field path is
a dotted path into the decision record, `None` for a column the record has no field for (the
codes the unified credit code replaced, ID documents, the sender), or one of the computed facts
below (`@…`): the agency a row names, and the last public day (publication.last_public_day).

Layer: publication (below the outputs and the application, both of which read it).
"""
from __future__ import annotations

AGENCY = "@agency"            # the issuing agency's name (agency.yml name)
AGENCY_CODE = "@agency_code"  # its unified social credit code
LAST_DAY = "@last_day"        # the last public day: 公示截止期, 处罚有效期
COMPUTED = (AGENCY, AGENCY_CODE, LAST_DAY)

PENALTY = "行政处罚"
PERMIT = "行政许可"

# 行政相对人类别 of the national format by the record's party.type, and back (both the national
# class and the record's own words are read).
PARTY_CLASS = {"法人": "法人及非法人组织", "非法人组织": "法人及非法人组织",
               "个体工商户": "个体工商户", "自然人": "自然人"}
PARTY_TYPE = {"法人及非法人组织": "法人", "法人": "法人", "非法人组织": "非法人组织", "个体工商户": "个体工商户",
              "自然人": "自然人"}
LONG_TERM = "2099-12-31"  # 有效期至 of a permit with no end on record ("长期")
WAN_YUAN = ("penalty.fine", "penalty.confiscated")  # amounts the national format gives in 万元

LAST_DAY_HOW = ("公示的最后一天：公示期限届满日与预定提前撤下日（withdrawn.date）前一日中较早者"
                "（gongshi.publication.last_public_day）；无期限时留空")

Column = tuple[str, "str | None", str]

PARTY_COLUMNS: list[Column] = [
    ("行政相对人名称", "party.name", "party.name"),
    ("行政相对人类别", "party.type", "party.type：法人、非法人组织 → 法人及非法人组织；个体工商户；自然人"),
    ("行政相对人代码_1（统一社会信用代码）", "party.credit_code", "party.credit_code（自然人留空）"),
    ("行政相对人代码_2（工商注册号）", None, "记录中没有此项（已由统一社会信用代码取代），留空"),
    ("行政相对人代码_3（组织机构代码）", None, "记录中没有此项（已由统一社会信用代码取代），留空"),
    ("行政相对人代码_4（税务登记号）", None, "记录中没有此项（已由统一社会信用代码取代），留空"),
    ("行政相对人代码_5（事业单位证书号）", None, "记录中没有此项（已由统一社会信用代码取代），留空"),
    ("行政相对人代码_6（社会组织登记证号）", None, "记录中没有此项（已由统一社会信用代码取代），留空"),
    ("法定代表人", "party.legal_representative", "party.legal_representative（自然人留空）"),
    ("法定代表人证件类型", None, "个人身份信息，不公开，留空"),
    ("法定代表人证件号码", None, "个人身份信息，不公开，留空"),
    ("证件类型", None, "自然人的证件类型：个人身份信息，不公开，留空"),
    ("证件号码", None, "自然人的证件号码：个人身份信息，不公开，留空"),
]
SOURCE_COLUMNS: list[Column] = [
    ("数据来源单位", None, "agency.yml 的 name"),
    ("数据来源单位统一社会信用代码", None, "agency.yml 的 credit_code"),
    ("备注", "remark", "remark；已更正的决定注明最近一次更正"),
]
PENALTY_COLUMNS: list[Column] = [
    *PARTY_COLUMNS,
    ("行政处罚决定书文号", "doc_no", "doc_no"),
    ("违法行为类型", "violation_type", "violation_type"),
    ("违法事实", "facts", "facts（纯文本）"),
    ("处罚依据", "basis", "basis：《法规名称》条款，多项以“；”分隔"),
    ("处罚类别", "penalty.kinds", "penalty.kinds，多项以“；”分隔"),
    ("处罚内容", "result", "result"),
    ("罚款金额（万元）", "penalty.fine", "penalty.fine ÷ 10000，最多 6 位小数；未罚款留空"),
    ("没收违法所得、没收非法财物的金额（万元）", "penalty.confiscated", "penalty.confiscated ÷ 10000，最多 6 位小数；未没收留空"),
    ("暂扣或吊销证照名称及编号", "penalty.license", "penalty.license"),
    ("处罚决定日期", "decided", "decided（YYYY-MM-DD）"),
    ("处罚有效期", LAST_DAY, LAST_DAY_HOW),
    ("公示截止期", LAST_DAY, LAST_DAY_HOW),
    ("处罚机关", AGENCY, "agency.yml 的 name"),
    ("处罚机关统一社会信用代码", AGENCY_CODE, "agency.yml 的 credit_code"),
    *SOURCE_COLUMNS,
]
PERMIT_COLUMNS: list[Column] = [
    *PARTY_COLUMNS,
    ("行政许可决定文书名称", "permit.document", "permit.document，未填写时为 title，再无时为“行政许可决定书”"),
    ("行政许可决定文书号", "doc_no", "doc_no"),
    ("许可类别", "permit.type", "permit.type：普通、特许、认可、核准、登记或其他（必填；未填写时为“其他”）"),
    ("许可证书名称", "permit.certificate", "permit.certificate；未填写时留空"),
    ("许可编号", "permit.number", "permit.number；未填写时留空"),
    ("许可内容", "result", "result"),
    ("许可决定日期", "decided", "decided（YYYY-MM-DD）"),
    ("有效期自", "permit.valid_from", "permit.valid_from，未填写时为 decided"),
    ("有效期至", "permit.valid_until", f"permit.valid_until，未填写时为公示期限的最后一天；都没有时为 {LONG_TERM}（长期）"),
    ("许可机关", AGENCY, "agency.yml 的 name"),
    ("许可机关统一社会信用代码", AGENCY_CODE, "agency.yml 的 credit_code"),
    ("当前状态", "permit.state", "permit.state：有效或无效；未填写时为“有效”"),
    *SOURCE_COLUMNS,
]
COLUMNS = {PENALTY: PENALTY_COLUMNS, PERMIT: PERMIT_COLUMNS}


def fields_by_column() -> dict[str, str | None]:
    """Every column of both layouts -> the field it holds (None: no field), for the importer."""
    out: dict[str, str | None] = {}
    for name, path, _how in PENALTY_COLUMNS + PERMIT_COLUMNS:
        out.setdefault(name, path)
    return out
