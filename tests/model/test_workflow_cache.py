"""The parse cache (issue 7, item 2): same dataset as an uncached load; only changed files re-read."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gongshi.model import dataset
from gongshi.model import parsecache as cache


def _age(root: Path, seconds: int = 60) -> None:
    """Move every mtime into the past, so no file counts as racily fresh."""
    for p in root.rglob("*.yml"):
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def _summary(ds: dataset.Dataset) -> tuple:
    recs = sorted((r.kind, r.file, r.slug or "", repr(r.data)) for rs in ds.records.values() for r in rs)
    finds = sorted((f.file, f.line, f.column, f.rule, f.message("en")) for f in ds.report)
    return recs, finds


@pytest.fixture()
def cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    cache.install()
    yield cache
    cache.uninstall()


def test_cached_load_equals_plain_load(data_copy: Path, cached) -> None:
    bad = data_copy / "agencies" / "market" / "decisions" / "2024" / "zz-bad.yml"
    bad.write_text("doc_no: x\ndecided: 2024-3-5\n", encoding="utf-8")
    _age(data_copy)
    first = dataset.load(str(data_copy))
    assert cache.Stats.misses == first.files
    second = dataset.load(str(data_copy))
    assert cache.Stats.hits == second.files and cache.Stats.misses == 0
    cache.uninstall()
    plain = dataset.load(str(data_copy))
    assert _summary(first) == _summary(plain) == _summary(second)
    assert any(f.file == str(bad) for f in second.report)


def test_one_changed_file_is_the_only_one_read(data_copy: Path, cached) -> None:
    _age(data_copy)
    dataset.load(str(data_copy))
    target = sorted((data_copy / "agencies" / "market" / "decisions").rglob("*.yml"))[0]
    text = target.read_text(encoding="utf-8").replace("result: ", "result: 已改：", 1)
    target.write_text(text, encoding="utf-8")
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns - 30_000_000_000))
    ds = dataset.load(str(data_copy))
    assert cache.Stats.misses == 1
    rec = next(r for r in ds.of("decision") if r.file == str(target))
    assert rec.data["result"].startswith("已改：")
    target.unlink()
    ds = dataset.load(str(data_copy))
    assert cache.Stats.misses == 0
    assert all(r.file != str(target) for r in ds.of("decision"))


def test_racily_fresh_files_are_not_trusted(data_copy: Path, cached) -> None:
    # Changed within the racy window of the cache write (here: stamped ahead of the clock, so
    # however slow the load, it stays inside): a second edit could share the tick, so no caching.
    ahead = time.time() + 30
    for p in data_copy.rglob("*.yml"):
        os.utime(p, (ahead, ahead))
    dataset.load(str(data_copy))
    dataset.load(str(data_copy))
    assert cache.Stats.hits == 0


def test_broken_cache_is_a_miss(data_copy: Path, cached, tmp_path: Path) -> None:
    _age(data_copy)
    dataset.load(str(data_copy))
    for shard in (tmp_path / "cache").rglob("*.pickle"):
        shard.write_bytes(b"not a pickle")
    ds = dataset.load(str(data_copy))
    assert cache.Stats.misses == ds.files and ds.report.ok


def test_caches_of_old_code_versions_are_pruned(data_copy: Path, cached, tmp_path: Path) -> None:
    old = tmp_path / "cache" / "0123456789abcdef"
    old.mkdir(parents=True)
    os.utime(old, (0, 0))
    _age(data_copy)
    cache._pruned.clear()
    dataset.load(str(data_copy))
    assert not old.exists() and (tmp_path / "cache" / cache.code_version()).is_dir()


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from gongshi.runtime import progress
    assert list(progress.track(range(500), 500, "x")) == list(range(500))  # captured stderr: no TTY
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(progress, "enabled", lambda: True)
    assert list(progress.track(iter(range(500)), 500, "读取")) == list(range(500))
    monkeypatch.undo()
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert progress.enabled() is True
    monkeypatch.setenv("GONGSHI_PROGRESS", "0")
    assert progress.enabled() is False


def test_cache_version_covers_exactly_the_parsing_code() -> None:
    rel = {os.path.relpath(p, cache._PACKAGE).replace(os.sep, "/") for p in cache.parse_modules()}
    assert {"model/dataset.py", "model/yamlread.py", "model/schema.py", "model/findings.py",
            "model/kinds/decision.py", "model/kinds/base.py"} <= rel
    assert all(r.startswith(("model/", "runtime/")) for r in rel)


def test_command_line_uses_the_cache_only_while_it_runs(data_copy: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from gongshi.cli import main
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    _age(data_copy)
    assert main(["validate", str(data_copy), "--as-of", "2026-11-22"]) == 0
    assert any((tmp_path / "cache").rglob("*.pickle"))
    assert dataset.RUNNER is None  # a test or caller loading afterwards reads files as before


def test_command_line_restores_the_callers_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever loader the caller had (here a sentinel) is back after main(), even on findings."""
    from conftest import CASES

    from gongshi.cli import main
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    mine = dataset._run  # stands for any runner a caller installed
    monkeypatch.setattr(dataset, "RUNNER", lambda root, todo, workers: mine(todo, workers))
    before = dataset.RUNNER
    assert main(["validate", str(CASES / "_base"), "--as-of", "2026-11-22"]) == 0
    assert dataset.RUNNER is before
    assert main(["validate", str(tmp_path / "missing"), "--as-of", "2026-11-22"]) != 0
    assert dataset.RUNNER is before
    assert any((tmp_path / "cache").rglob("*.pickle"))  # the command's own cache, not the caller's
