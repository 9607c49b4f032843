"""Python's cyclic garbage collector, told to walk the whole heap less often during bulk work.

A full collection walks every object the process holds. Loading 100,000 records, or parsing the
open data to prove it is JSON, makes millions of containers that live on, and the collector
answers each quarter's growth with another full walk of all of them: a twelfth of a pre-commit
`gongshi validate`'s CPU at 100,000 decisions, and more of the output scan's in the build's
process, which holds the dataset and the publication. Turning the collector off saves that but
keeps every short-lived cycle too (a full validation at 10,000 decisions peaked 10% higher);
leaving the young generations' collections as they are and only making the full ones rare saves
the same CPU at the same peak (measured in README, "What leaves").
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

# Full collections after this many collections of the middle generation (Python's default: 10).
RARE = 1000


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Within the block, the oldest generation is collected a hundredth as often."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, max(old, RARE))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)
