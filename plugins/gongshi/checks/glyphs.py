"""Characters a reader reads as digits that the detectors cannot read: refused, not passed.

The detectors read a text through `normalise.view`, which folds what NFKC folds one to one in
the Basic Multilingual Plane (full-width and circled digits, Chinese numerals). A phone number
written in the digits of another script (Arabic-Indic ١٣٩…, Devanagari १३९…), in the
mathematical digits beyond the BMP (𝟏𝟑𝟗…) or with a combining mark on every digit
(1̲3̲9̲…) is read by every reader as the number and by no detector: it passed the source gate
and the output scan alike and was published (issue 20, red-team pass). Such characters have no
place in a Chinese disclosure, so, as with invisible characters, their presence is an error of
its own (fail closed), whatever the word-level detectors learn later: what the view already
reads as an ASCII digit, or deletes, is not reported (the check follows the view, it does not
copy its tables).

Letters that look like digits are the same trick with other characters (`LOOK_ALIKE`): a Latin
O, I or l among the digits of a number (34I522I987O6I52O32 is an ID to a reader), and a Cyrillic
or Greek letter inside a Latin word or number (1б3.com is 163.com, l395731284б a mobile). Both
are refused as such, with the letters named; the view does not fold them, since reading O as 0
everywhere would make product codes and words look like numbers to every detector: a run is
read with its letters as digits here only to ask the detectors whether it then spells a number.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gongshi.policy import detectors as d
from gongshi.policy.normalise import view

# The kinds of a match of this module (not detectors kinds: no mask can be proposed, the clerk
# retypes the digits): digits or marks the view does not read, and letters written for digits.
UNREAD = "unread"
LOOK_ALIKE = "look-alike"

# Letters read as digits, Latin and others (O o I l; Cyrillic О о І і Ӏ б З з; Greek Ο ο), and a
# run of them with ASCII digits, seven long or more: one class, so the scan runs in C; the rare
# run is read with its letters as digits, and it is a disguise only when the detectors then find
# a number in it (a model O1234567 or a batch 20240315ll spells none; O123456789 does: read alone,
# without the label before it, 0123456789 has a landline's shape, so the run is refused: fail closed).
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "О": "0", "о": "0", "Ο": "0", "ο": "0",
                           "І": "1", "і": "1", "Ӏ": "1", "б": "6", "З": "3", "з": "3"})
_DIGIT_RUN = re.compile(r"[0-9OoIlОоΟοІіӀбЗз]{7,}")
_LETTERS = frozenset("OoIl")
# Cyrillic and Greek letters drawn like Latin letters or digits: one class for the scan; a hit
# counts only inside an ASCII word or number (a Russian word in a decision is no disguise). The
# Greek letters of science (α, β, γ, μ in β2受体, 420μmol) look like no Latin letter: not here.
_LOOK_LATIN = "аеорсухкмнтвіјѕԁһӏбзАВЕЗКМНОРСТУХІЈЅӀΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι"
_FOREIGN_LETTER = re.compile(f"[{_LOOK_LATIN}]+")
_ASCII_WORD = re.compile(f"[A-Za-z0-9@._%+\\-{_LOOK_LATIN}]+")

# Combining marks (the blocks of marks drawn on the character before them), and the enclosing
# keycap 1⃣: on a digit or a Latin letter they hide it from the detectors, never from a reader.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


# The zero of every run of ten decimal digits (Unicode category Nd) outside ASCII, as this
# Python's unicodedata has them (tests/checks/test_glyphs.py proves the list against it, so an
# upgrade that brings new scripts fails there, not silently): a constant, because deriving it
# at start-up walks 1.1 million code points, ~60 ms of the pre-commit check.
_ZEROS = (0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
          0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
          0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
          0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
          0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
          0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Every decimal digit outside ASCII (one character class: the engine skips in C to the
    next candidate), and a run of combining marks after an ASCII letter or any digit."""
    # One class, digits and marks alike: a pattern that begins with anything else (an
    # alternation, a look-behind) is tried at every character of every record, 4% of a cold
    # check; whether a mark sits on a digit or letter is asked of the rare hit (`unread`).
    cls = "".join(f"{chr(z)}-{chr(z + 9)}" for z in _ZEROS)
    return re.compile(f"[{cls}{_MARKS}]+")


@lru_cache(maxsize=4096)
def _read(chars: str) -> bool:
    """Whether the view reads these characters (a digit as an ASCII digit, marks as nothing)."""
    seen = view(chars).text
    return seen == "" or (len(seen) == 1 and seen in "0123456789")


def unread(text: str) -> list[d.Match]:
    """What a reader reads as a number and the detectors cannot: digits of other scripts and
    marks on digits (UNREAD), letters written for digits (LOOK_ALIKE)."""
    found = _other_scripts(text)
    return sorted(found + look_alikes(text), key=lambda m: m.start) if found else look_alikes(text)


def _other_scripts(text: str) -> list[d.Match]:
    """Each digit of another script, and each run of combining marks on a digit or Latin
    letter, that the detectors' view does not read; NFC first, so that a letter written as a
    letter and its accent (e + U+0301 = é) is no mark."""
    pattern = _pattern()
    if pattern.search(text) is None:
        return []
    if not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        if pattern.search(composed) is None:
            return []
    spans: list[list[int]] = []
    for m in _runs(text):
        if _read(m.group()) or (m.group()[0] in _MARK_SET and _composes(text, m.start(), m.end())):
            continue
        if spans and m.start() - spans[-1][1] <= 3:  # one number, one finding (1̲3̲9̲…: a mark a digit)
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    return [d.Match(UNREAD, a, b, text[a:b], None) for a, b in spans]


def look_alikes(text: str) -> list[d.Match]:
    """Letters written for digits (module docstring): a long digit run with O, o, I or l among its
    digits, and an ASCII word or number with a Cyrillic or Greek letter inside; each reported
    whole, once."""
    out = []
    # No gate before the scan: nearly every record holds an o or an l somewhere (o-0001), and
    # asking costs more than the scan, which skips in C to the rare seven-long run.
    for m in _DIGIT_RUN.finditer(text):
        run = m.group()
        # A whole token only: "Hello12345678" is a word and a number, not a disguised one.
        whole = not (m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha()) \
            and not (m.end() < len(text) and text[m.end()].isascii() and text[m.end()].isalpha())
        if whole and not run.isdigit() and any(x.kind not in (d.NAME, d.CREDIT_CODE)
                                               for x in d.detect(run.translate(_AS_DIGIT))):
            out.append(d.Match(LOOK_ALIKE, m.start(), m.end(), run, None))
    if _FOREIGN_LETTER.search(text):
        for m in _ASCII_WORD.finditer(text):
            word = m.group()
            if _FOREIGN_LETTER.search(word) and any(c.isascii() and c.isalnum() for c in word) \
                    and not any(a.start < m.end() and m.start() < a.end for a in out):
                out.append(d.Match(LOOK_ALIKE, m.start(), m.end(), word, None))
    return sorted(out, key=lambda x: x.start)


def letters_for_digits(text: str) -> str:
    """The letters a LOOK_ALIKE finding names, at most three: the other scripts' by code point
    when there are any (a Latin word around them is no look-alike), else the Latin ones as
    themselves (O, I, l are no secret)."""
    seen = list(dict.fromkeys(c for c in text if not c.isascii())) or \
        list(dict.fromkeys(c for c in text if c in _LETTERS))
    shown = [c if c.isascii() else f"U+{ord(c):04X}" for c in seen[:3]]
    return " ".join(shown) + (" …" if len(seen) > 3 else "")


_PIECE = re.compile(f"[^{_MARKS}]|[{_MARKS}]+")


def _runs(text: str) -> list[re.Match[str]]:
    """The candidates one by one: each digit of another script, and each run of marks on an
    ASCII letter or any digit (a mark on a Chinese character or a space is no digit's)."""
    out = []
    for run in _pattern().finditer(text):
        for m in _PIECE.finditer(text, run.start(), run.end()):
            if m.group()[0] not in _MARK_SET:
                out.append(m)
            elif m.start() > 0 and (text[m.start() - 1].isascii() and text[m.start() - 1].isalnum()
                                    or unicodedata.decimal(text[m.start() - 1], None) is not None):
                out.append(m)
    return out


def code_points(text: str) -> str:
    """The characters a finding names, as code points (never the characters: they may spell the
    number), at most three distinct: U+0661 U+0663 …"""
    seen = list(dict.fromkeys(c for c in text if c not in "0123456789" and not c.isascii()))
    return " ".join(f"U+{ord(c):04X}" for c in seen[:3]) + (" …" if len(seen) > 3 else "")


_MARK_SET = frozenset(chr(c) for c in range(0x300, 0x370)) | frozenset(chr(c) for c in range(0x1ab0, 0x1b00)) \
    | frozenset(chr(c) for c in range(0x1dc0, 0x1e00)) | frozenset(chr(c) for c in range(0x20d0, 0x2100)) \
    | frozenset(chr(c) for c in range(0xfe20, 0xfe30))


def _composes(text: str, start: int, end: int) -> bool:
    """Whether marks at [start, end) compose with the letter before them (é written e + ́)."""
    pair = text[start - 1:end]
    return len(unicodedata.normalize("NFC", pair)) < len(pair) and \
        not any(unicodedata.combining(c) for c in unicodedata.normalize("NFC", pair))
