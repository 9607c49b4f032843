"""What the search index's files hold, shared by every writer of them (index.write for a site,
stream.Writer for a province, patch and incremental for a published index patched): the grams
of a text, the gram files' hash, the facet columns and the constants of the format. A module of
its own so that the writers import it, and index.py (which starts them) imports the writers,
without a circle.
"""
from __future__ import annotations

import operator
import re

from gongshi.outputs.search.encode import b36

FOLDER = "search"          # /search/ in the site
VERSION = 1
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
ALNUM = re.compile(r"[0-9a-z]+")
FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # ０-９Ａ-Ｚ -> 0-9A-Z
SHARD_BYTES = 4000         # raw bytes a gram shard holds on average
MAX_SHARDS = 32768         # 100,000 decisions: ~1-2 kB a shard, not ~10 kB at 4096
# A pair whose postings are longer than this (raw characters; e.g. 霍邱 on every page of one
# county) is listed in meta.json as "common" with the compressed size of its postings: search.js
# fetches a query's rarer grams, then its common pairs cheapest first within a byte budget
# (the pages are selected by the rarer pairs; 霍邱 alone would cost 16 kB at 100,000 decisions).
COMMON_BYTES = 12000
# Kinds in the order of the type filter; equal dates rank in this order (a subject first).
KINDS = ("subject", "decision", "notice", "agency", "guide", "flowchart", "item", "inspection",
         "officer")
KIND_NAMES = {"subject": "当事人", "decision": "执法决定", "notice": "撤销公告", "agency": "执法主体",
              "guide": "服务指南", "flowchart": "流程图", "item": "执法事项", "inspection": "抽查事项",
              "officer": "执法人员"}


def fold(text: str) -> str:
    """The form both sides match on: full-width ASCII to half-width, lower case."""
    return text.translate(FULLWIDTH).lower()


def grams(text: str) -> set[str]:
    """Every Chinese character and adjacent pair, every ASCII letter/digit run."""
    text = fold(text)
    out: set[str] = set()
    for run in HAN.findall(text):
        out.update(run)
        # The pairs by a C-level concatenation of each character with the next, not a Python
        # generator of slices: a third less of the time of a million texts at 100,000 decisions.
        out.update(map(operator.add, run, run[1:]))
    out.update(ALNUM.findall(text))
    return out


def shard_of(gram: str, shards: int) -> int:
    """The same hash as search.js: h = h * 31 + code point, 32 bits."""
    h = 0
    for ch in gram:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h % shards


def facet(values: list[str]) -> tuple[list[str], str, int]:
    """A facet column: (the values' names sorted, one or two base-36 characters a document,
    giving its name's place from 1, 0 for none; the width)."""
    names = sorted({v for v in values if v})
    width = 1 if len(names) < 36 else 2
    code = {n: b36(i + 1).rjust(width, "0") for i, n in enumerate(names)}  # one lookup a document
    none = "0" * width
    col = "".join([code.get(v, none) for v in values])
    return names, col, width
