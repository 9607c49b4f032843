"""A very common pair's postings in id ranges, newest first (outputs/search/ranges.py): the cut
(every posting once, newest range first, each within its size, key and body series apart),
the same files from every writer (index.write, stream.Writer, a patch of the published index),
nothing changed below the threshold, and the reading order search.js follows (the model in
gongshi_tools/fedsearch.py): at every step the results shown are the head of the whole ranking."""
from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import pytest
from test_search_patch import EDITS, ROWS, _changes, _files, _write, patched_as_full

from gongshi.outputs.search import format as fmt
from gongshi.outputs.search import index, ranges
from gongshi.outputs.search.doc import Doc
from gongshi.outputs.search.patch import patch


@pytest.fixture()
def tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thresholds a handful of documents reach: every pair common and cut, ranges of ~2 postings."""
    monkeypatch.setattr(fmt, "COMMON_BYTES", 0)
    monkeypatch.setattr(ranges, "SPLIT_GZ", 0)
    monkeypatch.setattr(ranges, "RANGE_GZ", 24)


def test_cut_newest_first_every_posting_once_each_within_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranges, "RANGE_GZ", 300)
    draw = random.Random(7)
    values = sorted(2 * i + (draw.random() < 0.2) for i in range(30000) if draw.random() < 0.3)
    cut = ranges.split("品经", values, ranges.SPLIT_GZ + 1)
    assert cut is not None
    for series, want in ((cut.key, [v for v in values if v & 1]), (cut.body, [v for v in values if not v & 1])):
        got = [ranges.decode(json.loads(data)["品经"]) for _lo, data in series]
        assert [v for part in reversed(got) for v in part] == want            # every posting once, in order
        assert [lo for lo, _ in series] == sorted((lo for lo, _ in series), reverse=True)  # newest first
        assert all(lo == part[0] >> 1 for (lo, _), part in zip(series, got))
        assert all(len(zlib.compress(data, 6)) <= 300 for _lo, data in series)
        assert len(series) > 1
    assert [p for p, _ in cut.files()][:2] == ["r/54c1-7ecf.k0.json", "r/54c1-7ecf.k1.json"]
    assert cut.meta() == [len(cut.key), len(cut.body)]


def test_below_the_threshold_nothing_is_cut(tmp_path: Path) -> None:
    """The demo's and a county's index: no range, version 1, no r/ folder (the bytes as before)."""
    assert ranges.split("品经", [2, 4, 6], ranges.SPLIT_GZ) is None
    raw = _write(tmp_path / "site", ROWS, 0)
    meta = json.loads((tmp_path / "site/search/meta.json").read_text(encoding="utf-8"))
    assert raw and meta["version"] == 1 and "ranges" not in meta
    assert not (tmp_path / "site/search/r").exists()


def test_ranged_index_lists_its_ranges_and_drops_the_gram_from_its_gram_file(tmp_path: Path, tiny: None) -> None:
    _write(tmp_path / "site", ROWS, 0)
    root = tmp_path / "site/search"
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == ranges.RANGES_VERSION and meta["range_gz"] == ranges.RANGE_GZ
    assert "东安" in meta["ranges"] and "东安" in meta["common"]
    held = set()
    for n in range(meta["shards"]):
        held |= set(json.loads((root / f"g/{n}.json").read_text(encoding="utf-8")))
    assert not held & set(meta["ranges"])
    listed = {rel for g, counts in meta["ranges"].items() for rel in ranges.files_of(g, counts)}
    assert {str(p.relative_to(root)) for p in (root / "r").iterdir()} == listed


def _docs(rows: list[tuple[str, str, str, str]]) -> list[Doc]:
    return [Doc("decision", f"d/{t}.html", t, "东安县", cat, 2025, "2025-01-01", "", "", key=[t, k], body=[b])
            for t, b, k, cat in rows]


def test_index_write_and_stream_writer_give_the_same_ranges(tmp_path: Path, tiny: None) -> None:
    from gongshi.outputs.search import stream
    docs = _docs(ROWS)
    index.write(tmp_path / "a", docs)
    writer = stream.Writer(tmp_path / "b", len(docs), None, 0)
    for i in reversed(range(len(docs))):
        d = docs[i]
        key, other = stream.doc_grams(d.key, d.body, d.doc_no)
        writer.add(i, json.dumps({"u": d.url, "t": d.title, "k": d.kind, "n": d.doc_no, "a": d.agency, "d": d.date,
                                  "s": d.sub, "x": d.text()}, ensure_ascii=False, separators=(",", ":"),
                                 sort_keys=True).encode(), key, other, d.kind, d.agency, d.category, "2025")
    writer.finish()
    assert (tmp_path / "a/search/r").is_dir()
    assert _files(tmp_path / "a/search") == _files(tmp_path / "b/search")


@pytest.mark.parametrize("block", [0, 2])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_patch_of_a_ranged_index_gives_the_bytes_of_a_full_write(tmp_path: Path, tiny: None, edit: str,
                                                                  block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongshi.outputs.search import stream
    monkeypatch.setattr(stream, "FACETS_INLINE", 4 if block else 65536)
    patched_as_full(tmp_path, edit, block)


def test_a_pair_that_grows_past_the_threshold_is_cut_by_the_patch(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """东安's postings grow past SPLIT_GZ with two documents added: the patch cuts it, as a full
    write of the new documents does (and leaves every other pair as it was)."""
    monkeypatch.setattr(fmt, "COMMON_BYTES", 0)
    monkeypatch.setattr(ranges, "RANGE_GZ", 24)
    after = [*ROWS, ("东安县另一店案", "经查。", "东安市监罚〔2026〕9号", "行政处罚"),
             ("东安县第三店案", "经查。", "东安市监罚〔2026〕10号", "行政处罚")]
    monkeypatch.setattr(ranges, "SPLIT_GZ", 10 ** 9)
    _write(tmp_path / "probe", ROWS, 0)
    before = json.loads((tmp_path / "probe/search/meta.json").read_text(encoding="utf-8"))["common"]["东安"]
    monkeypatch.setattr(ranges, "SPLIT_GZ", before)  # 东安 is not cut before, is after
    raw = _write(tmp_path / "published", ROWS, 0)
    assert "东安" not in json.loads((tmp_path / "published/search/meta.json").read_text(encoding="utf-8")).get("ranges", {})
    _write(tmp_path / "full", after, 0)
    assert "东安" in json.loads((tmp_path / "full/search/meta.json").read_text(encoding="utf-8"))["ranges"]
    facets = [["decision"] * len(after), ["东安县"] * len(after), [r[3] for r in after], ["2025"] * len(after)]
    done = patch(tmp_path / "patched", tmp_path / "published", len(after), 0, raw, _changes(ROWS, after), facets)
    assert done is not None
    assert _files(tmp_path / "patched/search") == _files(tmp_path / "full/search")


MANY = [(f"{'东安县' if i % 3 else '西宁县'}{'某店' if i % 2 else '某公司'}{i}号案", "经查，东安县某店销售过期食品。" if i % 4 else "准予许可",
         f"东安市监罚〔2025〕{i}号", "行政处罚") for i in range(60)]


@pytest.mark.parametrize("q", ["东安", "东安县", "某店", "东安县某店"])
def test_each_step_shows_the_head_of_the_whole_ranking(tmp_path: Path, tiny: None, q: str) -> None:
    """The order search.js reads ranges in (its Walk, modelled in gongshi_tools/fedsearch.py):
    after every range read, the results it shows are the first ones of the ranking a search
    reading every posting gives (title hits newest first, then the rest newest first), and
    once every range is read, all of them."""
    from gongshi_tools import fedsearch
    _write(tmp_path / "site", MANY, 0)
    ix = fedsearch.Index(str(tmp_path / "site"))
    exact, _apart, _han = fedsearch.parse(q)
    chosen = fedsearch.selective(exact, ix)
    ranged = [g for g in chosen if g in ix.ranges]
    assert ranged and all(g in ix.common for g in chosen)
    whole = [ix.postings(g) for g in chosen if g not in ranged]
    full = fedsearch.ranking(ix, q, 10 ** 6, apart=False)
    walk = fedsearch.Walk(ix, whole, ranged)
    steps = 0
    while not walk.done:
        walk.advance()
        steps += 1
        shown = walk.list()
        assert shown == full[:len(shown)]
    assert walk.list() == full and steps > 2
    keyed = [i for i in full if all(ix.postings(g).get(i) == 1 for g in chosen)]
    assert full[:len(keyed)] == sorted(keyed, reverse=True)  # title hits first, newest first
