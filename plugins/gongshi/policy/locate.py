"""Where a leak stands in its file: line, column, and the file offset of every character.

A parsed YAML value is not its source: quotes, indentation, escapes and folded line breaks
stand between. `align` reads the value as a subsequence of the source from its node, so a match
inside a block or folded text, or behind a double-quoted escape, gets its own line and column,
and `gongshi redact --write` can rewrite exactly the characters that spell it. Line breaks are
YAML's (CR LF, CR, LF, NEL, LS, PS), as libyaml counts them.
"""
from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass
from typing import Any

from gongshi.model.findings import ERROR, WARNING
from gongshi.model.kinds import Record
from gongshi.model.yamlread import YScalar, find, parse
from gongshi.policy import detectors as d


@dataclass(frozen=True)
class Leak:
    """One match in one field of one record: `keys` is the path inside the record's data."""

    record: Record
    keys: tuple[Any, ...]
    match: d.Match

    @property
    def severity(self) -> str:
        return WARNING if self.match.kind == d.CREDIT_CODE else ERROR


@dataclass(frozen=True)
class Located:
    """A leak with its place in the file: line, column, and the file offset of each character
    of the match (None: the value could not be aligned with the file; rewrite by hand)."""

    leak: Leak
    line: int
    column: int
    offsets: tuple[int, ...] | None

    @property
    def offset(self) -> int | None:
        return self.offsets[0] if self.offsets else None


def read_text(path: str) -> tuple[str, bool]:
    """The decoded text of a file and whether it had a UTF-8 BOM."""
    with open(path, "rb") as fh:
        data = fh.read()
    bom = data.startswith(codecs.BOM_UTF8)
    return data[3 if bom else 0:].decode("utf-8"), bom


# libyaml's line breaks: CR LF, CR, LF, NEL, LS, PS.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` starts, with YAML's notion of a line break."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def align(text: str, pos: int, value: str) -> list[int] | None:
    """The file offset of each character of a parsed `value` whose node starts at `pos`.

    The value is read as a subsequence of the source: what the source has in between is
    quoting, indentation, escapes and line breaks that YAML folds (a folded space is a line
    break in the source). None when it cannot be matched within reach.
    """
    out: list[int] = []
    p, n = pos, len(text)
    for c in value:
        start = p
        while p < n and text[p] != c and not (c in " \n" and text[p] in " \r\n\t\x85\u2028\u2029"):
            if text[p] == "\\":  # a double-quoted escape (\t, \x41, \u0033) that spells c
                escape = _ESCAPE.match(text, p)
                if escape and _unescape(escape.group()) == c:
                    break
                p += len(escape.group()) if escape else 1
            else:
                p += 1
            if p - start > 256:
                return None
        if p >= n:
            return None
        out.append(p)
        escape = _ESCAPE.match(text, p) if text[p] == "\\" and c != "\\" else None
        p += len(escape.group()) if escape else 1
    return out


_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                   "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                   "L": "\u2028", "P": "\u2029"}


def _unescape(escape: str) -> str:
    if escape[1] in "xuU":
        return chr(int(escape[2:], 16))
    return _SIMPLE_ESCAPES.get(escape[1], "")


def locate(path: str, leaks: list[Leak], text: str | None = None) -> list[Located]:
    """Where each leak of one file stands; a match inside a block text gets its own line."""
    if text is None:
        text = read_text(path)[0]
    tree, _ = parse(text, path)
    starts = line_starts(text)
    aligned: dict[int, list[int] | None] = {}
    out = []
    for lk in leaks:
        node = find(tree, lk.record.keys(*lk.keys))
        if not isinstance(node, YScalar):
            line, col = (node.line, node.col) if node is not None else (1, 1)
            out.append(Located(lk, line, col, None))
            continue
        if id(node) not in aligned:
            base = starts[node.line - 1] + node.col - 1 if node.line - 1 < len(starts) else len(text)
            aligned[id(node)] = align(text, base, node.value)
        offsets = aligned[id(node)]
        m = lk.match
        if offsets is None or m.end > len(offsets) or node.value[m.start:m.end] != m.text:
            out.append(Located(lk, node.line, node.col, None))
            continue
        first = offsets[m.start]
        line = bisect.bisect_right(starts, first)
        out.append(Located(lk, line, first - starts[line - 1] + 1, tuple(offsets[m.start:m.end])))
    return out
