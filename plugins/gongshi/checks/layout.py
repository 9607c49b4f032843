"""Numbers split by layout: a phone or an ID cut over table cells, table rows, list items or
HTML line breaks, read whole by a reader of the page and by no detector (issue 20, part 1;
second red-team pass).

`normalise.view` joins the digits of a number written with one kind of separator (spaces, a
line break, dashes), so `1395731 2846` is read as one number. A Markdown table puts `|` and a
line break between the pieces (`| 1395731 | 2846 |`, or one piece a row), a list puts `- ` at
each line, HTML puts `<br>` or `</td><td>`: no single text the detectors read holds the number,
yet the page shows the pieces side by side, and the output scan reads each cell as its own
text. Here every run of digits separated only by such layout is read as candidate numbers:
each window of consecutive pieces (two or more, at most 18 digits) whose digits alone are
exactly a mobile number or a resident ID (or residence permit) by its check digit is refused.

Only those kinds, and only whole windows: numbers in a table of quantities and amounts are read
side by side too, and a window of them is an 11-digit `1[3-9]…` now and then. To keep that from
being a false alarm, a mobile is read only in the shapes one is written in (two pieces, or
3-4-4), and no piece may be a single digit (a row's 序号). Cards (Luhn: one window in ten passes)
and 15-digit IDs are not judged here: read side by side, too many amount tables would spell one.

What a finding proposes: no mask (the pieces stand in several cells; the clerk masks each, or
deletes them); the message names the kind, never the digits.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gongshi.policy import detectors as d

# The kind of a match of this module (not a detectors kind: no single mask fits the pieces).
SPLIT = "split"

# The kinds read across layout, and the longest window of digits read (an ID's 18).
_KINDS = frozenset({d.MOBILE, d.ID, d.RESIDENCE})
_LONGEST = 18

_DIGIT = "0-9\uff10-\uff19"
# What may stand between two pieces: blanks, table bars (and the full-width ｜ and │ drawn as
# one) and the table's alignment row, list
# markers after a line break (-, *, +, >, 1.), emphasis, any HTML tag (<br>, </td><td>, <span…>),
# a Markdown link's tail ](…) or opening [, and the line and paragraph separators.
_GAP = r"(?:[ \t\u3000\r\n\u2028\u2029|\uff5c\u2502:*_>+\-\[]|\]\([^()\s]{0,200}\)|<[^<>\n]{0,200}>)+"
# A numbered list's marker (1. or 2) at a line's start): read as a blank, so its digits are no piece.
_LIST_NUMBER = re.compile(r"(?m)^([ \t]*)\d{1,3}[.)](?=[ \t])")
# Layout proper: a gap of only blanks or dashes is the view's to read (one separator).
_LAYOUT = re.compile(r"[|\uff5c\u2502\n\r\u2028\u2029<>\[\]*+_]")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # Only from a run's first digit (the look-behind after it: a pattern that starts with a class
    # lets the engine skip in C; tried inside a long run of digits, each start would scan the run
    # again, quadratic: 20,000 digits before a bar took 6.7 s).
    return re.compile(f"[{_DIGIT}](?<![{_DIGIT}]{{2}})[{_DIGIT}]*(?:{_GAP}[{_DIGIT}]+[Xx×]?)+")


# A piece: digits, and an ID's check character X (also typed ×) at the end of the last one.
_PIECE = re.compile(f"[{_DIGIT}]+[Xx×]?")


def _digits(text: str) -> str:
    return "".join("X" if c in "Xx×" else str(unicodedata.digit(c)) for c in text)


def split_numbers(text: str, allow: tuple[str, ...] = ()) -> list[d.Match]:
    """Each number of `_KINDS` a reader reads across layout in `text` (module docstring)."""
    pattern = _pattern()
    out: list[d.Match] = []
    if pattern.search(text) is None:
        return out
    original = text
    text = _LIST_NUMBER.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), text)
    for group in pattern.finditer(text):
        if not _LAYOUT.search(group.group()):
            continue
        pieces = list(_PIECE.finditer(text, group.start(), group.end()))
        for i, first in enumerate(pieces):
            joined = _digits(first.group())
            for j in range(i + 1, len(pieces)):
                piece = pieces[j]
                joined += _digits(piece.group())
                if len(joined) > _LONGEST:
                    break
                if len(piece.group()) < 2 or len(first.group()) < 2:
                    continue
                if not any(_LAYOUT.search(text[pieces[k].end():pieces[k + 1].start()]) for k in range(i, j)):
                    continue  # blanks and dashes only: the view reads that number (one separator)
                if _spells(joined, [p.group() for p in pieces[i:j + 1]], allow):
                    out.append(d.Match(SPLIT, first.start(), piece.end(), original[first.start():piece.end()], None))
                    break
    return _merged(out)


def _spells(joined: str, pieces: list[str], allow: tuple[str, ...]) -> bool:
    """Whether the joined digits are exactly one number of the kinds judged here; a mobile only
    in the shapes one is written in (two pieces, or 3-4-4), so that a row of quantity, price and
    amount (| 138 | 150 | 20700 |) is not read as one."""
    for m in d.detect(joined, allow, prose=False):
        if m.kind in _KINDS and m.start == 0 and m.end == len(joined):
            return m.kind != d.MOBILE or (len(pieces) == 2 or [len(p) for p in pieces] == [3, 4, 4])
    return False


def _merged(found: list[d.Match]) -> list[d.Match]:
    """One finding per stretch of text: windows that overlap are one number read two ways."""
    out: list[d.Match] = []
    for m in sorted(found, key=lambda m: m.start):
        if out and m.start < out[-1].end:
            last = out[-1]
            if m.end > last.end:
                out[-1] = d.Match(SPLIT, last.start, m.end, last.text + m.text[last.end - m.start:], None)
            continue
        out.append(m)
    return out


def what(text: str) -> tuple[str, str]:
    """The kind of number a SPLIT match spells, as a message names it (zh, en)."""
    pieces = [_digits(p) for p in _PIECE.findall(text)]
    for i in range(len(pieces)):
        for j in range(i + 2, len(pieces) + 1):
            for m in d.detect("".join(pieces[i:j]), prose=False):
                if m.kind in _KINDS:
                    return d.WHAT[m.kind]
    return d.WHAT[d.MOBILE]
