"""Cross-reference checks (R-REF): ids, codes and slugs point at records that exist.

Also the checks that need more than one field or the file's place: a decision's year folder
against its date, dates after --as-of, and `published` not before `decided` (R-FORMAT).
A reference into a file that is itself broken is not reported: that file's own finding says
what is wrong, and a hundred "missing" findings after it would only hide it.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Iterable, Iterator

from gongshi.checks.pipeline import RECORD, SUMMARY, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.kinds import KINDS, Record, RecordKind
from gongshi.model.schema import Either, Field, ListOf, Obj

MISSING = Msg("R-REF", "{what}“{ref}”在本主体的 {where} 中不存在", "{what_en} '{ref}' does not exist in this agency's {where}",
              "检查拼写，或先在 {where} 中添加它", "check the spelling, or add it to {where} first")
DOUBLE = Msg("R-REF", "{what}“{ref}”重复（另见 {other}）", "{what_en} '{ref}' is used twice (see also {other_en})",
             "每个{what}只能出现一次；修改其中一个", "each {what_en} must be unique; change one of them")
NO_AGENCY = Msg("R-REF", "主体文件夹“{agency}”缺少 agency.yml", "agency folder '{agency}' has no agency.yml",
                "在 agencies/{agency}/ 中创建 agency.yml", "create agencies/{agency}/agency.yml")
YEAR = Msg("R-FORMAT", "决定日期 {decided} 与所在年份文件夹 {year} 不符", "decision date {decided} does not match its year folder {year}",
           "把文件移到 decisions/{decided_year}/ 文件夹，或更正决定日期", "move the file to decisions/{decided_year}/, or correct the date")
FUTURE = Msg("R-FORMAT", "{what}“{date}”晚于核对日期 {as_of}", "{what_en} {date} is after the as-of date {as_of}",
             "已发生的事项不能填写将来的日期；检查年份", "something that has happened cannot have a future date; check the year")
BEFORE = Msg("R-FORMAT", "公开日期 {published} 早于决定日期 {decided}", "published {published} is before decided {decided}",
             "公开日期不能早于作出决定的日期", "a decision cannot be published before it is made")
CATEGORY = Msg("R-REF", "执法事项“{ref}”是{item_category}事项，与本决定的执法类别“{category}”不符",
               "enforcement item '{ref}' is a {item_category} item, but this decision's category is {category}",
               "核对 item 和 category：引用本主体 items.yml 中同一类别的事项",
               "check item and category: name an item of the same category in this agency's items.yml")
STEP_MISSING = Msg("R-REF", "步骤“{ref}”不存在", "step '{ref}' does not exist",
                   "next 中只能写本流程图中已有的步骤编号", "next may only name step ids of this flowchart")
STEP_DOUBLE = Msg("R-REF", "步骤编号“{ref}”重复", "step id '{ref}' is used twice",
                  "每个步骤的编号必须不同", "every step needs an id of its own")


def _where(r: Record, root: str) -> str:
    """`r` for a message: its path below data/, with the item number in a list file."""
    rel = os.path.relpath(r.file, root).replace(os.sep, "/")
    return f"{rel} 第 {r.index + 1} 项" if r.index is not None else rel


def _where_en(r: Record, root: str) -> str:
    rel = os.path.relpath(r.file, root).replace(os.sep, "/")
    return f"{rel} item {r.index + 1}" if r.index is not None else rel


def _unique(records: Iterable[Record], root: str, field: str | None, what: str, what_en: str,
            ) -> tuple[set[tuple[str, str]], list[Finding]]:
    """The (agency, key) pairs of `records`, and a finding for each one used twice."""
    seen: dict[tuple[str, str], Record] = {}
    findings: list[Finding] = []
    for r in records:
        if not r.slug:
            continue
        key = (r.agency or "", r.slug)
        first = seen.get(key)
        if first is None:
            seen[key] = r
            continue
        keys = r.keys(field) if field else r.keys()
        findings.append(DOUBLE(r.file, keys=keys, what=what, what_en=what_en, ref=r.slug,
                               other=_where(first, root), other_en=_where_en(first, root)))
    return set(seen), findings


def ref_paths(spec: Field, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Field]]:
    """(key path, field) of every field declared with `ref=` under `spec` ('*': any list index)."""
    if spec.ref:
        return [(prefix, spec)]
    if isinstance(spec, Obj):
        return [p for k, f in spec.fields.items() for p in ref_paths(f, prefix + (k,))]
    if isinstance(spec, ListOf):
        return ref_paths(spec.item, prefix + ("*",))
    if isinstance(spec, Either):
        return ref_paths(spec.long, prefix)
    return []


def _values(data: Any, path: tuple[Any, ...], keys: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(keys, value) of every value of `data` at `path` ('*' walks every item of a list)."""
    if not path:
        yield keys, data
    elif path[0] == "*":
        for i, item in enumerate(data if isinstance(data, list) else []):
            yield from _values(item, path[1:], keys + (i,))
    elif isinstance(data, dict) and path[0] in data:
        yield from _values(data[path[0]], path[1:], keys + (path[0],))


def _file_of(kind: type[RecordKind]) -> str:
    """A kind's file as a message names it inside an agency folder: items.yml, flowcharts/."""
    rest = kind.pattern.split("/", 2)[-1]
    return rest.rsplit("/", 1)[0] + "/" if "*" in rest else rest


class _Refs:
    """What one agency's references may point at, and which of its list files are broken."""

    def __init__(self, ds: Dataset) -> None:
        root = ds.root
        self.keys: dict[str, set[tuple[str, str]]] = {}
        self.findings: list[Finding] = []
        for kind in KINDS.values():  # list files (officers, items, inspections): keys used once
            if kind.many and kind.key:
                title = kind.schema.fields[kind.key].title
                self.keys[kind.name], found = _unique(ds.of(kind.name), root, kind.key, title, kind.ref_en)
                self.findings += found
        self.paths = ds.paths
        self.broken = ds.broken

    def usable(self, agency: str | None, rel: str) -> bool:
        """Whether references into agencies/<agency>/<rel> can be checked (not broken)."""
        return f"agencies/{agency}/{rel}" not in self.broken

    def check(self, r: Record, keys: tuple[Any, ...], value: object, spec: Field) -> Iterator[Finding]:
        """A finding when `value` (declared `ref=` kind) names no record of that kind in r's agency."""
        if not isinstance(value, str) or not value:
            return  # missing or mistyped: the schema said so already
        target = KINDS[spec.ref or ""]
        where = _file_of(target)
        if target.many:
            if not self.usable(r.agency, where) or (r.agency or "", value) in self.keys[target.name]:
                return
        elif target.named_path().format(agency=r.agency, slug=value, year=value) in self.paths:
            return
        yield MISSING(r.file, keys=r.keys(*keys), what=spec.title, what_en=target.ref_en, ref=value,
                      where=where)


@check
@scoped(RECORD)  # a decision's references point into list files, guides and flowcharts: context
def references(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every id, code and slug one record names exists, list keys are unique, dates are possible."""
    refs = _Refs(ds)
    yield from refs.findings

    # References are declared next to the schema (`ref=` on a field): every kind's are checked here.
    for kind in KINDS.values():
        paths = ref_paths(kind.schema)
        for r in ds.of(kind.name) if paths else ():
            for path, spec in paths:
                for keys, value in _values(r.data, path):
                    yield from refs.check(r, keys, value, spec)

    for fc in ds.of("flowchart"):
        yield from _flowchart_steps(fc)
    items = ds.index("item")
    for d in ds.of("decision"):
        yield from _dates(d, as_of)
        yield from _item_category(d, items)


def _item_category(d: Record, items: dict[tuple[str, str], Record]) -> Iterator[Finding]:
    """A decision is made under an item of its own category: a penalty citing a permit item shows
    the public the wrong power and basis, and the item's lists (major-decision catalogue,
    recording list) would judge it by another category's entry (000 §二(一)1 公开执法权限、执法依据;
    003 item 2 the 事项清单 states each item's 类别)."""
    item = items.get((d.agency or "", str(d.data.get("item") or "")))
    if item is None:
        return  # no item, or an unknown one (MISSING above)
    own, theirs = d.data.get("category"), item.data.get("category")
    if isinstance(own, str) and isinstance(theirs, str) and own != theirs:
        yield CATEGORY(d.file, keys=d.keys("item"), ref=d.data["item"], item_category=theirs, category=own)


@check
@scoped(SUMMARY, reads=("doc_no",))
def identities(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Decision file names and document numbers are unique; every agency folder has agency.yml.
    (Apart from `references`: these compare decisions with each other.)"""
    _, found = _unique(ds.of("decision"), ds.root, None, "决定文件名", "decision file name")
    yield from found
    yield from _agency_folders(ds)
    doc_nos: dict[str, Record] = {}
    for d in ds.of("decision"):
        doc_no = d.data.get("doc_no")
        if doc_no:
            first = doc_nos.setdefault(doc_no, d)
            if first is not d:
                yield DOUBLE(d.file, keys=("doc_no",), what="文书编号", what_en="document number",
                             ref=doc_no, other=_where(first, ds.root), other_en=_where_en(first, ds.root))


def _agency_folders(ds: Dataset) -> Iterator[Finding]:
    """An agency folder with records but no agency.yml (once per folder, at its first file)."""
    first: dict[str, str] = {}
    for rel in sorted(ds.paths):
        parts = rel.split("/")
        if len(parts) > 2 and parts[0] == "agencies":
            first.setdefault(parts[1], rel)
    for agency, rel in sorted(first.items()):
        if f"agencies/{agency}/agency.yml" not in ds.paths:
            yield NO_AGENCY(os.path.join(ds.root, rel), 1, 1, agency=agency)


def _dates(d: Record, as_of: dt.date) -> Iterator[Finding]:
    data = d.data
    decided = data.get("decided")
    published = data.get("published")
    if decided and d.year is not None and decided.year != d.year:
        yield YEAR(d.file, keys=("decided",), decided=decided, year=d.year, decided_year=decided.year)
    if decided and published and published < decided:
        yield BEFORE(d.file, keys=("published",), published=published, decided=decided)
    happened: list[tuple[tuple[Any, ...], Any, str, str]] = [(("decided",), decided, "决定日期", "decision date")]
    review = data.get("legal_review") or {}
    happened.append((("legal_review", "date"), review.get("date"), "法制审核日期", "legal review date"))
    for i, h in enumerate(data.get("history") or []):
        if h:
            happened.append((("history", i, "date"), h.get("date"), "更正/撤销日期", "history date"))
    for keys, date, what, what_en in happened:
        if date and date > as_of:
            yield FUTURE(d.file, keys=keys, what=what, what_en=what_en, date=date, as_of=as_of)


def _flowchart_steps(fc: Record) -> Iterator[Finding]:
    steps = fc.data.get("steps") or []
    ids: set[str] = set()
    for i, s in enumerate(steps):
        sid = s.get("id") if s else None
        if sid is None:
            continue
        if sid in ids:
            yield STEP_DOUBLE(fc.file, keys=("steps", i, "id"), ref=sid)
        ids.add(sid)
    for i, s in enumerate(steps):
        for j, nxt in enumerate((s or {}).get("next") or []):
            target = nxt.get("to") if isinstance(nxt, dict) else nxt
            if target and target not in ids:
                yield STEP_MISSING(fc.file, keys=("steps", i, "next", j), ref=target)
