"""runtime/collector.py: full collections made rare within a block, the thresholds restored after."""
from __future__ import annotations

import gc

import pytest

from gongshi.runtime.collector import RARE, rare_full_collections


def test_full_collections_are_rare_within_the_block_and_as_before_after_it() -> None:
    before = gc.get_threshold()
    with rare_full_collections():
        assert gc.get_threshold() == (before[0], before[1], max(before[2], RARE))
        assert gc.isenabled()  # the young generations are still collected
    assert gc.get_threshold() == before


def test_the_thresholds_are_restored_when_the_block_raises() -> None:
    before = gc.get_threshold()
    with pytest.raises(KeyError):
        with rare_full_collections():
            raise KeyError("x")
    assert gc.get_threshold() == before
