"""SearchPageGenerator: writes search.html, whose filter choices come from the public set.

The choices are written into the page rather than asked of Pagefind (`pagefind.filters()`),
because that call downloads every filter's page list: at 100k decisions more than the first
query's whole budget.
"""
from __future__ import annotations

import os
from typing import Any

from pelican import signals
from pelican.generators import Generator

from gongshi.publication.inputs import inputs
from gongshi.publication import Publication
from gongshi.outputs.search.docno import token

SAVE_AS = "search.html"


def filter_choices(ps: Publication) -> dict[str, list[str]]:
    """Kinds, agency names, categories and years that occur among the public records, sorted
    (search.js adds each choice's count for the current query)."""
    from gongshi.outputs.search.index import choices, documents
    return choices(documents(ps))


class SearchPageGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """The public search page (/search.html)."""

    def generate_context(self) -> None:
        self.context.setdefault("gongshi_sitemap_pages", []).append(SAVE_AS)  # the portal writes sitemap.xml
        if "GONGSHI_DATA" in self.settings:
            from gongshi.outputs.search import index
            index.start(self.settings, self.output_path)  # the index is written beside the pages

    def generate_output(self, writer: Any) -> None:
        ps = inputs(self.settings).publication()
        from gongshi.outputs.search.index import running_choices
        # The index job made the documents already: their choices, not a second pass.
        found = running_choices(self.output_path)
        html = self.get_template("search").render(self.context, ps=ps,
                                                  choices=filter_choices(ps) if found is None else found)
        path = os.path.join(self.output_path, SAVE_AS)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)
        signals.content_written.send(path, context=self.context)  # ordinary plugins see it (model/hookspecs.py)


def add_filters(generator: Any) -> None:
    """signals.generator_init: every template may spell a document number for the index."""
    generator.env.filters.setdefault("search_token", token)

