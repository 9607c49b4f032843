"""Agency folder names that would clash with the portal's own top-level URLs (R-FORMAT).

An agency's slug is the first part of its URLs (`<agency>/index.html`); a slug such as
`decisions` or `stats` would overwrite site-wide pages, so validation refuses it up front.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg

# Top-level folders of the portal and of the other outputs (feeds, open data, search).
RESERVED = frozenset({"decisions", "stats", "notices", "pages", "theme", "feeds", "data", "pagefind",
                      "search", "static", "files", "subjects"})

RESERVED_SLUG = Msg("R-FORMAT", "执法主体文件夹名“{slug}”是门户保留的网址，会与全站页面冲突",
                    "the agency folder name '{slug}' is reserved by the portal and would clash with site-wide pages",
                    "换一个文件夹名，例如 {slug}-bureau；它将成为该主体公开网址的一部分",
                    "choose another folder name, e.g. {slug}-bureau; it becomes part of the agency's public URLs")


@check
@scoped(RECORD)  # agencies only
def reserved_agency_slugs(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every agency whose folder name is a reserved top-level URL."""
    for slug, rec in sorted(ds.agencies().items()):
        if slug in RESERVED:
            yield RESERVED_SLUG(rec.file, 1, 1, slug=slug)
