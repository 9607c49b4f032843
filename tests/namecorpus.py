"""Reading and scoring the names corpora of tests/data/names/ (README there), as
scripts/eval_names.py counts: a planted name is found when its exact span (first occurrence) is
among the detector's; a clean row is flagged when any span is. Shared by the regression test of
the detector and the pinned held-out figures."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gongshi.policy.names import person_names
from gongshi_tools.corpora import read_names as rows  # (id, text, planted names): the scripts' reader

__all__ = ["Counts", "assert_frozen", "assert_no_regression", "count", "rows"]


@dataclass(frozen=True)
class Counts:
    found: int    # planted names found with their exact span
    planted: int
    flagged: int  # clean rows with any span flagged
    clean: int


def count(path: Path) -> Counts:
    """The detector's counts over one corpus file."""
    planted = found = clean = flagged = 0
    for _, text, want in rows(path):
        got = set(person_names(text))
        spans = {(text.index(n), text.index(n) + len(n)) for n in want}
        planted += len(spans)
        found += len(spans & got)
        if not want:
            clean += 1
            flagged += bool(got)
    return Counts(found, planted, flagged, clean)


def assert_frozen(path: Path, sha256: str) -> None:
    """A held-out file is the one its figures were measured on."""
    import hashlib
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def assert_no_regression(path: Path, found: int, planted: int, flagged: int, clean: int) -> None:
    """The detector finds at least `found` of the `planted` names and flags at most `flagged` of
    the `clean` rows it did when the figures were pinned (the sizes themselves exactly)."""
    c = count(path)
    assert (c.planted, c.clean) == (planted, clean)
    assert c.found >= found, f"recall fell: {c.found}/{c.planted}"
    assert c.flagged <= flagged, f"more clean rows flagged: {c.flagged}/{c.clean}"
