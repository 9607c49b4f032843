"""The strict reader and the loader: encodings, limits, libyaml errors in Chinese, places, workers."""
from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest

from conftest import CASES
from gongshi.model import dataset, yamlread
from gongshi.model.kinds import KINDS


def msgs(findings: list, lang: str = "zh") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message(lang)) for f in findings]


# --- encodings -----------------------------------------------------------------------------

def test_utf8_with_bom_is_fine() -> None:
    text, findings = yamlread.decode(codecs.BOM_UTF8 + "a: 名称\n".encode(), "f.yml")
    assert (text, findings) == ("a: 名称\n", [])


def test_gbk_is_recognised_with_place_and_iconv_hint() -> None:
    data = "a: 1\nname: 霍邱县\n".encode("gbk")
    text, findings = yamlread.decode(data, "f.yml")
    assert text is None
    assert msgs(findings) == [(2, 7, "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（从第 2 行第 7 列起）")]
    assert "iconv -f GB18030 -t UTF-8" in findings[0].hint("zh")
    assert "iconv -f GB18030 -t UTF-8" in findings[0].hint("en")


def test_latin1_is_not_called_gbk() -> None:
    _, findings = yamlread.decode("name: café au lait\n".encode("latin-1"), "f.yml")
    assert msgs(findings, "en") == [(1, 10, "the file is not UTF-8 (byte 9 cannot be decoded)")]


def test_utf16_is_recognised() -> None:
    _, findings = yamlread.decode("a: 名称\n".encode("utf-16"), "f.yml")
    assert msgs(findings) == [(1, 1, "文件是 UTF-16 编码（记事本的“Unicode”），不是 UTF-8")]
    assert "iconv -f UTF-16 -t UTF-8" in findings[0].hint("zh")


def test_too_large_says_the_real_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"# " + b"x" * (yamlread.MAX_BYTES + 5000) + b"\n")
    root, findings = yamlread.read_file(str(path))
    assert root is None
    assert msgs(findings, "en") == [(1, 1, f"file too large ({yamlread.MAX_BYTES + 5003} bytes, limit {yamlread.MAX_BYTES})")]


def test_unreadable_file(tmp_path: Path) -> None:
    root, findings = yamlread.read_file(str(tmp_path / "missing.yml"))
    assert root is None and findings[0].rule == "R-FORMAT" and findings[0].line == 1


# --- libyaml's errors, in Chinese ----------------------------------------------------------------

@pytest.mark.parametrize("text,line,col,zh", [
    ("a: b: c\n", 1, 5, "YAML 语法错误：这里不能出现“: ”（冒号加空格）"),
    ("a: 1\nfoo\nb: 2\n", 2, 1, "YAML 语法错误：缺少冒号“:”：这一行既不是“键: 值”，也没有接在上一行的值后面"),
    ("a:\n\tb: 1\n", 2, 1, "YAML 语法错误：缩进中有制表符（Tab）"),
    ("a: 1\n\tb: 1\n", 2, 1, "YAML 语法错误：缩进中有制表符（Tab）"),
    ('a: "abc\n', 1, 4, "YAML 语法错误：文件意外结束：引号或括号没有闭合"),
    ("a: [1, 2\nb: 3\n", 2, 2, "YAML 语法错误：读取第 1 行第 4 列开始的方括号列表 [ ] 时，缺少逗号“,”或右方括号“]”"),
    ("a: {b: 1\nc: 3\n", 2, 2, "YAML 语法错误：读取第 1 行第 4 列开始的花括号映射 { } 时，缺少逗号“,”或右花括号“}”"),
    ("a: 1\n- b\n", 2, 1, "YAML 语法错误：读取第 1 行第 1 列开始的键值对时，这一行的缩进与上面的键不一致，或缺少键"),
    ("- a\nb: 1\n", 2, 1, "YAML 语法错误：读取第 1 行第 1 列开始的列表时，这一行应是以“- ”开头的列表项，或缩进不一致"),
    ("a: @x\n", 1, 4, "YAML 语法错误：这里的字符不能作为值的开头（例如 @、` 或制表符）"),
    ('a: "C:\\new\\q"\n', 1, 11, "YAML 语法错误：读取第 1 行第 4 列开始的带引号文字时，双引号中的反斜杠“\\”后面是无效的转义字符"),
    ("%YAML 2.0\n---\na: 1\n", 1, 1, "YAML 语法错误：不支持的 YAML 版本"),
    ("a: &\n", 1, 5, "YAML 语法错误：读取第 1 行第 4 列的锚点（&）时，& 或 * 后面缺少名称"),
])
def test_syntax_errors_in_chinese(text: str, line: int, col: int, zh: str) -> None:
    root, findings = yamlread.parse(text, "f.yml")
    assert root is None
    assert msgs(findings) == [(line, col, zh)]
    assert findings[0].hint("zh") and findings[0].hint("en")
    assert findings[0].message("en").startswith("YAML syntax error: ")


def test_english_keeps_libyaml_words() -> None:
    _, findings = yamlread.parse("a: [1, 2\nb: 3\n", "f.yml")
    assert findings[0].message("en") == "YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"


@pytest.mark.parametrize("text,line,col,char", [
    ("a: x\x07y\n", 1, 5, "U+0007"), ("a: 1\nb: \x00\n", 2, 4, "U+0000"), ("a: \x1b[0m\n", 1, 4, "U+001B")])
def test_control_characters(text: str, line: int, col: int, char: str) -> None:
    _, findings = yamlread.parse(text, "f.yml")
    assert msgs(findings) == [(line, col, f"文件中有不允许的控制字符 {char}")]


def test_a_lone_surrogate_is_a_finding() -> None:
    _, findings = yamlread.parse("a: 1\nb: x\ud800\n", "f.yml")
    assert msgs(findings) == [(2, 5, "文件中有无法保存为 UTF-8 的字符 U+D800")]


# --- structure -----------------------------------------------------------------------------

def test_positions_are_one_based_characters() -> None:
    root, _ = yamlread.parse("名称: 霍邱县\nlist:\n  - 一\n  - {k: 值}\n", "f.yml")
    assert isinstance(root, yamlread.YMap)
    key, value = root.items["名称"]
    assert (key.line, key.col, value.line, value.col) == (1, 1, 1, 5)
    seq = root.items["list"][1]
    assert isinstance(seq, yamlread.YSeq) and (seq.items[1].line, seq.items[1].col) == (4, 5)
    assert yamlread.find(root, ["list", 1, "k"]).col == 9


def test_scalars_keep_their_source_text() -> None:
    root, findings = yamlread.parse("a: 0564\nb: yes\nc: 1e3\nd: '12'\ne: ~\nf:\n", "f.yml")
    assert findings == []
    got = {k: (v.value, v.plain, v.is_null()) for k, (_, v) in root.items.items()}
    assert got == {"a": ("0564", True, False), "b": ("yes", True, False), "c": ("1e3", True, False),
                   "d": ("12", False, False), "e": ("~", True, True), "f": ("", True, True)}


def test_duplicates_anchors_tags_and_documents() -> None:
    text = "a: 1\nb: &x 2\nc: *x\nd: !!str 4\na: 5\n---\ne: 6\n"
    root, findings = yamlread.parse(text, "f.yml")
    assert msgs(findings, "en") == [
        (2, 4, "YAML anchors and aliases are not allowed (&x)"),
        (3, 4, "YAML anchors and aliases are not allowed (*x)"),
        (4, 4, "YAML tags are not allowed (tag:yaml.org,2002:str)"),
        (5, 1, "duplicate key 'a' (first at line 1)"),
        (6, 1, "a file may hold only one YAML document")]
    assert list(root.items) == ["a", "b", "c", "d"] and root.items["a"][1].value == "1"


def test_a_complex_key_is_one_finding_and_no_entry() -> None:
    root, findings = yamlread.parse("? [a, b]\n: 1\nc: 2\n", "f.yml")
    assert msgs(findings) == [(1, 3, "键必须是简单文字")]
    assert list(root.items) == ["c"]


@pytest.mark.parametrize("depth,ok", [(yamlread.MAX_DEPTH, True), (yamlread.MAX_DEPTH + 1, False)])
def test_nesting_limit(depth: int, ok: bool) -> None:
    root, findings = yamlread.parse("[" * depth + "]" * depth, "f.yml")
    assert (findings == []) is ok and (root is not None) is ok
    if not ok:
        assert msgs(findings, "en") == [(1, depth, f"nesting too deep (more than {yamlread.MAX_DEPTH} levels)")]


def test_a_runaway_bracket_stops_at_the_limit() -> None:
    _, findings = yamlread.parse("[" * 200_000, "f.yml")
    assert len(findings) == 1 and findings[0].column == yamlread.MAX_DEPTH + 1


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "\ufeff\n"])
def test_empty_documents(text: str) -> None:
    root, findings = yamlread.parse(text, "f.yml")
    assert findings == [] and (root is None or root.is_null())  # type: ignore[union-attr]


def test_locate_rereads_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text("a: 1\nb: 2\n", encoding="utf-8")
    assert yamlread.locate(str(path), ["b"]) == (2, 4)
    path.write_text("x: 0\n\n\nb:    2\n", encoding="utf-8")
    assert yamlread.locate(str(path), ["b"]) == (4, 7)
    assert yamlread.locate(str(path), ["nope"]) == (1, 1)
    assert yamlread.locate(str(tmp_path / "gone.yml"), ["b"]) == (1, 1)


# --- places and names ------------------------------------------------------------------------

@pytest.mark.parametrize("rel,kind", [
    ("site.yml", "site"), ("calendar.yml", "calendar"), ("agencies/a/agency.yml", "agency"),
    ("agencies/a/officers.yml", "officer"), ("agencies/a/items.yml", "item"),
    ("agencies/a/inspections.yml", "inspection"), ("agencies/a/guides/g.yml", "guide"),
    ("agencies/a/flowcharts/f.yml", "flowchart"), ("agencies/a/decisions/2024/d.yml", "decision"),
    ("agencies/a/decisions/d.yml", None), ("agencies/a/guides/x/g.yml", None), ("agencies/site.yml", None),
    ("x/site.yml", None), ("agencies/a/officers.yaml", None), ("agencies/a/notes.yml", None)])
def test_kind_for(rel: str, kind: str | None) -> None:
    found = dataset.kind_for(rel)
    assert (found.name if found else None) == kind


def test_every_kind_pattern_is_recognised() -> None:
    for kind in KINDS.values():
        rel = kind.pattern.replace("*", "demo")
        assert dataset.kind_for(rel) is kind, rel


def test_discover_skips_hidden_and_sorts(tmp_path: Path) -> None:
    for rel in ["b.yml", "a/c.yml", ".git/x.yml", "a/.hidden.yml", "a/b/.cache/y.yml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("a: 1\n", encoding="utf-8")
    assert [rel for _, rel, _ in dataset.discover(str(tmp_path))] == ["a/c.yml", "b.yml"]


def _base(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(CASES / "_base", root)
    return root


def test_a_bad_agency_folder_is_reported_once(tmp_path: Path) -> None:
    root = _base(tmp_path)
    bad = root / "agencies" / "Bad_Name"
    shutil.copytree(root / "agencies" / "demo", bad)
    ds = dataset.load(str(root))
    names = [f for f in ds.report if "Bad_Name" in f.message("en")]
    assert len(names) == 1 and names[0].file == str(bad / "agency.yml")


def test_broken_files_are_known(tmp_path: Path) -> None:
    root = _base(tmp_path)
    (root / "agencies" / "demo" / "items.yml").write_text("- code: [\n", encoding="utf-8")
    ds = dataset.load(str(root))
    assert ds.broken == {"agencies/demo/items.yml"}
    assert "agencies/demo/agency.yml" in ds.paths and "agencies/demo/items.yml" in ds.paths


# --- forked workers ---------------------------------------------------------------------------

def _many(tmp_path: Path, n: int = 120) -> Path:
    root = _base(tmp_path)
    src = (CASES / "valid" / "decision-minimal.yml").read_text(encoding="utf-8")
    folder = root / "agencies" / "demo" / "decisions" / "2024"
    folder.mkdir(parents=True)
    for i in range(n):
        text = src.replace("〔2024〕1号", f"〔2024〕{i + 1}号")
        if i % 17 == 3:
            text = text.replace("major: false", "major: yes")
        (folder / f"cf-2024-{i + 1:04d}.yml").write_text(text, encoding="utf-8")
    return root


def _snapshot(ds: dataset.Dataset) -> tuple:
    recs = sorted((r.kind, r.file, r.slug, repr(r.data)) for rs in ds.records.values() for r in rs)
    finds = [(f.file, f.line, f.column, f.rule, f.message("en")) for f in ds.report]
    return recs, finds, ds.paths, ds.broken


@pytest.mark.parametrize("workers", [2, 3])
def test_forked_workers_give_the_serial_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               workers: int) -> None:
    root = _many(tmp_path)
    serial = _snapshot(dataset.load(str(root), workers=1))
    monkeypatch.setattr(dataset, "PARALLEL_MIN_FILES", 10)
    assert _snapshot(dataset.load(str(root), workers=workers)) == serial
    assert len(serial[1]) == 7  # the yes-is-not-boolean files, in path order


def test_a_failing_worker_is_replaced_by_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _many(tmp_path)
    serial = _snapshot(dataset.load(str(root), workers=1))
    parent = os.getpid()
    real = dataset.load_file

    def flaky(path: str, rel: str, mtime: float = 0.0):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("worker died")
        return real(path, rel, mtime)

    monkeypatch.setattr(dataset, "load_file", flaky)
    monkeypatch.setattr(dataset, "PARALLEL_MIN_FILES", 10)
    assert _snapshot(dataset.load(str(root), workers=2)) == serial


def test_an_abandoned_load_leaves_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _many(tmp_path)
    monkeypatch.setattr(dataset, "PARALLEL_MIN_FILES", 10)
    todo = [(p, rel, m) for p, rel, m in dataset.discover(str(root)) if dataset.kind_for(rel)]
    # The children this load forks, by pid: asking about "any child" (waitpid(-1)) also saw the
    # processes other tests leave running or unreaped, and failed on a loaded machine (issue 21).
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid
    monkeypatch.setattr(os, "fork", fork)
    gen = dataset._run(todo, 3)
    next(gen)
    gen.close()
    assert len(forked) == 2
    for pid in forked:  # each stopped and reaped: no longer a child of ours
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
