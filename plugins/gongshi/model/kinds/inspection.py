"""inspections.yml: the random-inspection list (随机抽查事项清单), R-RAND."""
from __future__ import annotations

from gongshi.model.schema import Obj, Text, legal_basis
from gongshi.model.kinds.base import RecordKind, Section, Table
from gongshi.model.kinds.item import ITEM_CODE


class InspectionKind(RecordKind):
    """One item of the random-inspection list."""

    name = "inspection"
    title = "随机抽查事项"
    title_en = "random inspection item"
    pattern = "agencies/*/inspections.yml"
    many = True
    key = "code"
    ref_en = "inspection code"
    published = True
    sections = (Section("inspections", "gongshi_inspections"),)
    table = Table("inspections")
    public = ("code", "name", "body", "basis.title", "basis.article", "targets", "content", "ratio", "method",
              "frequency")
    schema = Obj("随机抽查事项", {
        "code": Text("抽查事项编码", "例如 SC-2024-01", required=True, pattern=ITEM_CODE,
                     pattern_zh="字母、数字和连字符", pattern_en="letters, digits and hyphens"),
        "name": Text("抽查事项名称", "例如 食品经营者监督检查", required=True),
        "body": Text("检查主体", "实施检查的机关全称", required=True),
        "basis": legal_basis("检查依据"),
        "targets": Text("检查对象", "被抽查的对象范围，例如 辖区内食品经营者", required=True),
        "content": Text("检查内容", "检查的项目，例如 经营条件、进货查验", required=True),
        "ratio": Text("抽查比例", "例如 5%", required=True),
        "method": Text("检查方式", "例如 双随机、一公开", required=True),
        "frequency": Text("抽查频次", "例如 每年一次", required=True),
    }, "随机抽查事项清单中的一项")
