"""search/index.write: an index file whose bytes did not change is linked from the published
site, not written again; any other is written; the result equals a fresh write byte for byte."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from conftest import DATA, DEMO_AS_OF

from gongshi.app import plugin
from gongshi.outputs.search import index


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_unchanged_files_are_linked_changed_ones_written(tmp_path: Path) -> None:
    docs = index.documents(plugin.publication({"GONGSHI_DATA": str(DATA), "GONGSHI_AS_OF": DEMO_AS_OF}))
    published, fresh, linked = tmp_path / "published", tmp_path / "fresh", tmp_path / "linked"
    index.write(published, docs)
    changed = [dataclasses.replace(docs[0], title=docs[0].title + "（更正）"), *docs[1:]]
    index.write(fresh, changed)
    index.write(linked, changed, published=str(published))
    assert _tree(linked / "search") == _tree(fresh / "search")
    old, new = published / "search", linked / "search"
    assert os.stat(new / "d" / "1.json").st_ino == os.stat(old / "d" / "1.json").st_ino
    assert os.stat(new / "d" / "0.json").st_ino != os.stat(old / "d" / "0.json").st_ino
