"""Cell suppression for the yearly statistics: which cells a published table withholds, and the
audit that proves no withheld cell can be worked out from what it shows.

Withholding the cells that count 1 or 2 decisions (primary suppression) is not enough when the
table also shows totals: the 执法决定 total of an agency minus its other categories gives back a
withheld 行政许可 = 2, and the site total minus the other agencies gives back a withheld fine. So,
as statistical offices do, more cells are withheld (secondary suppression) until the audit finds
nothing derivable: each time a withheld cell is still derivable, a shown non-zero cell that shares
a sum with it is withheld too, the one that leaves the fewest cells derivable (the smallest among
equals) (a zero is never withheld: "not shown" must not let a
reader conclude "not zero", and a withheld 0 protects nothing).

The audit solves the table's linear margins (every sum the table states: a row's cells add up
to its total, the agencies add up to the site's) for the withheld cells, with what the reader
knows of each: a count shown as "少于3件" is 1 or 2, a withheld count ("不公开") is at least 3 —
more than a reader knows for sure, so the audit errs on the safe side —, a withheld total at least 1,
a withheld amount at least 0. A cell is derivable when exact elimination pins it (it is a
combination of the shown figures) or when those bounds, propagated through the sums, leave one
value (two "少于3件" in a row whose shown cells leave 2 are both 1). When a "少于3件" cell is still
derivable with every other non-zero cell withheld (two agencies' single cases whose site total is
2), its label gives it away: it is then written "不公开" too, which states no bound. That always
ends: a table whose non-zero cells are all "不公开" satisfies any multiple of itself.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

Key = tuple[str, str]  # (row, column): an agency (or the total row) and a category, kind …
INF = math.inf


@dataclass
class Table:
    """Cells (key -> value), the sums they obey (each: keys with coefficients adding up to 0),
    and which cells are sensitive (primary) or totals (withheld only when nothing else helps)."""

    values: dict[Key, Fraction]
    sums: list[list[tuple[Key, int]]]
    integer: bool = True                         # counts (True) or amounts in yuan (False)
    primary: set[Key] = field(default_factory=set)
    totals: set[Key] = field(default_factory=set)
    order: dict[Key, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.order = {k: i for i, k in enumerate(self.values)}


@dataclass
class Suppression:
    """The outcome: the withheld cells and, among them, those written "少于3件" (a count of 1 or 2)."""

    withheld: set[Key]
    small: set[Key]


def bounds(table: Table, withheld: set[Key], small: set[Key]) -> dict[Key, tuple[float, float]]:
    """What a reader knows of each withheld cell before doing any arithmetic."""
    out: dict[Key, tuple[float, float]] = {}
    for k in withheld:
        if k in small:
            out[k] = (1, 2)
        elif not table.integer:
            out[k] = (0, INF)
        elif k in table.primary or k in table.totals:
            out[k] = (1, INF)
        else:
            out[k] = (3, INF)
    return out


def _eliminate(table: Table, withheld: set[Key]) -> set[Key]:
    """The withheld cells that exact elimination over the sums pins down (each is then a linear
    combination of shown figures): the unit vector of the cell lies in the row space."""
    unknown = sorted(withheld, key=table.order.__getitem__)
    col = {k: i for i, k in enumerate(unknown)}
    rows = []
    for s in table.sums:
        row = [Fraction(0)] * len(unknown)
        for k, c in s:
            if k in col:
                row[col[k]] += c
        if any(row):
            rows.append(row)
    pivots: list[int] = []
    r = 0
    for c in range(len(unknown)):
        p = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
        if p is None:
            continue
        rows[r], rows[p] = rows[p], rows[r]
        lead = rows[r][c]
        rows[r] = [v / lead for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c] != 0:
                f = rows[i][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[r])]
        pivots.append(c)
        r += 1
    return {unknown[c] for i, c in enumerate(pivots) if sum(1 for v in rows[i] if v != 0) == 1}


def _propagate(table: Table, withheld: set[Key], known: dict[Key, tuple[float, float]]) -> set[Key]:
    """Interval propagation through every sum until nothing tightens: the withheld cells whose
    bounds close on one value."""
    lo = {k: float(b[0]) for k, b in known.items()}
    hi = {k: float(b[1]) for k, b in known.items()}
    val = {k: float(v) for k, v in table.values.items()}
    for _ in range(200):
        changed = False
        for s in table.sums:
            for k, c in s:
                if k not in withheld:
                    continue
                # c*x_k = -(sum of the others)
                olo = ohi = 0.0
                for j, d in s:
                    if j == k:
                        continue
                    a, b = (lo[j], hi[j]) if j in withheld else (val[j], val[j])
                    olo += d * a if d > 0 else d * b
                    ohi += d * b if d > 0 else d * a
                nlo, nhi = (-ohi / c, -olo / c) if c > 0 else (-olo / c, -ohi / c)
                if table.integer:
                    nlo = math.ceil(nlo - 1e-9) if math.isfinite(nlo) else nlo
                    nhi = math.floor(nhi + 1e-9) if math.isfinite(nhi) else nhi
                if nlo > lo[k] + 1e-9:
                    lo[k], changed = nlo, True
                if nhi < hi[k] - 1e-9:
                    hi[k], changed = nhi, True
        if not changed:
            break
    return {k for k in withheld if hi[k] - lo[k] <= 1e-9}


def derivable(table: Table, withheld: set[Key], small: set[Key]) -> set[Key]:
    """The withheld cells a reader can work out from the shown cells, the sums and the labels."""
    found = _eliminate(table, withheld)
    rest = withheld - found
    return found | _propagate(table, rest, bounds(table, rest, small & rest)) if rest else found


def _shares(table: Table, key: Key) -> Iterable[Key]:
    for s in table.sums:
        keys = [k for k, _ in s]
        if key in keys:
            yield from keys


def suppress(table: Table) -> Suppression:
    """Primary cells withheld as "少于3件", then, while the audit finds a withheld cell derivable,
    one more step (see _step) until it finds nothing."""
    withheld = set(table.primary)
    small = set(table.primary) if table.integer else set()
    while True:
        exposed = derivable(table, withheld, small)
        if not exposed:
            return Suppression(withheld, small)
        first = min(exposed, key=table.order.__getitem__)
        step = _step(table, withheld, small, first)
        if step is None:
            return Suppression(withheld, small)  # unreachable: see the module docstring
        withheld, small = step


def _step(table: Table, withheld: set[Key], small: set[Key], first: Key) -> tuple[set[Key], set[Key]] | None:
    """The least costly way to protect `first`: among the cells sharing a sum with it, write a
    "少于3件" as "不公开" (its bound was what gave it away; nothing more is hidden), or withhold an
    agency's non-zero cell, or, when nothing else is left, a total; each tried, the one leaving
    the fewest cells derivable taken (a relabelling before a cell, the smallest cell among equals).
    Cells of other sums that touch a withheld one when those of `first`'s are all withheld."""
    near = list(dict.fromkeys(_shares(table, first)))
    if not any(k not in withheld and table.values[k] != 0 for k in near) and not small & set(near):
        near = list(dict.fromkeys(k for w in sorted(withheld, key=table.order.__getitem__)
                                  for k in _shares(table, w)))
    options: list[tuple[tuple[int, int, int, Fraction, int], tuple[set[Key], set[Key]]]] = []
    for k in near:
        if k in small:
            option = (withheld, small - {k})
            cost = (0, 0)
        elif k not in withheld and table.values[k] != 0:
            option = (withheld | {k}, small)
            cost = (2, 1) if k in table.totals else (0, 1)
        else:
            continue
        left = len(derivable(table, *option))
        options.append(((cost[0], left, cost[1], table.values[k], table.order[k]), option))
    if not options:
        return None
    return min(options, key=lambda o: o[0])[1]


def grid(rows: Sequence[str], cols: Sequence[str], values: dict[tuple[str, str], Fraction], *,
         total_row: str, total_col: str | None, primary: set[tuple[str, str]], integer: bool = True) -> Table:
    """A table of agencies (rows, the site total row last) by columns: every column adds up to
    the total row; with `total_col`, every row's cells add up to that column too."""
    body = [c for c in cols if c != total_col]
    sums: list[list[tuple[Key, int]]] = []
    for c in cols:
        sums.append([((r, c), 1) for r in rows if r != total_row] + [((total_row, c), -1)])
    if total_col is not None:
        for r in rows:
            sums.append([((r, c), 1) for c in body] + [((r, total_col), -1)])
    totals = {(total_row, c) for c in cols} | ({(r, total_col) for r in rows} if total_col else set())
    return Table({(r, c): values[(r, c)] for r in rows for c in cols}, sums, integer, set(primary), totals)
