"""A decision page's content written in Python (outputs/portal/decision_page.py) is the markup
the template and its macros wrote, value for value: every public demo decision (with and
without provenance and a repository, in Chinese and in English, with an absolute, a relative
and an escaped SITEURL), decisions missing their optional fields or holding text that needs
escaping, an unknown officer and reviewer; a non-public field raises as it does in a template."""
from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.portal import decision_page, i18n, lookup, pages_decisions, urls
from gongshi.outputs.portal.generator import money
from gongshi.outputs.portal.markup import render_markdown
from gongshi.publication import publish, subjects
from gongshi.publication.projection import NonPublicField, Projection

THEME = Path(__file__).resolve().parents[2] / "theme"

# gongshi_decision.html's content block before it moved to Python.
OLD = """{% import "partials/macros.html" as m with context %}
{% set d = rec.data %}
{{ m.crumbs([(agency.agency ~ '/index.html', agency.data.name), (urls.decisions_list(agency.agency), _('执法决定')), (urls.decisions_list(agency.agency, year=rec.year), rec.year ~ ''), ('', d.doc_no)]) }}
<article class="decision">
<h1>{{ title }}</h1>
<p class="status">{{ d.status or _('有效') }}{% if d.status == '已更正' %} · {{ _('本决定已更正，见下方更正记录') }}{% endif %}</p>
<dl class="fields">
<dt>{{ _('文书编号') }}</dt><dd>{{ d.doc_no }}</dd>
<dt>{{ _('执法主体') }}</dt><dd><a href="{{ SITEURL }}/{{ agency.agency }}/index.html">{{ agency.data.name }}</a></dd>
<dt>{{ _('执法类别') }}</dt><dd><a href="{{ SITEURL }}/{{ urls.decisions_list(agency.agency, cat=d.category) }}">{{ d.category }}</a></dd>
{% if d.item %}<dt>{{ _('执法事项') }}</dt><dd>{% if item %}<a href="{{ SITEURL }}/{{ agency.agency }}/items.html#item-{{ d.item }}">{{ item.data.name }}</a>（{{ d.item }}）{% else %}{{ d.item }}{% endif %}</dd>{% endif %}
<dt>{{ _('执法对象') }}</dt><dd>{{ d.party.name }}（{{ d.party.type }}）</dd>
{% if d.party.credit_code %}<dt>{{ _('统一社会信用代码') }}</dt><dd>{{ d.party.credit_code }}{% set subject = subject_url(rec) %}{% if subject %} <a href="{{ SITEURL }}/{{ subject }}">{{ _('该当事人的全部公示决定') }}</a>{% endif %}</dd>{% endif %}
{% if d.party.legal_representative %}<dt>{{ _('法定代表人') }}</dt><dd>{{ d.party.legal_representative }}</dd>{% endif %}
{% if d.violation_type %}<dt>{{ _('违法行为类型') }}</dt><dd>{{ d.violation_type }}</dd>{% endif %}
</dl>
{% if d.facts %}<h2>{{ _('违法事实') }}</h2>{{ d.facts|md }}{% endif %}
<h2>{{ _('执法依据') }}</h2>{{ m.basis(d.basis) }}
<h2>{{ _('执法结论') }}</h2><p class="result">{{ d.result }}</p>
<dl class="fields">
{% if d.penalty %}<dt>{{ _('处罚种类') }}</dt><dd>{{ d.penalty.kinds|join('、') }}</dd>
{% if d.penalty.fine %}<dt>{{ _('罚款金额') }}</dt><dd>{{ _('%(v)s 元', v=d.penalty.fine|money) }}</dd>{% endif %}
{% if d.penalty.confiscated %}<dt>{{ _('没收违法所得') }}</dt><dd>{{ _('%(v)s 元', v=d.penalty.confiscated|money) }}</dd>{% endif %}
{% if d.penalty.license %}<dt>{{ _('暂扣或吊销证照') }}</dt><dd>{{ d.penalty.license }}</dd>{% endif %}{% endif %}
{% if d.procedure %}<dt>{{ _('程序类型') }}</dt><dd>{{ d.procedure }}</dd>{% endif %}
<dt>{{ _('决定日期') }}</dt><dd><time datetime="{{ d.decided.isoformat() }}">{{ d.decided.isoformat() }}</time></dd>
<dt>{{ _('公开日期') }}</dt><dd><time datetime="{{ d.published.isoformat() }}">{{ d.published.isoformat() }}</time></dd>
{% if last_day %}<dt>{{ _('公示截止') }}</dt><dd><time datetime="{{ last_day.isoformat() }}">{{ last_day.isoformat() }}</time></dd>{% endif %}
{% if officer_ids %}<dt>{{ _('承办执法人员') }}</dt><dd>{% for o in officers %}{% if o %}{{ o.data.name }}{% if o.data.certificate %}（{{ _('证号') }} {{ o.data.certificate.number }}）{% endif %}{% else %}{{ officer_ids[loop.index0] }}{% endif %}{% if not loop.last %}、{% endif %}{% endfor %}</dd>{% endif %}
<dt>{{ _('重大执法决定') }}</dt><dd>{{ _('是') if d.major else _('否') }}</dd>
{% if d.legal_review %}<dt>{{ _('法制审核') }}</dt><dd>{{ _('%(date)s，%(who)s，审核意见：%(op)s', date=d.legal_review.date.isoformat(), who=reviewer.data.name if reviewer else d.legal_review.reviewer, op=d.legal_review.opinion) }}</dd>{% endif %}
{% if d.remark %}<dt>{{ _('备注') }}</dt><dd>{{ d.remark }}</dd>{% endif %}
</dl>
<h2>{{ _('更正和撤销记录') }}</h2>
{% if d.history %}
<ol class="history">
<li><time datetime="{{ d.published.isoformat() }}">{{ d.published.isoformat() }}</time> {{ _('公开') }}</li>
{% for h in d.history or [] %}<li><time datetime="{{ h.date.isoformat() }}">{{ h.date.isoformat() }}</time> {{ h.action }}：{{ h.note }}</li>{% endfor %}
</ol>
{% else %}<p>{{ _('无更正或撤销。') }}</p>{% endif %}
{{ m.provenance(rec.file) }}
</article>
"""


def _new() -> str:
    """The content block of today's gongshi_decision.html."""
    source = (THEME / "templates" / "gongshi_decision.html").read_text(encoding="utf-8")
    start = source.index("{% block content %}\n") + len("{% block content %}\n")
    return source[start:source.index("{% endblock %}", start)]


@pytest.fixture(scope="module")
def ps():
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


@pytest.fixture(scope="module")
def contexts(ps):
    return [p.ctx for p in pages_decisions.plan(ps, "") if p.template == "gongshi_decision"]


def _env(lang: str) -> Environment:
    """An environment set up as the portal generator sets up Pelican's (generator.py)."""
    env = Environment(loader=ChoiceLoader([DictLoader({"old": OLD, "new": _new()}),
                                           FileSystemLoader(str(THEME / "templates"))]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    i18n.install(env, {"THEME": str(THEME), "GONGSHI_LANG": lang})
    lookup.install(env)
    env.globals.update(urls=urls, subject_url=subjects.url_for, decision_crumbs=decision_page.decision_crumbs,
                       decision_article=decision_page.decision_article,
                       decision_provenance=decision_page.decision_provenance)
    env.filters.update(md=render_markdown, money=money)
    return env


def _both(env: Environment, ctx: dict, **extra) -> tuple[str, str]:
    old, new = (env.get_template(name).render(**ctx, **extra) for name in ("old", "new"))
    return old, new


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("siteurl", ["", "../../..", "https://a.example/<x>&y"])
def test_every_demo_decision_as_the_template_wrote_it(ps, contexts, lang, siteurl) -> None:
    env = _env(lang)
    assert len(contexts) == len(ps.decisions) > 5
    for n, ctx in enumerate(contexts):
        file = ctx["rec"].file
        extra = [{},
                 {"gongshi_provenance": {file: {"date": "2026-01-02", "commit": "ab<c>"}}, "gongshi": ps},
                 {"gongshi_provenance": {}, "gongshi": None}][n % 3]
        old, new = _both(env, ctx, SITEURL=siteurl, **extra)
        assert new == old, ctx["rec"].uid


class _Rec:
    """A public view with other data."""

    def __init__(self, like, data) -> None:
        self.uid, self.agency, self.kind, self.slug, self.year = like.uid, like.agency, like.kind, like.slug, like.year
        self.url, self.file, self.notice = like.url, like.file, like.notice
        self.data = data


def _variant(ctx: dict, **changes) -> dict:
    like = ctx["rec"]
    data = {k: v for k, v in like.data.items()}
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return {**ctx, "rec": _Rec(like, Projection(data))}


def test_missing_optional_fields_and_odd_values_render_as_the_template_did(contexts) -> None:
    env = _env("zh")
    ctx = contexts[0]
    party = Projection({"name": "张<三>", "type": "自然人"})
    firm = Projection({"name": "某 & 某公司", "type": "法人", "credit_code": "91341500MA2N0X0X0X",
                       "legal_representative": "李<四>"})
    penalty = Projection({"kinds": ("警告", "罚款 & 没收"), "fine": 1234.5, "confiscated": "<3",
                          "license": "吊销'许可证'"})
    history = (Projection({"date": DEMO_AS_OF, "action": "更正", "note": "改\"正\""}),)
    review = Projection({"date": DEMO_AS_OF, "reviewer": "法制科<王>", "opinion": "同意 & 通过"})
    basis = (Projection({"title": "某法"}), Projection({"title": "《另法》", "article": "第<1>条"}))
    variants = [
        _variant(ctx, status=None, item=None, facts=None, penalty=None, procedure=None, legal_review=None,
                 remark=None, history=None, violation_type=None, basis=None),
        _variant(ctx, status="已更正", party=party, penalty=penalty, history=history, legal_review=review,
                 basis=basis, remark="备注 <b>", item="X<1>", major=True),
        _variant(ctx, penalty=Projection({"kinds": ()}), basis=(), history=(), party=firm, violation_type="无证<经营>",
                 procedure="简易'程序'", facts="经查，**某**"),
    ]
    variants += [{**v, "item": None, "reviewer": None, "last_day": None, "officers": [None, None],
                  "officer_ids": ["o<1>", "o2"], "title": "标题 & <题>"} for v in variants]
    for v in variants:
        old, new = _both(env, v, SITEURL="")
        assert new == old


def test_a_non_public_field_raises_as_in_a_template(contexts) -> None:
    env = _env("zh")
    ctx = contexts[0]
    data = {k: v for k, v in ctx["rec"].data.items() if k != "remark"}
    v = {**ctx, "rec": _Rec(ctx["rec"], Projection(data, frozenset({"remark"})))}
    for name in ("old", "new"):
        with pytest.raises(NonPublicField):
            env.get_template(name).render(**v, SITEURL="")
