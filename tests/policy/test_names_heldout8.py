"""The name detector on the eighth held-out set (tests/data/names/heldout8.tsv), measured once.

Written on 2026-12-07 by three more people who had read neither the detector nor the earlier
sets (300 rows each, ids r…, s…, u…: openings, facts, evidence lists, witnesses, agents,
interpreters and family, inquiry records, hearing, 送达 and 公告 texts, titles, Markdown table
rows, signatures; rare, compound, minority, Hong Kong, Taiwan and foreign names, given names
that are words; half with planted names, half with look-alikes only: masked names, brands and
shops named after people, places, words that begin with a surname), frozen (checksum below)
before round 7 of issue 20 (the CRF tagger, policy/namecrf.py) was merged, never opened by its
author, and measured with `scripts/eval_names.py --gate --corpus tests/data/names/heldout8.tsv`
on main before round 7: recall 498/515 = 0.967, clean rows flagged 11/450 = 2.4%; and once after
it: 502/515 = 0.975, 11/450 = 2.4% (by writer: r 0.982, s 0.967, u 0.976). The issue's targets
are 0.98 and at most 3%: the false alarms are met, recall is not, by half a point.

What it still misses (read after the figure was taken, so the set is spent now, and it trains
the CRF since): a compound surname with a given name that is a phrase (公孙永和 as a subject), a
traditional-script name after a signature label (陳志偉), a name after a masked one in a list
(邱某某、叶子轩), rare surnames (员秋生), a name in quotes as an endorsement (“…传人魏振华”,
“全国劳动模范程兰芳推荐”), a name that is a place (驾驶人为祁连山), a romanised name's Chinese
rendering in brackets (约翰逊·迈克尔·戴维, 丹增诺布), a Vietnamese name in Latin letters, 群众范德胜,
officers' names after 执法人员 (龚立和), a Naxi surname that is a word (妻子和国英). Clean rows
flagged: brands and shop names (东方明珠, 马子禄, 张小泉, 宁波王大妈, 钱江摩托), words (申辩, 毛重,
楼内, 修中心, 牧家乐) and a half-masked minority name (买买提·某某).

Round 8 (spent figures, not unseen ones): 506/515, 11/450 — the traditional-script surname (陳志偉)
and the two quoted endorsements (魏振华, 程兰芳) are found by rules of their own; FOUND is the
floor since.
"""
from __future__ import annotations

from pathlib import Path

from namecorpus import assert_frozen, assert_no_regression

DATA = Path(__file__).parents[1] / "data" / "names"
HELDOUT = DATA / "heldout8.tsv"
SHA256 = "4fe33a7fa415ce8c30e8a2dbb502bcbeb2aaa2486d4229d627f2380e43a60dfa"
FOUND, PLANTED = 506, 515  # planted names found with their exact span (first occurrence)
FLAGGED, CLEAN = 11, 450  # clean rows with any span flagged


def test_heldout8_is_the_frozen_file() -> None:
    assert_frozen(HELDOUT, SHA256)


def test_heldout8_figure_does_not_regress() -> None:
    assert_no_regression(HELDOUT, FOUND, PLANTED, FLAGGED, CLEAN)
