"""BundleGenerator: bundle/manifest.json, what a province harvests from a county (docs/bundle.md).

The manifest names the site (name, region, url), the day it was built as of, a build id, and
every file a province needs — the DCAT catalogue (data.json), the open-data index and the
site-wide JSON tables (decisions, revocations, agencies …) and bundle/stats.json, the totals
of the county's committed annual snapshots — each with its size and SHA-256, so that a
province fetching them over any channel can prove it read what the county published. Feed
addresses are listed (links, not hashed: a feed is a view of the same decisions).

It writes nothing of its own about records: the tables are the open-data job's files, read
after that generator's `generate_output` has written them (BUILTIN_OUTPUTS runs it later);
the search shards are not listed (a province writes its own index from the decisions, and a
large county has ~100,000 of them). The manifest is deterministic: the build id is the
SHA-256 of the as-of day and the file hashes, so a rebuild of the same data and day gives
the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from pelican.generators import Generator

from gongshi.publication.inputs import inputs
from gongshi.publication.urls import site_base
from gongshi.runtime.checksums import sha256_file

FOLDER = "bundle"
MANIFEST = f"{FOLDER}/manifest.json"
STATS = f"{FOLDER}/stats.json"
FORMAT = "gongshi-bundle"
VERSION = 1
# Open-data sources a province reads (tables.KIND_FILES keys), the site-wide JSON file only.
SOURCES = ("decision", "notice", "agency")
# The figures of an annual snapshot a province sums (model/kinds/stats.py).
FIGURES = ("decisions", "by_category", "penalty_kinds", "fines", "confiscated")


def build_id(as_of: str, files: list[dict[str, Any]]) -> str:
    """The same data and day give the same id; any changed byte gives another."""
    h = hashlib.sha256(as_of.encode())
    for f in files:
        h.update(f"\n{f['path']} {f['size']} {f['sha256']}".encode())
    return h.hexdigest()[:20]


def _dump(path: str, value: Any) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n")


class BundleGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """The county's bundle: bundle/manifest.json over its open data and annual totals."""

    def generate_context(self) -> None:
        self.context.setdefault("gongshi_sitemap_pages", [])  # no page of its own

    def generate_output(self, writer: Any) -> None:
        ps = inputs(self.settings).publication()
        site = ps.site
        as_of = ps.as_of.isoformat()
        base = site_base(self.settings, site)
        stats = annual_totals(inputs(self.settings).dataset())
        _dump(os.path.join(self.output_path, STATS), stats)
        # The open-data files, as the open-data generator listed them (written by now).
        data_files = [f for f in self.context.get("gongshi_data_files") or []
                      if f.get("scope") == "all" and f.get("format") == "json" and f.get("source") in SOURCES]
        wanted = [("catalog", "data.json"), ("index", "data/index.json")]
        wanted += [(f"table:{f['source']}", f["href"]) for f in data_files]
        wanted += [("stats", STATS)]
        files = []
        for role, rel in wanted:
            path = os.path.join(self.output_path, rel)
            if not os.path.isfile(path):  # GONGSHI_OUTPUTS without open data: list what exists
                continue
            size, sha = sha256_file(path)
            files.append({"path": rel, "role": role, "size": size, "sha256": sha})
        feeds = sorted({f"{base}/{f['href']}" for f in self.context.get("gongshi_feeds") or []
                        if f.get("scope") == "all"})
        manifest = {
            "format": FORMAT, "version": VERSION,
            "site": {"name": site.get("name", ""), "region": site.get("region", ""), "url": base,
                     "code": str((site.get("identity") or {}).get("site_code") or "")},
            "as_of": as_of, "build_id": build_id(as_of, files),
            "files": files, "feeds": feeds,
            "search": f"{base}/search/meta.json" if self.settings.get("GONGSHI_SEARCH", True) else "",
        }
        _dump(os.path.join(self.output_path, MANIFEST), manifest)


def annual_totals(ds: Any) -> dict[str, Any]:
    """Year -> the site total of the county's committed annual snapshot (what its portal shows)."""
    from gongshi.policy.statistics import snapshots
    out: dict[str, Any] = {}
    for year, snap in sorted(snapshots(ds).items()):
        total = snap.get("total") or {}
        out[str(year)] = {"made": snap.get("made"), "threshold": snap.get("threshold"),
                          **{k: total[k] for k in FIGURES if k in total}}
    return {"format": FORMAT, "version": VERSION, "years": out}
