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
    combination of shown figures): the unit vector of the cell lies in the row space.

    Rows are sparse ({cell: coefficient}). The sums of a table with margins form a totally
    unimodular matrix, so every pivot is ±1 and the arithmetic stays in integers; a Fraction is
    used only if a pivot ever is not."""
    rows: list[dict[Key, Fraction | int]] = []
    for sm in table.sums:
        row: dict[Key, Fraction | int] = {}
        for k, c in sm:
            if k in withheld:
                row[k] = row.get(k, 0) + c
        row = {k: c for k, c in row.items() if c}
        if row:
            rows.append(row)
    reduced: list[tuple[Key, dict[Key, Fraction | int]]] = []   # (pivot cell, its row: pivot 1)
    for row in rows:
        for pk, prow in reduced:                               # eliminate the pivots so far
            f = row.get(pk)
            if f:
                for k, v in prow.items():
                    nv = row.get(k, 0) - f * v
                    if nv:
                        row[k] = nv
                    else:
                        row.pop(k, None)
        if not row:
            continue
        pk = min(row, key=table.order.__getitem__)
        lead = row[pk]
        if lead != 1:
            row = {k: (v * lead if lead == -1 else Fraction(v) / lead) for k, v in row.items()}
        for _, qrow in reduced:                                # and this pivot from the others
            f = qrow.get(pk)
            if f:
                for k, v in row.items():
                    nv = qrow.get(k, 0) - f * v
                    if nv:
                        qrow[k] = nv
                    else:
                        qrow.pop(k, None)
        reduced.append((pk, row))
    return {pk for pk, row in reduced if len(row) == 1}


def _propagate(table: Table, withheld: set[Key], known: dict[Key, tuple[float, float]]) -> set[Key]:
    """Interval propagation through every sum until nothing tightens (at most 100 rounds; any
    round's bounds are true ones, so stopping early can only miss, never invent, a disclosure):
    the withheld cells whose bounds close on one value."""
    lo = {k: float(b[0]) for k, b in known.items()}
    hi = {k: float(b[1]) for k, b in known.items()}
    eqs: list[tuple[float, list[tuple[Key, int]]]] = []
    for sm in table.sums:
        unknown = [(k, c) for k, c in sm if k in withheld]
        if unknown:
            eqs.append((sum(float(c * table.values[k]) for k, c in sm if k not in withheld), unknown))
    for _ in range(100):
        changed = False
        for const, unknown in eqs:
            # The sum's range from every unknown term (infinite terms counted apart: inf - inf).
            low_terms = [c * lo[k] if c > 0 else c * hi[k] for k, c in unknown]
            high_terms = [c * hi[k] if c > 0 else c * lo[k] for k, c in unknown]
            low_fin = sum(t for t in low_terms if math.isfinite(t))
            high_fin = sum(t for t in high_terms if math.isfinite(t))
            low_inf = sum(1 for t in low_terms if not math.isfinite(t))
            high_inf = sum(1 for t in high_terms if not math.isfinite(t))
            for (k, c), lt, ht in zip(unknown, low_terms, high_terms):
                # c*x_k = -(const + the others)
                olo = -INF if low_inf - (not math.isfinite(lt)) else const + low_fin - (lt if math.isfinite(lt) else 0)
                ohi = INF if high_inf - (not math.isfinite(ht)) else const + high_fin - (ht if math.isfinite(ht) else 0)
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
    tries: list[tuple[tuple[int, int, Fraction, int], tuple[set[Key], set[Key]]]] = []
    for k in near:
        if k in small:
            tries.append(((0, 0, Fraction(0), table.order[k]), (withheld, small - {k})))
        elif k not in withheld and table.values[k] != 0:
            tries.append((((2 if k in table.totals else 0), 1, table.values[k], table.order[k]), (withheld | {k}, small)))
    best: tuple[tuple[int, int, int, Fraction, int], tuple[set[Key], set[Key]]] | None = None
    for (cls, sub, value, order), option in sorted(tries, key=lambda t: t[0]):
        left = len(derivable(table, *option))
        key = (cls, left, sub, value, order)
        if best is None or key < best[0]:
            best = (key, option)
        if left == 0:
            break  # tried in the order of that key: nothing after it can be better
    return None if best is None else best[1]


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
