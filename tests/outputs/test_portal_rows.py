"""The decision table's rows written in Python (outputs/portal/rows.py) are the markup the
template's loop wrote, value for value: every public demo decision, with and without the agency
column, with and without case titles, a relative SITEURL, labels that need escaping, and a
decision missing its optional fields; a non-public field raises as it does in a template."""
from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import Markup

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.portal import lookup, urls
from gongshi.outputs.portal.rows import decision_rows
from gongshi.publication import publish
from gongshi.publication.projection import NonPublicField, Projection

# The loop of partials/macros.html `decision_table` before the rows moved to Python.
LOOP = """{% for d in recs %}
<tr><th scope="row"><a href="{{ SITEURL }}/{{ urls.decision(d) }}">{{ d.data.doc_no }}</a></th><td data-label="{{ l_title }}">{{ (titles or {}).get(d.uid) or d.data.title or '' }}</td><td data-label="{{ l_party }}">{{ d.data.party.name }}</td><td data-label="{{ l_vio }}" class="vio">{{ d.data.violation_type or '' }}</td><td data-label="{{ l_cat }}">{{ d.data.category }}</td>{% if show_agency %}<td data-label="{{ l_agency }}">{{ ps.agencies[d.agency].data.short_name or ps.agencies[d.agency].data.name }}</td>{% endif %}<td data-label="{{ l_date }}"><time datetime="{{ d.data.published.isoformat() }}">{{ d.data.published.isoformat() }}</time></td></tr>
{% endfor %}"""
NEW = """{{ decision_rows(recs, titles, show_agency, SITEURL, ps.agencies, (l_title, l_party, l_vio, l_cat, l_agency, l_date)) }}"""
LABELS = dict(l_title="案件名称", l_party="执法对象", l_vio="违法行为<类型>", l_cat=Markup("类别"),
              l_agency="执法主体 & 机关", l_date="公开日期")


@pytest.fixture(scope="module")
def ps():
    return publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)


def _env(fast: bool) -> Environment:
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(urls=urls, decision_rows=decision_rows)
    if fast:
        lookup.install(env)
    return env


def _both(ps, recs, **ctx):
    out = []
    for source in (LOOP, NEW):
        env = _env(fast=source is NEW)
        out.append(env.from_string(source).render(recs=recs, ps=ps, **LABELS, **ctx))
    return out


@pytest.mark.parametrize("show_agency", [True, False])
@pytest.mark.parametrize("siteurl", ["", "../..", "https://a.example/<x>"])
def test_rows_are_the_loops_markup(ps, show_agency, siteurl) -> None:
    recs = list(ps.decisions)
    titles = {r.uid: f"{r.data['party']['name']} <案>" for r in recs[::2]}
    for t in (None, titles):
        old, new = _both(ps, recs, titles=t, show_agency=show_agency, SITEURL=siteurl)
        assert new == old
        assert new.count("<tr>") == len(recs)


class _Rec:
    """A public view reduced to what a row reads."""

    def __init__(self, like, data) -> None:
        self.uid, self.agency, self.kind, self.slug, self.year = like.uid, like.agency, like.kind, like.slug, like.year
        self.url = like.url
        self.data = data


def test_missing_optional_fields_render_as_the_template_did(ps) -> None:
    like = ps.decisions[0]
    bare = {k: v for k, v in like.data.items() if k not in ("title", "violation_type")}
    rec = _Rec(like, Projection(bare))
    old, new = _both(ps, [rec], titles=None, show_agency=True, SITEURL="")
    assert new == old


def test_a_non_public_field_raises_as_in_a_template(ps) -> None:
    like = ps.decisions[0]
    bare = {k: v for k, v in like.data.items() if k != "title"}
    rec = _Rec(like, Projection(bare, frozenset({"title"})))
    for source in (LOOP, NEW):
        with pytest.raises(NonPublicField):
            _env(fast=source is NEW).from_string(source).render(recs=[rec], ps=ps, titles=None, show_agency=True,
                                                                SITEURL="", **LABELS)
