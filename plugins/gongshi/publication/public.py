"""The public set: exactly what may be published on a day, computed once for every output.

Pages, feeds, search, sitemap and data files take their records from here and nowhere else,
so they cannot disagree (and cannot leak what `visibility` withholds).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gongshi.model.dataset import Dataset
from gongshi.model.kinds import KINDS, Record
from gongshi.policy.visibility import Visibility, visibility


def _order(r: Record) -> tuple[Any, ...]:
    # Newest first; ties broken by agency and slug so every output has one stable order.
    return (-r.data["published"].toordinal(), r.agency or "", r.slug or "")


@dataclass
class PublicSet:
    """The records that are public as of one day, by kind and agency."""

    as_of: dt.date
    site: dict[str, Any]
    policy: dict[str, Any]
    agencies: dict[str, Record]
    decisions: list[Record] = field(default_factory=list)  # public, newest first
    notices: list[Record] = field(default_factory=list)    # revoked: only a notice is public
    hidden: dict[str, int] = field(default_factory=dict)   # reason -> count, for the report
    others: dict[str, list[Record]] = field(default_factory=dict)  # officer, item, guide, ...
    status: dict[str, Visibility] = field(default_factory=dict)    # uid -> visibility

    def of(self, kind: str, agency: str | None = None) -> list[Record]:
        """Public records of a non-decision kind, optionally of one agency."""
        recs = self.others.get(kind, [])
        return recs if agency is None else [r for r in recs if r.agency == agency]


def others() -> list[str]:
    """The published kinds besides decisions and agencies (which the set holds apart), as the
    kinds declare them (`RecordKind.published`), in registration order."""
    return [name for name, kind in KINDS.items() if kind.published and name not in ("decision", "agency")]


def public_set(ds: Dataset, as_of: dt.date) -> PublicSet:
    """Everything of a validated dataset that is public on `as_of`."""
    agencies = ds.agencies()
    ps = PublicSet(as_of, ds.site, ds.policy, dict(sorted(agencies.items())))
    for r in ds.of("decision"):
        if r.agency not in agencies:
            continue
        vis = visibility(r, as_of, ds.policy)
        ps.status[r.uid] = vis
        if vis.public:
            ps.decisions.append(r)
        else:
            ps.hidden[vis.reason] = ps.hidden.get(vis.reason, 0) + 1
            if vis.notice:
                ps.notices.append(r)
    ps.decisions.sort(key=_order)
    ps.notices.sort(key=_order)
    for kind in others():
        ps.others[kind] = [r for r in ds.of(kind) if r.agency in agencies]
    return ps
