"""flowcharts/<slug>.yml: a procedure flowchart (流程图), R-FLOW."""
from __future__ import annotations

from gongshi.model.schema import Choice, Either, ListOf, Obj, Text
from gongshi.model.kinds.base import RecordKind, Section

STEP_ID = r"[A-Za-z0-9_-]+"

NEXT = Either(
    Text("下一步", "下一步骤的编号", pattern=STEP_ID, pattern_zh="字母、数字、下划线和连字符",
         pattern_en="letters, digits, underscores and hyphens"),
    Obj("带条件的下一步", {
        "to": Text("下一步", "下一步骤的编号", required=True, pattern=STEP_ID,
                   pattern_zh="字母、数字、下划线和连字符", pattern_en="letters, digits, underscores and hyphens",
                   ),
        "label": Text("条件", "箭头上显示的条件，例如 材料齐全"),
    }, "写成 {to: 步骤编号, label: 条件}，箭头上显示条件"),
    "下一步", "下一步骤的编号，或写成 {to: 编号, label: 条件}",
)


class FlowchartKind(RecordKind):
    """A procedure as steps and arrows; drawn as SVG at build time."""

    name = "flowchart"
    title = "流程图"
    title_en = "flowchart"
    pattern = "agencies/*/flowcharts/*.yml"
    published = True
    ref_en = "flowchart"
    url = "{agency}/flowcharts/{slug}.html"
    template = "gongshi_flowchart"
    sections = (Section("flowcharts/index", "gongshi_flowcharts"),)
    public = ("title", "kind", "steps.id", "steps.label", "steps.next.to", "steps.next.label")
    schema = Obj("流程图", {
        "title": Text("标题", "流程图的标题，例如 食品经营许可流程图", required=True),
        "kind": Choice("流程类别", ["执法流程", "法制审核流程", "全过程记录流程"],
                       "执法流程、法制审核流程或全过程记录流程", required=True),
        "steps": ListOf("步骤", Obj("步骤", {
            "id": Text("步骤编号", "本流程图内唯一的编号，供 next 引用，例如 accept", required=True, pattern=STEP_ID, pattern_zh="字母、数字、下划线和连字符",
                       pattern_en="letters, digits, underscores and hyphens"),
            "label": Text("步骤说明", "图中显示的文字，例如 窗口受理", required=True),
            "next": ListOf("下一步", NEXT, "之后可以进入的步骤；最后一步写 []"),
        }, "流程中的一个步骤"), "按先后顺序列出的步骤", required=True, min_items=1),
    }, "执法、法制审核或全过程记录的流程图")
