"""The name detector on the twelfth held-out set (tests/data/names/heldout12.tsv), measured once.

Written on 2026-12-08 by two more people who had read neither the detector nor the earlier sets
(300 rows each, ids n… and o…, half with planted names, half with look-alikes only, in the same
brief as heldout11), frozen with a checksum at 00:45 UTC before round 9 of issue 20 (word-level
evidence tried and left off; romanised names and their renderings, salutations, two surnames
before a bracket; the CRF trained on tune12b, another writer's set written beside it) was merged,
never opened by its author, and measured with `scripts/eval_names.py --gate` on main before round
9 (7fc0a2a): recall 326/336 = 0.970, clean rows flagged 6/300 = 2.0% (by writer: n 164/170 and
5/150, o 162/166 and 1/150); and once after it (369b8a2): 326/336 = 0.970, 5/300 = 1.7%. The
issue's targets are 0.98 and at most 3%: the false alarms are met, recall is not; round 9 carried
nothing to fresh text (one false alarm fewer). Counted as the gate refuses a record, any finding
overlapping the planted name, 331/336 = 0.985 after round 9: five of the ten misses were found one
character early or cut short (达|高山 after 送达, 人|白雪 after 法定代表人, 母|唐素琴 after 之母,
敖登格|日乐, 敖日格|乐), so the record was refused but the finding named the wrong span.

What it misses (read after the figure was taken, so the set is spent, and it trains the CRF
since): names that are words in a role's or a verb's slot (驾驶员方向, 工作人员万里, 送达高山), a Yi name
after 请 (曲比拉格), a signature with spaces inside the name (孔  健), a farm named by its owner's
full name (骆建平养殖场), Mongolian names of four and five characters cut short. Clean rows flagged: a
landmark (东方明珠), a place word (村东小河), a pharmacy's old name (胡庆余堂), 古树名木, 应自.
The spans one character early are read right since (names._word_start: 送达|高山, 法定代表人|白雪,
之母|唐素琴; cases of my own in test_rules_names.py).
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout12.tsv"
SHA256 = "a1e765093dc11a823f314cceab8f135100d814a7e80f98df63d696c4f3107fbc"
# measured once: 326/336 (above); since, spent: 329 with the spans read right, 330 with the CRF trained on it
FOUND, PLANTED = 330, 336  # planted names found with their exact span (first occurrence): the floor now
FLAGGED, CLEAN = 5, 300  # clean rows with any span flagged


def test_heldout12_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout12_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
