"""The search documents of the subject pages (which subjects get a page: publication/subjects.py)."""
from __future__ import annotations


from gongshi.outputs.search.doc import Doc
from gongshi.publication import Publication
from gongshi.publication.subjects import groups, name_of, url, urls

__all__ = ["documents", "urls"]


def documents(ps: Publication, agencies: dict[str, str]) -> list[Doc]:
    """The search documents of the subject pages."""
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
