"""OpenDataGenerator: writes data/ (JSON, CSV, 双公示, schemas, dictionary, index) and its pages."""
from __future__ import annotations

import logging
import os
import time
from collections import Counter
from typing import Any

from pelican import signals
from pelican.generators import Generator

from gongshi.checks import attachments
from gongshi.publication.inputs import inputs
from gongshi.model.kinds import KINDS
from gongshi.publication import Publication
from gongshi.publication.urls import site_base
from gongshi.runtime import jobs
from gongshi.outputs.opendata import shuanggongshi, tables
from gongshi.outputs.opendata.dictionary import dictionary
from gongshi.outputs.opendata.files import ROOT, DataFile, Sink, plan, write_json
from gongshi.runtime.checksums import sha256_file

log = logging.getLogger("gongshi.outputs.opendata")


class OpenDataGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """Open data of the public set: every file listed, with size and SHA-256, in data/index.json."""

    def generate_context(self) -> None:
        self.public: Publication = inputs(self.settings).publication()
        self.base = site_base(self.settings, self.public.site)
        self.files = plan(self.public)
        # Sizes in one unit system with the portal's attachments (KB, MB), never "662 Bytes".
        self.env.filters.setdefault("size_label", attachments.size_label)
        self.context["gongshi_data_files"] = [f.as_dict() for f in self.files]
        self.context.setdefault("gongshi_sitemap_pages", []).extend(["data/index.html", "data/dictionary.html"])
        # The files read only the publication: written beside the portal's pages (runtime/jobs.py).
        self.started = time.perf_counter()
        self.writing = jobs.start("open data", self._write_files, settings=self.settings)

    def _write_files(self) -> list[tuple[int, str]]:
        """Every data file (tables, 双公示, schemas, dictionary): their sizes and SHA-256, in order."""
        ps = self.public
        names = officer_names(ps)
        for kind in tables.KIND_FILES:
            items = [(r["agency"], r) for r in tables.publish(ps, kind, self.base)]
            self._write_table(kind, "json", items)
            if kind == "decision":  # people read officers by name and certificate number, not by id
                items = [(a, {**r, "officers": [names.get((a, o), o) for o in r.get("officers") or []]})
                         for a, r in items]
            self._write_table(kind, "csv", items)
        for name in shuanggongshi.EXPORTS:
            self._write_table(f"sgs:{name}", "csv", list(shuanggongshi.records(name, ps)))
        for f in self.files:
            path = os.path.join(self.output_path, f.href)
            if f.source.startswith("schema:"):
                write_json(path, KINDS[f.source[7:]].file_schema())
            elif f.source == "dictionary":
                write_json(path, {"title": "数据字典", "kinds": dictionary()})
        return [sha256_file(os.path.join(self.output_path, f.href)) for f in self.files]

    def generate_output(self, writer: Any) -> None:
        ps = self.public
        for f, (size, sha256) in zip(self.files, self.writing.result(), strict=True):
            f.size, f.sha256 = size, sha256
        # The context list is refreshed in place so pages rendered later show sizes and hashes.
        self.context["gongshi_data_files"][:] = [f.as_dict() for f in self.files]
        index = {"title": f"{ps.site.get('name', '')} 开放数据", "as_of": ps.as_of.isoformat(),
                 "base_url": self.base, "files": [f.as_dict() for f in self.files]}
        write_json(os.path.join(self.output_path, ROOT, "index.json"), index)
        write_json(os.path.join(self.output_path, "data.json"), catalog(ps, self.files, self.base))
        license_url, rights = licence(ps.site)
        license_name = ((ps.site.get("identity") or {}).get("license") or {}).get("name") or ""
        self._page(f"{ROOT}/index.html", "data", files=self.files, exports=shuanggongshi.EXPORTS,
                   license_url=license_url if license_name else "", license_name=license_name,
                   rights=(ps.site.get("identity") or {}).get("rights") or "")
        csv_names = {k: dict(zip((c.key for c in tables.columns(k)), csv_header(k))) for k in tables.KIND_FILES}
        self._page(f"{ROOT}/dictionary.html", "data_dictionary", kinds=dictionary(), csv_names=csv_names)
        log.info("gongshi.outputs.opendata: %d files written in %.1f s", len(self.files), time.perf_counter() - self.started)

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
            return csv_header(f.source)
        count = counts.get(f.agency, 0) if f.agency else sum(counts.values())
        return {"title": tables.kind_title(f.source), "kind": f.source, "scope": f.scope,
                "as_of": self.public.as_of.isoformat(), "count": count}

    def _page(self, rel: str, template: str, **ctx: Any) -> None:
        html = self.get_template(template).render(self.context, **ctx)
        path = os.path.join(self.output_path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)
        signals.content_written.send(path, context=self.context)  # ordinary plugins see it (model/hookspecs.py)



def csv_header(kind: str) -> list[str]:
    """CSV column names in Chinese (the JSON files and the data dictionary keep the keys)."""
    titles = [c.title for c in tables.columns(kind)]
    seen = Counter(titles)
    return [t if seen[t] == 1 else f"{t}（{c.key}）" for t, c in zip(titles, tables.columns(kind))]


def officer_names(ps: Publication) -> dict[tuple[str, str], str]:
    """(agency, officer id) -> "姓名（执法证号 …）" for the decisions' CSV."""
    out = {}
    for o in ps.of("officer"):
        cert = (o.data.get("certificate") or {}).get("number")
        out[(o.agency or "", o.slug or "")] = f"{o.data['name']}（执法证号 {cert}）" if cert else str(o.data["name"])
    return out


MEDIA = {"json": "application/json", "csv": "text/csv"}
# Project Open Data's own address for "no licence was declared" (its list of open licences):
# a harvester (CKAN) shows it as such instead of "License not specified".
UNKNOWN_LICENSE = "https://project-open-data.cio.gov/unknown-license/"
NO_LICENSE_RIGHTS = ("本平台未声明开放数据许可协议（site.yml 的 identity.license），使用条件请咨询网站主办单位。"
                     "No licence declared; ask the site's sponsor about reuse.")


def licence(site: Any) -> tuple[str, str]:
    """The datasets' `license` (a URL) and `rights` (text, at most 255 characters) from
    site.yml's identity; a site without a licence says so in both, explicitly."""
    ident = site.get("identity") or {}
    lic = ident.get("license") or {}
    if not lic.get("url"):
        return UNKNOWN_LICENSE, str(ident.get("rights") or NO_LICENSE_RIGHTS)[:255]
    rights = ident.get("rights") or f"依据{lic.get('name') or lic['url']}使用。"
    return str(lic["url"]), str(rights)[:255]


def catalog(ps: Publication, files: list[DataFile], base: str) -> dict[str, Any]:
    """A DCAT catalogue (DCAT-US 1.1 data.json, JSON-LD) that CKAN and other portals can harvest:
    one dataset per kind of record and per 双公示 export, the site-wide files as distributions."""
    site = ps.site
    ident = site.get("identity") or {}
    contact = ident.get("contact") or {}
    publisher = {"@type": "org:Organization", "name": ident.get("sponsor") or site.get("name", "")}
    point: dict[str, Any] = {"@type": "vcard:Contact", "fn": ident.get("host") or site.get("name", "")}
    if contact.get("email"):
        point["hasEmail"] = f"mailto:{contact['email']}"
    license_url, rights = licence(site)
    groups: dict[str, list[DataFile]] = {}
    for f in files:
        if f.scope == "all" and not f.source.startswith("schema:") and f.source != "dictionary":
            groups.setdefault(f.source, []).append(f)
    datasets = []
    for source, group in groups.items():
        title = group[0].title.split(" ", 1)[-1]
        datasets.append({
            "@type": "dcat:Dataset",
            "identifier": f"{base}/data/#{source}",
            "title": f"{site.get('name', '')} {title}",
            "description": f"{site.get('region', '')}行政执法公示：{title}（{ps.as_of.isoformat()} 公开的全部记录）",
            "keyword": ["行政执法公示", title],
            "modified": ps.as_of.isoformat(),
            "publisher": publisher,
            "contactPoint": point,
            "accessLevel": "public",
            "license": license_url,
            "rights": rights,
            "language": ["zh-CN"],
            "spatial": site.get("region", ""),
            "landingPage": f"{base}/data/index.html",
            "describedBy": f"{base}/data/dictionary.html",
            "distribution": [{"@type": "dcat:Distribution", "title": f.title, "downloadURL": f"{base}/{f.href}",
                              "mediaType": MEDIA[f.format], "format": f.format.upper(), "byteSize": f.size,
                              "checksum": {"algorithm": "sha256", "checksumValue": f.sha256}}
                             for f in group],
        })
    return {"@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            "@id": f"{base}/data.json", "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
            "dataset": datasets}
