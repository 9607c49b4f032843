"""A published search index patched rather than written again (a province after one county changed).

A province's index holds a million documents and every posting of every one of them; after
one county changed, a handful of documents did. Writing the index again (stream.Writer) costs
every posting (most of such a merge: ~100 s of CPU at a million decisions). `patch` takes the
published index and only the documents that changed — each with its id and grams before and
after — and writes only what they touch:

- a gram file holding a posting that was removed, added or whose key bit changed (read from the
  published file, that gram's postings decoded, changed and encoded again);
- a result file (or block of `meta.block` documents) holding a document whose id or bytes changed;
- a gram written in ranges (ranges.py) whose postings changed: all its range files, cut again
  from its postings (read from the published range files);
- meta.json and the facet files (the common pairs, the pairs in ranges and the shard count
  follow the patched grams).

Every other file is hard-linked from the published site (not read: the caller proves that
nothing else changed). The result is byte for byte what stream.Writer writes for the same
documents (tests/outputs/test_search_patch.py, tests/app/test_federation_scale.py); when a patch
cannot promise that — the published index is not the one described, or the number of gram
files would change — `patch` returns None having written nothing the caller keeps, and the
caller writes the index in full.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from gongshi.outputs.search import ranges
from gongshi.outputs.search.encode import Files, deltas, encode
from gongshi.outputs.search.format import FOLDER, shard_of
from gongshi.outputs.search.stream import shard_count, write_meta


@dataclass(frozen=True)
class Change:
    """One document that is not what the published index holds: its id and grams there (old = -1:
    a new document) and now (new = -1: gone), and its result bytes now."""

    old: int
    old_key: frozenset[str]
    old_other: frozenset[str]
    new: int
    data: bytes
    key: frozenset[str]
    other: frozenset[str]


def _values(i: int, key: frozenset[str], other: frozenset[str]) -> dict[str, int]:
    """A document's postings: gram -> 2 * id + (1 when the gram is in a key field)."""
    if i < 0:
        return {}
    out = {g: 2 * i + 1 for g in key}
    out.update((g, 2 * i) for g in other)
    return out


def _decode(postings: str) -> list[int]:
    return list(accumulate(int(gap, 36) for gap in postings.split(",")))


def patch(site: str | os.PathLike[str], published: str | os.PathLike[str], docs: int, block: int, raw: int,
          changes: list[Change], facets: list[list[str]], inline: int | None = None) -> tuple[int, int] | None:
    """Write <site>/search/ as the published index with `changes` applied, for `docs` documents
    (`block` a result file, 0: one each) whose gram files held `raw` characters (as the writer
    counts them). `facets`: the four facet columns (kind, agency, category, year) by id; `inline`:
    as stream.write_meta (a site's own index: -1, its columns always in meta.json).
    (bytes written, not counting the files linked; raw of the patched index), or None: write the
    index in full (what was written here is then removed by the writer)."""
    pub = Path(published, FOLDER)
    try:
        meta = json.loads((pub / "meta.json").read_bytes())
        shards, common, before = int(meta["shards"]), dict(meta["common"]), int(meta["docs"])
        cut: dict[str, list[int]] = dict(meta.get("ranges") or {})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if int(meta.get("block") or 0) != block:
        return None
    removed: defaultdict[str, set[int]] = defaultdict(set)
    added: defaultdict[str, set[int]] = defaultdict(set)
    new_data: dict[int, bytes] = {}
    for c in changes:
        was, now = _values(c.old, c.old_key, c.old_other), _values(c.new, c.key, c.other)
        for g, v in was.items():
            if now.get(g) != v:
                removed[g].add(v)
        for g, v in now.items():
            if was.get(g) != v:
                added[g].add(v)
        if c.new >= 0:
            new_data[c.new] = c.data
    dirty: defaultdict[int, list[str]] = defaultdict(list)
    for g in removed.keys() | added.keys():
        dirty[shard_of(g, shards)].append(g)
    # Every changed gram file, in memory first: nothing is written until the shard count is known.
    files_out: dict[int, dict[str, str]] = {}
    ranges_out: dict[str, bytes] = {}   # the dirty cut grams' range files, as written now
    for n, grams in dirty.items():
        try:
            part: dict[str, str] = json.loads((pub / "g" / f"{n}.json").read_bytes())
        except (OSError, ValueError):
            return None
        for g in grams:
            if g in cut:  # a gram written in ranges: its postings are the union of its range files
                values_before = _ranged(pub, g, cut.pop(g))
                if values_before is None:
                    return None
                old = deltas(values_before) if values_before else ""
                ids = set(values_before)
            else:
                old = part.get(g, "")
                ids = set(_decode(old)) if old else set()
            if not removed[g] <= ids or ids & (added[g] - removed[g]):
                return None  # the published index is not the one the changes were computed against
            ids = (ids - removed[g]) | added[g]
            raw -= len(g) * 3 + len(old) + 6 if old else 0
            common.pop(g, None)
            part.pop(g, None)
            if not ids:
                continue
            values = sorted(ids)
            encoded = deltas(values)
            raw += len(g) * 3 + len(encoded) + 6
            size = ranges.common_size(g, encoded)
            if size is not None:
                common[g] = size
            parts = ranges.split(g, values, ranges.weight(encoded, size))
            if parts is None:
                part[g] = encoded
            else:
                cut[g] = parts.meta()
                ranges_out.update(parts.files())
        files_out[n] = part
    if shard_count(raw) != shards:
        return None
    # Result files: the changed ones, from the published file and the changed documents' bytes.
    blocks_out: dict[int, bytes] = {}
    if block:
        touched = {i // block for i in new_data}
        if before != docs:  # the last block's length changed
            touched.add((docs - 1) // block)
        for k in sorted(touched):
            if k * block >= docs:
                continue
            try:
                held: list[Any] = json.loads((pub / "d" / f"{k}.json").read_bytes())
            except (OSError, ValueError):
                held = []
            items = []
            for i in range(k * block, min(k * block + block, docs)):
                if i in new_data:
                    items.append(new_data[i])
                elif i - k * block < len(held) and i < before:
                    items.append(encode(held[i - k * block]))
                else:
                    return None
            blocks_out[k] = b"[" + b",".join(items) + b"]"
    elif any(i >= before for i in range(docs) if i not in new_data):
        return None
    root = Path(site, FOLDER)
    files = Files(root, str(published), FOLDER)
    shutil.rmtree(root, ignore_errors=True)
    (root / "g").mkdir(parents=True)
    (root / "d").mkdir()
    total = 0
    src, dst = f"{pub}{os.sep}", f"{root}{os.sep}"  # plain strings: a Path a file costs more than the link
    for n in range(shards):
        if n in files_out:
            total += files.put(f"g/{n}.json", encode(files_out[n]))
        else:
            total += _link(src, dst, f"g/{n}.json")
    if cut:
        (root / ranges.FOLDER).mkdir()
    for g in sorted(cut):
        for rel in ranges.files_of(g, cut[g]):
            total += files.put(rel, ranges_out[rel]) if rel in ranges_out else _link(src, dst, rel)
    if block:
        for k in range(-(-docs // block)):
            total += files.put(f"d/{k}.json", blocks_out[k]) if k in blocks_out else _link(src, dst, f"d/{k}.json")
    else:
        for i in range(docs):
            total += files.put(f"d/{i}.json", new_data[i]) if i in new_data else _link(src, dst, f"d/{i}.json")
    total += write_meta(files, root, docs, shards, common, block, facets, inline, cut=cut)
    return total, raw


def _ranged(pub: Path, gram: str, listed: Any) -> list[int] | None:
    """A split pair's postings (2 * id + key bit, ascending), read from its published range
    files as meta.json lists them; None when one is missing or not that pair's."""
    out: list[int] = []
    try:
        for rel in ranges.files_of(gram, listed):
            held = json.loads((pub / rel).read_bytes())
            out += ranges.decode(held[gram])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return sorted(out)


def _link(src: str, dst: str, rel: str) -> int:
    """The published file `src + rel`, unchanged: hard-linked as `dst + rel` (copied where links
    are refused); 0 bytes written."""
    try:
        os.link(src + rel, dst + rel)
    except OSError:
        shutil.copyfile(src + rel, dst + rel)
    return 0
