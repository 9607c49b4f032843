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
    assert peer.ratios(steps) == [{"decisions": 10, "step": "cold", "rounds": 1, "wall": 0.5, "cpu": 0.5, "peak": 0.5,
                                   "range": [0.5, 0.5]}]


def test_rounds_give_the_ratio_of_the_medians_and_each_rounds_range() -> None:
    # three rounds, the sides alternating: the medians are compared (3.0 / 6.0), a failed step
    # in any round leaves its step without a ratio
    steps = [peer.Step(10, 6, side, "cold", s, s, m, 0, round=r)
             for r, (ours, theirs) in enumerate([(3.0, 6.0), (2.0, 8.0), (9.0, 5.0)], 1)
             for side, s, m in (("gongshi", ours, 100), ("hugo+pagefind", theirs, 200))]
    steps += [peer.Step(10, 6, "gongshi", "one-record", 1.0, 1.0, 90, 0, round=1),
              peer.Step(10, 6, "hugo+pagefind", "one-record", 2.0, 2.0, 200, 1, round=1)]
    assert peer.ratios(steps) == [{"decisions": 10, "step": "cold", "rounds": 3, "wall": 0.5, "cpu": 0.5,
                                   "peak": 0.5, "range": [0.25, 1.8]}]
    assert "| 10 | cold | 3 | 0.50× | 0.25–1.80× | 0.5× | 0.5× |" in peer.to_text(steps)
    assert "0.50×" in peer.to_text(steps)


def test_the_benchmarks_edit_keeps_the_yaml_valid() -> None:
    # The province's and the rebuild benchmark's one-record edit: a block scalar gets the words on
    # its first line, a plain scalar after the key; either way the file still parses, with the
    # words in front (the decision stays shown).
    block = "doc_no: X\nfacts: |-\n  经查，当事人于2025年。\n  第二行。\nresult: 罚款\n"
    plain = "doc_no: X\nfacts: 申请人于2025年提交申请。\nresult: 准予\n"
    assert yaml.safe_load(synth.prefix_field(block, "facts", "经复核更正。"))["facts"] == "经复核更正。经查，当事人于2025年。\n第二行。"
    assert yaml.safe_load(synth.prefix_field(plain, "facts", "经复核更正。"))["facts"] == "经复核更正。申请人于2025年提交申请。"
    assert yaml.safe_load(synth.prefix_field(plain, "result", "（更正）"))["result"] == "（更正）准予"  # rebuild's edit
