"""guides/<slug>.yml: a service guide (服务指南), R-GUIDE and R-ADJUST."""
from __future__ import annotations

from gongshi.model.schema import SLUG_EN, SLUG_RE, SLUG_ZH, Boolean, Date, Integer, ListOf, Obj, Text
from gongshi.model.kinds.base import RecordKind, Section, Table


class GuideKind(RecordKind):
    """How to apply for one item: materials, steps, time limits, fees, office."""

    name = "guide"
    title = "服务指南"
    title_en = "service guide"
    pattern = "agencies/*/guides/*.yml"
    published = True
    url = "{agency}/guides/{slug}.html"
    template = "gongshi_guide"
    sections = (Section("guides/index", "gongshi_guides"),)
    table = Table("guides", (("agency", "执法主体编号", "执法主体文件夹名"), ("slug", "指南编号", "指南文件名（不含 .yml）"),
                             ("url", "网址", "服务指南在本平台上的页面地址")))
    public = ("item", "name", "accepting_body", "approving_body", "basis.title", "basis.article",
              "materials.name", "materials.copies", "materials.original", "materials.template",
              "materials.note", "steps", "flowchart", "time_limit.statutory", "time_limit.promised", "fees",
              "supervision", "accountability", "remedies", "office.hours", "office.address", "office.phone",
              "effective_from", "changes.announced", "changes.effective", "changes.summary")
    schema = Obj("服务指南", {
        "item": Text("执法事项编码", "本主体 items.yml 中的事项编码", required=True, ref="item"),
        "name": Text("事项名称", "服务指南对应的事项名称", required=True),
        "accepting_body": Text("受理机构", "受理申请的机构或窗口", required=True),
        "approving_body": Text("决定机构", "作出决定的机关", required=True),
        "basis": ListOf("办理依据", Obj("法律条文", {
            "title": Text("法律法规名称", "法律、法规或规章的全称", required=True),
            "article": Text("条款", "具体条款，例如 第三十五条"),
        }, "一部法律、法规或规章，以及适用的条款"), "办理该事项所依据的法律、法规、规章及条款"),
        "materials": ListOf("申请材料", Obj("材料", {
            "name": Text("材料名称", "例如 食品经营许可申请书", required=True),
            "copies": Integer("份数", "需要提交的份数", minimum=0),
            "original": Boolean("是否原件", "true：须提交原件；false：复印件即可"),
            "template": Text("示范文本", "样表或示范文本的路径"),
            "note": Text("说明", "对该材料的补充说明"),
        }, "一项申请材料"), "申请人需要提交的材料（附示范文本）"),
        "steps": ListOf("办理流程", Text("步骤", "一个办理步骤，例如 受理"), "按先后顺序列出的办理步骤"),
        "flowchart": Text("流程图", "本主体 flowcharts/ 中的流程图文件名（不含 .yml）", pattern=SLUG_RE,
                          pattern_zh=SLUG_ZH, pattern_en=SLUG_EN, ref="flowchart"),
        "time_limit": Obj("办理时限", {
            "statutory": Text("法定时限", "法律规定的办理期限，例如 20个工作日", required=True),
            "promised": Text("承诺时限", "本机关承诺的办理期限，例如 10个工作日"),
        }, "法定和承诺的办理时限"),
        "fees": Text("收费标准", "收费项目和标准，不收费的写 不收费", required=True),
        "supervision": Text("监督电话", "受理监督投诉的电话", disclosed=("landline", "mobile")),
        "accountability": Text("责任追究", "违法违规办理时的责任追究方式"),
        "remedies": Text("救济途径", "申请人不服时的救济方式，例如 行政复议、行政诉讼"),
        "office": Obj("办公信息", {
            "hours": Text("办公时间", "例如 工作日 8:30-12:00 14:30-17:30"),
            "address": Text("办公地址", "办理地点", disclosed=("address",)),
            "phone": Text("咨询电话", "办理咨询电话", disclosed=("landline", "mobile")),
        }, "办理地点、时间和咨询电话"),
        "effective_from": Date("施行日期", "本指南开始施行的日期，YYYY-MM-DD"),
        "changes": ListOf("动态调整", Obj("调整", {
            "announced": Date("公告日期", "调整内容向社会公告的日期", required=True),
            "effective": Date("生效日期", "应在公告日期一个月之后", required=True),
            "summary": Text("调整内容", "调整了什么，例如 申请材料减少一项", required=True),
        }, "一次动态调整"), "公示内容调整应提前一个月公告"),
    }, "行政执法事项的服务指南")
