"""Subject pages: one page per legal person, organisation or 个体工商户 with a credit code
(/subjects/<credit code>.html), listing all its public decisions across agencies and years.

Natural persons get none: a page per person would gather a person's record in one place, and
their (masked) names are not identifiers. A subject is keyed by its credit code alone; its
name is the one its newest public decision gives.

Which subjects get a page and its URL are publication facts: the portal writes the pages
(portal/pages_subjects.py), the search index lists them (search/subjects.py).
"""
from __future__ import annotations

import re

from gongshi.publication import Publication, PublicRecord

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

