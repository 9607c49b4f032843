"""The rows of a decision table (partials/macros.html `decision_table`), written in Python.

A list page shows 50 decisions, and at 100,000 decisions there are ~8,000 list pages: 400,000
rows, each a dozen look-ups, escapes and calls that Jinja makes through its runtime (a context
call per method, an Undefined check per name). They were the larger part of rendering the whole
portal, more than the 68,000 decision pages. This function writes the very markup the
template's loop wrote, with Jinja's own semantics for every value: look-ups through the
environment's `getattr`/`getitem` (so a missing field is Undefined and renders as nothing, a
non-public one raises as in a template), every value escaped with markupsafe as autoescape
does, `or` on the same values. The template still holds the table's frame and labels;
tests/outputs/test_golden_site.py pins the bytes.
"""
from __future__ import annotations

from typing import Any

from jinja2 import pass_environment
from markupsafe import Markup, escape

from gongshi.outputs.portal import urls


@pass_environment
def decision_rows(env: Any, recs: Any, titles: Any, show_agency: Any, siteurl: Any, agencies: Any,
                  labels: tuple[Any, ...]) -> Markup:
    """`<tr>…</tr>\\n` for every decision of `recs`, as the loop of `decision_table` renders it."""
    ga, gi = env.getattr, env.getitem
    l_title, l_party, l_vio, l_cat, l_agency, l_date = (str(escape(x)) for x in labels)
    base = escape(siteurl)
    by_uid = titles or {}
    out: list[str] = []
    for d in recs:
        data = ga(d, "data")
        title = by_uid.get(ga(d, "uid")) or ga(data, "title") or ""
        row = (f'<tr><th scope="row"><a href="{base}/{escape(urls.decision(d))}">{escape(ga(data, "doc_no"))}</a></th>'
               f'<td data-label="{l_title}">{escape(title)}</td>'
               f'<td data-label="{l_party}">{escape(ga(ga(data, "party"), "name"))}</td>'
               f'<td data-label="{l_vio}" class="vio">{escape(ga(data, "violation_type") or "")}</td>'
               f'<td data-label="{l_cat}">{escape(ga(data, "category"))}</td>')
        if show_agency:
            agency = ga(gi(agencies, ga(d, "agency")), "data")
            row += f'<td data-label="{l_agency}">{escape(ga(agency, "short_name") or ga(agency, "name"))}</td>'
        published = escape(ga(ga(data, "published"), "isoformat")())
        out.append(f'{row}<td data-label="{l_date}"><time datetime="{published}">{published}</time></td></tr>\n')
    return Markup("".join(out))
