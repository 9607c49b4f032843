"""The name detector on the seventh held-out set (tests/data/names/heldout7.tsv), measured once.

Written on 2026-12-07 by two more people who had read neither the detector nor the earlier sets
(250 rows each: p… public security, tax, customs, emergency, natural resources, housing,
education and court-style notices, interview records and tables; q… market, transport, culture,
health, agriculture and urban management, e-commerce shops named after their owners; half with
planted names, half with look-alikes only), frozen (checksum below) before round 6 of issue 20
was merged, never opened by round 6's author, and measured with `scripts/eval_names.py --gate
--corpus tests/data/names/heldout7.tsv` on main before round 6: recall 304/327 = 0.930, clean
rows flagged 4/250 = 1.6%; and once after it: 310/327 = 0.948, 4/250 = 1.6%. Round 6 lifted the
spent set it studied (heldout6.tsv) from 0.949 to 0.991 and carried 1.8 points here. The issue's
targets are 0.98 and at most 3%: recall is not met.

What it still misses, by class (read after the figure was taken, so the set is spent now): a
numbered list of witnesses (1.王平，2.李军，3.周红); a name inside a shop's or an account's name
that the text then says is the owner's (“赵春梅家乡特产”…实名认证人为赵春梅本人, “林立的零食铺”…注册人林立);
names that are words in a slot no list held (于是, 夏天, 简明, 向前进 after 从邻县); romanised names
after a rare surname (区永健（AU WING KIN）) or a Korean name (郑在勋); a name before 户籍所在地, after
店主 and 主刀人员为其徒弟. Clean rows flagged: 古丽便利店, 时即, 应随车, 王科员.
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout7.tsv"
SHA256 = "720be9cf3dc0099e4ebc8cee27dbe488a52236e9f65df03d4514cd55d4feae3b"
FOUND, PLANTED = 310, 327  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 4, 250  # clean rows with any span flagged


def test_heldout7_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout7_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
