"""事后公开 pages: decision details, revocation notices, and the paginated decision lists
(site-wide and per agency; all, per year, per category) that let people browse without search."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from gongshi.model.kinds.site import CATEGORIES
from gongshi.publication import Publication, PublicRecord, Revocation
from gongshi.publication import PublicRecord as Record
from gongshi.model.titles import record_title
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.page import Page


def revocation(rec: PublicRecord) -> Revocation:
    """The public facts of a revoked decision (art. 48): the view's one revocation."""
    assert rec.revocation is not None, f"{rec.uid} is not a revocation notice"
    return rec.revocation


def _facets(recs: list[Record]) -> dict[str, Any]:
    years: dict[int, int] = {}
    cats: dict[str, int] = {}
    for r in recs:
        years[r.year or 0] = years.get(r.year or 0, 0) + 1
        cats[r.data["category"]] = cats.get(r.data["category"], 0) + 1
    return {"years": sorted(years.items(), reverse=True),
            "categories": [(c, cats[c]) for c in CATEGORIES if c in cats]}


def item_names(ps: Publication) -> dict[tuple[str | None, str | None], str]:
    """(agency, item code) -> the 执法事项 name a decision's page shows."""
    return {(r.agency, r.slug): str(r.data.get("name") or "") for r in ps.of("item")}


def case_titles(recs: Sequence[Record], items: dict[tuple[str | None, str | None], str]) -> dict[str, str]:
    """uid -> the title each decision's own page shows (its `title`, else party + violation type
    or 执法事项 name), for the lists: given in the page's context, so its cache key covers them."""
    return {r.uid: record_title(r.data, items.get((r.agency, r.data.get("item"))) or None) for r in recs}


def _lists(recs: list[Record], agency: Record | None, facets: dict[str, Any],
           items: dict[tuple[str | None, str | None], str]) -> Iterator[Page]:
    slug = agency.agency if agency else None
    variants: list[tuple[dict[str, Any], list[Record]]] = [({}, recs)]
    by_year: dict[int, list[Record]] = {}
    by_cat: dict[str, list[Record]] = {}
    for r in recs:  # recs are newest first; grouping keeps that order
        by_year.setdefault(r.year or 0, []).append(r)
        by_cat.setdefault(r.data["category"], []).append(r)
    variants += [({"year": y}, by_year[y]) for y in sorted(by_year, reverse=True)]
    variants += [({"cat": c}, by_cat[c]) for c in CATEGORIES if c in by_cat]
    for key, found in variants:
        for pager in urls.paginate(found, lambda n, key=key: urls.decisions_list(slug, page=n, **key)):
            yield Page(pager.urls[pager.number - 1], "gongshi_decisions",
                       {"agency": agency, "pager": pager, "year": key.get("year"), "category": key.get("cat"),
                        "facets": facets, "total": len(found), "section": "decisions",
                        "titles": case_titles(pager.items, items)})


def plan(ps: Publication, site_url: str) -> Iterator[Page]:
    """Every decision page, revocation notice and decision list."""
    officers = {(r.agency, r.slug): r for r in ps.of("officer")}
    items = {(r.agency, r.slug): r for r in ps.of("item")}
    by_agency: dict[str, list[Record]] = {slug: [] for slug in ps.agencies}
    for rec in ps.decisions:
        by_agency[rec.agency or ""].append(rec)
        agency = ps.agencies[rec.agency or ""]
        review = rec.data.get("legal_review") or {}
        item = items.get((rec.agency, rec.data.get("item")))
        yield Page(urls.decision(rec), "gongshi_decision", {
            "agency": agency, "rec": rec, "section": "decisions",
            "officers": [officers.get((rec.agency, oid)) for oid in rec.data.get("officers") or []],
            "officer_ids": rec.data.get("officers") or [],
            "reviewer": officers.get((rec.agency, review.get("reviewer"))),
            "item": item,
            "title": record_title(rec.data, item.data.get("name") if item else None),
            "last_day": rec.last_day,
        })
    for rec in ps.notices:
        yield Page(urls.decision(rec), "gongshi_notice",
                   {"agency": ps.agencies[rec.agency or ""], "rec": rec, "notice": revocation(rec),
                    "section": "revocations"})
    names = item_names(ps)
    yield from _lists(ps.decisions, None, _facets(ps.decisions), names)
    for slug, recs in by_agency.items():
        yield from _lists(recs, ps.agencies[slug], _facets(recs), names)
    notices = [(r, revocation(r)) for r in ps.notices]
    notices.sort(key=lambda t: (-t[1].date.toordinal(), t[0].agency or "", t[0].slug or ""))
    yield Page("revocations.html", "gongshi_revocations", {"agency": None, "notices": notices,
                                                           "section": "revocations"})
    for slug, agency in ps.agencies.items():
        yield Page(urls.agency(slug, "revocations"), "gongshi_revocations",
                   {"agency": agency, "notices": [t for t in notices if t[0].agency == slug],
                    "section": "revocations"})
