"""The content of a decision's page (gongshi_decision.html: breadcrumbs, the article from its
<h1> to the record of corrections, provenance), written in Python.

Every public decision has a page, 68,000 at 100,000 decisions, and this part of it is the same
shape on each: about sixty look-ups, tests, escapes and translations that Jinja makes through
its runtime (a context call per method, an Undefined check per name), and two macros imported
`with context`, which runs partials/macros.html again on every page. Written here, the page
costs about a third of what it did (measured in README, "Benchmark"). It is the very markup
the template and its macros wrote, with Jinja's semantics for every value, as rows.py does for
the decision tables: look-ups with the environment's answers (a missing field is Undefined and
renders as nothing, a non-public one raises NonPublicField as in a template), every value
escaped as autoescape does, `or`, `if`, `~` and `==` on the same values, the `md` and `money`
filters and the `urls` and `subject_url` globals the environment holds, `join` as Jinja's filter,
the template's whitespace under Pelican's `trim_blocks`/`lstrip_blocks`, and every label
translated as `{{ _('…') }}` is (portal/i18n.py): a literal once, a formatted one through
`Markup(text) % values`, which escapes the values. The template keeps the page's frame;
tests/outputs/test_portal_decision.py compares these functions with the former template and
macros on every demo decision and on decisions missing their optional fields, and
tests/test_golden_site.py pins the bytes.
"""
from __future__ import annotations

import gettext
import re
from typing import Any, Callable

from jinja2 import pass_environment
from jinja2.filters import do_join
from jinja2.nodes import EvalContext
from jinja2.runtime import markup_join
from markupsafe import Markup, escape

# What portal/i18n.py's StaticGettext leaves to gettext at render time (a translation that
# formats or holds template syntax).
_RUNTIME = frozenset("%{}#")
# A character markupsafe's escape replaces: a str without one is its own escape (most values).
_SPECIAL = re.compile("[&<>\"']").search


def _text(value: Any) -> str:
    """`{{ value }}` under autoescape: markupsafe's escape, without making a Markup for a plain
    str that needs none."""
    if type(value) is str and not _SPECIAL(value):
        return value
    return str(escape(value))


class _Labels:
    """The page's labels in the build's language, each as the template's `_()` gives it."""

    def __init__(self, translations: Any) -> None:
        self._gettext = (translations or gettext.NullTranslations()).gettext
        self._done: dict[str, str] = {}

    def call(self, text: str) -> Markup:
        """`_('…')` inside an expression: gettext, marked safe, formatted with no values (Jinja's
        new-style gettext under autoescape)."""
        out: Markup = Markup(self._gettext(text)) % {}
        return out

    def __call__(self, text: str) -> str:
        """`{{ _('…') }}` alone: the translation written into the template when it is compiled
        (StaticGettext), else the call at render time."""
        label = self._done.get(text)
        if label is None:
            got = self._gettext(text)
            label = self._done[text] = str(self.call(text)) if set(got) & _RUNTIME else str(got)
        return label

    def format(self, text: str, **values: Any) -> str:
        """`{{ _('… %(v)s …', v=…) }}`: the values escaped into the translation."""
        return str(Markup(self._gettext(text)) % values)


def _labels(env: Any) -> _Labels:
    """The environment's labels, made once per environment and language (portal/i18n.py
    `install` sets `gongshi_translations`)."""
    t = getattr(env, "gongshi_translations", None)
    known: tuple[Any, _Labels] | None = getattr(env, "gongshi_decision_labels", None)
    if known is None or known[0] is not t:
        known = (t, _Labels(t))
        env.gongshi_decision_labels = known
    return known[1]


@pass_environment
def decision_crumbs(env: Any, rec: Any, agency: Any, siteurl: Any) -> Markup:
    """`m.crumbs(...)` as gongshi_decision.html called it: home, the agency, its decisions, the
    decision's year, the decision's number."""
    ga, _ = env.getattr, _labels(env)
    base = _text(siteurl)
    slug = ga(agency, "agency")
    decisions_list = ga(env.globals["urls"], "decisions_list")
    year = ga(rec, "year")
    items = [(_concat(slug, "/index.html"), _text(ga(ga(agency, "data"), "name"))),
             (decisions_list(slug), str(_.call("执法决定"))),
             (decisions_list(slug, year=year), _text(_concat(year, ""))),
             ("", _text(ga(ga(rec, "data"), "doc_no")))]
    out = [f'<nav class="crumbs" aria-label="{_("当前位置")}"><ol>\n<li><a href="{base}/index.html">{_("首页")}</a></li>\n']
    for href, label in items:
        if href:
            out.append(f'<li><a href="{base}/{_text(href)}">{label}</a></li>')
        else:
            out.append(f'<li><span aria-current="page">{label}</span></li>')
    out.append("</ol></nav>")
    return Markup("".join(out))


def _concat(a: Any, b: str) -> Any:
    """Jinja's `a ~ b` under autoescape (runtime.markup_join) for a plain `b`."""
    return markup_join((a, b))


@pass_environment
def decision_article(env: Any, rec: Any, title: Any, agency: Any, item: Any, officers: Any, officer_ids: Any,
                     reviewer: Any, last_day: Any, siteurl: Any) -> Markup:
    """The markup gongshi_decision.html wrote from `<h1>` to the end of the corrections' list,
    for the page context's values of the same names (`siteurl`: SITEURL)."""
    ga, gi, _ = env.getattr, env.getitem, _labels(env)
    d = ga(rec, "data")
    base = _text(siteurl)
    slug = ga(agency, "agency")
    out: list[str] = []
    w = out.append

    status = ga(d, "status")
    w(f'<h1>{_text(title)}</h1>\n<p class="status">{_text(status or _.call("有效"))}')
    if status == "已更正":
        w(f" · {_('本决定已更正，见下方更正记录')}")
    w(f'</p>\n<dl class="fields">\n<dt>{_("文书编号")}</dt><dd>{_text(ga(d, "doc_no"))}</dd>\n')
    w(f'<dt>{_("执法主体")}</dt><dd><a href="{base}/{_text(slug)}/index.html">{_text(ga(ga(agency, "data"), "name"))}</a></dd>\n')
    category = ga(d, "category")
    listed = ga(env.globals["urls"], "decisions_list")(slug, cat=category)
    w(f'<dt>{_("执法类别")}</dt><dd><a href="{base}/{_text(listed)}">{_text(category)}</a></dd>\n')
    code = ga(d, "item")
    if code:
        if item:
            w(f'<dt>{_("执法事项")}</dt><dd><a href="{base}/{_text(slug)}/items.html#item-{_text(code)}">'
              f'{_text(ga(ga(item, "data"), "name"))}</a>（{_text(code)}）</dd>')
        else:
            w(f'<dt>{_("执法事项")}</dt><dd>{_text(code)}</dd>')
    party = ga(d, "party")
    w(f'<dt>{_("执法对象")}</dt><dd>{_text(ga(party, "name"))}（{_text(ga(party, "type"))}）</dd>\n')
    credit = ga(party, "credit_code")
    if credit:
        w(f'<dt>{_("统一社会信用代码")}</dt><dd>{_text(credit)}')
        subject = env.globals["subject_url"](rec)
        if subject:
            w(f' <a href="{base}/{_text(subject)}">{_("该当事人的全部公示决定")}</a>')
        w("</dd>")
    representative = ga(party, "legal_representative")
    if representative:
        w(f'<dt>{_("法定代表人")}</dt><dd>{_text(representative)}</dd>')
    violation = ga(d, "violation_type")
    if violation:
        w(f'<dt>{_("违法行为类型")}</dt><dd>{_text(violation)}</dd>')
    w("</dl>\n")
    facts = ga(d, "facts")
    if facts:
        w(f'<h2>{_("违法事实")}</h2>{_text(env.filters["md"](facts))}')
    w(f'<h2>{_("执法依据")}</h2>{_basis(ga, _, ga(d, "basis"))}\n'
      f'<h2>{_("执法结论")}</h2><p class="result">{_text(ga(d, "result"))}</p>\n<dl class="fields">\n')

    penalty = ga(d, "penalty")
    if penalty:
        kinds = do_join(EvalContext(env), ga(penalty, "kinds"), "、")
        w(f'<dt>{_("处罚种类")}</dt><dd>{_text(kinds)}</dd>\n')
        money = env.filters["money"]
        fine = ga(penalty, "fine")
        if fine:
            w(f'<dt>{_("罚款金额")}</dt><dd>{_.format("%(v)s 元", v=money(fine))}</dd>')
        confiscated = ga(penalty, "confiscated")
        if confiscated:
            w(f'<dt>{_("没收违法所得")}</dt><dd>{_.format("%(v)s 元", v=money(confiscated))}</dd>')
        licence = ga(penalty, "license")
        if licence:
            w(f'<dt>{_("暂扣或吊销证照")}</dt><dd>{_text(licence)}</dd>')
    procedure = ga(d, "procedure")
    if procedure:
        w(f'<dt>{_("程序类型")}</dt><dd>{_text(procedure)}</dd>')
    decided = _text(ga(ga(d, "decided"), "isoformat")())
    published = _text(ga(ga(d, "published"), "isoformat")())
    w(f'<dt>{_("决定日期")}</dt><dd><time datetime="{decided}">{decided}</time></dd>\n'
      f'<dt>{_("公开日期")}</dt><dd><time datetime="{published}">{published}</time></dd>\n')
    if last_day:
        until = _text(ga(last_day, "isoformat")())
        w(f'<dt>{_("公示截止")}</dt><dd><time datetime="{until}">{until}</time></dd>')
    if officer_ids:
        w(f'<dt>{_("承办执法人员")}</dt><dd>')
        people = list(officers)
        last = len(people) - 1
        for i, o in enumerate(people):
            if o:
                data = ga(o, "data")
                w(_text(ga(data, "name")))
                certificate = ga(data, "certificate")
                if certificate:
                    w(f'（{_("证号")} {_text(ga(certificate, "number"))}）')
            else:
                w(_text(gi(officer_ids, i)))
            if i != last:
                w("、")
        w("</dd>")
    w(f'<dt>{_("重大执法决定")}</dt><dd>{_.call("是") if ga(d, "major") else _.call("否")}</dd>\n')
    review = ga(d, "legal_review")
    if review:
        who = ga(ga(reviewer, "data"), "name") if reviewer else ga(review, "reviewer")
        opinion = _.format("%(date)s，%(who)s，审核意见：%(op)s", date=ga(ga(review, "date"), "isoformat")(),
                           who=who, op=ga(review, "opinion"))
        w(f'<dt>{_("法制审核")}</dt><dd>{opinion}</dd>')
    remark = ga(d, "remark")
    if remark:
        w(f'<dt>{_("备注")}</dt><dd>{_text(remark)}</dd>')
    w(f'</dl>\n<h2>{_("更正和撤销记录")}</h2>\n')
    history = ga(d, "history")
    if history:
        w(f'<ol class="history">\n<li><time datetime="{published}">{published}</time> {_("公开")}</li>\n')
        for h in history or []:
            on = _text(ga(ga(h, "date"), "isoformat")())
            w(f'<li><time datetime="{on}">{on}</time> {_text(ga(h, "action"))}：{_text(ga(h, "note"))}</li>')
        w("</ol>\n")
    else:
        w(f'<p>{_("无更正或撤销。")}</p>')
    return Markup("".join(out))


def _basis(ga: Callable[[Any, str], Any], _: _Labels, items: Any) -> str:
    """partials/macros.html `basis(items)`: the legal basis as a list, or 无."""
    if not items:
        return f'<p>{_("无")}</p>'
    out = ['<ul class="basis">']
    for b in items:
        article = ga(b, "article")
        out.append(f'<li>《{_text(ga(b, "title"))}》{_text(article) if article else ""}</li>')
    out.append("</ul>")
    return "".join(out)


@pass_environment
def decision_provenance(env: Any, file: Any, provenance: Any, site: Any) -> Markup:
    """`m.provenance(rec.file)` as the page's context gives it (`provenance`: gongshi_provenance,
    `site`: gongshi.site, each Undefined or None when the context lacks them)."""
    ga, _ = env.getattr, _labels(env)
    if not (provenance and ga(provenance, "get")(file)):
        return Markup("")
    p = ga(provenance, "get")(file)
    repo = ((ga(site, "get")("identity") or {}).get("repository") or "").rstrip("/") if site else ""
    out = f'<p class="provenance">{_.format("更新于 %(date)s", date=ga(p, "date"))}'
    commit = ga(p, "commit")
    if repo and commit:
        out += f'（<a href="{_text(repo)}/commit/{_text(commit)}" rel="noopener">{_("查看这次修改")}</a>）'
    return Markup(out + "</p>\n")
