"""The name detector on the second held-out set (tests/data/names/heldout2.tsv), measured once.

The set was written by another person while round 2 of issue 20 was under way; the detector's
design was final before the file was first opened (round 2 tuned on tune.tsv, the spent
heldout.tsv, and the author's own design2.tsv), and this figure was taken once, at the end, with
`scripts/eval_names.py --gate --corpus tests/data/names/heldout2.tsv` on 2026-12-07: recall
359/434 = 0.827, clean rows flagged 12/346 = 3.5%, below the issue's targets (0.98, at most 3%).
For comparison, the round-1 detector on the same file: 342/434 = 0.788, 19/346 = 5.5%.
The test pins the file's checksum and that figure so that neither can change silently; improving
the figure means working on other data, never on this set's misses, and then raising the numbers.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from namecorpus import count

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout2.tsv"
SHA256 = "92063afa196f39b4d182de2f99ee7eb6462848dfe633db4a571494e2b05252b8"
FOUND, PLANTED = 359, 434  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 12, 346  # clean rows with any span flagged


def test_heldout2_is_the_frozen_file() -> None:
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == SHA256


def test_heldout2_figure_does_not_regress() -> None:
    c = count(HELDOUT)
    planted, found, clean, flagged = c.planted, c.found, c.clean, c.flagged
    assert (planted, clean) == (PLANTED, CLEAN)
    assert found >= FOUND, f"recall fell: {found}/{planted}"
    assert flagged <= FLAGGED, f"more clean rows flagged: {flagged}/{clean}"
