"""Stable ASCII URLs of every portal page: once published they never change.

Paths are relative to the output folder; templates prefix SITEURL (or "/" for root-relative).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..kinds import Record

# Category names are Chinese; their URL parts are fixed English words.
CATEGORY_SLUGS = {"行政许可": "permit", "行政处罚": "penalty", "行政强制": "coercion",
                  "行政检查": "inspection", "行政征收": "levy", "行政征用": "requisition",
                  "行政确认": "confirmation", "行政给付": "benefit", "行政奖励": "reward",
                  "行政裁决": "adjudication", "其他": "other"}
PAGE_SIZE = 50


def decision(rec: Record) -> str:
    """A decision's page (or its revocation notice): <agency>/decisions/<yyyy>/<slug>.html."""
    return f"{rec.agency}/decisions/{rec.year}/{rec.slug}.html"


def agency(slug: str, page: str = "index") -> str:
    """An agency's section page, e.g. market/officers.html."""
    return f"{slug}/{page}.html"


def guide(rec: Record) -> str:
    return f"{rec.agency}/guides/{rec.slug}.html"


def flowchart(rec: Record) -> str:
    return f"{rec.agency}/flowcharts/{rec.slug}.html"


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


@dataclass(frozen=True)
class Pager:
    """One page of a paginated list, with the URLs of its neighbours."""

    number: int
    count: int
    items: Sequence[Any]
    first_index: int
    urls: tuple[str, ...]

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def window(self, radius: int = 2) -> list[tuple[int, str]]:
        """Page numbers to link around the current one, always with the first and last."""
        wanted = {1, self.count, *range(self.number - radius, self.number + radius + 1)}
        return [(n, self.urls[n - 1]) for n in sorted(wanted) if 1 <= n <= self.count]


def paginate(items: Sequence[Any], url_of_page: Any, size: int = PAGE_SIZE) -> Iterator[Pager]:
    """Split `items` into pages; url_of_page(n) gives page n's path. An empty list is one page."""
    count = max(1, -(-len(items) // size))
    urls = tuple(url_of_page(n) for n in range(1, count + 1))
    for n in range(1, count + 1):
        start = (n - 1) * size
        yield Pager(n, count, items[start:start + size], start, urls)
