"""`gongshi build` checks through validate's check cache (issue 23): a rebuild checks only the
changed decision and the summary rules, with the findings of a full run, and only when the
cache's walk saw the very files the build loaded (app/build.py `_checked`)."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO_AS_OF, ROOT
from gongshi.app import build as gbuild
from gongshi.checks import cache as check_cache
from gongshi.checks.pipeline import validate
from test_live import DECISION, resident_id

pytestmark = pytest.mark.slow
NUMBER = resident_id("34152219850315123")
NAMED = "经查，当事人王建国于2026年3月在厂区焚烧垃圾。"


def _build(data: Path, out: Path) -> Any:
    return gbuild.build(str(data), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"))


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    past = time.time() - 60  # not racily fresh: the caches keep it
    os.utime(path, (past, past))


def _findings(report: Any) -> list[tuple[str, str, int, str]]:
    return [(f.rule, f.file, f.line, f.message()) for f in report]


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GONGSHI_CACHE", raising=False)
    monkeypatch.delenv("GONGSHI_CHECK_CACHE", raising=False)
    return tmp_path / "cache"


def test_a_rebuild_checks_through_the_cache_with_a_full_runs_findings(data_copy: Path, tmp_path: Path,
                                                                      cache_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "output"
    assert _build(data_copy, out).report.ok
    assert any(cache_dir.rglob("*.checks")), "the build keeps the check cache"
    calls: list[int] = []
    original = gbuild.run_checks
    monkeypatch.setattr(gbuild, "run_checks", lambda *a: calls.append(1) or original(*a))
    _edit(data_copy / DECISION, "facts: |-\n", f"facts: |-\n  当事人身份证号{NUMBER}。\n")
    ds = _build(data_copy, out)
    assert not ds.report.ok and calls == []  # refused, without checking every record again
    assert NUMBER not in (out / "ecology/decisions/2026/cf-2026-0003.html").read_text(encoding="utf-8")
    monkeypatch.setenv("GONGSHI_CHECK_CACHE", "0")
    assert _findings(ds.report) == _findings(validate(str(data_copy), DEMO_AS_OF).report)
    monkeypatch.delenv("GONGSHI_CHECK_CACHE")
    _edit(data_copy / DECISION, f"  当事人身份证号{NUMBER}。\n", "")
    assert _build(data_copy, out).report.ok and calls == []


def test_a_file_changed_during_the_build_is_checked_as_loaded(data_copy: Path, tmp_path: Path, cache_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The loaded version names a person and is fixed on disk before the checks run (a name,
    which the output scan does not look for): the cache would check the fixed file, so the
    build checks the records it loaded and refuses."""
    out = tmp_path / "output"
    assert _build(data_copy, out).report.ok
    _edit(data_copy / DECISION, "facts: |-\n", f"facts: |-\n  {NAMED}\n")
    original = gbuild.load

    def load_then_fix(*args: Any) -> Any:
        ds = original(*args)
        _edit(data_copy / DECISION, f"  {NAMED}\n", "")
        os.utime(data_copy / DECISION, (time.time() - 30, time.time() - 30))
        return ds
    monkeypatch.setattr(gbuild, "load", load_then_fix)
    ds = _build(data_copy, out)
    assert [(f.rule, f.message()) for f in ds.report.errors] == [("R-REDACT", "自然人的姓名未作隐去处理，应写作“王某某”")]
    assert check_cache.enabled()
