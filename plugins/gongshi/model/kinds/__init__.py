"""Every record kind of docs/format.md, one module each."""
from __future__ import annotations

from gongshi.model.kinds.agency import AgencyKind
from gongshi.model.kinds.base import Record, RecordKind
from gongshi.model.kinds.calendar import CalendarKind
from gongshi.model.kinds.decision import DecisionKind
from gongshi.model.kinds.flowchart import FlowchartKind
from gongshi.model.kinds.guide import GuideKind
from gongshi.model.kinds.inspection import InspectionKind
from gongshi.model.kinds.item import ItemKind
from gongshi.model.kinds.officer import OfficerKind
from gongshi.model.kinds.plan import PlanKind
from gongshi.model.kinds.site import SiteKind
from gongshi.model.kinds.stats import StatsKind

KINDS: dict[str, type[RecordKind]] = {k.name: k for k in (
    SiteKind, CalendarKind, AgencyKind, OfficerKind, ItemKind, InspectionKind, GuideKind,
    FlowchartKind, DecisionKind, PlanKind, StatsKind)}

__all__ = ["KINDS", "Record", "RecordKind"]
