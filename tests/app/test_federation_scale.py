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
    assert cold["summary"]["patched"] == -1 and changed["summary"]["patched"] >= 1  # the search index patched
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
    # A subject renamed (its subject document changes: made again from the county's previous part),
    # then a county gone (every document of it removed, every later id moved): each merge patched
    # or written in full, always the bytes of a cold merge.
    monkeypatch.setenv("GONGSHI_CACHE", "1")
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(root / "merge-cache"))  # the bench's merges' cache
    _rename_a_subject(root / "county-001")
    assert _merge(root, root / "output") >= 1
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    _merge(root, tmp_path / "cold2")
    assert _tree(root / "output") == _tree(tmp_path / "cold2")
    site = (root / "province/site.yml").read_text(encoding="utf-8")
    (root / "province/site.yml").write_text(site.replace("../county-002/site", "../county-002/gone"), encoding="utf-8")
    monkeypatch.setenv("GONGSHI_CACHE", "1")
    _merge(root, root / "output")
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    _merge(root, tmp_path / "cold3")
    assert _tree(root / "output") == _tree(tmp_path / "cold3")
    # Nothing changed: nothing patched. A published index that is not the one the state describes
    # (here its meta.json replaced, as a merge killed between saving its state and its swap
    # would leave it) is never patched: written in full.
    monkeypatch.setenv("GONGSHI_CACHE", "1")
    assert _merge(root, root / "output") == 0
    meta = root / "output/search/meta.json"
    data = meta.read_bytes()
    meta.unlink()
    meta.write_bytes(data)
    assert _merge(root, root / "output") == -1
    assert _tree(root / "output") == _tree(tmp_path / "cold3")


def _merge(root: Path, out: Path) -> int:
    """One merge of the bench's province; how many search documents it patched (-1: none)."""
    import datetime as dt

    from gongshi.app.federation import federate
    return federate(str(root / "province"), str(out), dt.date(2026, 12, 7)).patched


def _rename_a_subject(county: Path) -> None:
    """A legal person's name corrected in one shown decision of the county; its bundle rebuilt."""
    from gongshi_tools import fedbench
    rows = json.loads((county / "site/data/decisions.json").read_text(encoding="utf-8"))["records"]
    row = next(r for r in rows if (r.get("party") or {}).get("type") == "法人" and r["party"].get("credit_code"))
    path = next((county / "data/agencies" / row["agency"]).rglob(f"{row['slug']}.yml"))
    name = row["party"]["name"]
    text = path.read_text(encoding="utf-8")
    assert f"name: {name}" in text
    path.write_text(text.replace(f"name: {name}", f"name: {name}（更名）", 1), encoding="utf-8")
    fedbench.bundle(str(county / "data"), str(county / "site"), fedbench.AS_OF)


def test_bench_rejects_a_bad_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--federation", "3by50"]) == 2
    assert "bad --federation" in capsys.readouterr().err
