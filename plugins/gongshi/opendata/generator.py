"""OpenDataGenerator: writes data/ (JSON, CSV, 双公示, schemas, dictionary, index) and its pages."""
from __future__ import annotations

import logging
import os
import time
from collections import Counter
from typing import Any

from pelican.generators import Generator

from .. import plugin
from ..kinds import KINDS
from ..publication import Publication
from ..publication.urls import site_base
from . import shuanggongshi, tables
from .dictionary import dictionary
from .files import ROOT, DataFile, Sink, digest, plan, write_json

log = logging.getLogger("gongshi.opendata")


class OpenDataGenerator(Generator):
    """Open data of the public set: every file listed, with size and SHA-256, in data/index.json."""

    def generate_context(self) -> None:
        self.public: Publication = plugin.publication(self.settings)
        self.base = site_base(self.settings, self.public.site)
        self.files = plan(self.public)
        self.context["gongshi_data_files"] = [f.as_dict() for f in self.files]
        self.context.setdefault("gongshi_sitemap_pages", []).extend(["data/index.html", "data/dictionary.html"])

    def generate_output(self, writer: Any) -> None:
        started = time.perf_counter()
        ps = self.public
        for kind in tables.KIND_FILES:
            items = [(r["agency"], r) for r in tables.publish(ps, kind, self.base)]
            for fmt in ("json", "csv"):
                self._write_table(kind, fmt, items)
        for name in shuanggongshi.EXPORTS:
            self._write_table(f"sgs:{name}", "csv", list(shuanggongshi.records(name, ps)))
        for f in self.files:
            path = os.path.join(self.output_path, f.href)
            if f.source.startswith("schema:"):
                write_json(path, KINDS[f.source[7:]].file_schema())
            elif f.source == "dictionary":
                write_json(path, {"title": "数据字典", "kinds": dictionary()})
            f.size, f.sha256 = digest(path)
        # The context list is refreshed in place so pages rendered later show sizes and hashes.
        self.context["gongshi_data_files"][:] = [f.as_dict() for f in self.files]
        index = {"title": f"{ps.site.get('name', '')} 开放数据", "as_of": ps.as_of.isoformat(),
                 "base_url": self.base, "files": [f.as_dict() for f in self.files]}
        write_json(os.path.join(self.output_path, ROOT, "index.json"), index)
        self._page(f"{ROOT}/index.html", "data", files=self.files, exports=shuanggongshi.EXPORTS)
        self._page(f"{ROOT}/dictionary.html", "data_dictionary", kinds=dictionary())
        log.info("gongshi.opendata: %d files written in %.1f s", len(self.files), time.perf_counter() - started)

    def _write_table(self, source: str, fmt: str, items: list[tuple[str, Any]]) -> None:
        """Every file (site-wide and per agency) of one source and format, in one pass."""
        counts = Counter(agency for agency, _ in items)
        sinks: dict[str | None, Sink] = {}
        for f in self.files:
            if f.source == source and f.format == fmt:
                sinks[f.agency] = Sink(os.path.join(self.output_path, f.href), fmt, self._head(f, counts))
        columns = tables.columns(source) if fmt == "csv" and not source.startswith("sgs:") else None
        for agency, item in items:
            encoded = Sink.encode(fmt, [c.cell(item) for c in columns] if columns else item)
            for key in (None, agency):
                if key in sinks:
                    sinks[key].add(encoded)
        for sink in sinks.values():
            sink.close()

    def _head(self, f: DataFile, counts: Counter[str]) -> dict[str, Any] | list[str]:
        if f.source.startswith("sgs:"):
            return shuanggongshi.header(f.source[4:])
        if f.format == "csv":
            return [c.key for c in tables.columns(f.source)]
        count = counts.get(f.agency, 0) if f.agency else sum(counts.values())
        return {"title": tables.kind_title(f.source), "kind": f.source, "scope": f.scope,
                "as_of": self.public.as_of.isoformat(), "count": count}

    def _page(self, rel: str, template: str, **ctx: Any) -> None:
        html = self.get_template(template).render(self.context, **ctx)
        path = os.path.join(self.output_path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)

