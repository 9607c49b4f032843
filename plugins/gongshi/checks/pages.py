"""R-REDACT over the pages and notices Pelican publishes with the data (`ds.content`).

Every file Pelican could read as a page or article is public text: Markdown under any of its
extensions, HTML, reStructuredText, plain text. Each goes through the same detectors as the
records, on the reader's view (Markdown emphasis and HTML tags undone, entities decoded), so
an ID written `3415**0101**…` or `&#51;…` in a page is found at its line and column. A page
that cannot be read fails closed.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
from typing import Any, Iterator

from gongshi.checks.pipeline import CONTEXT, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.policy import detectors as d
from gongshi.policy import names
from gongshi.policy.locate import line_starts, read_text
from gongshi.checks.glyphs import unread
from gongshi.checks.encoded import encoded
from gongshi.checks.layout import split_numbers
from gongshi.checks.redaction import FILE_NAME, masks_names, match_finding

# Pelican's readers: Markdown (md, markdown, mkd, mdown), HTML (htm, html), reST (rst); and
# plain text, which a theme or plugin may include as is.
PAGE_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown", ".htm", ".html", ".rst", ".txt")

PAGE_UNREADABLE = Msg("R-REDACT", "无法以 UTF-8 读取此页面，不能检查其中是否有个人信息",
                      "this page cannot be read as UTF-8, so it cannot be checked for personal data",
                      "请用 UTF-8 编码保存此文件", "save the file as UTF-8")


def page_files(folder: str) -> list[str]:
    """Every page file below `folder`, sorted; hidden folders (.git, .venv) are not content."""
    found = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        found += [os.path.join(here, f) for f in files if f.lower().endswith(PAGE_EXTENSIONS)]
    return sorted(found)


def scan_text(text: str, policy: dict[str, Any]) -> list[d.Match]:
    """Every match in a page's text: numbers, addresses, health data and persons' names."""
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    found = list(d.detect(text, allow))
    found += unread(text)  # digits of other scripts: refused, not passed (glyphs.py)
    found += encoded(text, allow)  # a comment or base64 holding a number (encoded.py)
    # a number cut over table cells or list items (layout.py), unless a detector found it whole
    found += [m for m in split_numbers(text, allow) if not any(f.start < m.end and m.start < f.end for f in found)]
    if masks_names(policy):
        found += names.name_matches(text, allow, taken=[(m.start, m.end) for m in found])
    return sorted(found, key=lambda m: m.start)


def scan_page(path: str, policy: dict[str, Any]) -> list[Finding]:
    """R-REDACT findings of one page file, at the line and column of each match."""
    try:
        text = read_text(path)[0]
    except FileNotFoundError:  # removed meanwhile: Pelican will not publish it either
        return []
    except (OSError, UnicodeDecodeError):
        return [PAGE_UNREADABLE(path, 1, 1)]  # fail closed: unread text may hold anything
    starts = line_starts(text)
    out = []
    # Pelican makes the page's address from its file name when it has no Slug: a number in the
    # name is published as a URL (reported at line 1, renaming is the clerk's).
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    name = os.path.splitext(os.path.basename(path))[0]
    for m in d.detect(name, allow):
        if m.kind != d.CREDIT_CODE:
            zh, en = d.WHAT[m.kind]
            out.append(FILE_NAME(path, 1, 1, name=name, what=zh, what_en=en))
    for m in scan_text(text, policy):
        line = bisect.bisect_right(starts, m.start)
        out.append(match_finding(m, path, line, m.start - starts[line - 1] + 1))
    return out


@check
@scoped(CONTEXT)  # no record at all: pages are context, checked every run
def content_gate(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """No personal data in the pages and notices published with the data."""
    if not ds.content or not os.path.isdir(ds.content):
        return
    for path in page_files(ds.content):
        yield from scan_page(path, ds.policy)
