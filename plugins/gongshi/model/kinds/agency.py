"""agency.yml: an enforcement subject (执法主体), R-SUBJ."""
from __future__ import annotations

from gongshi.model.schema import Integer, ListOf, Obj, Text, legal_basis
from gongshi.model.kinds.base import RecordKind, Table

CREDIT_CODE = r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"


class AgencyKind(RecordKind):
    """An enforcement subject and what the public must know about it."""

    name = "agency"
    title = "执法主体"
    title_en = "enforcement subject"
    pattern = "agencies/*/agency.yml"
    published = True
    url = "{agency}/index.html"
    template = "gongshi_agency"
    table = Table("agencies", (("agency", "执法主体编号", "执法主体文件夹名"), ("url", "网址", "主体在本平台上的页面地址")))
    # Not public: maintainers (the git e-mails allowed to change the folder).
    public = ("name", "short_name", "credit_code", "subject_type", "nature", "legal_representative",
              "address", "phone", "complaint_phone", "duties", "legal_basis.title", "legal_basis.article",
              "remedies", "staffing.authorized", "staffing.actual", "funding", "website")
    schema = Obj("执法主体", {
        "name": Text("主体名称", "执法主体的全称", required=True),
        "short_name": Text("简称", "例如 县市场监管局"),
        "credit_code": Text("统一社会信用代码", "18 位统一社会信用代码", required=True, pattern=CREDIT_CODE,
                            pattern_zh="18 位，由数字和大写字母组成（不含 I、O、Z、S、V）",
                            pattern_en="18 characters: digits and capitals (no I, O, Z, S, V)"),
        "subject_type": Text("主体类别", "法定行政机关、法律法规授权组织或受委托组织", required=True),
        "nature": Text("主体性质", "例如 行政机关", required=True),
        "legal_representative": Text("法定代表人", "主体负责人姓名", required=True, disclosed=("name",)),
        "address": Text("办公地址", "执法主体的办公地址", required=True, disclosed=("address",)),
        "phone": Text("联系电话", "对外公开的办公电话，例如 0564-6021234", required=True, disclosed=("landline", "mobile")),
        "complaint_phone": Text("投诉举报电话", "受理投诉举报的电话，例如 12315", required=True, disclosed=("landline", "mobile")),
        "duties": Text("职责权限", "Markdown 格式", required=True, markdown=True),
        "legal_basis": legal_basis("执法依据"),
        "remedies": Text("救济途径", "对执法决定不服时的救济方式", required=True),
        "staffing": Obj("编制情况", {
            "authorized": Integer("编制数", "核定的编制人数", minimum=0),
            "actual": Integer("实有人数", "实际在编人数", minimum=0),
        }, "人员编制和实有人数"),
        "funding": Text("经费保障", "例如 财政全额拨款"),
        "website": Text("网站", "执法主体的官方网站地址"),
        "maintainers": ListOf("维护人员", Obj("维护人员", {
            "email": Text("电子邮箱", "提交记录时使用的 git 邮箱", required=True, disclosed=("email",)),
            "name": Text("姓名", "维护人员的姓名或所在科室", disclosed=("name",)),
            "key": Text("签名密钥指纹", "可选：GPG 或 SSH 签名密钥的指纹"),
        }, "一名维护人员"), "有权修改本主体文件夹的人员（按 git 提交邮箱）"),
    }, "行政执法主体的基本信息（事前公开）")
