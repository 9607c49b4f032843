"""The one URL builder (Datasette's url_builder.py is the model): every page's site-relative
path and the absolute base, for pages, feeds, open data, search and the sitemap alike.

Paths are relative to the output folder; templates prefix SITEURL (or "/" for root-relative).
Once published they never change.
"""
from __future__ import annotations

from typing import Any

from gongshi.model.kinds import KINDS

# Category names are Chinese; their URL parts are fixed English words.
CATEGORY_SLUGS = {"行政许可": "permit", "行政处罚": "penalty", "行政强制": "coercion",
                  "行政检查": "inspection", "行政征收": "levy", "行政征用": "requisition",
                  "行政确认": "confirmation", "行政给付": "benefit", "行政奖励": "reward",
                  "行政裁决": "adjudication", "其他": "other"}
FALLBACK_BASE = "https://localhost"  # links stay well-formed even without a url


def parts(rec: Any) -> dict[str, Any]:
    """The named parts of a record's URL pattern."""
    return {"agency": rec.agency, "year": rec.year, "slug": rec.slug}


def record(rec: Any) -> str | None:
    """The page of a record (or view) as its kind declares it (`RecordKind.url`), or None."""
    return KINDS[rec.kind].url_of(parts(rec))


def decision(rec: Any) -> str:
    """A decision's page (or its revocation notice): <agency>/decisions/<yyyy>/<slug>.html."""
    return KINDS["decision"].url_of(parts(rec)) or ""


def guide(rec: Any) -> str:
    return KINDS["guide"].url_of(parts(rec)) or ""


def flowchart(rec: Any) -> str:
    return KINDS["flowchart"].url_of(parts(rec)) or ""


def agency(slug: str, page: str = "index") -> str:
    """An agency's section page, e.g. market/officers.html."""
    return f"{slug}/{page}.html"


def category(name: str) -> str:
    """The URL part of a decision category."""
    return CATEGORY_SLUGS.get(name, "other")


def stats(year: int | None = None) -> str:
    return "stats/index.html" if year is None else f"stats/{year}.html"


def decisions_list(agency_slug: str | None = None, *, year: int | None = None,
                   cat: str | None = None, page: int = 1) -> str:
    """A decision list page: site-wide or one agency's, optionally by year or category."""
    base = f"{agency_slug}/decisions" if agency_slug else "decisions"
    if year is not None:
        base += f"/{year}"
    elif cat is not None:
        base += f"/category/{category(cat)}"
    return f"{base}/index.html" if page == 1 else f"{base}/page-{page}.html"


def site_base(settings: dict[str, Any], site: dict[str, Any]) -> str:
    """The absolute base of links (feeds, sitemap, JSON-LD, open data): SITEURL when absolute
    (publishconf.py), else site.yml's url, else https://localhost; no trailing slash."""
    for url in (str(settings.get("SITEURL") or ""), str(site.get("url") or "")):
        if url.startswith(("http://", "https://")):
            return url.rstrip("/")
    return FALLBACK_BASE


class Urls:
    """Site-relative paths plus `absolute()`, bound to one build's base."""

    def __init__(self, base: str) -> None:
        self.base = base

    def absolute(self, path: str) -> str:
        return f"{self.base}/{path}"

    record = staticmethod(record)
    decision = staticmethod(decision)
    guide = staticmethod(guide)
    flowchart = staticmethod(flowchart)
    agency = staticmethod(agency)
    category = staticmethod(category)
    stats = staticmethod(stats)
    decisions_list = staticmethod(decisions_list)
