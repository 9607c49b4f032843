"""SearchPageGenerator: writes search.html, whose filter choices come from the public set.

The choices are written into the page rather than asked of Pagefind (`pagefind.filters()`),
because that call downloads every filter's page list: at 100k decisions more than the first
query's whole budget.
"""
from __future__ import annotations

import json
import os
from typing import Any

from pelican.generators import Generator

from .. import plugin
from ..publication import Publication
from . import shards
from .docno import token

SAVE_AS = "search.html"


def filter_choices(ps: Publication) -> dict[str, list[str]]:
    """Agency names, categories and years that occur among the public decisions, sorted."""
    agencies = sorted({ps.agencies[r.agency].data.get("name", r.agency) for r in ps.decisions
                       if r.agency in ps.agencies})
    categories = sorted({str(r.data.get("category")) for r in ps.decisions if r.data.get("category")})
    years = sorted({str(r.year) for r in ps.decisions if r.year is not None}, reverse=True)
    return {"agency": agencies, "category": categories, "year": years}


class SearchPageGenerator(Generator):
    """The public search page (/search.html)."""

    def generate_context(self) -> None:
        self.context.setdefault("gongshi_sitemap_pages", []).append(SAVE_AS)  # the portal writes sitemap.xml

    def generate_output(self, writer: Any) -> None:
        ps = plugin.publication(self.settings)
        planned = [s.as_json() for s in shards.plan(ps, shards.limit(self.settings))]
        html = self.get_template("search").render(
            self.context, ps=ps, choices=filter_choices(ps),
            search_shards=json.dumps(planned, ensure_ascii=False, separators=(",", ":")),
            first_pages=shards.limit(self.settings))
        path = os.path.join(self.output_path, SAVE_AS)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)


def add_filters(generator: Any) -> None:
    """signals.generator_init: every template may spell a document number for the index."""
    generator.env.filters.setdefault("search_token", token)

