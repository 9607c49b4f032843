"""OpenDataGenerator: writes data/ (JSON, CSV, 双公示, schemas, dictionary, index) and its pages."""
from __future__ import annotations

import logging
import os
import time
from typing import Any

from pelican.generators import Generator

from .. import plugin
from ..feeds.entries import shared_public_set, site_url
from ..kinds import KINDS
from ..public import PublicSet
from . import shuanggongshi, tables
from .dictionary import dictionary
from .files import ROOT, DataFile, digest, plan, write_csv, write_json

log = logging.getLogger("gongshi.opendata")


class OpenDataGenerator(Generator):
    """Open data of the public set: every file listed, with size and SHA-256, in data/index.json."""

    def generate_context(self) -> None:
        ds = plugin.dataset(self.settings)
        self.public: PublicSet = shared_public_set(self.context, ds, plugin.as_of(self.settings))
        self.base = site_url(self.settings, self.public.site)
        self.files = plan(self.public)
        self.context["gongshi_data_files"] = [f.as_dict() for f in self.files]
        self.context.setdefault("gongshi_sitemap_pages", []).extend(["data/index.html", "data/dictionary.html"])

    def generate_output(self, writer: Any) -> None:
        started = time.perf_counter()
        ps = self.public
        published = {kind: tables.publish(ps, kind, self.base) for kind in tables.KIND_FILES}
        # Grouped once: per-agency files must not rescan the whole list (many agencies, 100k rows).
        self.grouped: dict[tuple[str, str | None], list[Any]] = {}
        for kind, recs in published.items():
            self.grouped[(kind, None)] = recs
            for r in recs:
                self.grouped.setdefault((kind, r["agency"]), []).append(r)
        self.grouped[("sgs", None)] = ps.decisions
        for rec in ps.decisions:
            self.grouped.setdefault(("sgs", rec.agency), []).append(rec)
        for f in self.files:
            path = os.path.join(self.output_path, f.href)
            self._write(f, path)
            f.size, f.sha256 = digest(path)
        # The context list is refreshed in place so pages rendered later show sizes and hashes.
        self.context["gongshi_data_files"][:] = [f.as_dict() for f in self.files]
        index = {"title": f"{ps.site.get('name', '')} 开放数据", "as_of": ps.as_of.isoformat(),
                 "base_url": self.base, "files": [f.as_dict() for f in self.files]}
        write_json(os.path.join(self.output_path, ROOT, "index.json"), index)
        self._page(f"{ROOT}/index.html", "data", files=self.files, exports=shuanggongshi.EXPORTS)
        self._page(f"{ROOT}/dictionary.html", "data_dictionary", kinds=dictionary())
        log.info("gongshi.opendata: %d files written in %.1f s", len(self.files), time.perf_counter() - started)

    def _write(self, f: DataFile, path: str) -> None:
        ps, agency = self.public, f.agency
        if f.source.startswith("schema:"):
            write_json(path, KINDS[f.source[7:]].file_schema())
        elif f.source == "dictionary":
            write_json(path, {"title": "数据字典", "kinds": dictionary()})
        elif f.source.startswith("sgs:"):
            write_csv(path, shuanggongshi.rows(f.source[4:], ps, self.grouped.get(("sgs", agency), [])))
        else:
            recs = self.grouped.get((f.source, agency), [])
            if f.format == "json":
                head = {"title": tables.kind_title(f.source), "kind": f.source, "scope": f.scope,
                        "as_of": ps.as_of.isoformat(), "count": len(recs)}
                write_json(path, head, recs)
            else:
                cols = tables.columns(f.source)
                write_csv(path, [[c.key for c in cols], *([c.cell(r) for c in cols] for r in recs)])

    def _page(self, rel: str, template: str, **ctx: Any) -> None:
        html = self.get_template(template).render(self.context, **ctx)
        path = os.path.join(self.output_path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)


plugin.GENERATORS.append(OpenDataGenerator)
