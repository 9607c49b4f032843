"""`gongshi bench`: archives made once and reused, every step timed in its own process."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT
from gongshi.model import dataset
from gongshi.cli import main
from gongshi_tools import bench


@pytest.fixture(autouse=True)
def _no_parse_cache_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` installs the parse cache for the whole process; undo it after each test."""
    monkeypatch.setattr(dataset, "RUNNER", None)


@pytest.mark.slow
def test_bench_times_validate_and_build(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # build reads pelicanconf.py and the theme from the project
    cache = tmp_path / "bench"
    assert main(["bench", "--decisions", "12", "--decisions", "16", "--cache", str(cache), "-o", "json"]) == 0
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["cpus"] >= 1 and doc["parse_cache"] is False
    runs = [(r["decisions"], r["step"], r["exit"]) for r in doc["runs"]]
    assert runs == [(12, "validate", 0), (12, "build", 0), (16, "validate", 0), (16, "build", 0)]
    for r in doc["runs"]:
        assert r["seconds"] > 0 and r["peak_rss_mb"] > 10 and r["files"] > r["decisions"]
        assert r["cpu_seconds"] > 0 and r["load"] >= 0
        assert r["budget"] is None and r["within_budget"] is None
    assert "generating 12 synthetic decisions" in err
    assert not (cache / "12" / "output").exists()  # built sites are not kept
    # The second run reuses the archives.
    stamp = (cache / "12" / "archive.json").stat().st_mtime_ns
    assert main(["bench", "--decisions", "12", "--steps", "validate", "--cache", str(cache)]) == 0
    out, err = capsys.readouterr()
    assert "generating" not in err and (cache / "12" / "archive.json").stat().st_mtime_ns == stamp
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["决定数", "decisions"] and "validate" in lines[2]
    assert any("parse cache off" in line for line in lines[-2:])


def test_archive_is_made_again_when_synth_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, files = bench.archive(5, str(tmp_path))
    assert os.path.isfile(os.path.join(data, "site.yml")) and files > 5
    assert bench.archive(5, str(tmp_path)) == (data, files)
    marker = os.path.join(data, "marker")
    Path(marker).write_text("x")
    monkeypatch.setattr(bench, "generator_version", lambda: "changed")
    assert bench.archive(5, str(tmp_path)) == (data, files)
    assert not os.path.exists(marker)


def test_budget_line() -> None:
    runs = [bench.Run(100_000, 100_042, "validate", 41.5, 620.0, 0, 60.0, 70.2, 1.0),
            bench.Run(100_000, 100_042, "build", 300.0, 900.0, 0)]
    text = bench.to_text(runs)
    assert "✓ validate 100,000: 41.5 s（预算 budget 60 s）" in text
    assert bench.to_text([bench.Run(100_000, 1, "validate", 61.0, 1.0, 0, 60.0)]).count("✗") == 1
    doc = json.loads(bench.to_json(runs))
    assert [r["within_budget"] for r in doc["runs"]] == [True, None]


@pytest.mark.parametrize("args", [["--decisions", "abc"], ["--decisions", "0"], ["--steps", "deploy"]])
def test_bad_usage(args: list[str], tmp_path: Path) -> None:
    assert main(["bench", "--cache", str(tmp_path), *args]) == 2
