"""The search index written document by document (a province's million decisions).

`index.write` takes every document as a `Doc` in a list; a province merging a million
decisions cannot hold that (~14 kB a decision as Python objects). `Writer` takes one document
at a time, with its grams already computed (a province caches them per county), writes its
result file at once and keeps only its postings, as compact arrays of 32-bit ids (4 bytes a
posting, not a Python int in a list), and the four facet values. Documents may arrive in any
order of ids; each gram's postings are sorted when the gram files are written. The files are
the same format, shard count rule and bytes as `index.write` gives for the same documents
(tests/outputs/test_search_stream.py).
"""
from __future__ import annotations

import functools
import os
import shutil
from array import array
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.encode import Files, deltas, encode
from gongshi.outputs.search import ranges
from gongshi.outputs.search.format import FOLDER, KIND_NAMES, MAX_SHARDS, SHARD_BYTES, VERSION, fold, grams, shard_of
from gongshi.outputs.search.format import facet as _facet

FACETS = ("kind", "agency", "category", "year")
# Facet columns (characters, all four) above which they go to files of their own (f/<name>.json):
# ~16,000 documents; a county's own index (index.write) always keeps them in meta.json.
FACETS_INLINE = 65536


def doc_grams(key: Iterable[str], body: Iterable[str], doc_no: str) -> tuple[set[str], set[str]]:
    """(grams of the key fields with the document number's `#` gram, the body's other grams),
    as index.write computes them for one document."""
    k: set[str] = set()
    for t in key:
        k |= grams(t)
    other: set[str] = set()
    for t in body:
        other |= grams(t)
    if doc_no and normalise(doc_no):
        k.add("#" + fold(normalise(doc_no) or ""))
    return k, other - k


class Writer:
    """Writes <site>/search/ one document at a time; `finish` writes gram files and meta.json."""

    def __init__(self, site: str | os.PathLike[str], docs: int, published: str | None = None,
                 block: int = 0) -> None:
        self.root = Path(site, FOLDER)
        self.files = Files(self.root, published, FOLDER)
        shutil.rmtree(self.root, ignore_errors=True)
        (self.root / "g").mkdir(parents=True)
        (self.root / "d").mkdir()
        self.docs = docs
        # block > 1: d/<k>.json holds documents k*block … k*block+block-1 as a JSON array
        # (meta.json says `block`): a million result files would cost most of a province's
        # merge in file creation alone (~0.1–1 ms each here). Documents arrive in any order,
        # so their bytes wait in a spool file (not memory) until finish writes the blocks.
        self.block = block if block > 1 else 0
        if self.block:
            import tempfile
            self.spool = tempfile.TemporaryFile(dir=self.root)
            self.offsets = array("Q", bytes(8 * docs))
            self.sizes = array("I", bytes(4 * docs))
            self.end = 0
        self.postings: defaultdict[str, array[int]] = defaultdict(functools.partial(array, "I"))
        self.facets: list[list[str]] = [[""] * docs for _ in range(4)]   # kind, agency, category, year
        self.total = 0
        self.raw = 0   # the gram files' size as the shard count rule counts it (set by finish)

    def add(self, i: int, data: bytes, key: Iterable[str], other: Iterable[str],
            kind: str, agency: str, category: str, year: str) -> None:
        """Document `i`: its result file's bytes (encode.encode of index.write's dict), its key
        grams and its other grams (disjoint), and its facet values."""
        if self.block:
            self.offsets[i], self.sizes[i] = self.end, len(data)
            self.spool.write(data)
            self.end += len(data)
        else:
            self.total += self.files.put(f"d/{i}.json", data)
        postings = self.postings
        for g in key:
            postings[g].append(2 * i + 1)
        for g in other:
            postings[g].append(2 * i)
        for col, value in zip(self.facets, (kind, agency, category, year)):
            col[i] = value

    def finish(self) -> int:
        """The gram files and meta.json; every byte written (result files included)."""
        if self.block:
            self.spool.flush()
            fd = self.spool.fileno()
            for k in range(0, self.docs, self.block):
                parts = [os.pread(fd, self.sizes[i], self.offsets[i]) for i in range(k, min(k + self.block, self.docs))]
                self.total += self.files.put(f"d/{k // self.block}.json", b"[" + b",".join(parts) + b"]")
            self.spool.close()
            del self.offsets, self.sizes
        encoded: dict[str, bytes] = {}
        common: dict[str, int] = {}
        cut: dict[str, list[int]] = {}
        self.raw = raw = 0
        for g in list(self.postings):
            ids = sorted(self.postings.pop(g))
            v = encoded[g] = deltas(ids).encode("ascii")
            raw += len(g) * 3 + len(v) + 6
            size = ranges.common_size(g, v)
            if size is not None:
                common[g] = size
            pieces = ranges.split(g, ids, ranges.weight(v, size))
            if pieces is not None:  # a very large gram: in ranges, newest first, not in its gram file
                cut[g] = pieces.meta()
                del encoded[g]
                (self.root / ranges.FOLDER).mkdir(exist_ok=True)
                for rel, data in pieces.files():
                    self.total += self.files.put(rel, data)
        self.raw = raw
        shards = shard_count(raw)
        split: list[list[str]] = [[] for _ in range(shards)]
        for g in encoded:
            split[shard_of(g, shards)].append(g)
        for n, part in enumerate(split):
            self.total += self.files.put(f"g/{n}.json", encode({g: encoded[g].decode("ascii") for g in part}))
            for g in part:
                del encoded[g]
        facets, self.facets = self.facets, []
        self.total += write_meta(self.files, self.root, self.docs, shards, common, self.block, facets, cut=cut)
        return self.total


def shard_count(raw: int) -> int:
    """How many gram files an index whose grams and postings are `raw` characters gets (as
    index.write decides it): ~SHARD_BYTES each, a power of two, at most MAX_SHARDS."""
    shards = 1
    while shards < MAX_SHARDS and raw / shards > SHARD_BYTES:
        shards *= 2
    return shards


def write_meta(files: Files, root: Path, docs: int, shards: int, common: dict[str, int], block: int,
               facets: list[list[str]], inline: int | None = None,
               cut: dict[str, list[int]] | None = None) -> int:
    """meta.json (and, for a large index, the facet files f/<name>.json); bytes written.
    `facets`: the columns kind, agency, category, year, one value a document by id; `inline`:
    the columns' characters above which they get files of their own (None: FACETS_INLINE; a
    site's own index, as index.write writes it, never: -1); `cut`: the grams written in ranges
    (ranges.py: listed in meta.json, which is then version 2)."""
    total = 0
    meta: dict[str, Any] = {"version": VERSION, "docs": docs, "shards": shards, "common": common,
                            **ranges.listed(cut or {})}
    if block:
        meta["block"] = block
    columns = []
    for name, values in zip(FACETS, facets):
        names, col, width = _facet(values)
        entry: dict[str, Any] = {"names": names, "col": col, "w": width}
        if name == "kind":
            entry = {"names": names, "labels": [KIND_NAMES[k] for k in names], "col": col, "w": width}
        meta[name] = entry
        columns.append(col)
    inline = FACETS_INLINE if inline is None else inline
    if inline >= 0 and sum(map(len, columns)) > inline:
        # A province's columns (about a megabyte gzip at a million documents) would be most
        # of the first search: one file each, fetched by search.js when a filter is used.
        (root / "f").mkdir()
        for name in FACETS:
            total += files.dump(f"f/{name}.json", {"col": meta[name].pop("col")})
            meta[name]["file"] = f"f/{name}.json"
    total += files.dump("meta.json", meta)
    return total
