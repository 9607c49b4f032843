"""A document number as one searchable word, the same in Python (index) and search.js (query).

Pagefind splits 霍市监罚〔2025〕2号 into short words and matches words by prefix, so "2"
also matches "2025" and every decision of that year ranks alike. Each decision page therefore
carries one extra ASCII-letter word spelling its normalised number; search.js turns a typed
number into the same word. Letters only, so no segmenter splits it.
"""
from __future__ import annotations

import re

PREFIX = "dn"
WIDTH = 5  # 26**5 > every Unicode code point
END = "z" * WIDTH  # spells no code point: 1号's word is then no prefix of 12号's
DOC_NO = re.compile(r"^\s*([^\s:：]+?)\s*[〔\[［【(（]\s*([0-9]{4})\s*[〕\]］】)）]\s*([0-9]+)\s*号?\s*$")


def normalise(doc_no: str) -> str | None:
    """霍市监罚〔2025〕02号 -> 霍市监罚2025-2; None when it is not written like a document number."""
    m = DOC_NO.match(doc_no or "")
    if m is None:
        return None
    return f"{m.group(1)}{m.group(2)}-{int(m.group(3))}"


def _letters(code: int) -> str:
    out = []
    for _ in range(WIDTH):
        code, rest = divmod(code, 26)
        out.append(chr(ord("a") + rest))
    return "".join(out)


def token(doc_no: str) -> str:
    """The one-word spelling of a document number ('' when it has no standard form)."""
    norm = normalise(doc_no)
    return PREFIX + "".join(_letters(ord(c)) for c in norm) + END if norm else ""
