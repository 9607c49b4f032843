"""The name detector on the eleventh held-out set (tests/data/names/heldout11.tsv), measured once.

Written on 2026-12-07 by two more people who had read neither the detector nor the earlier sets
(300 rows each, ids v… and w…, half with planted names, half with look-alikes only, in the same
brief as heldout8), frozen with a checksum at 22:13 UTC before round 8 of issue 20 (rules for
traditional script, quoted endorsements and trade names; the CRF trained on tune11k and tune11m,
two other writers' sets written beside it) was merged, never opened by its author, and measured
with `scripts/eval_names.py --gate` on main before round 8 (7a509d0): recall 312/319 = 0.978,
clean rows flagged 3/300 = 1.0%; and once after it (61fd5da): 311/319 = 0.975, 3/300 (by writer:
v 157/161, w 154/158). The issue's targets are 0.98 and at most 3%: the false alarms are met,
recall is not, by half a point, as on heldout8; round 8 carried nothing to fresh text.

What it misses (read after the figure was taken, so the set is spent, and it trains the CRF
since): a romanised name's Chinese rendering in brackets (WONG KA MING（黄家明）), two-character
names whose given name is a word (满仓, 甘露 as the operator of the shop named after her), a rare
surname (区永健), a name that reads as a phrase (何必成), given names of numerals (姚二牛, 姚三牛),
a name after a tenant's role (承租人谭志勇). Clean rows flagged: a brand (“刘一手”火锅), words (但均,
高峰时段).
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout11.tsv"
SHA256 = "1c4a2ab164ad4863b68103cd82c1351dac601f4604c70d48d77b78a1df74d071"
# measured once: 311/319 (above); since, spent and trained on: 315 on main, 316 after round 9 (WONG KA MING（黄家明）)
FOUND, PLANTED = 316, 319  # planted names found with their exact span (first occurrence): the floor now
FLAGGED, CLEAN = 3, 300  # clean rows with any span flagged


def test_heldout11_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout11_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
