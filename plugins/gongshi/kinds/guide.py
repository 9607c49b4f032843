"""guides/<slug>.yml: a service guide (服务指南), R-GUIDE and R-ADJUST."""
from __future__ import annotations

from ..schema import SLUG_EN, SLUG_RE, SLUG_ZH, Boolean, Date, Integer, ListOf, Obj, Text
from .base import RecordKind


class GuideKind(RecordKind):
    """How to apply for one item: materials, steps, time limits, fees, office."""

    name = "guide"
    title = "服务指南"
    title_en = "service guide"
    pattern = "agencies/*/guides/*.yml"
    schema = Obj("服务指南", {
        "item": Text("执法事项编码", "本主体 items.yml 中的事项编码", required=True, scan=False),
        "name": Text("事项名称", required=True, scan=False),
        "accepting_body": Text("受理机构", required=True, scan=False),
        "approving_body": Text("决定机构", required=True, scan=False),
        "basis": ListOf("办理依据", Obj("法律条文", {
            "title": Text("法律法规名称", required=True, scan=False),
            "article": Text("条款", scan=False),
        })),
        "materials": ListOf("申请材料", Obj("材料", {
            "name": Text("材料名称", required=True, scan=False),
            "copies": Integer("份数", minimum=0),
            "original": Boolean("是否原件"),
            "template": Text("示范文本", "样表或示范文本的路径", scan=False),
            "note": Text("说明", scan=False),
        })),
        "steps": ListOf("办理流程", Text("步骤", scan=False)),
        "flowchart": Text("流程图", "本主体 flowcharts/ 中的流程图文件名（不含 .yml）", pattern=SLUG_RE,
                          pattern_zh=SLUG_ZH, pattern_en=SLUG_EN, scan=False),
        "time_limit": Obj("办理时限", {
            "statutory": Text("法定时限", required=True, scan=False),
            "promised": Text("承诺时限", scan=False),
        }),
        "fees": Text("收费标准", required=True, scan=False),
        "supervision": Text("监督电话", scan=False),
        "accountability": Text("责任追究", scan=False),
        "remedies": Text("救济途径", scan=False),
        "office": Obj("办公信息", {
            "hours": Text("办公时间", scan=False),
            "address": Text("办公地址", scan=False),
            "phone": Text("咨询电话", scan=False),
        }),
        "effective_from": Date("施行日期"),
        "changes": ListOf("动态调整", Obj("调整", {
            "announced": Date("公告日期", required=True),
            "effective": Date("生效日期", "应在公告日期一个月之后", required=True),
            "summary": Text("调整内容", required=True, scan=False),
        }), "公示内容调整应提前一个月公告"),
    }, "行政执法事项的服务指南")
