"""site.yml: portal settings, the disclosure policy and the site's rule settings (`rules:`)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gongshi.model import ruleset
from gongshi.model.findings import Finding, Msg
from gongshi.model.hookspecs import RECORD, check, scoped
from gongshi.model.schema import Choice, Date, Duration, Either, Integer, ListOf, MapOf, Number, Obj, Text
from gongshi.model.kinds.base import RecordKind

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

CATEGORIES = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政征收", "行政征用",
              "行政确认", "行政给付", "行政奖励", "行政裁决", "其他"]
# Here rather than in decision.py because the policy names them too (decision.py imports site.py).
PENALTY_KINDS = ["警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件",
                 "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭",
                 "限制从业", "行政拘留", "其他"]
PARTY_TYPES = ["法人", "非法人组织", "个体工商户", "自然人"]
PROCEDURES = ["一般程序", "简易程序", "听证"]
CREDIT_LEVELS = ["轻微", "一般", "严重"]  # 信用修复管理办法（2026）
PRESET_NAMES = ["设计卡", "市场监管", "国家信用", "信用修复2026"]
LOW_FINE = "低额罚款"  # a 罚款 not above policy.low_fine, as a key of policy.penalty_display

WINDOW = Obj("公示期限", {
    "default": Duration("默认公示期限", "未单独填写 display 时的公示期限，例如 3y（年）或 6m（月）", required=True),
    "min": Duration("最短公示期限", "公示期限不得短于此值，例如 1y"),
    "max": Duration("最长公示期限", "公示期限不得长于此值，例如 5y"),
}, "某一类别执法决定在网上公示的期限")

# site.yml's `rules:`, as yamllint's configuration: a check rule turned off or given another level.
RULES = MapOf("规则设置", Choice("规则编号", [r.id for r in ruleset.checks()]), Either(
    Choice("开关", [ruleset.DISABLE, ruleset.ENABLE], "disable：关闭该规则；enable：按默认设置检查"),
    Obj("级别", {"level": Choice("级别", list(ruleset.LEVELS), "error：阻止发布；warning：只提示", required=True)},
        "改变该规则所有提示的级别，例如 {level: error}")),
    "可选：关闭某条检查规则（disable）或改变其级别（{level: error} 或 {level: warning}），例如 "
    "R-MONTHLY: disable；保护个人信息、公示期限、撤销记录、记录格式和提交权限的规则（R-REDACT、R-WINDOW、R-REVOKE、R-FORMAT、R-TRACE）"
    "不能关闭或降为警告，见 docs/rules.md")

LOCKED = Msg("R-FORMAT", "规则 {rule} 不能关闭或降为警告：{why_zh}",
             "rule {rule} cannot be turned off or lowered to a warning: {why_en}",
             "删除 site.yml 中 rules 下的 {rule} 这一项（该设置不起作用，规则照常检查）",
             "delete {rule} under rules in site.yml (the setting has no effect: the rule is checked as usual)")


# A province's portal merges county bundles (gongshi federate, docs/bundle.md); a county leaves it out.
FEDERATION = Obj("省级汇聚", {
    "counties": ListOf("汇聚的县（市、区）", Obj("一个县（市、区）", {
        "name": Text("名称", "县（市、区）平台的名称，例如 霍邱县", required=True),
        "bundle": Text("数据包地址", "该县 bundle/manifest.json 的网址（https://、file://）或文件夹路径（相对 site.yml）",
                       required=True, scan=False, prose=False),
        "id": Text("编号", "可选：省级网站上该县页面的文件夹名（小写字母、数字、-），默认由名称生成",
                   pattern=r"[a-z0-9][a-z0-9-]*", pattern_zh="小写字母、数字和 -", pattern_en="lower-case letters, digits and -"),
    }, "一个县级数据包"), "省级门户汇聚其数据包的县级平台", required=True),
    "max_age_days": Integer("数据包最长时效（天）", "数据截至日期早于省级核对日期超过这么多天的县按“过期”处理，默认 31",
                            minimum=1),
}, "可选：省级门户（gongshi federate）汇聚的县级数据包")


class SiteKind(RecordKind):
    """The portal's settings and disclosure policy."""

    name = "site"
    title = "平台设置"
    title_en = "site settings"
    pattern = "site.yml"
    schema = Obj("平台设置", {
        "name": Text("平台名称", "门户网站的名称，例如 霍邱县行政执法公示平台", required=True),
        "url": Text("网址", "公开网址，用于订阅源和站点地图中的绝对链接", required=True,
                    pattern=r"https?://[^\s/]+(/[^\s]*)?", pattern_zh="以 https:// 开头的完整网址",
                    pattern_en="a full URL starting with https://"),
        "region": Text("行政区域", "例如 安徽省六安市霍邱县", required=True),
        "description": Text("简介", "网站简介，显示在首页", markdown=True),
        "preset": Choice("政策预设", PRESET_NAMES,
                         "使用内置的公示政策预设；policy 中的设置覆盖预设"),
        "presets": ListOf("按生效日期适用的政策预设", Obj("一项预设", {
            "preset": Choice("政策预设", PRESET_NAMES, "内置的公示政策预设之一", required=True),
            "from": Date("生效日期", "自这一天（含）起作出的决定适用该预设，YYYY-MM-DD", required=True),
        }, "一项预设及其生效日期"),
            "可选：按生效日期先后排列的预设，每个决定按其决定日期适用当时有效的预设（最早一项也适用于更早的决定）；"
            "policy 中的设置覆盖每一项预设；与 preset 同时填写时 preset 不起作用"),
        "policy": Obj("公示政策", {
            "display": MapOf("公示期限", Choice("执法类别", CATEGORIES), WINDOW,
                             "各类别执法决定的公示期限；未列出的类别一直公示到撤销为止"),
            "penalty_display": MapOf("按处罚种类的公示期限", Choice("处罚种类", PENALTY_KINDS + [LOW_FINE]), WINDOW,
                                     "行政处罚按处罚种类适用的公示期限；一个决定有多种处罚的，取最长的期限；"
                                     "低额罚款指不超过 low_fine 的罚款；未列出的种类适用 display 中该类别的期限"),
            "low_fine": Number("较低数额罚款上限（元）", "不超过此金额的罚款按“低额罚款”确定公示期限，例如 10000",
                               minimum=0),
            "low_fine_below": MapOf("低额罚款标准（元）", Choice("对象类别", PARTY_TYPES),
                                    Number("金额（元）", "低于此金额的罚款为低额罚款", minimum=0),
                                    "按当事人类别的低额罚款标准（由省级部门确定）：罚款低于该金额按“低额罚款”确定公示期限，"
                                    "例如 自然人: 5000，法人: 50000；填写的类别优先于 low_fine"),
            "published_procedures": ListOf("公示的程序类型", Choice("程序类型", PROCEDURES, "一般程序、简易程序或听证"),
                                           "只公示按这些程序作出的行政处罚决定，例如市场监管的 [一般程序, 听证]（普通程序）；"
                                           "未填写 procedure 的决定照常公示"),
            "restriction_kinds": ListOf("限制类处罚种类", Choice("处罚种类", PENALTY_KINDS, "行政处罚法规定的处罚种类之一"),
                                        "限制开展生产经营活动、限制从业等：决定的 penalty.restriction 长于公示期限时，按限制期限公示"),
            "credit_display": MapOf("按失信程度的公示期限", Choice("失信程度", CREDIT_LEVELS, "轻微、一般或严重"), WINDOW,
                                    "填写了 credit_level 的行政处罚按此确定公示期限（优先于 display 和 penalty_display）"),
            "unpublished_levels": ListOf("不予公示的失信程度", Choice("失信程度", CREDIT_LEVELS, "轻微、一般或严重"),
                                         "这些失信程度的决定不予公示，例如 [轻微]；行业规定公示轻微失信信息的，删去该项并在 "
                                         "credit_display 中给出不超过 3 个月的期限"),
            "unpublished_kinds": ListOf("不予公示的处罚种类", Choice("处罚种类", PENALTY_KINDS, "行政处罚法规定的处罚种类之一"),
                                        "只受到这些种类处罚的决定不予公示，例如市场监管的 [警告]"),
            "deadline_workdays": MapOf("公开时限（工作日）", Choice("执法类别", CATEGORIES + ["default"]),
                                       Integer("工作日", "该类别的公开时限，单位为工作日（按国家法定节假日和调休计算）", minimum=1),
                                       "自作出决定之日起，应在多少个工作日内公开；default 为其他类别"),
            "redaction": Obj("隐私处理", {
                "natural_person_name": Choice("自然人姓名", ["mask", "keep"],
                                              "mask：保留姓氏，名字替换为“某”（张某某）；keep：公开全名"),
                "allow": ListOf("允许公开的字符串", Text("字符串", "一个允许原样公开的字符串，例如 12315", scan=False),
                                "看起来像个人信息但属于公开信息的字符串，例如投诉电话 12315"),
                "reviewed_files": ListOf("已人工核对的附件", Obj("附件", {
                    "path": Text("文件路径", "附件在数据文件夹中的路径，例如 agencies/market/files/shiyitu.png",
                                 required=True, scan=False),
                    "sha256": Text("SHA-256 校验值", "核对时该文件的 SHA-256（64 位十六进制），文件改动后须重新核对",
                                   required=True, pattern=r"[0-9a-f]{64}", pattern_zh="64 位小写十六进制数字",
                                   pattern_en="64 lowercase hexadecimal digits", scan=False, prose=False),
                }, "一个已人工核对、确认没有个人信息的附件"),
                                         "无法提取文字的附件（图片、扫描的 PDF 或 OFD）须人工核对没有个人信息后列在这里"),
            }, "个人隐私信息的处理规则"),
            "legal_reviewer_ratio": Number("法制审核人员比例", "法制审核人员占执法人员的最低比例，例如 0.05",
                                           minimum=0),
            "backdating_days": Integer("公开日期容差（天）", "published 早于记录首次提交到 git 的日期超过这么多天时报告"
                                       "（R-DEADLINE），默认 3", minimum=0),
            "display_from": Choice("公示期限起算日", ["published", "decided"],
                                   "published：自公开之日起算；decided：自作出决定之日起算"),
        }, "公示政策"),
        "maintainers": ListOf("平台维护人员", Obj("维护人员", {
            "email": Text("电子邮箱", "提交记录时使用的 git 邮箱", required=True, disclosed=("email",)),
            "name": Text("姓名", "维护人员的姓名或所在科室", disclosed=("name",)),
            "key": Text("签名密钥指纹", "可选：GPG 或 SSH 签名密钥的指纹"),
        }, "一名维护人员"), "有权修改 site.yml、calendar.yml 和新建主体文件夹的人员（按 git 提交邮箱，gongshi check-changes 核对）"),
        "identity": Obj("网站标识", {
            "sponsor": Text("主办单位", "网站的主办单位，例如 霍邱县人民政府办公室", disclosed=("name",)),
            "host": Text("承办单位", "负责网站运行维护的承办单位，例如 霍邱县数据资源管理局", disclosed=("name",)),
            "site_code": Text("网站标识码", "政府网站标识码，10 位数字，例如 3415220001", pattern=r"[0-9]{10}",
                              pattern_zh="10 位数字", pattern_en="ten digits", prose=False),
            "icp": Text("ICP备案号", "工业和信息化部 ICP 备案号，例如 皖ICP备12345678号", prose=False),
            "police": Text("公安备案号", "公安机关互联网站安全备案号，例如 皖公网安备 34152202000001号", prose=False),
            "contact": Obj("联系我们", {
                "phone": Text("联系电话", "网站管理部门的电话，例如 0564-6021234", disclosed=("landline", "mobile")),
                "email": Text("电子邮箱", "网站管理部门的电子邮箱", disclosed=("email",)),
                "address": Text("通讯地址", "网站管理部门的地址", disclosed=("address",)),
            }, "网站管理部门的联系方式，显示在页脚“联系我们”中"),
            "badge": Obj("党政机关网站标识", {
                "url": Text("标识链接", "机构编制部门核发的党政机关网站标识证书地址，例如 https://bszs.conac.cn/sitename?method=show&id=…",
                            required=True, pattern=r"https?://[^\s]+", pattern_zh="以 https:// 开头的完整网址",
                            pattern_en="a full URL starting with https://"),
                "image": Text("标识图片", "标识图片的地址：本站内以 / 开头的路径（如 /theme/images/dzjg.png），或 https:// 开头的网址；"
                              "不填时页脚显示文字链接“党政机关网站”",
                              pattern=r"(https://|/)[^\s]+", pattern_zh="以 / 或 https:// 开头的地址",
                              pattern_en="a path starting with / or a URL starting with https://"),
            }, "可选：页脚的党政机关网站标识（红色“党政机关”图标），链接到标识证书"),
            "report_error": Text("我为政府网站找错", "全国政府网站“我为政府网站找错”平台上本站的纠错地址，显示在页脚，例如 "
                                 "https://zfwzzc.www.gov.cn/check_web/errorSubmit_new.jsp?site_code=3415220001",
                                 pattern=r"https?://[^\s]+", pattern_zh="以 https:// 开头的完整网址",
                                 pattern_en="a full URL starting with https://"),
            "repository": Text("公开的数据仓库", "存放本站数据的公开 git 仓库网址，例如 https://git.example.gov.cn/zfgs/data；"
                               "填写后“更新于”旁的提交编号链接到该仓库的 <网址>/commit/<编号>",
                               pattern=r"https?://[^\s]+", pattern_zh="以 https:// 开头的完整网址",
                               pattern_en="a full URL starting with https://"),
            "license": Obj("开放数据许可协议", {
                "url": Text("许可协议网址", "许可协议全文的网址，例如 https://creativecommons.org/licenses/by/4.0/",
                            required=True, pattern=r"https?://[^\s]+", pattern_zh="以 https:// 开头的完整网址",
                            pattern_en="a full URL starting with https://"),
                "name": Text("许可协议名称", "例如 知识共享署名 4.0 国际许可协议（CC BY 4.0）", required=True),
            }, "可选：开放数据（data.json 的 license）适用的许可协议；不填时数据目录明确写明“未声明许可协议”"),
            "rights": Text("使用权利说明", "开放数据的使用条件（data.json 的 rights，不超过 255 个字符），例如 "
                           "可自由下载、使用和传播，请注明来源", pattern=r"[^\n]{1,255}",
                           pattern_zh="一行，不超过 255 个字符", pattern_en="one line of at most 255 characters"),
        }, "可选：政府网站页脚的网站标识（主办单位、承办单位、网站标识码、ICP 备案号、公安备案号、联系我们、党政机关网站标识、"
           "我为政府网站找错），提交记录的公开仓库，开放数据的许可协议和使用权利"),
        "websub": Obj("WebSub 推送", {
            "hub": Text("推送中心网址", "WebSub 推送中心（hub）的网址，例如 https://pubsubhubbub.appspot.com/；订阅源声明该 hub，"
                        "每次更新后构建通知它哪些订阅源变了，订阅者随即收到推送",
                        required=True, pattern=r"https?://[^\s]+", pattern_zh="以 https:// 开头的完整网址",
                        pattern_en="a full URL starting with https://"),
        }, "可选：订阅源的 WebSub 推送（新闻单位、微博和微信的接入方不必反复轮询）"),
        "rules": RULES,
        "federation": FEDERATION,
    }, "门户网站设置和公示政策")


@check
@scoped(RECORD)  # site.yml only
def rule_settings(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """A locked rule cannot be weakened from site.yml (the pipeline ignores such an entry)."""
    for r in ds.of(SiteKind.name):
        for rule_id, value in (r.data.get("rules") or {}).items():
            rule = ruleset.RULES.get(rule_id)
            setting = ruleset.setting_of(value)
            if rule is not None and setting is not None and ruleset.refused(rule, setting):
                yield LOCKED(r.file, keys=("rules", rule_id), rule=rule_id, why_zh=rule.locked_zh,
                             why_en=rule.locked_en)
