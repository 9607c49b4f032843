"""How often each character is used in Chinese given names, as evidence for the name detector.

Why: a surname followed by one or two characters in a person's slot is usually a name, but not
when those characters are never used in names: 钱款已退还 (款), 石料未覆盖 (料), 面粉 (面). The
package `ngender` (a dependency for this table only) ships charfreq.csv, the count of every
character in the given names of a large register of names (9,442 characters, 32 million uses):
丽 282,205, 强 235,445, 款 230, 料 97. It is read here without importing ngender (whose import
builds its own model), once, in a few milliseconds.

When the table cannot be read (ngender missing or changed), `uses` answers None and the detector
does without this evidence: more text is flagged, never less (fail closed).
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache


@lru_cache(maxsize=1)
def table() -> dict[str, int] | None:
    """Character -> number of uses in given names (male and female), or None."""
    try:
        spec = importlib.util.find_spec("ngender")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = os.path.join(os.path.dirname(spec.origin), "charfreq.csv")
    out: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            if next(fh).strip() != "char,male,female":
                return None
            for line in fh:
                char, male, female = line.rstrip("\n").split(",")
                out[char] = int(male) + int(female)
    except (OSError, ValueError, StopIteration):
        return None
    return out if len(out) > 1000 else None


def uses(char: str) -> int | None:
    """How many given names in the register use `char` (0: none); None without the table."""
    t = table()
    return None if t is None else t.get(char, 0)
