"""事前公开 pages: each agency's subject page, roster, window posts, items, recording and review
lists, guides, flowcharts and inspections (with their results), and the site-wide lists."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongshi.checks import attachments
from gongshi.model.kinds import KINDS
from gongshi.publication import Publication
from gongshi.publication import PublicRecord as Record
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.flowchart_svg import render_svg, step_list
from gongshi.outputs.portal.page import Page
from gongshi.outputs.portal.pages_decisions import case_titles, item_names


def json_ld(agency: Record, site_url: str) -> dict[str, Any]:
    """schema.org GovernmentOrganization of an agency (R-SUBJ)."""
    d = agency.data
    doc: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "GovernmentOrganization",
        "name": d.get("name"), "alternateName": d.get("short_name"),
        "identifier": {"@type": "PropertyValue", "propertyID": "统一社会信用代码",
                       "value": d.get("credit_code")},
        "address": {"@type": "PostalAddress", "streetAddress": d.get("address"), "addressCountry": "CN"},
        "telephone": d.get("phone"),
        "contactPoint": {"@type": "ContactPoint", "contactType": "投诉举报", "telephone": d.get("complaint_phone")},
        "url": f"{site_url}/{urls.agency(agency.agency or '')}",
    }
    if d.get("legal_representative"):
        doc["employee"] = {"@type": "Person", "name": d["legal_representative"], "jobTitle": "法定代表人"}
    return {k: v for k, v in doc.items() if v is not None}


def inspection_results(ps: Publication, agency: str | None) -> dict[tuple[str, str], list[Record]]:
    """(agency, inspection code) -> public decisions that report results of that inspection."""
    out: dict[tuple[str, str], list[Record]] = {}
    for rec in ps.decisions:
        code = rec.data.get("inspection")
        if code and (agency is None or rec.agency == agency):
            out.setdefault((rec.agency or "", code), []).append(rec)
    return out


def _groups(ps: Publication, kind: str, agency: str | None) -> list[tuple[Record, list[Record]]]:
    slugs = [agency] if agency else list(ps.agencies)
    by: dict[str, list[Record]] = {}
    for rec in ps.of(kind):
        by.setdefault(rec.agency or "", []).append(rec)
    return [(ps.agencies[s], by.get(s, [])) for s in slugs]


def flowchart_figure(rec: Record, ident: str) -> dict[str, Any]:
    """What a template needs to show a flowchart: the SVG and its text version."""
    steps = [s.plain() for s in rec.data.get("steps") or ()]  # plain dicts for the layout code
    return {"rec": rec, "svg": render_svg(steps, rec.data.get("title", ""), ident), "steps": step_list(steps)}


def _section(ps: Publication, agency: str | None, name: str, template: str, kind: str) -> Page:
    path = urls.agency(agency, name) if agency else f"{name.split('/')[0]}.html"
    ctx: dict[str, Any] = {"agency": ps.agencies[agency] if agency else None,
                           "groups": _groups(ps, kind, agency), "section": name.split("/")[0]}
    if kind == "inspection":
        ctx["results"] = inspection_results(ps, agency)
        ctx["titles"] = case_titles([r for found in ctx["results"].values() for r in found], item_names(ps))
    return Page(path, template, ctx)


def _extra(ps: Publication, rec: Record) -> dict[str, Any]:
    """What a record page shows besides the record: a guide's flowchart, a flowchart's drawing."""
    if rec.kind == "flowchart":
        return {"figure": flowchart_figure(rec, "fc")}
    if rec.kind == "guide":
        charts = {r.slug: r for r in ps.of("flowchart", rec.agency)}
        chart = charts.get(rec.data.get("flowchart"))
        return {"figure": flowchart_figure(chart, "fc") if chart else None,
                "attachments": attachments.published(rec.kind, rec.file, rec.agency or "", rec.data)}
    return {}


def plan(ps: Publication, site_url: str) -> Iterator[Page]:
    """Every 事前 page of every agency (as each kind declares its sections and record pages),
    then the site-wide lists."""
    for slug, agency in ps.agencies.items():
        counts = {kind: len(ps.of(kind, slug)) for kind in ps.others}
        counts["decision"] = sum(1 for r in ps.decisions if r.agency == slug)
        yield Page(urls.agency(slug), "gongshi_agency",
                   {"agency": agency, "counts": counts, "json_ld": json_ld(agency, site_url),
                    "section": "index"})
        for s in ps.sections:
            yield _section(ps, slug, s.name, s.template, s.kind)
        for kind, recs in ps.others.items():
            template = KINDS[kind].template
            sections = KINDS[kind].sections
            for rec in recs:
                if rec.agency == slug and rec.url and template:
                    section = sections[0].name.split("/")[0] if sections else kind
                    yield Page(rec.url, template, {"agency": agency, "rec": rec, "section": section,
                                                   **_extra(ps, rec)})
    for s in ps.sections:
        yield _section(ps, None, s.name, s.template, s.kind)
