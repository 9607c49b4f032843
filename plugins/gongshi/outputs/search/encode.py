"""How the search index's files are encoded and written (search/index.py decides what is in them).

Posting lists are delta-coded in base 36 (`deltas`); the gaps between one gram's documents are
mostly small, so a lookup table answers most of them (millions of numbers at 100,000 decisions).
`Files` writes each file, or links it from the published site when its bytes did not change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_B36_SMALL = [B36[n // 36] + B36[n % 36] if n >= 36 else B36[n] for n in range(36 * 36)]


def b36(n: int) -> str:
    """`n` in base 36, as search.js reads it."""
    if n < 1296:  # most gaps between postings: a table instead of a loop (millions at 100,000 decisions)
        return _B36_SMALL[n]
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = B36[r] + out
        if not n:
            return out


def deltas(ids: list[int]) -> str:
    """Ascending ids as comma-separated base-36 gaps."""
    return ",".join(map(b36, map(int.__sub__, ids, [0, *ids[:-1]])))


def encode(doc: Any) -> bytes:
    """A file's bytes: compact JSON, sorted keys, UTF-8."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


class Files:
    """Writes the index's files; one whose bytes equal the published build's file is hard-linked
    from it instead. After a one-record change almost every file is unchanged, and creating a
    file costs about ten times what linking one does (measured on this machine: ~130 against
    ~13 µs); the bytes are compared, not trusted from a manifest, so a link is always right."""

    def __init__(self, root: Path, published: str | None, folder: str) -> None:
        self.root = root
        self.published = Path(published, folder) if published and os.path.isdir(Path(published, folder)) else None

    def dump(self, rel: str, doc: Any) -> int:
        return self.put(rel, encode(doc))

    def put(self, rel: str, data: bytes) -> int:
        """Write `data` (already encoded) as `rel`, or link the published twin holding the same."""
        path = self.root / rel
        if self.published is not None:
            twin = self.published / rel
            try:
                with open(twin, "rb") as fh:
                    same = fh.read(len(data) + 1) == data
                if same:
                    os.link(twin, path)
                    return len(data)
            except OSError:
                pass  # no such file, or no link here: write it
        with open(path, "wb") as fh:
            fh.write(data)
        return len(data)
