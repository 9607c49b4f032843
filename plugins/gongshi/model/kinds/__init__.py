"""Every record kind of docs/format.md, one module each, and `KINDS`, the registry of kinds.

The built-in kinds are a plugin like any other (model/hookspecs.py): this package implements
the hook `gongshi_kinds` (the list below) and `gongshi_checks` (the `@check` functions each kind
declares in its own module, e.g. plan.py's, found from the kind, not by walking the package).
`KINDS` asks the hook on first use and checks what it gets (`KindError`): a RecordKind subclass,
one kind per name, a readable path pattern, and a `public` allow-list the schema has.
Everything that lists kinds (`gongshi new`, the public set, `gongshi schema`, `gongshi docs`,
the open data) reads `KINDS`, so a kind added here or by a plugin reaches all of them.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import Any

from gongshi.model.hookspecs import Check, checks_of, hookimpl, kinds as declared_kinds
from gongshi.model.kinds.agency import AgencyKind
from gongshi.model.kinds.base import Record, RecordKind
from gongshi.model.kinds.calendar import CalendarKind
from gongshi.model.kinds.decision import DecisionKind
from gongshi.model.kinds.discretion import DiscretionKind
from gongshi.model.kinds.flowchart import FlowchartKind
from gongshi.model.kinds.guide import GuideKind
from gongshi.model.kinds.inspection import InspectionKind
from gongshi.model.kinds.item import ItemKind
from gongshi.model.kinds.officer import OfficerKind
from gongshi.model.kinds.plan import PlanKind
from gongshi.model.kinds.site import SiteKind
from gongshi.model.kinds.stats import StatsKind

# The built-in kinds, in the order docs/format.md, `gongshi schema` and the open data list them.
BUILTIN: tuple[type[RecordKind], ...] = (
    SiteKind, CalendarKind, AgencyKind, OfficerKind, ItemKind, InspectionKind, GuideKind,
    FlowchartKind, DecisionKind, PlanKind, StatsKind, DiscretionKind)


@hookimpl
def gongshi_kinds() -> list[type[RecordKind]]:
    return list(BUILTIN)


@hookimpl
def gongshi_checks() -> list[Check]:
    """The checks each built-in kind declares in its own module, in kind order."""
    modules = dict.fromkeys(sys.modules[k.__module__] for k in BUILTIN)
    return [fn for module in modules for fn in checks_of(module)]


class KindError(ValueError):
    """A declared kind cannot be used; the message names it and what to change."""


def validated(found: list[Any]) -> dict[str, type[RecordKind]]:
    """The declared kinds by name, checked (KindError on the first that does not fit)."""
    out: dict[str, type[RecordKind]] = {}
    for kind in found:
        where = f"record kind {getattr(kind, '__module__', '?')}.{getattr(kind, '__qualname__', kind)!s}"
        if not (isinstance(kind, type) and issubclass(kind, RecordKind)):
            raise KindError(f"{where}: gongshi_kinds must return RecordKind subclasses "
                            f"(gongshi.model.kinds.base.RecordKind)")
        for attr in ("name", "title", "title_en", "pattern", "schema"):
            if not getattr(kind, attr, None):
                raise KindError(f"{where}: declares no {attr!r} (see gongshi/model/kinds/plan.py)")
        if kind.name in out and out[kind.name] is not kind:
            raise KindError(f"{where}: the kind name {kind.name!r} is taken by "
                            f"{out[kind.name].__module__}.{out[kind.name].__qualname__}; choose another name")
        if kind.public and not kind.published:
            raise KindError(f"{where}: lists public fields but is not published (published = False)")
        try:
            kind.public_fields()
        except ValueError as exc:
            raise KindError(f"{where}: {exc}") from None
        out[kind.name] = kind
    return out


class Kinds(Mapping[str, type[RecordKind]]):
    """Every record kind by name, in registration order: asked of the hook on first use (not
    at import: nothing registers at import time), then kept for the process."""

    def __init__(self) -> None:
        self._kinds: dict[str, type[RecordKind]] | None = None

    def _all(self) -> dict[str, type[RecordKind]]:
        if self._kinds is None:
            self._kinds = validated(declared_kinds())
        return self._kinds

    def __getitem__(self, name: str) -> type[RecordKind]:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def forget(self) -> None:
        """Ask the hook again on next use (a test that installs a plugin)."""
        self._kinds = None


KINDS = Kinds()

__all__ = ["BUILTIN", "KINDS", "KindError", "Kinds", "Record", "RecordKind"]
