"""Subject pages: one page per legal person, organisation or 个体工商户 with a credit code
(/subjects/<credit code>.html), listing all its public decisions across agencies and years.

Natural persons get none: a page per person would gather a person's record in one place, and
their (masked) names are not identifiers. A subject is keyed by its credit code alone; its
name is the one its newest public decision gives.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..portal.page import Page
from ..publication import Publication, PublicRecord

FOLDER = "subjects"
TYPES = ("法人", "非法人组织", "个体工商户")  # never 自然人
CODE = re.compile(r"^[0-9A-Z]{18}$")  # 18 characters (GB 32100-2015), safe in a URL


def code_of(rec: PublicRecord) -> str | None:
    """The credit code of a decision's party when it gets a subject page, else None."""
    party = rec.data.get("party") or {}
    code = str(party.get("credit_code") or "").strip().upper()
    if party.get("type") not in TYPES or not CODE.match(code):
        return None
    return code


def url(code: str) -> str:
    return f"{FOLDER}/{code}.html"


def url_for(rec: PublicRecord) -> str | None:
    """The subject page of a decision's party (templates: `subject_url(rec)`), or None."""
    code = code_of(rec)
    return url(code) if code else None


def groups(ps: Publication) -> dict[str, list[PublicRecord]]:
    """Credit code -> its public decisions, newest first (ps.decisions' order)."""
    out: dict[str, list[PublicRecord]] = {}
    for rec in ps.decisions:
        code = code_of(rec)
        if code:
            out.setdefault(code, []).append(rec)
    for recs in out.values():
        recs.sort(key=lambda r: (str(r.data.get("decided") or ""), r.url or ""), reverse=True)
    return dict(sorted(out.items()))


def urls(ps: Publication) -> list[str]:
    return [url(code) for code in groups(ps)]


def name_of(recs: list[PublicRecord]) -> str:
    return str((recs[0].data.get("party") or {}).get("name") or "")


def plan(ps: Publication, base: str = "") -> Iterator[Page]:
    """The subject pages for the portal generator."""
    for code, recs in groups(ps).items():
        yield Page(url(code), "gongshi_subject", {"code": code, "name": name_of(recs), "decisions": recs,
                                                  "names": sorted({str((r.data.get("party") or {}).get("name") or "")
                                                                   for r in recs} - {name_of(recs)}),
                                                  "section": "decisions"})


def documents(ps: Publication, agencies: dict[str, str]) -> list[Any]:
    """The search documents of the subject pages."""
    from .index import Doc
    out = []
    for code, recs in groups(ps).items():
        name = name_of(recs)
        others = sorted({str((r.data.get("party") or {}).get("name") or "") for r in recs} - {name})
        types = str((recs[0].data.get("party") or {}).get("type") or "")
        lines = [f"{r.data.get('doc_no')} {agencies.get(r.agency or '', '')} {r.data.get('title') or ''}"
                 for r in recs]
        out.append(Doc("subject", url(code), name, "", "", None, str(recs[0].data.get("decided") or ""),
                       code, f"{types} · 公示的执法决定 {len(recs)} 件", key=[name, code, *others],
                       body=lines))
    return out
