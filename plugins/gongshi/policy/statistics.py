"""The yearly statistics, counted once for every reader: `gongshi annual` writes them as the
snapshot `stats/<yyyy>.yml`, R-ANNUAL recounts them, and the portal's report of a year without a
snapshot counts the public views with the same function (see model/kinds/stats.py for what is
counted and the threshold).

`count()` gives the raw figures of any set of decisions and officers; `publish()` turns them into
the figures a reader sees: a cell of 1 or 2 decisions is "少于3件", an amount over 1 or 2
decisions "不公开", and more cells "不公开" where a withheld one could otherwise be worked out
from the totals (secondary suppression, policy/suppression.py, which also holds the audit)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

from gongshi.model.kinds.base import RecordLike
from gongshi.model.kinds.officer import ROLES
from gongshi.model.kinds.site import CATEGORIES, PENALTY_KINDS
from gongshi.model.kinds.stats import FIGURES, LEGACY_SMALL, OFFICER_KINDS, SMALL, THRESHOLD, WITHHELD, StatsKind
from gongshi.policy.deadlines import timeliness
from gongshi.policy.suppression import Table, derivable, grid, suppress
from gongshi.policy.workdays import WorkCalendar

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

class Counted(RecordLike, Protocol):
    """A record as counted: a Record or the publication's view of it, with its agency."""

    @property
    def agency(self) -> str | None: ...


# The fields of a decision the figures read (R-ANNUAL's declared scope, and the inputs digest).
READS = ("decided", "published", "category", "penalty", "inspection")
TOTAL = ""  # the site total's row in the suppression tables (agency slugs are never empty)


def serving(officer: Mapping[str, Any], year: int) -> bool:
    """An officer counts for a year when the certificate was valid on some day of it;
    auxiliary staff carry no certificate and count every year."""
    cert = officer.get("certificate")
    if not cert:
        return True
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return bool(cert.get("valid_from", start) <= end and cert.get("valid_until", end) >= start)


def _blank() -> dict[str, Any]:
    return {"decisions": 0, "by_category": dict.fromkeys(CATEGORIES, 0),
            "penalty_kinds": dict.fromkeys(PENALTY_KINDS, 0), "fines": 0.0, "fined": 0,
            "confiscated": 0.0, "confiscations": 0, "inspections": {}, "on_time": 0, "counted": 0,
            "officer_kinds": dict.fromkeys(OFFICER_KINDS, 0), "officers": dict.fromkeys(ROLES, 0)}


def _add(into: dict[str, Any], raw: dict[str, Any]) -> None:
    for key, value in raw.items():
        if isinstance(value, dict):
            for k, v in value.items():
                into[key][k] = into[key].get(k, 0) + v
        else:
            into[key] += value


def decided_in(rec: Any, year: int) -> bool:
    decided = rec.data.get("decided")
    return isinstance(decided, dt.date) and decided.year == year


def count(decisions: Iterable[Counted], officers: Iterable[Counted], agencies: Iterable[str], year: int,
          policy: dict[str, Any] | None = None, cal: WorkCalendar | None = None) -> dict[str, dict[str, Any]]:
    """Raw figures per agency (in the order given) and for the site (key TOTAL, last): the
    decisions decided in `year` and the officers serving in it. The on-time rate is counted
    only with a policy and a calendar (the snapshot; the portal's live report does not show it)."""
    per = {slug: _blank() for slug in agencies}
    for rec in decisions:
        if not decided_in(rec, year) or rec.agency not in per:
            continue
        c, d = per[rec.agency], rec.data
        c["decisions"] += 1
        c["by_category"][d.get("category")] = c["by_category"].get(d.get("category"), 0) + 1
        penalty = d.get("penalty") or {}
        for kind in dict.fromkeys(penalty.get("kinds") or []):
            c["penalty_kinds"][kind] = c["penalty_kinds"].get(kind, 0) + 1
        if penalty.get("fine"):
            c["fines"] += float(penalty["fine"])
            c["fined"] += 1
        if penalty.get("confiscated"):
            c["confiscated"] += float(penalty["confiscated"])
            c["confiscations"] += 1
        if d.get("inspection"):
            c["inspections"][str(d["inspection"])] = c["inspections"].get(str(d["inspection"]), 0) + 1
        t = timeliness(rec, policy, cal) if policy is not None and cal is not None else None
        if t is not None and t.limit is not None:
            c["counted"] += 1
            c["on_time"] += t.on_time
    for off in officers:
        if off.agency in per and serving(off.data, year):
            c = per[off.agency]
            c["officer_kinds"][OFFICER_KINDS[0 if off.data.get("certificate") else 1]] += 1
            for role in off.data.get("roles") or []:
                c["officers"][role] = c["officers"].get(role, 0) + 1
    total = _blank()
    for raw in per.values():
        _add(total, raw)
    per[TOTAL] = total
    return per


def _amount(total: float) -> Fraction:
    return Fraction(str(round(total, 2)))


def _tables(per: Mapping[str, Mapping[str, Any]]) -> dict[str, Table]:
    """The tables whose cells a reader could work out from each other: categories with the
    agencies' decision totals, penalty kinds (a decision may have several: columns add up over
    agencies only), inspection items, and each amount over agencies."""
    rows = list(per)

    def keys(field: str) -> list[str]:
        return list(dict.fromkeys(k for raw in per.values() for k in raw[field]))

    def counts(field: str, cols: list[str], total_col: str | None = None) -> Table:
        values = {(r, c): Fraction(per[r][field].get(c, 0)) for r in rows for c in cols if c != total_col}
        if total_col:
            values.update({(r, total_col): Fraction(per[r][total_col]) for r in rows})
        small = {k for k, v in values.items() if 0 < v < THRESHOLD and k[1] != total_col}
        return grid(rows, cols, values, total_row=TOTAL, total_col=total_col, primary=small)

    def amount(field: str, n: str) -> Table:
        values = {(r, field): _amount(per[r][field]) for r in rows}
        small = {(r, field) for r in rows if 0 < per[r][n] < THRESHOLD}
        return grid(rows, [field], values, total_row=TOTAL, total_col=None, primary=small, integer=False)

    return {"by_category": counts("by_category", [*keys("by_category"), "decisions"], "decisions"),
            "penalty_kinds": counts("penalty_kinds", keys("penalty_kinds")),
            "inspections": counts("inspections", sorted(keys("inspections"))),
            "fines": amount("fines", "fined"), "confiscated": amount("confiscated", "confiscations")}


def _shown(value: float | int) -> int | float:
    return int(value) if float(value).is_integer() else round(float(value), 2)


def publish(per: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Raw figures to the figures a reader sees (per agency and TOTAL): every withheld cell as
    "少于3件" or "不公开" (see the module docstring)."""
    tables = {name: (t, suppress(t)) for name, t in _tables(per).items()}

    def cell(name: str, row: str, col: str, value: float) -> int | float | str:
        t, s = tables[name]
        if (row, col) in s.small:
            return SMALL
        return WITHHELD if (row, col) in s.withheld else _shown(value)

    out: dict[str, dict[str, Any]] = {}
    for row, raw in per.items():
        fig = {
            "decisions": cell("by_category", row, "decisions", raw["decisions"]),
            "by_category": {k: cell("by_category", row, k, v) for k, v in raw["by_category"].items()},
            "penalty_kinds": {k: cell("penalty_kinds", row, k, v) for k, v in raw["penalty_kinds"].items()},
            "fines": cell("fines", row, "fines", raw["fines"]),
            "confiscated": cell("confiscated", row, "confiscated", raw["confiscated"]),
            "inspections": {k: cell("inspections", row, k, v) for k, v in sorted(raw["inspections"].items())},
            "on_time_rate": round(raw["on_time"] / raw["counted"], 4) if raw["counted"] else None,
            "officer_kinds": dict(raw["officer_kinds"]),
            "officers": dict(raw["officers"]),
        }
        if fig["on_time_rate"] is None:  # nothing to count: the field is left out
            del fig["on_time_rate"]
        out[row] = fig
    return out


def audit(figures: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The withheld cells of published figures (per agency, TOTAL last, as publish() gives them
    or a snapshot holds them) that a reader can work out from what is shown: `table row col`
    for each; [] when none. Only what is shown is used (a withheld cell's value is not known)."""
    rows = list(figures)
    found: list[str] = []

    def check(name: str, cols: list[str], get: Any, total_col: str | None = None, integer: bool = True) -> None:
        values: dict[tuple[str, str], Fraction] = {}
        withheld: set[Any] = set()
        small: set[Any] = set()
        for r in rows:
            for c in cols:
                v = get(figures[r], c)
                if isinstance(v, str):
                    withheld.add((r, c))
                    if v == SMALL and integer:
                        small.add((r, c))
                values[(r, c)] = Fraction(0) if isinstance(v, str) else Fraction(str(v))
        # A reader knows of a "不公开" count only that it is not 0 (zeros are never withheld).
        t = grid(rows, cols, values, total_row=TOTAL, total_col=total_col, primary=withheld, integer=integer)
        for r, c in sorted(derivable(t, withheld, small), key=t.order.__getitem__):
            found.append(f"{name} {r or 'total'} {c}")

    def keys(field: str) -> list[str]:
        return list(dict.fromkeys(k for f in figures.values() for k in f.get(field) or {}))

    check("by_category", [*keys("by_category"), "decisions"],
          lambda f, c: f["decisions"] if c == "decisions" else f["by_category"].get(c, 0), "decisions")
    for name in ("penalty_kinds", "inspections"):
        check(name, keys(name), lambda f, c, n=name: (f.get(n) or {}).get(c, 0))
    for name in ("fines", "confiscated"):
        check(name, [name], lambda f, c: f.get(c, 0), integer=False)
    return found


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()


def inputs_hash(ds: Dataset, year: int) -> str:
    """SHA-256 over what the year's figures are counted from: of each decision of the year the
    fields READS (path and values), and every officer of the rosters. Any change a recount could
    see changes it, also one inside a withheld cell that leaves every shown figure the same; a
    comment or a field the figures do not read does not."""
    h = hashlib.sha256()

    def rel(rec: RecordLike) -> str:
        return os.path.relpath(rec.file, ds.root).replace(os.sep, "/")

    items = [(rel(r), 0, {k: r.data[k] for k in READS if k in r.data})
             for r in ds.of("decision") if decided_in(r, year)]
    items += [(rel(r), getattr(r, "index", 0) or 0, r.data) for r in ds.of("officer")]
    for path, index, data in sorted(items, key=lambda i: (i[0], i[1])):
        h.update(path.encode() + b"\0" + str(index).encode() + b"\0" + _canonical(data) + b"\0")
    return "sha256:" + h.hexdigest()


def legacy_inputs_hash(ds: Dataset, year: int) -> str:
    """The digest snapshots carried before inputs_hash: SHA-256 over the year's decision files and
    the rosters, path and bytes. A snapshot whose digest is this one was written by an older
    gongshi (its "<3" cells, no secondary suppression): R-ANNUAL says so rather than that the
    data changed."""
    files = {r.file for r in ds.of("decision") if decided_in(r, year)} | {r.file for r in ds.of("officer")}
    h = hashlib.sha256()
    for path in sorted(files, key=lambda p: os.path.relpath(p, ds.root).replace(os.sep, "/")):
        h.update(os.path.relpath(path, ds.root).replace(os.sep, "/").encode() + b"\0")
        try:
            with open(path, "rb") as f:
                h.update(f.read() + b"\0")
        except OSError:
            return ""
    return "sha256:" + h.hexdigest()


def compute(ds: Dataset, year: int) -> dict[str, Any]:
    """The year's figures (without `made` and `inputs`): every decision of the year, public or not."""
    agencies = ds.agencies()
    per = count(ds.of("decision"), ds.of("officer"), agencies, year, ds.policy, WorkCalendar.from_data(ds.calendar))
    figures = publish(per)
    return {
        "year": year, "threshold": THRESHOLD,
        "agencies": [{"agency": slug, "name": agencies[slug].data.get("name", slug), **figures[slug]}
                     for slug in agencies],
        "total": figures[TOTAL],
    }


def snapshot(ds: Dataset, year: int, made: dt.date) -> dict[str, Any]:
    """The file `gongshi annual` writes: year, made, inputs, then the figures."""
    figures = compute(ds, year)
    return {"year": year, "made": made, "inputs": inputs_hash(ds, year), **{k: v for k, v in figures.items()
                                                                            if k != "year"}}


def _flat(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = value


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """`where: old → new` for every figure that differs (agencies by folder name)."""
    def flat(doc: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for a in doc.get("agencies") or []:
            _flat(str(a.get("agency")), {k: a.get(k) for k in FIGURES}, out)
        _flat("total", {k: (doc.get("total") or {}).get(k) for k in FIGURES}, out)
        return out
    a, b = flat(old), flat(new)
    keys = list(a) + [k for k in b if k not in a]
    return [f"{k}: {a.get(k, '—')} → {b.get(k, '—')}" for k in keys if _norm(a.get(k)) != _norm(b.get(k))]


def _norm(v: Any) -> Any:
    if v == LEGACY_SMALL:  # a snapshot written before 少于3件: "<3" meant the same
        return SMALL
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def snapshots(ds: Dataset) -> dict[int, dict[str, Any]]:
    """The committed snapshots by year (files whose name and year agree)."""
    out: dict[int, dict[str, Any]] = {}
    for r in ds.of(StatsKind.name):
        slug = str(r.slug)
        if slug.isdigit() and r.data.get("year") == int(slug):
            out[int(slug)] = r.data
    return out
