"""A very large gram's postings cut into id ranges, newest first (issue 23, a province's search).

At a million documents one common pair's postings are 58-71 kB gzip (品经 is on 87,184 of
1,164,960 documents), and a set that large cannot be sent in much less: a search that fetches
it whole cannot stay within 60 kB. A reader wants the first page, the newest exact hits, so a
gram whose whole postings compress above SPLIT_GZ is written in ranges of at most RANGE_GZ
each, newest first, in two series:

- ``k``: its postings in a key field (title, name, number, credit code), 2 * id + 1 each;
- ``b``: its other postings, 2 * id each.

search.js (its `Walk`) reads a query's ranged common pairs' key series newest first until the
title tier (every query pair in a key field) is complete, then their body series, and shows at
each step only the results whose place in the whole ranking is already certain: every result
shown is where a search reading every posting would show it. What is not known until every
range is read is how many there are ("at least N"). Why two series and not the key bit inside
one: with one series an older title hit found on a later page would rank before the newer body
hits already shown.

Any gram that large is cut, a single character too (the "apart" tier reads those whole, every
range): in a gram file it would make each of its shard-mates cost its size (a pair of 11 kB
shared g/29504.json with 江县, 81 kB, at a million documents). The gram files then do not hold
it; meta.json lists it under ``ranges`` as the number of ranges of each series, and
``range_gz``, the bound of a range's size (the lowest id a range reaches is read from the range
itself, so meta.json stays small: ~1,200 grams are cut at a million documents). A cut pair
stays under ``common`` with its whole postings' size, as before. Below SPLIT_GZ nothing
changes: a county's index (the demo, 10,000 decisions: its largest gram is far below) is the
very bytes it was, version 1. An index holding a range says version 2: a reader of version 1
would take the gram as absent.

Deterministic: the cut depends on the postings alone, so two writes of the same documents, and
a patched index and a full write (patch.py), give the same files.
"""
from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gongshi.outputs.search import format as fmt
from gongshi.outputs.search.encode import deltas, encode

FOLDER = "r"             # <site>/search/r/
# A gram whose whole postings compress above this (bytes gzip) is cut into ranges. The demo's
# and a 10,000-decision county's largest grams are far below (their index is then unchanged,
# version 1); at 100,000 decisions the largest pair (霍邱, on every page of one county) is
# about this size; at a million documents 1,180 grams are above (794 pairs, 386 others).
SPLIT_GZ = 16000
RANGE_GZ = 8000          # each range at most this (bytes gzip): four fit a later search's budget
RANGES_VERSION = 2       # meta.json's version when a range exists


def weight(encoded: str | bytes, common: int | None) -> int | None:
    """The compressed size of a gram's postings when they might be cut (longer than
    COMMON_BYTES characters; a common pair's size is known already), else None."""
    if common is not None:
        return common
    if len(encoded) > fmt.COMMON_BYTES:
        return len(zlib.compress(encoded if isinstance(encoded, bytes) else encoded.encode("ascii"), 6))
    return None


def common_size(gram: str, encoded: str | bytes) -> int | None:
    """A "common" pair's postings' compressed size (meta.json's `common`), None for a gram
    that is not one (a pair whose postings are longer than COMMON_BYTES characters)."""
    if len(encoded) > fmt.COMMON_BYTES and len(gram) == 2 and fmt.HAN.fullmatch(gram):
        data = encoded if isinstance(encoded, bytes) else encoded.encode("ascii")
        return len(zlib.compress(data, 6))
    return None


def name(gram: str) -> str:
    """A cut gram's file stem: its code points in hex (ASCII names, the same for any build)."""
    return "-".join(f"{ord(c):x}" for c in gram)


def path(gram: str, series: str, n: int) -> str:
    """The n-th range (0: the newest) of a series ("k" or "b"), relative to the index."""
    return f"{FOLDER}/{name(gram)}.{series}{n}.json"


@dataclass(frozen=True)
class Split:
    """One gram's ranges: per series, (lowest id, the file's bytes), newest first."""

    gram: str
    key: list[tuple[int, bytes]]
    body: list[tuple[int, bytes]]

    def files(self) -> list[tuple[str, bytes]]:
        """(path relative to the index, bytes) of every range file, key series first."""
        return [(path(self.gram, s, n), data) for s, series in (("k", self.key), ("b", self.body))
                for n, (_lo, data) in enumerate(series)]

    def meta(self) -> list[int]:
        """meta.json's entry: how many ranges the key series and the body series have."""
        return [len(self.key), len(self.body)]


def split(gram: str, values: Sequence[int], gz: int | None) -> Split | None:
    """`gram`'s ranges when its whole postings (`values`: 2 * id + key bit, ascending) compress
    to more than SPLIT_GZ (`gz`, from weight), else None (it stays in its gram file)."""
    if gz is None or gz <= SPLIT_GZ:
        return None
    key = [v for v in values if v & 1]
    body = [v for v in values if not v & 1]
    return Split(gram, _cut(gram, key, gz * len(key) / len(values)), _cut(gram, body, gz * len(body) / len(values)))


def _cut(gram: str, values: list[int], estimate: float) -> list[tuple[int, bytes]]:
    """`values` in ranges of equal length from the newest, each at most RANGE_GZ gzip (the
    oldest the shortest). The count starts from `estimate` (the whole postings' size, shared
    among the series by length) with a fifth to spare, so that one pass is mostly enough (each
    pass encodes and compresses every posting: a million postings cost ~0.5 s here); when a
    range is still too large, the count grows by the largest range's excess, at least by one."""
    if not values:
        return []
    count = max(1, math.ceil(estimate / (RANGE_GZ * 0.8)))
    while True:
        size = math.ceil(len(values) / count)
        out = []
        for end in range(len(values), 0, -size):
            part = values[max(0, end - size):end]
            out.append((part[0] >> 1, encode({gram: deltas(part)})))
        largest = max(len(zlib.compress(data, 6)) for _lo, data in out)
        if size == 1 or largest <= RANGE_GZ:
            return out
        count = max(count + 1, math.ceil(count * largest / (RANGE_GZ * 0.9)))


def listed(cut: dict[str, list[int]]) -> dict[str, Any]:
    """meta.json's keys for the grams cut: none when there is none (the index is then version
    1, byte for byte as before ranges existed), else `ranges`, `range_gz` and version 2."""
    return {"ranges": cut, "range_gz": RANGE_GZ, "version": RANGES_VERSION} if cut else {}


def files_of(gram: str, counts: list[int]) -> list[str]:
    """The range files of a gram as meta.json lists it ([key ranges, body ranges])."""
    return [path(gram, s, n) for s, c in zip(("k", "b"), counts) for n in range(c)]


def decode(postings: str) -> list[int]:
    """Delta-coded base-36 postings -> their values, ascending ("" -> none)."""
    out, v = [], 0
    for gap in postings.split(",") if postings else ():
        v += int(gap, 36)
        out.append(v)
    return out
