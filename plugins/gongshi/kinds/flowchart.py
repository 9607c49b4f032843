"""flowcharts/<slug>.yml: a procedure flowchart (流程图), R-FLOW."""
from __future__ import annotations

from ..schema import Choice, Either, ListOf, Obj, Text
from .base import RecordKind

STEP_ID = r"[A-Za-z0-9_-]+"

NEXT = Either(
    Text("下一步", "下一步骤的编号", pattern=STEP_ID, pattern_zh="字母、数字、下划线和连字符",
         pattern_en="letters, digits, underscores and hyphens", scan=False),
    Obj("带条件的下一步", {
        "to": Text("下一步", "下一步骤的编号", required=True, pattern=STEP_ID,
                   pattern_zh="字母、数字、下划线和连字符", pattern_en="letters, digits, underscores and hyphens",
                   scan=False),
        "label": Text("条件", "例如 材料齐全", scan=False),
    }),
)


class FlowchartKind(RecordKind):
    """A procedure as steps and arrows; drawn as SVG at build time."""

    name = "flowchart"
    title = "流程图"
    title_en = "flowchart"
    pattern = "agencies/*/flowcharts/*.yml"
    schema = Obj("流程图", {
        "title": Text("标题", required=True, scan=False),
        "kind": Choice("流程类别", ["执法流程", "法制审核流程", "全过程记录流程"], required=True),
        "steps": ListOf("步骤", Obj("步骤", {
            "id": Text("步骤编号", required=True, pattern=STEP_ID, pattern_zh="字母、数字、下划线和连字符",
                       pattern_en="letters, digits, underscores and hyphens", scan=False),
            "label": Text("步骤说明", required=True, scan=False),
            "next": ListOf("下一步", NEXT),
        }), required=True, min_items=1),
    }, "执法、法制审核或全过程记录的流程图")
