"""The side-by-side benchmark's Hugo site (gongshi_tools.peer) is written right; Hugo is not run here."""
from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from gongshi_tools import peer, synth


def test_hugo_site_has_one_content_file_per_public_decision(tmp_path: Path) -> None:
    data = tmp_path / "data"
    synth.generate(str(data), 24)
    decisions = peer.public_decisions(str(data), synth.DEMO_AS_OF)
    assert 0 < len(decisions) < 24  # some are embargoed, withdrawn or revoked
    site = tmp_path / "hugo"
    assert peer.write_site(str(site), decisions) == len(decisions)

    config = tomllib.loads((site / "hugo.toml").read_text(encoding="utf-8"))
    assert config["pagination"]["pagerSize"] == 20 and config["services"]["rss"]["limit"] == 50
    assert set(config["taxonomies"]) == {"agency", "category", "year"}
    assert {"baseof.html", "single.html", "list.html"} <= {p.name for p in (site / "layouts").iterdir()}

    pages = sorted((site / "content" / "decisions").rglob("*.md"))
    pages = [p for p in pages if p.name != "_index.md"]
    assert len(pages) == len(decisions)
    for rel, agency_name, record in decisions:
        text = Path(peer.content_path(str(site), rel)).read_text(encoding="utf-8")
        _, front_text, body = text.split("---\n", 2)
        front = yaml.safe_load(front_text)
        assert front["doc_no"] == record["doc_no"] and front["agencies"] == [agency_name]
        assert front["categories"] == [record["category"]] and front["years"] == [str(record["decided"].year)]
        assert front["date"] == record["published"].isoformat() and front["title"]
        assert body.strip() == (record.get("facts") or "").strip()


def test_change_facts_edits_one_place(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("经查，甲。经查，乙。", encoding="utf-8")
    peer.change_facts(str(path))
    assert path.read_text(encoding="utf-8") == "经查（更正），甲。经查，乙。"


def test_ratio_is_gongshi_over_peer() -> None:
    steps = [peer.Step(10, 6, "gongshi", "cold", 3.0, 4.0, 100, 0),
             peer.Step(10, 6, "hugo+pagefind", "cold", 6.0, 8.0, 200, 0)]
    assert peer.ratios(steps) == [{"decisions": 10, "step": "cold", "wall": 0.5, "cpu": 0.5, "peak": 0.5}]
    assert "0.50×" in peer.to_text(steps)
