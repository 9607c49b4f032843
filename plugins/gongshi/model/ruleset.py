"""The rules: every R- id a finding can carry, declared once, with its documentation.

In the manner of yamllint's rule modules, each rule has an id, the modules that implement it,
a default severity, a title and a documentation paragraph in Chinese and English (what it
checks, why - the legal source in plain words - and how to fix a finding). `gongshi rules`
lists them; `gongshi docs` writes `docs/rules.md` from them; a `Msg` with an id that is not
declared here cannot be created (`UnknownRule`).

Two sorts of rule live here. *Checks* are judged by `gongshi validate` and appear in findings.
*Publication duties* are met by what the portal publishes (a record kind, a page, a feed);
their fields are enforced through R-FORMAT, and they are declared so that issues, hints and
the docs can cite them, and so that a check added for one later needs no new id.

A site may turn a check off or change its severity in site.yml, as yamllint's configuration
does (`rules: {R-MONTHLY: disable, R-DEADLINE: {level: error}}`; `settings()` reads it, the
pipeline applies it to every check's findings). A rule whose bypass would publish what must not
be is *locked*: it declares why (`locked_zh`/`locked_en`), a site.yml that tries to disable it
or lower it to a warning gets an error (model/kinds/site.py), and the pipeline ignores that
setting (fail closed). Locked: R-FORMAT (a file the reader cannot type is judged by no other
rule, and its out-of-range values would reach the outputs), R-REDACT (personal data), R-WINDOW
(display windows: a decision online longer, or shorter, than the law allows), R-REVOKE (a
decision its history revokes shown as standing) and R-TRACE (who may publish at all).

A message normally carries its rule's severity; the few that deliberately carry another say so
with `severity=`, and the rule lists that severity in `also` (a `Msg` whose severity is neither
cannot be created), so that docs/rules.md shows it.

This module imports nothing from the package, so `findings` can import it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"
CHECK = "check"
DUTY = "duty"

DOCS_PATH = "docs/rules.md"


DISABLE = "disable"
ENABLE = "enable"
LEVELS = (ERROR, WARNING)


class UnknownRule(ValueError):
    """A message names a rule id that is not declared in this module."""


class WrongSeverity(ValueError):
    """A message carries a severity its rule does not declare (neither `severity` nor `also`)."""


@dataclass(frozen=True)
class Rule:
    """One rule: identity, where it is implemented and its bilingual documentation."""

    id: str
    sort: str                   # CHECK (findings carry it) or DUTY (met by publication)
    modules: tuple[str, ...]    # modules of the `gongshi` package that implement it
    severity: str               # default severity of its findings ("error" | "warning")
    title_zh: str
    title_en: str
    doc_zh: str
    doc_en: str
    source: str = ""            # the legal source, short and plain
    also: tuple[str, ...] = ()  # other severities some of its messages carry, on purpose
    locked_zh: str = ""         # why a site may not disable it (empty: it may)
    locked_en: str = ""

    @property
    def locked(self) -> bool:
        """Whether site.yml may neither disable it nor lower its severity."""
        return bool(self.locked_zh)

    @property
    def severities(self) -> tuple[str, ...]:
        """Every severity its findings may carry by default: its own first."""
        return (self.severity,) + tuple(s for s in self.also if s != self.severity)

    @property
    def anchor(self) -> str:
        """The fragment of this rule in docs/rules.md."""
        return self.id.lower()

    @property
    def link(self) -> str:
        """Where a clerk reads about it, e.g. `docs/rules.md#r-window` for R-WINDOW."""
        return f"{DOCS_PATH}#{self.anchor}"

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh

    def doc(self, lang: str = "zh") -> str:
        return self.doc_en if lang == "en" else self.doc_zh

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The `-o json` form: both languages, or only `lang` when given."""
        out: dict[str, Any] = {"id": self.id, "sort": self.sort, "severity": self.severity,
                               "also": list(self.also), "locked": self.locked, "modules": list(self.modules)}
        if lang is None:
            out.update(title_zh=self.title_zh, title_en=self.title_en, doc_zh=self.doc_zh, doc_en=self.doc_en)
        else:
            out.update(title=self.title(lang), doc=self.doc(lang))
        if self.locked:
            out.update({"locked_zh": self.locked_zh, "locked_en": self.locked_en} if lang is None
                       else {"locked_why": self.locked_en if lang == "en" else self.locked_zh})
        out.update(source=self.source, docs=self.link)
        return out


_GUIDELINE = "国务院办公厅《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）"
_GUIDELINE_EN = "the State Council General Office's guideline on the three enforcement systems (国办发〔2018〕118号)"

_RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ checks
    Rule(
        "R-FORMAT", CHECK,
        ("gongshi.model.yamlread", "gongshi.model.yamlerrors", "gongshi.model.schema", "gongshi.model.kinds.base", "gongshi.model.dataset",
         "gongshi.model.paths", "gongshi.model.kinds.site", "gongshi.checks.refs", "gongshi.checks.reserved", "gongshi.checks.attachments", "gongshi.app.importer.messages", "gongshi.app.templates"),
        ERROR, "记录格式", "Record format",
        "检查每个数据文件能否被平台读懂：文件放在规定的位置、名称只用小写英文字母、数字和连字符、"
        "以 UTF-8 编码的单个 YAML 文档（不用锚点、标签和重复的键）、每个字段的类型、必填项和可选值都符合"
        "记录格式，日期写成 YYYY-MM-DD，已发生的事项没有将来的日期，公开日期不早于决定日期，决定放在其决定年份的"
        "文件夹中；导入表格和生成模板时的问题也归入此规则。原因：执法公示要求公开的内容完整、准确、统一，"
        "而只有格式一致的记录才能被自动核查、生成网页和开放数据，文件夹和文件名还构成公开网址，发布后不能再改。"
        "改正方法：按提示修改所指的行和列；每个字段的含义和写法见 docs/format.md，编辑器装上 YAML 扩展后可以边写边检查。",
        "Checks that the portal can read every data file: it lies where a record kind lives, its names use only "
        "lowercase ASCII letters, digits and hyphens, it is one UTF-8 YAML document (no anchors, tags or "
        "duplicate keys), and every field has the type, presence and allowed values of the record format; dates "
        "are written YYYY-MM-DD, nothing that has happened is dated in the future, nothing is published before "
        "it was decided, and a decision sits in the folder of the year it was decided. Problems found while "
        "importing a spreadsheet or writing a template belong here too. Why: disclosure must be complete, "
        "accurate and uniform, and only records of one format can be checked automatically and turned into "
        "pages and open data; folder and file names become public URLs that never change once published. "
        "Fix: correct the line and column the finding names; docs/format.md explains every field, and an editor "
        "with the YAML extension checks while you type.",
        _GUIDELINE + "：公示信息应当准确、规范",
        also=(WARNING,),  # gongshi import: a column it ignores, a row already imported (app/importer/)
        locked_zh="读不懂的文件不经其他任何规则检查，超出范围的值会进入网页和开放数据",
        locked_en="a file the reader cannot type is judged by no other rule, and its out-of-range values would "
                  "reach the pages and the open data"),
    Rule(
        "R-REF", CHECK, ("gongshi.checks.refs", "gongshi.checks.attachments"), ERROR, "引用", "References",
        "检查记录之间的引用都指向存在的记录：决定中的执法人员、法制审核人员和执法事项，服务指南中的事项和流程图，"
        "流程图中各步骤的下一步；决定引用的执法事项与决定属于同一执法类别；同一主体内的人员编号、事项编码、文书编号和步骤编号不得重复；每个主体文件夹都有 "
        "agency.yml。原因：公示的决定要能查到是谁、依据哪项职权作出的，断开的引用会让公众看到错误或空白的信息。"
        "改正方法：检查拼写，或先在被引用的文件（officers.yml、items.yml、flowcharts/ 等）中添加该记录；重复的编号改掉其中一个。",
        "Checks that references between records point at records that exist: a decision's officers, legal "
        "reviewer and enforcement item, a guide's item and flowchart, a flowchart step's next steps; that a decision's item is of the decision's own category; that officer "
        "ids, item codes, document numbers and step ids are unique within an agency; and that every agency folder "
        "has an agency.yml. Why: a published decision must show who decided it and under which power; a broken "
        "reference shows the public wrong or empty information. Fix: check the spelling, or first add the record "
        "to the file referred to (officers.yml, items.yml, flowcharts/ …); change one of two duplicate ids.",
        _GUIDELINE + "：公示执法主体、人员、职责和依据"),
    Rule(
        "R-REDACT", CHECK, ("gongshi.checks.redaction", "gongshi.policy.detectors", "gongshi.checks.pages",
                             "gongshi.app.importer.messages", "gongshi.checks.attachments", "gongshi.checks.outscan",
                             "gongshi.app.templates"),
        ERROR, "隐私处理", "Redaction",
        "检查平台公开的每一段文字（记录中标为需扫描的字段，以及 content/ 中的 Markdown 页面和公告）是否含有"
        "未经处理的个人信息：身份证件号码（含港澳台居民居住证、外国人永久居留身份证、港台身份证）、手机和固定电话号码、银行卡号和账号、护照或通行证号码、电子邮箱（含 HTML 属性和自动链接中的）、机动车号牌、自然人的住址和健康信息、未隐去的自然人姓名；"
        "记录的文件名和文件夹名（会成为网址）也检查；文字中的不可见字符和文字方向控制字符是错误（读者看到的与文件不同，可能藏住或倒写号码），redact --write 会删除；统一社会信用代码的校验位不对时给出警告。"
        "原因：实施方案规定，涉及国家秘密、商业秘密、个人隐私和未成年人的信息不予公开，或作适当处理后公开；"
        "法人的统一社会信用代码属于公开信息。改正方法：运行 gongshi redact --write <文件> 按建议遮盖"
        "（自然人保留姓氏，名字写作“某”）；确属公开的号码（如单位电话）加入 site.yml 的 policy.redaction.allow。"
        "附件的每一部分（批注、修订、页眉页脚、文档属性、隐藏工作表、PDF 元数据和表单、OFD 的文档信息、注释、自定义标签和内嵌附件、图片元数据）都被读取，发布的是去除了元数据、批注和修订的副本；"
        "构建生成的每个文件（页面、订阅、开放数据、搜索索引、附件）在上线前再查一遍号码类个人信息，发现即不更新网站。",
        "Checks every text the portal publishes (the record fields marked for scanning, and the Markdown pages "
        "and notices under content/) for unredacted personal data: identity numbers, mobile and landline "
        "numbers, bank cards and accounts, passport numbers, e-mail addresses, vehicle plates, a natural "
        "person's home address or health data, unmasked names of natural persons; identity numbers include residence "
        "permits, permanent-residence IDs and Hong Kong and Taiwan ID cards, e-mails those in HTML attributes and "
        "autolinks. A record's file and folder names (they become its URL) are checked too. An invisible or "
        "text-direction character in a text is an error (readers see other text than the file holds; it can hide a "
        "number or show it reversed), deleted by redact --write. A unified social credit code with a wrong "
        "check character is a warning. Why: the implementation plans say state secrets, trade secrets, personal "
        "privacy and minors' information are not published, or only after proper processing; a legal person's "
        "credit code is public. Fix: run gongshi redact --write <file> to apply the proposed masking (a natural "
        "person keeps the surname, the given name becomes 某); add numbers that are public (an office phone) to "
        "policy.redaction.allow in site.yml. Every part of an attachment is read (comments, tracked changes, headers "
        "and footers, document properties, hidden sheets, PDF metadata and forms, an OFD's document info, "
        "annotations, custom tags and embedded attachments, image metadata), and what is "
        "published is a copy without metadata, comments and tracked changes; every file a build writes (pages, "
        "feeds, open data, search index, attachments) is read again for the number-like kinds before it goes "
        "online, and a hit leaves the site as it was.",
        "各地实施方案：涉及国家秘密、商业秘密、个人隐私的信息不予公开或作适当处理",
        also=(WARNING,),  # gongshi import's summary lines: names it masked, masks it kept (app/importer/)
        locked_zh="关闭后个人信息会被公开", locked_en="turned off, personal data would be published"),
    Rule(
        "R-CODE", CHECK, ("gongshi.checks.redaction", "gongshi.runtime.checksums"), WARNING,
        "统一社会信用代码", "Credit codes",
        "检查记录中组织机构的统一社会信用代码的校验位（GB 32100）。原因：信用代码是公示和信用平台归集的主键，"
        "抄错一位就会把处罚记到别的单位名下，而它本身不是个人信息，所以单列为提示，不归入个人信息规则。"
        "改正方法：对照营业执照核对代码。",
        "Checks the check character (GB 32100) of the unified social credit codes of organisations in the records. "
        "Why: the credit code is the key the credit platforms file a decision under, and one wrong character files "
        "it under another organisation; it is not personal data, so it is a warning of its own, not part of the "
        "personal-data rule. Fix: check the code against the business licence.",
        "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》"),
    Rule(
        "R-WINDOW", CHECK, ("gongshi.checks.display",), ERROR, "公示期限", "Display window",
        "检查执法决定的公示期限：决定中的 display 在公示政策允许的最短和最长期限之间，政策本身满足 "
        "最短 ≤ 默认 ≤ 最长，提前撤下（withdrawn）的决定已公示满最短期限（决定被撤销或确认违法的除外：history 中已撤销，或 reason 写明决定被撤销、撤回、确认违法或无效；复议、诉讼本身或当事人已纠正不算，复议维持的更不算）。"
        "公示政策没有规定行政处罚的公示期限（会一直公示）的，每个行政处罚决定都是错误。"
        "期限从公开日期（或按政策从决定日期）起按民法典的月份计算；期满后该决定从所有网页、订阅、搜索和数据文件中消失。"
        "原因：实施方案规定行政处罚结果在网上公示最长五年、最短一年，期满撤下；市场监管和国家信用规则另有三个月到三年的规定，可用政策预设选用。"
        "改正方法：把 display 改到提示的范围内，或删除它以使用默认期限；提前撤下须等最短期限届满，或在 reason 中写明决定已被撤销。",
        "Checks decisions' display windows: a decision's display lies between the policy's minimum and maximum, "
        "the policy itself has min <= default <= max, and a decision withdrawn early has stayed online for the "
        "minimum (unless the decision itself was overturned: revoked in its history, or the reason says it was "
        "revoked, withdrawn, or held unlawful or void; a review or lawsuit as such, or the party having corrected "
        "its conduct, does not count, nor does a review that upheld it); a penalty under a policy that sets no "
        "window for 行政处罚 (it would stay online for good) is an error. Windows count from the publication day (or, by "
        "policy, the decision day) in civil-code months; when one ends the decision leaves every page, feed, "
        "search index and data file. Why: the implementation plans keep penalty results online at most five "
        "years and at least one year; the market-regulation and national credit rules use three months to three "
        "years instead, available as policy presets. Fix: set display within the range the finding gives, or "
        "delete it to use the default; withdraw only after the minimum, or say in the reason that the decision "
        "was overturned.",
        "浙政办发〔2019〕20号：行政处罚结果公示期限最长五年、最短一年",
        locked_zh="关闭后决定会在法定期限之外公示（过长或过短）",
        locked_en="turned off, decisions would be shown outside the windows the law sets (too long or too short)"),
    Rule(
        "R-DEADLINE", CHECK, ("gongshi.checks.deadline", "gongshi.policy.workdays"), WARNING, "公开时限", "Publication deadline",
        "检查执法决定是否按时公开：从决定日期到公开日期的工作日数不超过政策规定（默认行政许可和行政处罚 7 个工作日，"
        "其他 20 个工作日）。工作日按国务院公布的节假日和调休安排计算；某一年的安排尚未收录时，只按周末计算并给出警告；政策没有规定某类决定的时限（也没有 default）时，无法检查，同样给出警告；calendar.yml 中写错年份的日期、开始晚于结束的假期和没有放假日期的年份也给出警告（它们不会被计入）。"
        "原因：实施方案要求行政许可、行政处罚决定自作出之日起 7 个工作日内公开，其他执法决定 20 个工作日内公开。"
        "改正方法：已迟延的无法补救，请说明原因并加快公开流程；缺少节假日安排的，在 data/calendar.yml 中补上该年。",
        "Checks that decisions are published on time: the working days from decision to publication stay within "
        "the policy (by default 7 for permits and penalties, 20 for other decisions). Working days follow the "
        "State Council's holiday schedule including make-up working days; for a year whose schedule is not "
        "known yet, weekends alone count and a warning says so; a category the policy gives no limit (and "
        "no default) cannot be checked, and a warning says that too, as it does for calendar.yml dates filed under another "
        "year, holidays that end before they start and years without holidays (none of them is counted). Why: the implementation plans require permits "
        "and penalties to be published within 7 working days of the decision, other decisions within 20. Fix: "
        "a late publication cannot be undone - record why and speed the process up; add a missing year's "
        "holidays to data/calendar.yml.",
        "浙政办发〔2019〕20号等：7 个工作日 / 20 个工作日内公开"),
    Rule(
        "R-TWO", CHECK, ("gongshi.checks.roster",), WARNING, "两名持证执法人员", "Two certified officers",
        "检查每个执法决定至少由两名具有执法人员身份的人员承办，且他们的执法证件在决定日期有效；执法辅助人员不计入。"
        "原因：行政处罚法规定执法人员不得少于两人并应出示执法证件，实施方案要求持证上岗、亮证执法。"
        "改正方法：在 officers 中列出至少两名持有效证件的执法人员编号，并在 officers.yml 中填写他们的证件及有效期。",
        "Checks that at least two people with the enforcement officer role acted in each decision and that "
        "their certificates were valid on the decision day; auxiliary staff do not count. Why: the "
        "Administrative Penalty Law requires at least two officers who show their certificates, and the "
        "implementation plans require certified enforcement. Fix: list at least two certified officers' ids "
        "under officers, and record their certificates and validity in officers.yml.",
        "《中华人民共和国行政处罚法》第四十二条"),
    Rule(
        "R-REVIEW", CHECK, ("gongshi.checks.roster",), WARNING, "重大决定法制审核", "Legal review of major decisions",
        "检查重大执法决定（major: true；未写明 major 而其执法事项列入重大执法决定法制审核目录清单（items.yml 中 major_review: true）的，也按重大执法决定）在作出前经过法制审核：有 legal_review 记录，审核日期不晚于决定日期，"
        "审核人具有法制审核人员身份，审核意见为“同意”；非重大决定记录了法制审核的，同样按这些要求检查该审核。原因：重大执法决定法制审核制度要求未经法制审核或审核未通过的，"
        "不得作出决定；审核意见为同意、纠正或移送。改正方法：补录 legal_review（审核人员、日期、意见）；"
        "意见为纠正或移送的，按意见处理后重新审核。",
        "Checks that a major decision (major: true; also one that does not say major while its item is in the "
        "catalogue of major decisions, major_review: true in items.yml) was legally reviewed before it was made: a legal_review "
        "exists, dated no later than the decision, by someone with the legal reviewer role, with the opinion "
        "同意 (agree); a legal review recorded for a decision that is not major is judged the same way. Why: the legal review system says a major decision that was not reviewed, or did not "
        "pass review, must not be made; the opinion is agree, correct or refer. Fix: record legal_review "
        "(reviewer, date, opinion); after a 纠正 or 移送 opinion, act on it and review again.",
        _GUIDELINE + "；《中华人民共和国行政处罚法》第五十八条"),
    Rule(
        "R-FIVEPCT", CHECK, ("gongshi.checks.roster",), WARNING, "法制审核人员比例", "Share of legal reviewers",
        "检查每个执法主体的法制审核人员不少于其执法人员的 5%（比例可在 site.yml 的 policy.legal_reviewer_ratio 中设置）。"
        "原因：实施方案要求法制审核人员原则上不少于本单位执法人员总数的 5%。"
        "改正方法：增配法制审核人员，或把已有的审核人员补录到 officers.yml（角色“法制审核人员”）。",
        "Checks that each agency's legal reviewers are at least 5% of its enforcement officers (the ratio can "
        "be set as policy.legal_reviewer_ratio in site.yml). Why: the implementation plans require legal "
        "reviewers to be, in principle, at least 5% of an agency's enforcement staff. Fix: appoint more legal "
        "reviewers, or add existing ones to officers.yml with the 法制审核人员 role.",
        "霍法组办〔2020〕3号、浙政办发〔2019〕20号：原则上不少于执法人员总数的 5%"),
    Rule(
        "R-ADJUST", CHECK, ("gongshi.checks.adjust",), WARNING, "提前一个月调整", "Changes announced a month ahead",
        "检查服务指南 changes 中的每项调整至少在生效前一个月公告（按民法典的月份计算）。"
        "原因：实施方案要求法律依据或职责调整时，提前一个月对公示内容进行动态调整。"
        "改正方法：推迟生效日期（effective），或说明不能提前公告的理由。",
        "Checks that each change listed under a guide's changes was announced at least one month (civil-code "
        "months) before it takes effect. Why: the implementation plans require the disclosed content to be "
        "adjusted one month before a change of legal basis or duties takes effect. Fix: move the effective "
        "date later, or explain why it could not be announced earlier.",
        "霍法组办〔2020〕3号：应提前一个月对公示内容进行动态调整"),
    Rule(
        "R-MONTHLY", CHECK, ("gongshi.checks.monthly", "gongshi.app.refresh"), WARNING, "每月更新", "Monthly refresh",
        "检查每个执法主体在核对日期前一个月内有公众看得到的新的公开或更新（不公开的决定，如涉及未成年人或按政策不予公示的，以及公示期满后的更正，都不算）；平台的定时重建（gongshi refresh）让按期公开和到期撤下在无人提交时也能生效。"
        "原因：实施方案要求公示内容原则上每月至少更新一次。"
        "改正方法：公开新的执法决定，或更新已公开的信息。",
        "Checks that each agency published or updated something the public could see within the month before the "
        "as-of date (a decision never shown, a minor's or one the policy does not publish, and a correction after "
        "the window ended do not count); the "
        "scheduled rebuild (gongshi refresh) makes scheduled records appear and expired ones vanish even when "
        "nobody commits. Why: the implementation plans require disclosures to be refreshed, in principle, at "
        "least once a month. Fix: publish new decisions, or update what is online.",
        "霍法组办〔2020〕3号：原则上每月更新一次"),
    Rule(
        "R-TRACE", CHECK, ("gongshi.app.ownership",), ERROR, "全过程留痕", "Traceable changes",
        "检查每个提交只修改提交人负责维护的文件（主体文件夹归其 agency.yml 中的 maintainers，其余归 site.yml 中的 maintainers），"
        "登记了签名密钥的，提交须用其签名（gongshi check-changes）。原因：执法全过程记录制度要求全过程留痕、可回溯，"
        "git 历史记录了每次公开、更正和撤销由谁在何时作出。改正方法：由维护人员提交，或先由现有维护人员添加提交人；"
        "用 git commit -S 以登记的密钥签名。",
        "Checks that each commit changes only files its author maintains (an agency folder belongs to the "
        "maintainers of its agency.yml, the rest to those of site.yml), signed with a registered key where "
        "the owners list keys (gongshi check-changes). Why: the whole-process recording system requires every "
        "step to leave a trace that can be followed back; the git history records who published, corrected or "
        "revoked what, and when. Fix: have a maintainer commit, or have a current maintainer add the author "
        "first; sign with git commit -S using a registered key.",
        _GUIDELINE + "：执法全过程留痕和可回溯管理",
        locked_zh="关闭后任何人都能以任何主体的名义公开内容",
        locked_en="turned off, anyone could publish in any agency's name"),
    Rule(
        "R-CATALOG", CHECK, ("gongshi.checks.catalogue", "gongshi.outputs.opendata.generator"), WARNING,
        "开放数据目录", "Open-data catalogue",
        "检查开放数据目录 data.json 能被数据开放平台汇聚：site.yml 的 identity.contact.email 填写了网站管理部门的电子邮箱，"
        "它是目录中每个数据集的联系邮箱（hasEmail）。原因：开放数据按 DCAT 标准编目，省级和国家数据开放平台据此自动汇聚；"
        "该标准要求每个数据集有联系邮箱，缺少时整个目录被拒收，而网站本身看不出问题。"
        "改正方法：在 site.yml 的 identity 下填写 contact: {email: …}（该地址会公开）。",
        "Checks that the open-data catalogue data.json can be harvested by a data portal: site.yml's "
        "identity.contact.email names the site office's e-mail, which is every dataset's contact e-mail "
        "(hasEmail) in the catalogue. Why: the open data is catalogued by the DCAT standard so that "
        "provincial and national data portals take it in automatically; the standard requires a contact "
        "e-mail for every dataset, and without one the whole catalogue is rejected while the site itself "
        "looks fine. Fix: add contact: {email: …} under identity in site.yml (the address is published).",
        "DCAT-US 1.1（data.json）：contactPoint.hasEmail 为必填项"),
    # ------------------------------------------------------------------ publication duties
    Rule(
        "R-SUBJ", DUTY, ("gongshi.model.kinds.agency", "gongshi.outputs.portal.pages_agency"), ERROR, "执法主体", "Enforcement subjects",
        "平台公开每个执法主体的名称、性质、法定代表人、地址、电话（含投诉电话）、职责权限、执法依据、救济途径、编制和经费"
        "（agency.yml）。原因：事前公开要求公示执法主体资格清单。改正方法：按 docs/format.md 填写 agency.yml。",
        "The portal publishes each enforcement subject's name, nature, legal representative, address, phones "
        "(complaint line included), duties and powers, legal basis, remedies, staffing and funding "
        "(agency.yml). Why: disclosure before enforcement includes the list of enforcement subjects. Fix: fill "
        "in agency.yml as docs/format.md shows.",
        _GUIDELINE + "：事前公开执法主体"),
    Rule(
        "R-ROSTER", DUTY, ("gongshi.model.kinds.officer",), ERROR, "执法人员名录", "Officer roster",
        "平台公开执法人员名录：姓名、执法证号、执法领域、发证机关和有效期，执法辅助人员单独标明（officers.yml）。"
        "原因：实施方案要求公示执法人员信息，持证上岗。改正方法：按 docs/format.md 填写 officers.yml。",
        "The portal publishes the officer roster: name, certificate number, enforcement fields, issuing "
        "authority and validity, with auxiliary staff marked as such (officers.yml). Why: the implementation "
        "plans require enforcement staff to be disclosed and certified. Fix: fill in officers.yml as "
        "docs/format.md shows.",
        _GUIDELINE + "：事前公开执法人员"),
    Rule(
        "R-POST", DUTY, ("gongshi.model.kinds.officer",), ERROR, "岗位信息", "Window posts",
        "平台公开服务窗口的岗位信息：人员、岗位、职责和办理事项（officers.yml 中的 post 和 window）。"
        "原因：实施方案要求在服务窗口设置岗位信息公示牌。改正方法：为窗口人员填写 post 和 window。",
        "The portal publishes window post information: staff, post, duties and services (post and window in "
        "officers.yml). Why: the implementation plans require a post board at each service window. Fix: fill "
        "in post and window for window staff.",
        "霍法组办〔2020〕3号：公示岗位信息"),
    Rule(
        "R-ITEMS", DUTY, ("gongshi.model.kinds.item",), ERROR, "执法事项清单", "Enforcement item list",
        "平台公开行政执法事项清单：类别、名称、依据、裁量基准、承办机构和办理时限（items.yml）。"
        "原因：实施方案要求公示执法职责和事项清单。改正方法：按 docs/format.md 填写 items.yml。",
        "The portal publishes the list of enforcement items: category, name, legal basis, discretion standard, "
        "responsible unit and time limit (items.yml). Why: the implementation plans require the list of "
        "enforcement duties and items to be disclosed. Fix: fill in items.yml as docs/format.md shows.",
        _GUIDELINE + "：事前公开执法事项"),
    Rule(
        "R-GUIDE", DUTY, ("gongshi.model.kinds.guide",), ERROR, "服务指南", "Service guides",
        "平台公开服务指南：事项、依据、受理和审批机构、申请材料及示范文本、办理步骤、时限、收费、监督电话、救济途径、"
        "办公时间和地点（guides/<编号>.yml）。原因：实施方案要求编制并公开服务指南。改正方法：每个事项一份指南，按 docs/format.md 填写。",
        "The portal publishes service guides: item, basis, accepting and approving bodies, materials with "
        "sample texts, steps, time limits, fees, supervision phone, remedies, office hours and address "
        "(guides/<slug>.yml). Why: the implementation plans require service guides to be written and "
        "disclosed. Fix: one guide per item, filled in as docs/format.md shows.",
        _GUIDELINE + "：编制并公开服务指南"),
    Rule(
        "R-FLOW", DUTY, ("gongshi.model.kinds.flowchart", "gongshi.outputs.portal.flowchart_svg"), ERROR, "流程图", "Flowcharts",
        "平台把执法流程、法制审核流程和全过程记录流程画成流程图公开（flowcharts/<编号>.yml）。"
        "原因：实施方案要求公示执法流程图。改正方法：按 docs/format.md 写出各步骤及其下一步。",
        "The portal draws and publishes flowcharts of enforcement, legal review and recording procedures "
        "(flowcharts/<slug>.yml). Why: the implementation plans require procedure flowcharts to be disclosed. "
        "Fix: write the steps and their next steps as docs/format.md shows.",
        _GUIDELINE + "：公示执法流程图"),
    Rule(
        "R-RAND", DUTY, ("gongshi.model.kinds.inspection",), ERROR, "随机抽查事项", "Random inspections",
        "平台公开随机抽查事项清单：检查主体、依据、对象、内容、比例、方式和频次（inspections.yml）。"
        "原因：实施方案要求公开“双随机、一公开”抽查事项和结果。改正方法：按 docs/format.md 填写 inspections.yml。",
        "The portal publishes the random-inspection list: inspecting body, basis, targets, content, ratio, "
        "method and frequency (inspections.yml). Why: the implementation plans require random inspections and "
        "their results to be disclosed. Fix: fill in inspections.yml as docs/format.md shows.",
        "济外侨办字〔2017〕28号等：公开随机抽查事项清单"),
    Rule(
        "R-LISTS", CHECK, ("gongshi.model.kinds.item", "gongshi.model.kinds.plan", "gongshi.model.kinds.discretion"), ERROR, "记录和审核清单", "Recording and review lists",
        "平台公开音像记录事项清单、重大执法决定法制审核目录清单（items.yml 中的 av_recording 和 major_review）、"
        "裁量基准（discretion.yml，见 R-DISCRETION）和年度行政执法计划（plans/<年份>.yml）。检查年度计划以年份命名、year 与文件名一致、在年度结束前批准，且批准日期不晚于核对日期（计划没有公开日期，通过检查即公开）。"
        "原因：实施方案要求编制并公开这些清单和计划。改正方法：在事项清单中标明哪些事项需要音像记录、哪些属于重大执法决定；"
        "每个年度的计划放在 plans/<年份>.yml，按提示更正年份或批准日期。",
        "The portal publishes the audio-visual recording list and the catalogue of major decisions that need "
        "legal review (av_recording and major_review in items.yml), discretion standards (discretion.yml, see "
        "R-DISCRETION) and the annual "
        "enforcement plan (plans/<yyyy>.yml). Checks that a plan is named by its year, that its year matches the "
        "file name, that it was approved before its year ended and not after the as-of date (a plan has no "
        "publication day: it is public once it validates). Why: the implementation plans require these "
        "lists and the plan to be drawn up and disclosed. Fix: mark in the item list which items need recording "
        "and which are major decisions; put each year's plan in plans/<yyyy>.yml and correct the year or the "
        "approval date as the finding says.",
        "乌鲁木齐市实施方案、济外侨办字〔2017〕28号：音像记录事项清单、重大执法决定法制审核目录清单"),
    Rule(
        "R-DISCRETION", CHECK, ("gongshi.model.kinds.discretion",), WARNING, "裁量基准", "Discretion standards",
        "检查写明了裁量基准和情形（discretion: {standard, level}）的行政处罚决定：罚款金额在该基准该情形的罚款幅度之内，"
        "情形是基准中列出的一种；基准中每一阶次的罚款下限不高于上限。裁量基准以结构化记录公开（discretion.yml："
        "违法行为、依据、各情形的处罚和罚款幅度），网站以表格显示。原因：实施方案要求制定并公开行政裁量基准，"
        "处罚应当与违法行为的事实、性质、情节和社会危害程度相当。改正方法：核对罚款金额、基准编号和情形；"
        "依法减轻或偏离基准的，在决定中写明理由（该提示为警告，不阻止发布）。",
        "Checks a penalty decision that names its discretion standard and circumstance (discretion: {standard, "
        "level}): the fine lies within the band of that circumstance, and the circumstance is one the standard "
        "lists; and that each band's lowest fine is not above its highest. The standards are published as "
        "structured records (discretion.yml: violation, basis, the penalty and fine band of each circumstance) "
        "and shown as a table. Why: the implementation plans require discretion standards to be set and "
        "published, and a penalty must fit the facts, nature, circumstances and harm of the violation. Fix: "
        "check the fine, the standard's code and the circumstance; a decision that mitigates or departs from the "
        "standard lawfully says why (this is a warning and does not stop publication).",
        _GUIDELINE + "：建立健全行政裁量基准制度；《中华人民共和国行政处罚法》第三十四条"),
    Rule(
        "R-DEC", CHECK, ("gongshi.model.kinds.decision", "gongshi.checks.mandatory", "gongshi.outputs.portal.pages_decisions"), ERROR, "执法决定公开", "Decisions",
        "平台公开每个执法决定：执法机关、执法对象、类别和结论；行政处罚还有文号、违法事实、依据、处罚内容、金额和决定日期"
        "（decisions/<年份>/<编号>.yml）。全国双公示数据标准规定为必填的项目，按执法类别检查（model/kinds/decision.py 的 MANDATORY）："
        "行政处罚须有违法行为类型、违法事实、处罚依据、处罚类别和处罚内容，罚款、没收、暂扣或吊销证照时须有相应金额或证照，"
        "当事人为法人或非法人组织时须有统一社会信用代码和法定代表人；行政许可须有许可内容。其余必填项由 R-FORMAT 检查。"
        "原因：事后公开要求公开执法决定；信用平台按双公示标准导入，必填项为空的记录不能上报。"
        "改正方法：按提示和 docs/format.md 填写决定。",
        "The portal publishes every decision: deciding agency, party, category and conclusion; penalties also "
        "carry document number, facts, basis, penalty, amounts and decision date (decisions/<yyyy>/<slug>.yml). "
        "The fields the national 双公示 data standard makes mandatory are checked per category (MANDATORY in "
        "model/kinds/decision.py): a penalty needs violation type, facts, basis, penalty kinds and result, the "
        "amount or licence of a fine, confiscation, suspension or revocation, and a credit code and legal "
        "representative when the party is an organisation; a permit needs its result. Other required fields are "
        "checked as R-FORMAT. Why: disclosure after enforcement publishes decisions, and credit platforms import "
        "the 双公示 format, where a record with an empty mandatory column cannot be reported. Fix: fill in the "
        "decision as the hint and docs/format.md show.",
        _GUIDELINE + "：事后公开执法决定"),
    Rule(
        "R-REVOKE", CHECK, ("gongshi.checks.revocation", "gongshi.policy.visibility", "gongshi.outputs.portal.pages_decisions"),
        ERROR, "撤销和更正", "Revocation and correction",
        "平台按 status、history 和 withdrawn 公开决定的更正和撤销记录，被撤销或提前撤下的决定及时下线。"
        "检查 status 与 history 一致：history 中有撤销的，status 须为“已撤销”（否则被撤销的决定会被当作有效决定公示），"
        "status 为“已撤销”或“已更正”的，history 中须有相应记录；同一决定不能撤销两次；history 按时间先后排列，且不早于决定日期。"
        "原因：实施方案要求建立公示信息的发布、撤销和更新机制，确保执法信息实时有效；被撤销的行政处罚决定应在三个工作日内撤下公示信息。"
        "改正方法：在 history 中按时间顺序记下每次更正和撤销，并使 status 与之一致。",
        "The portal shows each decision's corrections and revocations from status, history and withdrawn, and "
        "takes revoked or withdrawn decisions offline promptly. Checks that status agrees with history: a "
        "revocation in history needs status 已撤销 (else a revoked decision would be shown as standing), status "
        "已撤销 or 已更正 needs its entry in history; a decision is revoked once; history is in date order and "
        "not before the decision. Why: the implementation plans require a mechanism to publish, revoke and "
        "update disclosures so that they stay true; a penalty decision that is overturned is taken down within "
        "three working days. Fix: record every correction and revocation under history, oldest first, and "
        "make status agree.",
        _GUIDELINE + "；《中华人民共和国行政处罚法》第四十八条",
        locked_zh="关闭后，history 中已撤销的决定可能被当作有效决定公示",
        locked_en="turned off, a decision its own history revokes could be shown as if it stood"),
    Rule(
        "R-ANNUAL", CHECK, ("gongshi.model.kinds.stats", "gongshi.policy.statistics", "gongshi.policy.suppression", "gongshi.checks.annual", "gongshi.cli.annual", "gongshi.outputs.portal.stats"), WARNING,
        "年度统计", "Annual statistics",
        "上一年度的行政执法数据统计（执法人员、许可、处罚、强制、抽查结果、按时公开率）由 gongshi annual 按该年度全部决定"
        "（含未公开的）生成快照 stats/<年份>.yml，核对后提交，网站显示快照；1 至 2 件的分项记为“少于3件”、其金额记为“不公开”，"
        "能由合计推算出这些分项的数字也记为“不公开”，以免识别出当事人。"
        "缺少已到期年度的快照（上年度自 1 月 31 日以后；更早的、有决定的年度一直提示）、或已公布年度的数据此后有变化（数字或输入摘要不同；网站仍显示快照），都会提示。"
        "原因：实施方案要求每年 1 月 31 日前公开上年度行政执法总体情况和有关数据，公布的年报不应悄悄改变。"
        "改正方法：运行 gongshi annual <年份>，核对后提交；确属更正的，重新生成并说明原因。",
        "Last year's enforcement statistics (officers, permits, penalties, coercive measures, inspection "
        "results, on-time rate) are written by gongshi annual over every decision of the year, public or not, "
        "as the snapshot stats/<yyyy>.yml, reviewed and committed; the site shows the snapshot; cells of 1 or "
        "2 are shown as '少于3件' (fewer than 3) and their amounts as '不公开' (withheld), and so is any figure "
        "from which such a cell could be worked out through the totals, so that no party is identified. A "
        "missing snapshot of a year that is due (last year's after 31 January; an earlier year with decisions "
        "for as long as it is missing), and a change of a published year's data since (a "
        "figure or the inputs digest; the site keeps the snapshot), are reported. Why: the "
        "implementation plans require last year's figures to be published by 31 January, and a published "
        "report must not change silently. Fix: run gongshi annual <yyyy>, review and commit it; for a "
        "correction, write it again and say why.",
        "霍法组办〔2020〕3号、浙政办发〔2019〕20号：每年 1 月 31 日前公开上年度数据",
        also=(ERROR,)),  # a snapshot whose file name is not its year would be shown as another year
    Rule(
        "R-SEARCH", DUTY, ("gongshi.outputs.search",), ERROR, "便于查询", "Search",
        "平台提供全文搜索，手机上也能方便查询公示内容。原因：实施方案要求公示信息“掌上查、随时查”。改正方法：无需操作。",
        "The portal offers full-text search that works on phones too. Why: the implementation plans want "
        "disclosures searchable anywhere, any time, on the phone. Fix: nothing to do.",
        "浙政办发〔2019〕20号：掌上查、随时查"),
    Rule(
        "R-FEEDS", DUTY, ("gongshi.outputs.feeds",), ERROR, "订阅推送", "Feeds",
        "平台为新公开的内容提供订阅源，媒体和公众无需访问网站即可收到。原因：实施方案要求通过微博、微信、客户端等渠道推送公示信息。"
        "改正方法：无需操作。",
        "The portal offers feeds of new disclosures so news outlets and citizens receive them without visiting "
        "the site. Why: the implementation plans want disclosures pushed through channels such as Weibo, "
        "WeChat and apps. Fix: nothing to do.",
        "浙政办发〔2019〕20号：拓宽公示渠道"),
    Rule(
        "R-STATS", DUTY, ("gongshi.publication.compliance", "gongshi.outputs.portal.stats"), ERROR, "统计分析", "Compliance statistics",
        "平台和 gongshi report 按主体统计按时公开率和各规则的问题，用于改进执法。原因：实施方案要求对公示和记录数据进行统计分析，"
        "发挥其在执法监督中的作用。改正方法：按报告处理需要关注的记录。",
        "The portal and gongshi report count on-time publication and findings by rule per agency, to improve "
        "enforcement. Why: the implementation plans want disclosure and recording data analysed to supervise "
        "enforcement. Fix: deal with the records the report lists.",
        "霍法组办〔2020〕3号：发挥记录作用"),
)

RULES: dict[str, Rule] = {r.id: r for r in _RULES}


def get(rule_id: str) -> Rule:
    """The rule `rule_id`; UnknownRule when it is not declared here."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRule(
            f"rule id {rule_id!r} is not declared in gongshi/model/ruleset.py; declare it there "
            f"(id, modules, severity, titles and documentation), then run gongshi docs") from None


def checks() -> list[Rule]:
    """The rules validate judges, in declaration order."""
    return [r for r in _RULES if r.sort == CHECK]


def check_severity(rule_id: str, severity: str) -> None:
    """WrongSeverity unless `severity` is one `rule_id` declares (its own or in `also`)."""
    rule = get(rule_id)
    if severity not in rule.severities:
        raise WrongSeverity(
            f"a message of {rule_id} is {severity!r}, but {rule_id} declares {'/'.join(rule.severities)}; "
            f"use the rule's severity, or add {severity!r} to its `also` in gongshi/model/ruleset.py "
            f"(and say why there)")


@dataclass(frozen=True)
class Setting:
    """What site.yml's `rules:` says of one rule: off, or on at a level (None: its own)."""

    enabled: bool = True
    level: str | None = None


def setting_of(value: Any) -> Setting | None:
    """One value of `rules:` (`disable`, `enable` or `{level: error|warning}`), None when it is
    none of these (the schema reports it)."""
    if value == DISABLE:
        return Setting(enabled=False)
    if value == ENABLE:
        return Setting()
    if isinstance(value, Mapping) and set(value) <= {"level"} and value.get("level") in LEVELS:
        return Setting(level=value["level"])
    return None


def refused(rule: Rule, setting: Setting) -> bool:
    """Whether `setting` would weaken a locked rule (turn it off or lower it to a warning)."""
    return rule.locked and (not setting.enabled or (setting.level is not None and setting.level != ERROR))


def settings(rules: Any) -> dict[str, Setting]:
    """site.yml's `rules:` as {rule id: Setting}, keeping only what may apply: declared check
    rules, valid values, and nothing that weakens a locked rule (fail closed: such an entry is
    reported by model/kinds/site.py and has no effect)."""
    out: dict[str, Setting] = {}
    if not isinstance(rules, Mapping):
        return out
    for rule_id, value in rules.items():
        rule = RULES.get(rule_id) if isinstance(rule_id, str) else None
        setting = setting_of(value)
        if rule is None or rule.sort != CHECK or setting is None or refused(rule, setting):
            continue
        if setting != Setting():
            out[rule_id] = setting
    return out
