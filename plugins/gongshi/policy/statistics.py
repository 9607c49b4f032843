"""The yearly statistics of `stats/<yyyy>.yml`, counted from the dataset (see model/kinds/stats.py
for what is counted and the threshold): `gongshi annual` writes them, R-ANNUAL recounts them,
the portal's live figures count the public views the same way."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from typing import TYPE_CHECKING, Any

from gongshi.model.kinds.officer import ROLES
from gongshi.model.kinds.site import CATEGORIES, PENALTY_KINDS
from gongshi.model.kinds.stats import FIGURES, OFFICER_KINDS, SMALL, THRESHOLD, StatsKind
from gongshi.policy.deadlines import timeliness
from gongshi.policy.workdays import WorkCalendar

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

def _serving(officer: dict[str, Any], year: int) -> bool:
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


def _small(n: int) -> int | str:
    return SMALL if 0 < n < THRESHOLD else n


def _amount(total: float, n: int) -> float | int | str:
    if 0 < n < THRESHOLD:
        return SMALL
    return int(total) if float(total).is_integer() else round(total, 2)


def _finish(raw: dict[str, Any]) -> dict[str, Any]:
    """Raw counts to published figures: small breakdown cells become "<3"."""
    out = {
        "decisions": raw["decisions"],
        "by_category": {k: _small(v) for k, v in raw["by_category"].items()},
        "penalty_kinds": {k: _small(v) for k, v in raw["penalty_kinds"].items()},
        "fines": _amount(raw["fines"], raw["fined"]),
        "confiscated": _amount(raw["confiscated"], raw["confiscations"]),
        "inspections": {k: _small(v) for k, v in sorted(raw["inspections"].items())},
        "on_time_rate": round(raw["on_time"] / raw["counted"], 4) if raw["counted"] else None,
        "officer_kinds": dict(raw["officer_kinds"]),
        "officers": dict(raw["officers"]),
    }
    if out["on_time_rate"] is None:  # nothing to count: the field is left out
        del out["on_time_rate"]
    return out


def _add(into: dict[str, Any], raw: dict[str, Any]) -> None:
    for key, value in raw.items():
        if isinstance(value, dict):
            for k, v in value.items():
                into[key][k] = into[key].get(k, 0) + v
        else:
            into[key] += value


def inputs_hash(ds: Dataset, year: int) -> str:
    """SHA-256 over the year's decision files and the rosters (path and bytes, sorted)."""
    files = {r.file for r in ds.of("decision") if decided_in(r, year)} | {r.file for r in ds.of("officer")}
    h = hashlib.sha256()
    for path in sorted(files, key=lambda p: os.path.relpath(p, ds.root).replace(os.sep, "/")):
        h.update(os.path.relpath(path, ds.root).replace(os.sep, "/").encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read() + b"\0")
    return "sha256:" + h.hexdigest()


def decided_in(rec: Any, year: int) -> bool:
    decided = rec.data.get("decided")
    return isinstance(decided, dt.date) and decided.year == year


def compute(ds: Dataset, year: int) -> dict[str, Any]:
    """The year's figures (without `made` and `inputs`): every decision of the year, public or not."""
    policy, cal = ds.policy, WorkCalendar.from_data(ds.calendar)
    agencies = ds.agencies()
    per = {slug: _blank() for slug in agencies}
    for rec in ds.of("decision"):
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
        t = timeliness(rec, policy, cal)
        if t is not None and t.limit is not None:
            c["counted"] += 1
            c["on_time"] += t.on_time
    for off in ds.of("officer"):
        if off.agency in per and _serving(off.data, year):
            c = per[off.agency]
            c["officer_kinds"][OFFICER_KINDS[0 if off.data.get("certificate") else 1]] += 1
            for role in off.data.get("roles") or []:
                c["officers"][role] = c["officers"].get(role, 0) + 1
    total = _blank()
    for raw in per.values():
        _add(total, raw)
    return {
        "year": year, "threshold": THRESHOLD,
        "agencies": [{"agency": slug, "name": agencies[slug].data.get("name", slug), **_finish(raw)}
                     for slug, raw in per.items()],
        "total": _finish(total),
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
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def snapshots(ds: Dataset) -> dict[int, dict[str, Any]]:
    """The committed snapshots by year (files whose name and year agree)."""
    out: dict[int, dict[str, Any]] = {}
    for r in ds.of(StatsKind.name):
        slug = str(r.slug)
        if slug.isdigit() and r.data.get("year") == int(slug):
            out[int(slug)] = r.data
    return out
