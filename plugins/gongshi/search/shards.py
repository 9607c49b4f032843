"""How the browser index is split: one Pagefind run per shard of decision years.

Pagefind holds every page it indexes in memory (about 0.12 MB per decision page here), and
its metadata file, which the first query downloads whole, grows by about 7 bytes a page.
Up to `limit` pages one index is both small and fast; above it, the newest years go first
into shards of at most `limit` pages each, indexed one after another (peak memory is the
largest shard's) and merged in the browser with Pagefind's multisite `mergeIndex`, newest
first, older shards only when the reader asks for them.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..publication import Publication

DEFAULT_LIMIT = 12_000  # pages per Pagefind run: ~1.4 GB peak, ~85 kB metadata
SETTING = "GONGSHI_SEARCH_SHARD_PAGES"


@dataclass(frozen=True)
class Shard:
    """One Pagefind bundle: the decision years it covers, where it is, how many pages."""

    path: str              # below the bundle folder, "" or "2024-2026/"
    years: tuple[int, ...]  # newest first
    agency: str | None     # set when one year alone is larger than the limit
    pages: int

    @property
    def glob(self) -> str:
        """The Pagefind --glob of this shard's decision pages (urls.decision)."""
        years = ",".join(str(y) for y in self.years)
        folder = years if len(self.years) == 1 else "{" + years + "}"
        return f"{self.agency or '*'}/decisions/{folder}/*.html"

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "years": list(self.years), "pages": self.pages}


def limit(settings: dict[str, Any]) -> int:
    """Pages per shard from settings (GONGSHI_SEARCH_SHARD_PAGES) or the environment."""
    value = settings.get(SETTING) or os.environ.get(SETTING) or DEFAULT_LIMIT
    return max(1, int(value))


def plan(ps: Publication, max_pages: int) -> list[Shard]:
    """The shards for a public set, newest years first; one shard when everything fits."""
    per_year = Counter(r.year for r in ps.decisions if r.year is not None)
    total = sum(per_year.values())
    if total <= max_pages:
        return [Shard("", tuple(sorted(per_year, reverse=True)), None, total)]
    shards: list[Shard] = []
    group: list[int] = []
    pages = 0

    def close() -> None:
        nonlocal group, pages
        if group:
            shards.append(_shard(tuple(group), None, pages))
        group, pages = [], 0

    for year in sorted(per_year, reverse=True):
        n = per_year[year]
        if n > max_pages:  # one year alone is too big: one shard per agency of that year
            close()
            by_agency = Counter(r.agency for r in ps.decisions if r.year == year)
            for agency in sorted(by_agency):
                shards.append(_shard((year,), agency, by_agency[agency]))
            continue
        if pages + n > max_pages:
            close()
        group.append(year)
        pages += n
    close()
    return shards


def _shard(years: tuple[int, ...], agency: str | None, pages: int) -> Shard:
    name = str(years[0]) if len(years) == 1 else f"{years[-1]}-{years[0]}"
    return Shard(f"{name}-{agency}/" if agency else f"{name}/", years, agency, pages)
