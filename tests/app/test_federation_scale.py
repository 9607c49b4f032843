"""The province at scale (issue 23): `gongshi bench --federation` stays working (a 3x50
province), and a merge after one county changed, which reuses every other county's cached part
and links unchanged pages from the published site, gives the very bytes of a cold merge."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongshi.cli import main


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_bench_federation_then_cold_merge_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["bench", "--federation", "3x50", "--cache", str(tmp_path / "bench"), "-o", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decisions"] == 150 and result["county_bundles"]["built"] == 3
    cold, changed = result["steps"]
    assert cold["exit"] == changed["exit"] == 0
    assert cold["summary"]["decisions"] == changed["summary"]["decisions"] > 0
    assert cold["summary"]["linked"] == 0 and changed["summary"]["linked"] > 0  # other counties' pages reused
    assert result["search"]["first_query_bytes"] > result["search"]["meta_gz"] > 0
    # The incremental merge (cached parts, linked pages and index files) against a cold one.
    root = tmp_path / "bench/federation/3x50"
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    assert main(["federate", str(root / "province"), "--output", str(tmp_path / "cold"), "--as-of",
                 "2026-12-07"]) == 0
    incremental, fresh = _tree(root / "output"), _tree(tmp_path / "cold")
    assert sorted(incremental) == sorted(fresh)
    assert [rel for rel in fresh if incremental[rel] != fresh[rel]] == []
    # The changed decision is on the province's pages (the merge did not serve a stale part).
    assert any("经复核更正" in v.decode("utf-8", "replace") for k, v in fresh.items() if k.startswith("search/d/"))


def test_bench_rejects_a_bad_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--federation", "3by50"]) == 2
    assert "bad --federation" in capsys.readouterr().err
