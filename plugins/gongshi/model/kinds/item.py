"""items.yml: the enforcement item list (行政执法事项清单), R-ITEMS and R-LISTS."""
from __future__ import annotations

from gongshi.model.schema import Boolean, Choice, Obj, Text, legal_basis
from gongshi.model.kinds.base import RecordKind, Section, Table
from gongshi.model.kinds.site import CATEGORIES

ITEM_CODE = r"[0-9A-Za-z][0-9A-Za-z-]*"


class ItemKind(RecordKind):
    """One enforcement item an agency carries out."""

    name = "item"
    title = "执法事项"
    title_en = "enforcement item"
    pattern = "agencies/*/items.yml"
    many = True
    key = "code"
    ref_en = "item code"
    published = True
    sections = (Section("items", "gongshi_items"), Section("lists", "gongshi_lists"))
    table = Table("items")
    public = ("code", "category", "name", "basis.title", "basis.article", "discretion", "unit", "time_limit",
              "major_review", "av_recording")
    schema = Obj("执法事项", {
        "code": Text("事项编码", "例如 340000-XK-001", required=True, pattern=ITEM_CODE,
                     pattern_zh="字母、数字和连字符", pattern_en="letters, digits and hyphens"),
        "category": Choice("事项类别", CATEGORIES, "行政许可、行政处罚等十一类执法类别之一", required=True),
        "name": Text("事项名称", "执法事项的名称，例如 食品经营许可", required=True),
        "basis": legal_basis("设定依据"),
        "discretion": Text("裁量基准", "Markdown，或裁量基准文件的链接", markdown=True),
        "unit": Text("承办机构", "负责办理该事项的内设机构，例如 行政审批股", required=True),
        "time_limit": Text("办理时限", "例如 20个工作日"),
        "major_review": Boolean("重大执法决定法制审核目录", "是否列入重大执法决定法制审核目录清单"),
        "av_recording": Choice("音像记录", ["全程", "关键环节", "不适用"], "音像记录事项清单：全程、关键环节或不适用"),
    }, "行政执法事项清单中的一项")
