"""The streaming index writer (a province's merge) writes what index.write writes for the same
documents, in any order of arrival; a large index keeps result documents in blocks and its
facet columns in files of their own, which search.js reads (meta.block, meta[facet].file)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongshi.outputs.search import index, stream
from gongshi.outputs.search.doc import Doc
from gongshi.outputs.search.encode import encode

DOCS = [
    Doc("subject", "subjects/91341522MA2N0ABC1X.html", "东安县盛达烟花爆竹店", "", "", None, "2026-09-21",
        "91341522MA2N0ABC1X", "法人 · 公示的执法决定 1 件", key=["东安县盛达烟花爆竹店", "91341522MA2N0ABC1X"],
        body=["东安应急罚〔2026〕1号 东安县 东安县应急管理局"]),
    Doc("decision", "counties/c000/2026.html#d-safety-cf-2026-0001", "盛达烟花爆竹店未按规定培训案", "东安县",
        "行政处罚", 2026, "2026-09-21", "东安应急罚〔2026〕1号", "东安县盛达烟花爆竹店 · 东安县应急管理局",
        key=["盛达烟花爆竹店未按规定培训案", "东安应急罚〔2026〕1号", "东安县盛达烟花爆竹店", "91341522MA2N0ABC1X"],
        body=["东安县", "东安县应急管理局", "罚款人民币5000元", "经查，当事人未按规定对从业人员进行安全生产教育和培训。"]),
    Doc("decision", "counties/c001/2025.html#d-market-xk-2025-0003", "西宁县某食品店食品经营许可", "西宁县",
        "行政许可", 2025, "2025-03-04", "西宁市监许〔2025〕3号", "西宁县某食品店 · 西宁县市场监督管理局",
        key=["西宁县某食品店食品经营许可", "西宁市监许〔2025〕3号", "西宁县某食品店", ""],
        body=["西宁县", "西宁县市场监督管理局", "准予食品经营许可"]),
]


def _stream(site: Path, block: int = 0) -> None:
    writer = stream.Writer(site, len(DOCS), None, block)
    for i in (2, 0, 1):  # any order: counties arrive one after another, not newest first
        d = DOCS[i]
        key, other = stream.doc_grams(d.key, d.body, d.doc_no)
        data = encode({"u": d.url, "t": d.title, "k": d.kind, "n": d.doc_no, "a": d.agency, "d": d.date,
                       "s": d.sub, "x": d.text()})
        writer.add(i, data, key, other, d.kind, d.agency, d.category, str(d.year) if d.year else "")
    writer.finish()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_files_as_index_write(tmp_path: Path) -> None:
    index.write(tmp_path / "a", DOCS)
    _stream(tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_blocks_and_facet_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index.write(tmp_path / "a", DOCS)
    monkeypatch.setattr(stream, "FACETS_INLINE", 4)
    _stream(tmp_path / "b", block=2)
    a, b = tmp_path / "a/search", tmp_path / "b/search"
    meta_a = json.loads((a / "meta.json").read_text(encoding="utf-8"))
    meta_b = json.loads((b / "meta.json").read_text(encoding="utf-8"))
    assert meta_b["block"] == 2
    for name in stream.FACETS:
        assert meta_b[name]["file"] == f"f/{name}.json" and "col" not in meta_b[name]
        assert json.loads((b / "f" / f"{name}.json").read_text(encoding="utf-8")) == {"col": meta_a[name]["col"]}
        assert {k: v for k, v in meta_b[name].items() if k != "file"} == \
            {k: v for k, v in meta_a[name].items() if k != "col"}
    blocks = [json.loads((b / "d" / f"{k}.json").read_text(encoding="utf-8")) for k in range(2)]
    assert [len(x) for x in blocks] == [2, 1]
    assert [d for x in blocks for d in x] == [json.loads((a / "d" / f"{i}.json").read_text(encoding="utf-8"))
                                              for i in range(3)]
    assert {p.name for p in (b / "g").iterdir()} == {p.name for p in (a / "g").iterdir()}
    assert all((b / "g" / p.name).read_bytes() == p.read_bytes() for p in (a / "g").iterdir())
    assert not [p for p in b.iterdir() if p.is_file() and p.name != "meta.json"]  # no spool left behind
