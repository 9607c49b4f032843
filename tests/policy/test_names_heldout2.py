"""The name detector on the second held-out set (tests/data/names/heldout2.tsv).

The set was written by another person while round 2 of issue 20 was under way; the detector's
design was final before the file was first opened, and its figure was taken once, at the end of
round 2, with `scripts/eval_names.py --gate --corpus tests/data/names/heldout2.tsv` on
2026-12-07: recall 359/434 = 0.827, clean rows flagged 12/346 = 3.5%, below the issue's targets
(0.98, at most 3%). (The round-1 detector on the same file: 342/434 = 0.788, 19/346 = 5.5%.)
That spent it as a held-out set: round 3 studied its misses and false alarms by class and changed
the detector by design (a name's shape as the default, the full surname list, romanised names,
names without a surname, titles, quotes; tune3.tsv checks each class on sentences of its own), so
its figure now is a tuning figure, 428/434 = 0.986 and 2/346 = 0.6%, and says nothing about
unseen text; the new held-out set (heldout3) is measured once, by the lead, outside this test.
The checksum still pins the file: it is not to be edited to fit the detector.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from namecorpus import count

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout2.tsv"
SHA256 = "92063afa196f39b4d182de2f99ee7eb6462848dfe633db4a571494e2b05252b8"
FOUND, PLANTED = 428, 434  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 2, 346  # clean rows with any span flagged


def test_heldout2_is_the_frozen_file() -> None:
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == SHA256


def test_heldout2_figure_does_not_regress() -> None:
    c = count(HELDOUT)
    planted, found, clean, flagged = c.planted, c.found, c.clean, c.flagged
    assert (planted, clean) == (PLANTED, CLEAN)
    assert found >= FOUND, f"recall fell: {found}/{planted}"
    assert flagged <= FLAGGED, f"more clean rows flagged: {flagged}/{clean}"
