"""officers.yml: the officer roster (执法人员名录), R-ROSTER and R-POST."""
from __future__ import annotations

from gongshi.model.schema import Choice, Date, ListOf, Obj, Text
from gongshi.model.kinds.base import RecordKind, Section, Table

ROLES = ["执法人员", "执法辅助人员", "法制审核人员"]
STATUSES = ["在岗", "离岗", "证件注销"]


class OfficerKind(RecordKind):
    """One officer of an agency's roster."""

    name = "officer"
    title = "执法人员"
    title_en = "officer"
    pattern = "agencies/*/officers.yml"
    many = True
    key = "id"
    new_key = "o"  # gongshi new officer: the next o-NNNN
    ref_en = "officer id"
    published = True
    sections = (Section("officers", "gongshi_officers"), Section("posts", "gongshi_posts"))
    table = Table("officers")
    public = ("id", "name", "roles", "certificate.number", "certificate.issuer", "certificate.valid_from",
              "certificate.valid_until", "fields", "post", "duties", "window.hall", "window.number",
              "window.services", "status")
    schema = Obj("执法人员", {
        "id": Text("人员编号", "本主体内唯一，例如 o-0001", required=True, pattern=r"[a-z0-9][a-z0-9-]*",
                   pattern_zh="小写字母、数字和连字符，例如 o-0001", pattern_en="lowercase letters, digits and hyphens, e.g. o-0001",
                   ),
        "name": Text("姓名", "执法人员的姓名（依法公示）", required=True, disclosed=("name",)),
        "roles": ListOf("岗位角色", Choice("角色", ROLES, "执法人员、执法辅助人员或法制审核人员"), "执法人员、执法辅助人员、法制审核人员（可多选）",
                        required=True, min_items=1),
        "certificate": Obj("执法证件", {
            "number": Text("证件编号", "行政执法证件上的编号，例如 皖A0123456", required=True),
            "issuer": Text("发证机关", "核发执法证件的机关，例如 安徽省人民政府", required=True),
            "valid_from": Date("有效期起", "证件有效期的第一天，YYYY-MM-DD", required=True),
            "valid_until": Date("有效期至", "证件有效期的最后一天，YYYY-MM-DD", required=True),
        }, "行政执法证件；执法辅助人员可不填"),
        "fields": ListOf("执法领域", Text("领域", "一个执法领域，例如 食品安全"), "例如 食品安全"),
        "post": Text("岗位", "所在单位和岗位"),
        "duties": Text("岗位职责", "在岗位信息公示牌上显示的职责"),
        "window": Obj("窗口岗位", {
            "hall": Text("服务大厅", "窗口所在的服务大厅，例如 县政务服务中心二楼", required=True),
            "number": Text("窗口编号", "窗口号，例如 12", required=True),
            "services": ListOf("服务事项", Text("事项", "一项窗口服务事项，例如 食品经营许可"),
                               "该窗口办理的服务事项"),
        }, "在政务服务窗口工作时填写，用于岗位信息公示牌"),
        "status": Choice("状态", STATUSES, "在岗、离岗或证件注销", required=True),
    }, "行政执法人员名录中的一人")
