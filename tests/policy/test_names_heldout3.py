"""The name detector on the third held-out set (tests/data/names/heldout3.tsv), now a tuning set.

Written on 2026-12-07 by two people who had read neither the detector nor the earlier sets
(300 rows each, half with planted names, half with look-alikes only), frozen (checksum below)
before round 3 of issue 20 was merged, and measured once, after it, with
`scripts/eval_names.py --gate --corpus tests/data/names/heldout3.tsv`: recall 323/352 = 0.918,
clean rows flagged 7/300 = 2.3% (the issue's targets: 0.98 and at most 3%; recall not met).
The detector before round 3 on the same file: 0.807 and 3.7%.
Since then the set is spent: round 4 studied its misses and false alarms by class and tuned on
it, so the figure pinned here is a tuning figure, not a held-out one: recall 346/352 = 0.983,
clean rows flagged 0/300 after round 4. It only keeps the detector from falling back.
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout3.tsv"
SHA256 = "5452170dcd402413769a0edbb46bfc6461e926f0fcadd60571d9f815b7696258"
FOUND, PLANTED = 346, 352  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 0, 300  # clean rows with any span flagged


def test_heldout3_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout3_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
