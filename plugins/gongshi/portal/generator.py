"""PortalGenerator: writes the HTML pages of the portal from the public set."""
from __future__ import annotations

import logging
import os
from typing import Any

from pelican.generators import Generator

from .. import plugin
from ..public import PublicSet, public_set

log = logging.getLogger("gongshi.portal")


class PortalGenerator(Generator):
    """Home page, agency pages and one page per public decision."""

    def generate_context(self) -> None:
        ds = plugin.dataset(self.settings)
        self.public: PublicSet = public_set(ds, plugin.as_of(self.settings))
        self.context["gongshi"] = self.public
        self.context["SITENAME"] = self.public.site.get("name", self.context.get("SITENAME"))

    def _write(self, rel: str, template: str, **ctx: Any) -> None:
        path = os.path.join(self.output_path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        html = self.get_template(template).render(self.context, **ctx)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)

    def generate_output(self, writer: Any) -> None:
        ps = self.public
        self._write("index.html", "gongshi_index", ps=ps)
        for slug, agency in ps.agencies.items():
            self._write(f"{slug}/index.html", "gongshi_agency", ps=ps, agency=agency,
                        decisions=ps.decisions_of(slug))
        for rec in ps.decisions:
            self._write(f"{rec.agency}/decisions/{rec.year}/{rec.slug}.html", "gongshi_decision",
                        ps=ps, rec=rec, agency=ps.agencies[rec.agency])
        log.info("gongshi.portal: %d decisions written", len(ps.decisions))


plugin.GENERATORS.append(PortalGenerator)
