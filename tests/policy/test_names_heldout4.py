"""The name detector on the fourth held-out set (tests/data/names/heldout4.tsv), measured once.

Written on 2026-12-07 by two more people who had read neither the detector nor the earlier sets
(300 rows each: d… county agencies' decisions, e… township, police and traffic notices; half with
planted names, half with look-alikes only), frozen (checksum below) while round 4 of issue 20
was under way, never opened by round 4's author, and measured once after round 4 was merged,
with `scripts/eval_names.py --gate --corpus tests/data/names/heldout4.tsv`: recall 319/364 =
0.876, clean rows flagged 8/300 = 2.7%. Round 3's detector on the same file: 315/364 = 0.865,
8/300. Counting a planted name as stopped when any flagged span overlaps it (the gate refuses
the record either way; only the suggested mask is wrong): 328/364 = 0.901. The issue's targets
are 0.98 and at most 3%: recall is not met.

What it still misses, by class (read after the figure was taken, so the set is spent now): names
that are ordinary words with nothing around them marking a person (马力, 向阳, 常青, 柏林, 于是,
成功, 石林与金山, 方圆, 夏天, 白雪); a given name alone (秀英, 小军, 志明); Latin names outside a
person's slot (Kim Min-jun, Peter Müller, Tran Thi Lan); rare surnames (仉, 操, 是, 冼); and dotted
names whose span runs too far (员热合曼•阿不都拉: refused, but masked wrongly).
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout4.tsv"
SHA256 = "30b3c13418e19a94abc8129d07a0125f3860d5f033a78be64c6356abc0426339"
# Measured once after round 4: 319 found, 8 flagged. Round 5 tuned on the set (spent): 348, 2.
FOUND, PLANTED = 348, 364  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 2, 300  # clean rows with any span flagged


def test_heldout4_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout4_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
