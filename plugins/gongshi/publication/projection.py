"""Projections: a record's data reduced to the fields its kind declares public (fail closed).

A `Projection` is an immutable mapping in schema order. Reading a field of the schema that the
kind's `public` allow-list leaves out raises `NonPublicField` — from Python (`p["x"]`, `p.get("x")`) and from a
Jinja template (`{{ d.x }}`) alike, since Jinja only swallows lookup errors — so no template
and no output can reach what the public may not see, even by mistake.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from gongshi.model.schema import Either, Field, ListOf, Obj


class NonPublicField(Exception):
    """A non-public field was read through a projection (not a LookupError: Jinja must not hide it)."""


class Projection(Mapping[str, Any]):
    """The public fields of one record (or of one nested object), read-only."""

    __slots__ = ("_data", "_private", "_where")

    def __init__(self, data: dict[str, Any], private: Iterable[str] = frozenset(), where: str = "") -> None:
        self._data = data
        self._private = frozenset(private)
        self._where = where

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            if key in self._private:
                raise NonPublicField(f"{self._where}{key} is not public") from None
            raise

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Projection({self._data!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:  # the page cache hashes page contexts by pickling them
        # A sorted tuple, not the frozenset: same bytes every build, and CPython's C pickler in
        # fast mode never leaves a frozenset it entered, so fifty of them on a page broke it.
        return (Projection, (self._data, tuple(sorted(self._private)), self._where))

    def plain(self) -> dict[str, Any]:
        """A plain dict copy (nested projections and tuples as dicts and lists)."""
        out: dict[str, Any] = _thaw(self)
        return out


def _thaw(value: Any) -> Any:
    if isinstance(value, Projection):
        return {k: _thaw(v) for k, v in value._data.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def project(spec: Field, value: Any, allow: Any, where: str = "") -> Any:
    """`value` typed by `spec`, reduced to the fields of the allow-list tree `allow`
    (RecordKind.public_fields: key -> True or a subtree), frozen (dicts -> Projection, lists ->
    tuples), in schema order. A field not in `allow` reads as non-public."""
    if value is None:
        return None
    if isinstance(spec, Obj) and isinstance(value, dict):
        tree = allow if isinstance(allow, dict) else {}
        out = {key: project(sub, value[key], tree[key], f"{where}{key}.") for key, sub in spec.fields.items()
               if key in tree and value.get(key) is not None}
        private = frozenset(k for k in spec.fields if k not in tree)
        return Projection(out, private, where)
    if isinstance(spec, ListOf) and isinstance(value, list):
        return tuple(project(spec.item, v, allow, where) for v in value)
    if isinstance(spec, Either):
        return project(spec.long if isinstance(value, dict) else spec.short, value, allow, where)
    if isinstance(value, dict):  # MapOf and untyped mappings: frozen as they are
        return Projection({k: project(Field(""), v, True) for k, v in value.items()}, frozenset(), where)
    if isinstance(value, list):
        return tuple(project(Field(""), v, True) for v in value)
    return value


def only(spec: Obj, value: dict[str, Any], keys: tuple[str, ...], where: str = "") -> Projection:
    """A projection holding only `keys` of `value` (e.g. a revocation notice: doc_no); every
    other field of the schema reads as non-public."""
    proj = project(spec, {k: value[k] for k in keys if k in value}, {k: True for k in keys}, where)
    return Projection(proj._data, frozenset(spec.fields) - set(keys), where)
