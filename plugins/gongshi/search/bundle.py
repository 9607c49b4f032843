"""Reading a written Pagefind bundle back: what pages it indexed, and with which words.

Used by the tests and the benchmark to check that the browser index holds exactly the
public decisions, and to size what a query downloads.
"""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"  # every decompressed Pagefind file starts with it
ZERO_WIDTH = "\u200b"        # the extended build marks its Chinese word breaks with it


def read(path: str | os.PathLike[str]) -> bytes:
    """One bundle file, decompressed, signature removed."""
    raw = gzip.decompress(Path(path).read_bytes())
    return raw[len(SIGNATURE):] if raw.startswith(SIGNATURE) else raw


def fragments(bundle: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Every indexed page's fragment (url, content, meta, filters), in file-name order."""
    for path in sorted(Path(bundle, "fragment").glob("*.pf_fragment")):
        yield json.loads(read(path))


def words(fragment: dict[str, Any]) -> list[str]:
    """The words Pagefind cut a page's content into."""
    text = fragment.get("content", "").replace(ZERO_WIDTH, " ")
    return [w for w in text.split() if w]


def plain(fragment: dict[str, Any]) -> str:
    """A page's indexed content without Pagefind's word breaks."""
    return str(fragment.get("content", "")).replace(ZERO_WIDTH, "")


def entry(bundle: str | os.PathLike[str]) -> dict[str, Any]:
    """pagefind-entry.json: version, languages and page counts."""
    doc: dict[str, Any] = json.loads(Path(bundle, "pagefind-entry.json").read_text(encoding="utf-8"))
    return doc
