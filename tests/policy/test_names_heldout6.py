"""The name detector on the sixth held-out set (tests/data/names/heldout6.tsv), measured once.

Written on 2026-12-07 by two more people who had read neither the detector nor the earlier sets
(300 rows each: x… decisions, notices, tables and interview records from many trades; y… the
same with more from the west and north-east, border ports and autonomous areas; half with
planted names, half with look-alikes only), frozen (checksum below) before round 5 of issue 20
was merged, never opened by round 5's author, and measured with `scripts/eval_names.py --gate
--corpus tests/data/names/heldout6.tsv` on main before round 5 and once after it: recall 332/350
= 0.949, clean rows flagged 5/300 = 1.7%, both times. Round 5 raised the fourth held-out set
(tuned on) from 0.876 to 0.956 and its own last batch from 0.882 to 0.961, and carried nothing
to this one. The issue's targets are 0.98 and at most 3%: recall is not met.

What it missed, by class (read after the figure was taken, so the set is spent now): romanised
names in brackets after a Chinese name (阮文雄（NGUYEN VAN HUNG）, 陈志强（CHAN CHI KEUNG）: 5 of
the 18); Tibetan and Salar names without a dot (阿旺晋美, 尕藏才让, 韩乙四夫); names that are words
(钱多多, 康宁, 方圆, 万里 in a table cell); a name after a role or verb no list held (门卫代福生,
纳税人刘红旗, 雇工欧阳春生, 向周宏伟公告送达, 知道叶知秋); and 张家明 before 住…张家湾. Clean rows
flagged: 于案发, 来源 (a table header), 利用, 盖章, 应准时.

After round 6, which studied those classes (not the strings: its own sentences in tune6.tsv
first): 347/350 = 0.991, 1/300 (misses 欧阳春生, 张家明, 万里; flagged 利用). Tuned on, so these
floors say only that the round's fixes hold, not what unseen text will give.
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout6.tsv"
SHA256 = "80edf494e9b2a0adb47fd6c17d66291eb8fab9c432d13549ee875cf72d9ef24c"
FOUND, PLANTED = 347, 350  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 1, 300  # clean rows with any span flagged


def test_heldout6_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout6_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
