"""Pagination of the portal's lists, and (re-exported) the URLs of every page: once published they never change.

Paths are relative to the output folder; templates prefix SITEURL (or "/" for root-relative).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Every page's path comes from the publication's one URL builder; re-exported for templates.
from gongshi.publication.urls import CATEGORY_SLUGS as CATEGORY_SLUGS
from gongshi.publication.urls import agency as agency
from gongshi.publication.urls import category as category
from gongshi.publication.urls import decision as decision
from gongshi.publication.urls import decisions_list as decisions_list
from gongshi.publication.urls import flowchart as flowchart
from gongshi.publication.urls import guide as guide
from gongshi.publication.urls import record as record
from gongshi.publication.urls import stats as stats

PAGE_SIZE = 50


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
