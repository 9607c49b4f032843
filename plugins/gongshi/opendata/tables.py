"""Public projections of records: an allow-list per kind (fail closed), as JSON objects and CSV rows.

A field reaches a data file only when it is listed here; a field added to a schema later
stays out until someone decides it is public.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import Any

from ..feeds.entries import decision_path, past_history, revocation, updated_of
from ..kinds import KINDS, Record
from ..portal import urls
from ..public import PublicSet
from ..schema import Field, ListOf, Obj
from ..feeds.text import legal_refs, xml_safe

ALL = True  # the whole subtree is public

# Top-level (and nested) keys that may be published, per kind. Officers: only the roster
# fields R-ROSTER/R-POST list; decisions: what the decision page shows (officer ids resolve
# to the public roster), never the minor flag or the withdrawal; agencies: no maintainer e-mails.
PUBLIC_FIELDS: dict[str, dict[str, Any]] = {
    "decision": {"doc_no": ALL, "title": ALL, "category": ALL, "item": ALL, "inspection": ALL,
                 "party": {"type": ALL, "name": ALL, "credit_code": ALL, "legal_representative": ALL},
                 "facts": ALL, "violation_type": ALL, "basis": ALL, "result": ALL, "penalty": ALL,
                 "procedure": ALL, "decided": ALL, "published": ALL, "officers": ALL, "major": ALL,
                 "legal_review": ALL, "display": ALL,
                 "status": ALL, "history": ALL, "remark": ALL},
    "agency": {k: ALL for k in KINDS["agency"].schema.fields if k != "maintainers"},
    "officer": {"id": ALL, "name": ALL, "roles": ALL,
                "certificate": {"number": ALL, "issuer": ALL, "valid_from": ALL, "valid_until": ALL},
                "fields": ALL, "post": ALL, "duties": ALL, "window": ALL, "status": ALL},
    "item": {k: ALL for k in KINDS["item"].schema.fields},
    "guide": {k: ALL for k in KINDS["guide"].schema.fields},
    "inspection": {k: ALL for k in KINDS["inspection"].schema.fields},
}

# Columns the build adds in front of the record's own fields: (key, title, description).
COMPUTED: dict[str, list[tuple[str, str, str]]] = {
    "decision": [("agency", "执法主体编号", "执法主体文件夹名（agencies/<编号>）"),
                 ("slug", "决定编号", "决定文件名（不含 .yml），与主体编号一起唯一标识一项决定"),
                 ("url", "网址", "决定在本平台上的页面地址"),
                 ("updated", "更新日期", "最近一次更正或变更的日期，无更正时为公开日期"),
                 ("public_until", "公示截止日期", "公示期限的最后一天；为空表示公示至撤销为止")],
    "agency": [("agency", "执法主体编号", "执法主体文件夹名"), ("url", "网址", "主体在本平台上的页面地址")],
    "guide": [("agency", "执法主体编号", "执法主体文件夹名"), ("slug", "指南编号", "指南文件名（不含 .yml）"),
              ("url", "网址", "服务指南在本平台上的页面地址")],
}
for _kind in ("officer", "item", "inspection"):
    COMPUTED[_kind] = [("agency", "执法主体编号", "执法主体文件夹名")]

# Revocation notices are not a record kind: only document number, date and reason are public.
NOTICE = "notice"
NOTICE_COLUMNS: list[tuple[str, str, str]] = [
    ("agency", "执法主体编号", "执法主体文件夹名"),
    ("slug", "决定编号", "被撤销决定的文件名（不含 .yml）"),
    ("url", "网址", "撤销公告在本平台上的页面地址"),
    ("doc_no", "文书编号", "被撤销决定的决定书文号"),
    ("date", "撤销日期", "最近一次“撤销”记录的日期"),
    ("reason", "撤销原因", "撤销记录的说明"),
]

KIND_FILES = {"decision": "decisions", "agency": "agencies", "officer": "officers",
              "item": "items", "guide": "guides", "inspection": "inspections", NOTICE: "revocations"}


def _plain(value: Any) -> Any:
    """JSON-ready value: dates as ISO text, strings XML/CSV-safe."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def project(spec: Field, allow: Any, value: Any) -> Any:
    """`value` reduced to the allowed keys, walked in schema order (stable key order)."""
    if value is None:
        return None
    if allow is ALL or not isinstance(spec, Obj) or not isinstance(value, dict):
        return _plain(value)
    out: dict[str, Any] = {}
    for key, sub in spec.fields.items():
        if key in allow and value.get(key) is not None:
            out[key] = project(sub, allow[key], value[key])
    return out


def public_record(rec: Record, ps: PublicSet, base: str) -> dict[str, Any]:
    """The published form of one record: computed keys, then its allowed fields."""
    kind = rec.kind
    out: dict[str, Any] = {"agency": rec.agency}
    if kind == "decision":
        vis = ps.status.get(rec.uid)
        out.update(slug=rec.slug, url=f"{base}/{decision_path(rec)}",
                   updated=updated_of(rec, ps.as_of).isoformat(),
                   public_until=vis.last_day.isoformat() if vis and vis.last_day else None)
    elif kind == "agency":
        out["url"] = f"{base}/{urls.agency(rec.agency or '')}"
    elif kind == "guide":
        out.update(slug=rec.slug, url=f"{base}/{urls.guide(rec)}")
    data = dict(rec.data)
    if kind == "decision" and data.get("history"):
        data["history"] = past_history(rec, ps.as_of)  # a future-dated event is not news yet
    out.update(project(KINDS[kind].schema, PUBLIC_FIELDS[kind], data))
    return out


def notice_record(rec: Record, ps: PublicSet, base: str) -> dict[str, Any]:
    """A revocation notice: where, which document, when and why, nothing about the party."""
    day, reason = revocation(rec)
    return {"agency": rec.agency, "slug": rec.slug, "url": f"{base}/{decision_path(rec)}",
            "doc_no": xml_safe(rec.data["doc_no"]), "date": day.isoformat(), "reason": xml_safe(reason)}


@dataclass(frozen=True)
class Column:
    """One CSV column: a dotted key path into the public record and how to render it."""

    key: str
    title: str
    description: str
    field: Field | None

    def cell(self, obj: dict[str, Any]) -> str:
        value: Any = obj
        for part in _parts(self.key):
            value = value.get(part) if isinstance(value, dict) else None
        return cell_text(value, self.field)


@functools.lru_cache(maxsize=None)
def _parts(key: str) -> tuple[str, ...]:
    return tuple(key.split("."))


def cell_text(value: Any, spec: Field | None) -> str:
    """A value as one CSV cell: lists joined with ；, legal references as 《…》, others as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "；".join(cell_text(v, None) for v in value)
        item = spec.item if isinstance(spec, ListOf) else None
        if isinstance(item, Obj) and set(item.fields) == {"title", "article"}:
            return legal_refs(value)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _walk(spec: Obj, allow: dict[str, Any], prefix: str, title: str) -> list[Column]:
    cols: list[Column] = []
    for key, sub in spec.fields.items():
        if key not in allow:
            continue
        path, name = f"{prefix}{key}", f"{title}{sub.title}"
        if isinstance(sub, Obj):
            cols += _walk(sub, allow[key] if isinstance(allow[key], dict) else
                          {k: ALL for k in sub.fields}, f"{path}.", f"{name}·")
        else:
            cols.append(Column(path, name, sub.description, sub))
    return cols


def columns(kind: str) -> list[Column]:
    """The CSV columns of a kind: computed ones, then the allowed fields flattened."""
    if kind == NOTICE:
        return [Column(k, t, d, None) for k, t, d in NOTICE_COLUMNS]
    computed = [Column(k, t, d, None) for k, t, d in COMPUTED[kind]]
    return computed + _walk(KINDS[kind].schema, PUBLIC_FIELDS[kind], "", "")


def publish(ps: PublicSet, kind: str, base: str) -> list[dict[str, Any]]:
    """The published form of every public record of a kind (or of every revocation notice)."""
    if kind == NOTICE:
        return [notice_record(r, ps, base) for r in ps.notices]
    recs = records_of(ps, kind)
    if kind == "decision":  # fail closed even if the list were built elsewhere
        recs = [r for r in recs if r.uid in ps.status and ps.status[r.uid].public]
    return [public_record(r, ps, base) for r in recs]


def records_of(ps: PublicSet, kind: str) -> list[Record]:
    """Public records of a kind, from the public set only."""
    if kind == "decision":
        return ps.decisions
    if kind == NOTICE:
        return ps.notices
    if kind == "agency":
        return list(ps.agencies.values())
    return ps.of(kind)


def kind_title(kind: str) -> str:
    """The Chinese name of a data file's records."""
    return "撤销公告" if kind == NOTICE else KINDS[kind].title
