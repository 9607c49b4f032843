"""Public projections of records: an allow-list per kind (fail closed), as JSON objects and CSV rows.

A field reaches a data file only when its kind lists it in `public` (kinds/<kind>.py); a field
added to a schema later stays out until someone decides it is public.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gongshi.publication.text import legal_refs, xml_safe
from gongshi.model.kinds import KINDS
from gongshi.publication import Publication, PublicRecord
from gongshi.model.schema import Field, ListOf, Obj

ALL = True  # the whole subtree is public

# Kinds with an open-data table (RecordKind.table), decisions first.
_TABLED = sorted((k for k in KINDS.values() if k.table is not None), key=lambda k: k.name != "decision")

# Keys that may be published, per kind: the kind's `public` allow-list as a tree.
PUBLIC_FIELDS: dict[str, dict[str, Any]] = {k.name: k.public_fields() for k in _TABLED}

# Columns the build adds in front of the record's own fields: (key, title, description).
COMPUTED: dict[str, list[tuple[str, str, str]]] = {k.name: list(k.table.computed) for k in _TABLED if k.table}

# Revocation notices are not a record kind: only document number, date and reason are public.
NOTICE = "notice"
NOTICE_COLUMNS: list[tuple[str, str, str]] = [
    ("agency", "执法主体编号", "执法主体文件夹名"),
    ("slug", "决定编号", "被撤销决定的文件名（不含 .yml）"),
    ("url", "网址", "撤销公告在本平台上的页面地址"),
    ("doc_no", "文书编号", "被撤销决定的决定书文号"),
    ("date", "撤销日期", "决定撤下之日：第一次“撤销”记录的日期"),
    ("reason", "撤销原因", "该次撤销记录的说明"),
]

KIND_FILES = {**{k.name: k.table.stem for k in _TABLED if k.table}, NOTICE: "revocations"}


_DATE, _TEXT, _LIST, _MAP, _AS_IS = range(5)
_SHAPES: dict[type, int] = {}  # a value's type -> what _plain does with it, decided once a type


def _shape(kind: type) -> int:
    """What `_plain` does with a value of type `kind`: the isinstance tests in their order,
    asked once a type rather than once a value (two million values at 100,000 decisions)."""
    shape = _SHAPES.get(kind)
    if shape is None:
        shape = _SHAPES[kind] = (_DATE if issubclass(kind, dt.date) else _TEXT if issubclass(kind, str)
                                 else _LIST if issubclass(kind, (list, tuple))
                                 else _MAP if issubclass(kind, Mapping) else _AS_IS)
    return shape


def _plain(value: Any) -> Any:
    """JSON-ready value: dates as ISO text, strings XML/CSV-safe."""
    shape = _shape(type(value))
    if shape == _TEXT:
        return xml_safe(value)
    if shape == _MAP:
        return {k: _plain(v) for k, v in value.items()}
    if shape == _LIST:
        return [_plain(v) for v in value]
    if shape == _DATE:
        return value.isoformat()
    return value


def _computed(rec: PublicRecord, key: str, base: str) -> Any:
    if key == "url":
        return f"{base}/{rec.url}" if rec.url else None
    if key == "updated":
        return rec.updated.isoformat() if rec.updated else None
    if key == "public_until":
        return rec.last_day.isoformat() if rec.last_day else None
    if key == "offline_from":
        return rec.offline_from.isoformat() if rec.offline_from else None
    return getattr(rec, key)


def public_record(rec: PublicRecord, ps: Publication, base: str) -> dict[str, Any]:
    """The published form of one view: computed keys, then its public fields (schema order)."""
    out: dict[str, Any] = {key: _computed(rec, key, base) for key, _t, _d in COMPUTED[rec.kind]}
    out.update(_plain(rec.data))
    return out


def notice_record(rec: PublicRecord, ps: Publication, base: str) -> dict[str, Any]:
    """A revocation notice: where, which document, when and why, nothing about the party."""
    assert rec.revocation is not None
    return {"agency": rec.agency, "slug": rec.slug, "url": f"{base}/{rec.url}",
            "doc_no": xml_safe(rec.data["doc_no"]), "date": rec.revocation.date.isoformat(),
            "reason": xml_safe(rec.revocation.reason)}


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


def publish(ps: Publication, kind: str, base: str) -> list[dict[str, Any]]:
    """The published form of every public view of a kind (or of every revocation notice)."""
    if kind == NOTICE:
        return [notice_record(r, ps, base) for r in ps.notices]
    recs = records_of(ps, kind)
    if kind == "decision":  # fail closed even if the list were built elsewhere
        recs = [r for r in recs if r.uid in ps.status and ps.status[r.uid].public]
    return [public_record(r, ps, base) for r in recs]


def records_of(ps: Publication, kind: str) -> list[PublicRecord]:
    """Public views of a kind, from the publication only."""
    return ps.notices if kind == NOTICE else ps.records(kind)


def kind_title(kind: str) -> str:
    """The Chinese name of a data file's records."""
    return "撤销公告" if kind == NOTICE else KINDS[kind].title
