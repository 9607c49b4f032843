"""Site pages: the home page, the annual statistics report, the compliance pages and 404."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from gongshi.model.dataset import Dataset
from gongshi.publication import Publication
from gongshi.publication.compliance import compliance_report
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.charts import bar_chart
from gongshi.outputs.portal.page import Page
from gongshi.outputs.portal.pages_decisions import case_titles, item_names
from gongshi.outputs.portal.stats import YearReport, all_reports

HOME_LATEST = 10


def compliance(ds: Dataset, ps: Publication) -> dict[str, Any]:
    """The compliance report over the public set only: a decision that is not public on the
    build date (a minor party's, embargoed, withdrawn) changes no number and no list here."""
    return compliance_report(ds, ps.as_of, public=ps)


def charts(rep: YearReport) -> dict[str, Any]:
    """The report's SVG charts: site totals by category, by penalty kind, and per agency."""
    t = rep.total
    return {
        "category": bar_chart(list(t.by_category.items()), f"{rep.year}年各类执法决定数量", f"c{rep.year}a"),
        "penalty": bar_chart(list(t.penalty_kinds.items()), f"{rep.year}年行政处罚种类分布", f"c{rep.year}b"),
        "agency": bar_chart([(a.name, a.decisions) for a in rep.agencies],
                            f"{rep.year}年各执法主体执法决定数量", f"c{rep.year}c"),
    }


def plan(ds: Dataset, ps: Publication, site_url: str) -> Iterator[Page]:
    """Home, statistics, compliance and 404 pages."""
    from gongshi.policy.statistics import snapshots
    reports = all_reports(ps, snapshots(ds))
    yield Page("index.html", "gongshi_index", {
        "agency": None, "latest": ps.decisions[:HOME_LATEST], "section": "home",
        "titles": case_titles(ps.decisions[:HOME_LATEST], item_names(ps)),
        "reports": reports, "notices_count": len(ps.notices),
        "counts": {k: len(recs) for k, recs in ps.others.items()},
    })
    yield Page(urls.stats(), "gongshi_stats_index", {"agency": None, "reports": reports, "section": "stats"})
    for rep in reports:
        yield Page(urls.stats(rep.year), "gongshi_stats", {"agency": None, "report": rep, "charts": charts(rep),
                                                          "section": "stats"})
    # The compliance pages count the checks' findings: filled in once the checks are done.
    report: dict[str, Any] = {}

    def site_wide() -> dict[str, Any]:
        if not report:
            report.update(compliance(ds, ps) or {})
        by_agency = {a.get("agency"): a for a in report.get("agencies", [])}
        return {"report": report, "stats": report.get("site"), "rows": [by_agency.get(s) for s in ps.agencies]}

    def of_agency(slug: str) -> Callable[[], dict[str, Any]]:
        def late() -> dict[str, Any]:
            whole = site_wide()["report"]
            stats = next((a for a in whole.get("agencies", []) if a.get("agency") == slug), None)
            return {"report": whole, "stats": stats}
        return late

    yield Page("compliance.html", "gongshi_compliance", {"agency": None, "section": "compliance"}, late=site_wide)
    for slug, agency in ps.agencies.items():
        yield Page(urls.agency(slug, "compliance"), "gongshi_compliance",
                   {"agency": agency, "section": "compliance"}, late=of_agency(slug))
    yield Page("404.html", "gongshi_404", {"agency": None, "section": ""}, sitemap=False)
