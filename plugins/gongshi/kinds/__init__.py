"""Every record kind of docs/format.md, one module each."""
from __future__ import annotations

from .agency import AgencyKind
from .base import Record, RecordKind
from .calendar import CalendarKind
from .decision import DecisionKind
from .flowchart import FlowchartKind
from .guide import GuideKind
from .inspection import InspectionKind
from .item import ItemKind
from .officer import OfficerKind
from .plan import PlanKind
from .site import SiteKind
from .stats import StatsKind

KINDS: dict[str, type[RecordKind]] = {k.name: k for k in (
    SiteKind, CalendarKind, AgencyKind, OfficerKind, ItemKind, InspectionKind, GuideKind,
    FlowchartKind, DecisionKind, PlanKind, StatsKind)}

__all__ = ["KINDS", "Record", "RecordKind"]
