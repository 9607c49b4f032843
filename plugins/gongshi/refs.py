"""Cross-reference checks (R-REF): ids, codes and slugs point at records that exist."""
from __future__ import annotations

import datetime as dt
import os
from typing import Iterable, Iterator

from .checks import check
from .dataset import Dataset
from .findings import Finding, Msg
from .kinds import Record

MISSING = Msg("R-REF", "{what}“{ref}”在本主体的 {where} 中不存在", "{what_en} '{ref}' does not exist in this agency's {where}",
              "检查拼写，或先在 {where} 中添加它", "check the spelling, or add it to {where} first")
DOUBLE = Msg("R-REF", "{what}“{ref}”重复（另见 {other}）", "{what_en} '{ref}' is used twice (see also {other})",
             "每个{what}只能出现一次；修改其中一个", "each {what_en} must be unique; change one of them")
NO_AGENCY = Msg("R-REF", "主体文件夹“{agency}”缺少 agency.yml", "agency folder '{agency}' has no agency.yml",
                "在 agencies/{agency}/ 中创建 agency.yml", "create agencies/{agency}/agency.yml")
YEAR = Msg("R-FORMAT", "决定日期 {decided} 与所在年份文件夹 {year} 不符", "decision date {decided} does not match its year folder {year}",
           "把文件移到 decisions/{decided_year}/ 文件夹，或更正决定日期", "move the file to decisions/{decided_year}/, or correct the date")
FUTURE = Msg("R-FORMAT", "{what}“{date}”晚于核对日期 {as_of}", "{what_en} {date} is after the as-of date {as_of}",
             "已发生的事项不能填写将来的日期；检查年份", "something that has happened cannot have a future date; check the year")
BEFORE = Msg("R-FORMAT", "公开日期 {published} 早于决定日期 {decided}", "published {published} is before decided {decided}",
             "公开日期不能早于作出决定的日期", "a decision cannot be published before it is made")


def _index(records: Iterable[Record], what: str, what_en: str) -> tuple[set[tuple[str, str]], list[Finding]]:
    seen: dict[tuple[str, str], Record] = {}
    findings: list[Finding] = []
    for r in records:
        key = (r.agency or "", r.slug or "")
        if key in seen:
            other = seen[key]
            findings.append(DOUBLE(r.file, keys=r.keys(), what=what, what_en=what_en, ref=r.slug,
                                   other=_where(other)))
        else:
            seen[key] = r
    return set(seen), findings


def _where(r: Record) -> str:
    base = os.path.basename(r.file)
    return f"{base}[{r.index + 1}]" if r.index is not None else base


@check
def references(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every id, code and slug one record names exists, and identities are unique."""
    officers, f1 = _index(ds.of("officer"), "人员编号", "officer id")
    items, f2 = _index(ds.of("item"), "事项编码", "item code")
    inspections, f3 = _index(ds.of("inspection"), "抽查事项编码", "inspection code")
    flowcharts = {(r.agency or "", r.slug or "") for r in ds.of("flowchart")}
    _, f4 = _index(ds.of("decision"), "决定文件名", "decision slug")
    yield from f1 + f2 + f3 + f4

    agencies = set(ds.agencies())
    reported: set[str] = set()
    for kind in ("officer", "item", "inspection", "guide", "flowchart", "decision"):
        for r in ds.of(kind):
            if r.agency and r.agency not in agencies and r.agency not in reported:
                reported.add(r.agency)
                yield NO_AGENCY(r.file, 1, 1, agency=r.agency)

    def ref(r: Record, keys: tuple, value: str, pool: set, what: str, what_en: str, where: str) -> Iterator[Finding]:
        if (r.agency or "", value) not in pool:
            yield MISSING(r.file, keys=r.keys(*keys), what=what, what_en=what_en, ref=value, where=where)

    for g in ds.of("guide"):
        yield from ref(g, ("item",), g.data.get("item", ""), items, "事项编码", "item code", "items.yml")
        if "flowchart" in g.data:
            yield from ref(g, ("flowchart",), g.data["flowchart"], flowcharts, "流程图", "flowchart",
                           "flowcharts/")

    for fc in ds.of("flowchart"):
        yield from _flowchart_steps(fc)

    doc_nos: dict[str, Record] = {}
    for d in ds.of("decision"):
        data = d.data
        if "item" in data:
            yield from ref(d, ("item",), data["item"], items, "事项编码", "item code", "items.yml")
        if "inspection" in data:
            yield from ref(d, ("inspection",), data["inspection"], inspections, "抽查事项编码",
                           "inspection code", "inspections.yml")
        for i, oid in enumerate(data.get("officers") or []):
            if oid is not None:
                yield from ref(d, ("officers", i), oid, officers, "人员编号", "officer id", "officers.yml")
        review = data.get("legal_review")
        if review and "reviewer" in review:
            yield from ref(d, ("legal_review", "reviewer"), review["reviewer"], officers, "审核人员编号",
                           "reviewer id", "officers.yml")
        doc_no = data.get("doc_no")
        if doc_no:
            first = doc_nos.setdefault(doc_no, d)
            if first is not d:
                yield DOUBLE(d.file, keys=("doc_no",), what="文书编号", what_en="document number",
                             ref=doc_no, other=os.path.relpath(first.file, ds.root))
        yield from _dates(d, as_of)


def _dates(d: Record, as_of: dt.date) -> Iterator[Finding]:
    data = d.data
    decided = data.get("decided")
    published = data.get("published")
    if decided and d.year is not None and decided.year != d.year:
        yield YEAR(d.file, keys=("decided",), decided=decided, year=d.year, decided_year=decided.year)
    if decided and published and published < decided:
        yield BEFORE(d.file, keys=("published",), published=published, decided=decided)
    happened = [(("decided",), decided, "决定日期", "decision date")]
    review = data.get("legal_review") or {}
    happened.append((("legal_review", "date"), review.get("date"), "法制审核日期", "legal review date"))
    for i, h in enumerate(data.get("history") or []):
        if h:
            happened.append((("history", i, "date"), h.get("date"), "更正/撤销日期", "history date"))
    for keys, date, what, what_en in happened:
        if date and date > as_of:
            yield FUTURE(d.file, keys=keys, what=what, what_en=what_en, date=date, as_of=as_of)


STEP_MISSING = Msg("R-REF", "步骤“{ref}”不存在", "step '{ref}' does not exist",
                   "next 中只能写本流程图中已有的步骤编号", "next may only name step ids of this flowchart")
STEP_DOUBLE = Msg("R-REF", "步骤编号“{ref}”重复", "step id '{ref}' is used twice",
                  "每个步骤的编号必须不同", "every step needs an id of its own")


def _flowchart_steps(fc: Record) -> Iterator[Finding]:
    steps = [s for s in fc.data.get("steps") or [] if s]
    ids: set[str] = set()
    for i, s in enumerate(steps):
        sid = s.get("id")
        if sid in ids:
            yield STEP_DOUBLE(fc.file, keys=("steps", i, "id"), ref=sid)
        ids.add(sid)
    for i, s in enumerate(steps):
        for j, nxt in enumerate(s.get("next") or []):
            target = nxt.get("to") if isinstance(nxt, dict) else nxt
            if target and target not in ids:
                yield STEP_MISSING(fc.file, keys=("steps", i, "next", j), ref=target)
