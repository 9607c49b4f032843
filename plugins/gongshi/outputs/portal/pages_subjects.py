"""Subject pages (/subjects/<credit code>.html): which subjects get one is publication/subjects.py."""
from __future__ import annotations

from collections.abc import Iterator

from gongshi.publication import Publication
from gongshi.publication.subjects import groups, name_of, url
from gongshi.outputs.portal.page import Page


def plan(ps: Publication, base: str = "") -> Iterator[Page]:
    """The subject pages for the portal generator."""
    for code, recs in groups(ps).items():
        yield Page(url(code), "gongshi_subject", {"code": code, "name": name_of(recs), "decisions": recs,
                                                  "names": sorted({str((r.data.get("party") or {}).get("name") or "")
                                                                   for r in recs} - {name_of(recs)}),
                                                  "section": "decisions"})

