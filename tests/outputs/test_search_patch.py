"""A published index patched with the documents that changed (a province after one county
changed) is the very bytes stream.Writer writes for the new documents; a patch that cannot
promise that (the shard count would change, the published index is not the one described)
returns None."""
from __future__ import annotations

from pathlib import Path

import pytest

from gongshi.outputs.search import stream
from gongshi.outputs.search.encode import encode
from gongshi.outputs.search.patch import Change, patch

# (title, body, key text, category): the document's id is its place in the list.
Row = tuple[str, str, str, str]
ROWS: list[Row] = [
    ("东安县盛达烟花爆竹店未按规定培训案", "经查，当事人未按规定对从业人员进行安全生产教育和培训。", "91341522MA2N0ABC1X", "行政处罚"),
    ("西宁县某食品店食品经营许可", "准予食品经营许可", "西宁市监许〔2025〕3号", "行政许可"),
    ("东丰县某超市销售过期食品案", "经查，当事人销售超过保质期的食品。", "东丰市监罚〔2025〕7号", "行政处罚"),
    ("东和县某加油站危险化学品案", "未按规定储存危险化学品。", "东和应急罚〔2024〕2号", "行政处罚"),
    ("西河县某药店药品经营许可", "准予药品经营许可", "西河市监许〔2024〕11号", "行政许可"),
]


def _doc(row: Row) -> tuple[bytes, frozenset[str], frozenset[str]]:
    title, body, key, _category = row
    k, other = stream.doc_grams([title, key], [body], "")
    return encode({"t": title, "x": body, "n": key}), frozenset(k), frozenset(other)


def _write(site: Path, rows: list[Row], block: int) -> int:
    writer = stream.Writer(site, len(rows), None, block)
    for i, row in enumerate(rows):
        data, k, other = _doc(row)
        writer.add(i, data, k, other, "decision", "东安县", row[3], "2025")
    writer.finish()
    return writer.raw


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _changes(before: list[Row], after: list[Row]) -> list[Change]:
    """Every document whose id or bytes differ, matched by title."""
    was = {r[0]: i for i, r in enumerate(before)}
    now = {r[0]: i for i, r in enumerate(after)}
    out = []
    for title in was.keys() | now.keys():
        i, j = was.get(title, -1), now.get(title, -1)
        old = _doc(before[i]) if i >= 0 else (b"", frozenset(), frozenset())
        new = _doc(after[j]) if j >= 0 else (b"", frozenset(), frozenset())
        if i != j or old != new:
            out.append(Change(i, old[1], old[2], j, new[0], new[1], new[2]))
    return out


EDITS = {
    "facts corrected": lambda rows: [rows[0], (rows[1][0], "经复核更正。" + rows[1][1], *rows[1][2:]), *rows[2:]],
    "two swapped": lambda rows: [rows[1], rows[0], *rows[2:]],
    "one added at the end": lambda rows: [*rows, ("西丰县某饭店食品安全案", "经查，当事人使用过期原料。", "西丰市监罚〔2023〕5号", "行政处罚")],
    "the last removed": lambda rows: rows[:-1],
    "a key word moved to the body": lambda rows: [*rows[:2], ("东丰县某超市案", rows[2][1] + "销售过期食品", *rows[2][2:]), *rows[3:]],
    "inserted first (every id moves)": lambda rows: [("北山县某店案", "新增", "北山市监罚〔2026〕1号", "行政处罚"), *rows],
}


@pytest.mark.parametrize("block", [0, 2])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_patch_gives_the_bytes_of_a_full_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str,
                                               block: int) -> None:
    monkeypatch.setattr(stream, "FACETS_INLINE", 4 if block else 65536)
    done = patched_as_full(tmp_path, edit, block)
    assert done[1] == _write(tmp_path / "again", EDITS[edit](ROWS), block)  # the raw size the next patch starts from


def patched_as_full(tmp_path: Path, edit: str, block: int) -> tuple[int, int]:
    """Patch an index of ROWS with EDITS[edit] and assert its files are those of a full write of
    the edited rows (also read by the ranged index's test); the patch's result."""
    after = EDITS[edit](ROWS)
    raw = _write(tmp_path / "published", ROWS, block)
    _write(tmp_path / "full", after, block)
    facets = [["decision"] * len(after), ["东安县"] * len(after), [r[3] for r in after], ["2025"] * len(after)]
    done = patch(tmp_path / "patched", tmp_path / "published", len(after), block, raw, _changes(ROWS, after), facets)
    assert done is not None
    assert _files(tmp_path / "patched/search") == _files(tmp_path / "full/search")
    return done


def test_unchanged_files_are_linked_not_written(tmp_path: Path) -> None:
    raw = _write(tmp_path / "published", ROWS, 2)
    after = EDITS["facts corrected"](ROWS)
    facets = [["decision"] * 5, ["东安县"] * 5, [r[3] for r in after], ["2025"] * 5]
    assert patch(tmp_path / "patched", tmp_path / "published", 5, 2, raw, _changes(ROWS, after), facets) is not None
    linked = [p.name for p in (tmp_path / "patched/search/d").iterdir() if p.stat().st_nlink > 1]
    assert sorted(linked) == ["1.json", "2.json"]  # document 1 is in block 0


def test_a_patch_against_another_index_is_refused(tmp_path: Path) -> None:
    raw = _write(tmp_path / "published", ROWS, 0)
    after = EDITS["facts corrected"](ROWS)
    wrong = [Change(0, c.old_key | {"不在"}, c.old_other, c.new, c.data, c.key, c.other) for c in _changes(ROWS, after)]
    facets = [["decision"] * 5, ["东安县"] * 5, [r[3] for r in after], ["2025"] * 5]
    assert patch(tmp_path / "patched", tmp_path / "published", 5, 0, raw, wrong, facets) is None
    assert patch(tmp_path / "patched", tmp_path / "published", 5, 2, raw, _changes(ROWS, after), facets) is None
    assert patch(tmp_path / "patched", tmp_path / "nowhere", 5, 0, raw, _changes(ROWS, after), facets) is None
