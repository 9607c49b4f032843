"""decisions/<yyyy>/<slug>.yml: an enforcement decision (执法决定), R-DEC."""
from __future__ import annotations

from dataclasses import dataclass

from gongshi.model.schema import Boolean, Choice, Date, Duration, ListOf, Number, Obj, Text, legal_basis
from gongshi.model.kinds.base import RecordKind, Table
from gongshi.model.kinds.site import CATEGORIES, CREDIT_LEVELS, PARTY_TYPES, PENALTY_KINDS, PROCEDURES

STATUSES = ["有效", "已撤销", "已更正"]
ACTIONS = ["更正", "撤销", "变更"]
PERMIT_TYPES = ["普通", "特许", "认可", "核准", "登记", "其他"]  # 双公示 许可类别
PERMIT_STATES = ["有效", "无效"]  # 双公示 当前状态


@dataclass(frozen=True)
class Mandatory:
    """A field the national 双公示 data standard makes mandatory for a category: the record's key
    path, the export column it fills (outputs/opendata/shuanggongshi.py), an example for the hint,
    and when it applies (a penalty kind among `kinds`, a party type among `parties`)."""

    path: tuple[str, ...]
    column: str
    example: str
    kinds: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()

    @property
    def field(self) -> str:
        return ".".join(self.path)


# The 双公示 standard's mandatory columns a record itself must fill, per category (checks/mandatory.py,
# R-DEC). The others come from elsewhere: 处罚机关 and 数据来源单位 with their codes from agency.yml
# (required there), 处罚决定日期 from `decided` and 处罚有效期/公示截止期 from the policy's window
# (both always there); 法定代表人证件 and a natural person's 证件 are personal data and stay
# empty. A 行政许可's 文书名称, 许可类别, 有效期 and 当前状态 have a stated default in the export.
ORGANISATIONS = ("法人", "非法人组织")
MANDATORY: dict[str, tuple[Mandatory, ...]] = {
    "行政处罚": (
        Mandatory(("violation_type",), "违法行为类型", "violation_type: 销售超过保质期的食品"),
        Mandatory(("facts",), "违法事实", "facts: 经查，当事人于 2024 年 3 月销售超过保质期的饼干……"),
        Mandatory(("basis",), "处罚依据", "basis: [{title: 中华人民共和国食品安全法, article: 第一百二十四条}]"),
        Mandatory(("penalty", "kinds"), "处罚类别", "penalty: {kinds: [罚款], fine: 5000}"),
        Mandatory(("result",), "处罚内容", "result: 罚款人民币伍仟元整。"),
        Mandatory(("penalty", "fine"), "罚款金额（万元）", "fine: 5000（以元为单位）", kinds=("罚款",)),
        Mandatory(("penalty", "confiscated"), "没收违法所得、没收非法财物的金额（万元）", "confiscated: 320（以元为单位）",
                  kinds=("没收违法所得", "没收非法财物")),
        Mandatory(("penalty", "license"), "暂扣或吊销证照名称及编号", "license: 食品经营许可证 JY13415220001234",
                  kinds=("暂扣许可证件", "吊销许可证件")),
        Mandatory(("party", "credit_code"), "行政相对人代码_1（统一社会信用代码）", "credit_code: 91341522MA2N0ABCDX",
                  parties=ORGANISATIONS),
        Mandatory(("party", "legal_representative"), "法定代表人", "legal_representative: 李某", parties=ORGANISATIONS),
    ),
    "行政许可": (
        Mandatory(("result",), "许可内容", "result: 准予食品经营许可。"),
    ),
}


# The first part of a decision's file name by its category (拼音 initials: 处罚, 许可, 检查, 强制);
# another category or none yet is jd (决定). One scheme for `gongshi new` and `gongshi import`.
SLUG_PREFIX = {"行政处罚": "cf", "行政许可": "xk", "行政检查": "jc", "行政强制": "qz"}
OTHER_PREFIX = "jd"


def slug_prefix(category: object) -> str:
    """The file-name prefix of a decision of `category` (SLUG_PREFIX, else OTHER_PREFIX)."""
    return SLUG_PREFIX.get(str(category or ""), OTHER_PREFIX)


class DecisionKind(RecordKind):
    """One decision: who, what, why, and when it was decided and published."""

    name = "decision"
    title = "执法决定"
    title_en = "enforcement decision"
    pattern = "agencies/*/decisions/*/*.yml"
    path = "agencies/{agency}/decisions/{year}/{slug}.yml"
    # gongshi new and gongshi import name a decision alike (the file name is its public URL):
    # <category prefix>-<year>-NNNN, e.g. cf-2026-0001 for a 行政处罚 (SLUG_PREFIX below).
    new_slug = "{prefix}-{year}"
    # Public face: a page per decision (or its revocation notice, at the same URL); the lists by
    # year and category are the portal's own (pages_decisions.py); data/decisions.*.
    published = True
    url = "{agency}/decisions/{year}/{slug}.html"
    template = "gongshi_decision"
    mandatory = MANDATORY  # per category, the 双公示 standard's mandatory fields (R-DEC)
    table = Table("decisions", (
        ("agency", "执法主体编号", "执法主体文件夹名（agencies/<编号>）"),
        ("slug", "决定编号", "决定文件名（不含 .yml），与主体编号一起唯一标识一项决定"),
        ("url", "网址", "决定在本平台上的页面地址"),
        ("updated", "更新日期", "最近一次更正或变更的日期，无更正时为公开日期"),
        ("public_until", "公示截止日期", "公示期限的最后一天；为空表示公示至撤销为止"),
        ("offline_from", "撤下日期", "已确定将被撤销或提前撤下的决定自该日起不再公示；为空表示没有")))
    # Not public: party.minor (such a decision is withheld whole) and withdrawn (why it left early).
    public = ("doc_no", "title", "category", "item", "inspection", "party.type", "party.name",
              "party.credit_code", "party.legal_representative", "facts", "violation_type", "basis.title",
              "basis.article", "result", "penalty.kinds", "penalty.fine", "penalty.confiscated",
              "penalty.license", "penalty.restriction", "procedure", "decided", "published", "officers", "major",
              "legal_review.reviewer", "legal_review.date", "legal_review.opinion", "display", "status",
              "permit.document", "permit.type", "permit.certificate", "permit.number", "permit.valid_from",
              "permit.valid_until", "permit.state", "credit_level",
              "history.date", "history.action", "history.note", "remark")
    schema = Obj("执法决定", {
        "doc_no": Text("文书编号", "决定书文号，例如 霍市监罚〔2024〕15号", required=True, prose=False),
        "title": Text("标题", "可选：案件名称，例如 某某公司销售过期食品案"),
        "category": Choice("执法类别", CATEGORIES, "行政许可、行政处罚等十一类执法类别之一", required=True),
        "item": Text("执法事项编码", "本主体 items.yml 中的事项编码", ref="item"),
        "inspection": Text("抽查事项编码", "随机抽查结果：本主体 inspections.yml 中的抽查事项编码", ref="inspection"),
        "party": Obj("执法对象", {
            "type": Choice("对象类别", PARTY_TYPES, "法人、非法人组织、个体工商户或自然人", required=True),
            "name": Text("名称或姓名", "自然人在 mask 政策下写作 张某某", required=True),
            "credit_code": Text("统一社会信用代码", "法人等组织的统一社会信用代码（公开信息）"),
            "legal_representative": Text("法定代表人", "法定代表人或负责人"),
            "minor": Boolean("未成年人", "当事人为未成年人时填 true：该决定不予公开"),
        }, "行政相对人", required=True),
        "facts": Text("违法事实", "Markdown；会检查其中的个人信息；行政处罚必填（双公示必填项）", markdown=True),
        "violation_type": Text("违法行为类型", "双公示字段，例如 销售过期食品；行政处罚必填（双公示必填项）"),
        "basis": legal_basis("执法依据（行政处罚必填，双公示“处罚依据”）"),
        "result": Text("执法结论", "决定内容，例如 警告；罚款人民币伍万元整。", required=True),
        "penalty": Obj("处罚", {
            "kinds": ListOf("处罚种类", Choice("种类", PENALTY_KINDS, "行政处罚法规定的处罚种类之一"),
                            "本决定给予的处罚种类，至少一项", min_items=1, required=True),
            "fine": Number("罚款金额（元）", "以元为单位的数字，例如 50000", minimum=0),
            "confiscated": Number("没收违法所得（元）", "以元为单位的数字，没有的写 0 或省略", minimum=0),
            "license": Text("暂扣或吊销证照", "证照名称及编号（双公示字段）"),
            "restriction": Duration("限制期限", "限制开展生产经营活动或限制从业的期限，例如 5y；长于公示期限时按此公示"),
        }, "行政处罚的种类和金额"),
        "permit": Obj("许可", {
            "document": Text("行政许可决定文书名称", "例如 准予行政许可决定书；未填写时用 title"),
            "type": Choice("许可类别", PERMIT_TYPES, "普通、特许、认可、核准、登记或其他（双公示必填项）"),
            "certificate": Text("许可证书名称", "例如 食品经营许可证；不发证的留空", prose=False),
            "number": Text("许可编号", "许可证书的编号", prose=False),
            "valid_from": Date("有效期自", "许可的有效期起始日，YYYY-MM-DD；未填写时为决定日期"),
            "valid_until": Date("有效期至", "许可的有效期截止日，YYYY-MM-DD；长期有效的留空"),
            "state": Choice("当前状态", PERMIT_STATES, "有效或无效（许可被撤回、注销或过期时为无效）"),
        }, "可选：行政许可决定的双公示字段（执法类别为行政许可时填写）"),
        "discretion": Obj("适用的裁量基准", {
            "standard": Text("基准编号", "本主体 discretion.yml 中裁量基准的编号", required=True, ref="discretion",
                             prose=False),
            "level": Text("情形", "该基准中适用的裁量阶次，例如 一般", required=True),
        }, "可选：本决定适用的裁量基准和情形；填写后检查罚款是否在该情形的罚款幅度之内（R-DISCRETION）"),
        "procedure": Choice("程序类型", PROCEDURES, "一般程序、简易程序或听证"),
        "decided": Date("决定日期", "作出决定的日期，YYYY-MM-DD；须与所在年份文件夹一致", required=True),
        "published": Date("公开日期", "在此日期之前不会公开", required=True),
        "officers": ListOf("承办执法人员", Text("人员编号", "本主体 officers.yml 中的人员编号，例如 o-0001", ref="officer"), "至少两名持有效证件的执法人员编号"),
        "major": Boolean("重大执法决定", "是否属于重大执法决定（需法制审核）"),
        "legal_review": Obj("法制审核", {
            "reviewer": Text("审核人员编号", "本主体 officers.yml 中法制审核人员的编号", required=True, ref="officer"),
            "date": Date("审核日期", "应不晚于决定日期", required=True),
            "opinion": Choice("审核意见", ["同意", "纠正", "移送"], "同意、纠正或移送", required=True),
        }, "重大执法决定在作出前的法制审核"),
        "display": Duration("公示期限", "可选：例如 3y；须在政策的最短和最长期限之间"),
        "credit_level": Choice("失信程度", CREDIT_LEVELS,
                               "可选：《信用修复管理办法》（2026）的失信信息分类：轻微、一般或严重；"
                               "适用该办法的政策按此确定公示期限（自决定日期起算）"),
        "status": Choice("状态", STATUSES, "有效、已撤销或已更正"),
        "history": ListOf("更正和撤销记录", Obj("记录", {
            "date": Date("日期", "更正或撤销的日期，YYYY-MM-DD", required=True),
            "action": Choice("操作", ACTIONS, "更正、撤销或变更", required=True),
            "note": Text("说明", "更正或撤销的原因和内容", required=True),
        }, "一次更正、撤销或变更"), "按时间先后排列"),
        "withdrawn": Obj("提前撤下", {
            "date": Date("撤下日期", "从这一天起不再公示，YYYY-MM-DD", required=True),
            "reason": Text("原因", "例如 信用修复；决定被撤销", required=True),
        }, "在公示期届满前撤下"),
        "remark": Text("备注", "其他需要说明的事项"),
    }, "行政执法决定")
