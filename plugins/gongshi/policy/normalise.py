"""The reader's view of a text, for the redaction gate: what a person sees, with a map back.

Personal data hides behind writing: full-width or circled digits, Chinese numerals
(三四一五…, 叁肆壹伍…), zero-width characters, Markdown emphasis (`3415**0101**…`), HTML tags
and entities (`&#51;`), percent-encoding in a link. The detectors run on a normalised view
in which all of that is undone, and every character of the view remembers which characters
of the source produced it, so a finding keeps its exact line and column and a mask replaces
exactly the characters that spell the number.

Most texts need none of this: they go through one `str.translate` (one character for one
character, so offsets are unchanged) and the map is the identity. Only a text with something
to delete or expand takes the character-by-character path.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Chinese numerals as digits (幺 is how "1" is read out in phone numbers); 〇 and 零 are 0.
CN_DIGITS = {"〇": "0", "零": "0", "洞": "0", "一": "1", "幺": "1", "二": "2", "三": "3", "四": "4",
             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "壹": "1", "贰": "2", "貳": "2",
             "叁": "3", "參": "3", "肆": "4", "伍": "5", "陆": "6", "陸": "6", "柒": "7", "捌": "8",
             "玖": "9", "两": "2"}

# Characters a reader does not see: zero-width spaces and joiners, soft hyphen, BOM,
# word joiner, Mongolian vowel separator, combining grapheme joiner, variation selectors,
# Hangul and Khmer fillers, tag characters; and the text-direction controls (embeddings,
# overrides, isolates and their ends), which change the order a reader sees the text in.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
                      "\u034f\u180e\u061c\u115f\u1160\u17b4\u17b5\u3164\uffa0"
                      + "".join(chr(c) for c in range(0xFE00, 0xFE10))
                      + "".join(chr(c) for c in range(0xE0000, 0xE0080))) | BIDI
# The same as a regex character class. The tag characters go in as one range: a class that
# lists characters beyond the BMP one by one makes every search over it twenty times slower.
INVISIBLE_CLASS = ("[" + "".join(re.escape(c) for c in sorted(INVISIBLE) if ord(c) < 0x10000)
                   + "\U000E0000-\U000E007F]")
# Right-to-left override and the pop that ends it: digits between them are shown reversed.
RLO, PDF = "\u202e", "\u202c"


@lru_cache(maxsize=None)
def _one_to_one() -> dict[int, str]:
    """NFKC folding of every BMP character that folds to exactly one other character."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1 and folded != ch:
            table[code] = folded
    for k, v in CN_DIGITS.items():
        table[ord(k)] = v
    # Dashes and dots people put between digit groups, read as the ASCII separator.
    for ch in "‐‑‒–—―−﹣－":
        table[ord(ch)] = "-"
    for ch in "·•・‧∙":
        table[ord(ch)] = "·"
    return table


@lru_cache(maxsize=None)
def _slow() -> re.Pattern[str]:
    """What forces the slow path: something to delete (invisible characters, Markdown emphasis,
    HTML tags, entities, percent-escapes, backslash escapes) or a character whose NFKC form is
    not one character (㈠ → (一), ㎡ → m2, ﬁ → fi)."""
    many = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000
            and len(unicodedata.normalize("NFKC", chr(c))) != 1]
    bmp = [c for c in sorted(INVISIBLE) if ord(c) < 0x10000]
    return re.compile("[" + "".join(re.escape(c) for c in bmp + many) + r"*_~`<&%\\\U000E0000-\U000E007F]")


def alike(chars: str) -> list[str]:
    """`chars` and every character the view reads as one of them, sorted (３, 三, 叁 and ③ are
    all like 3)."""
    table = _one_to_one()
    return sorted(set(chars) | {chr(c) for c, v in table.items() if v in chars})


def like(chars: str) -> str:
    """A regex character class of `alike(chars)`, for cheap tests on the source text."""
    return "[" + "".join(re.escape(c) for c in alike(chars)) + "]"


def slow_pattern() -> str:
    """The character class of `needs_slow_path`, as a pattern (the output scan finds these
    characters in many texts joined in one pass: checks/outscan.py `suspects`)."""
    return _slow().pattern


def needs_slow_path(text: str) -> bool:
    """Whether the view of `text` is more than a one-for-one translation (markup, escapes,
    invisible or expanding characters)."""
    return _slow().search(text) is not None


@dataclass(frozen=True)
class View:
    """A normalised text and, for each of its characters, the source span that produced it.

    `starts[i]`/`ends[i]` are the source offsets of view character i; None means the view is
    character for character the source (the common case), and offsets are the same.
    """

    source: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of view characters [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else len(self.source)
            return at, at
        # Not always in source order: a right-to-left override shows its characters reversed,
        # and attribute values are read after the text they stand in.
        return min(self.starts[start:end]), max(self.ends[start:end])

    def origin(self, i: int) -> int:
        """The source offset of view character i."""
        return i if self.starts is None else self.starts[i]


# Markdown emphasis and code marks: one to three of * _ ~ ` (a run of four or more stars is a
# mask's, and a mask is not undone). An HTML tag or comment; an entity; a %XX escape.
_EMPH = re.compile(r"(?<![*_~`])[*_~`]{1,3}(?![*_~`])")
# A tag has a name followed by a space, / or >: `<x@163.com>` and `<https://…>` are Markdown
# autolinks, whose text the reader sees.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]{0,200}>")
# An attribute's value inside a tag (quoted or not): a title shows on hover, an alt in place
# of an image, an href is followed; all are published in the page's HTML.
_ATTRIBUTE = re.compile(r"""[^\s=<>/"']+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# What separates the text from the attribute values read after it: nothing a detector joins.
APART = "\x1f"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_INVISIBLE = re.compile(INVISIBLE_CLASS)
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>~|])")


def _tags(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a comment) of every HTML comment and tag, as the pattern
    `<!--.*?-->|<tag…>` would find them left to right, in linear time: that pattern tries every
    unclosed `<!--` to the end of the text (10,000 of them took 2.4 s, a 1 MB record minutes).
    A comment is found by `find`, and once one is unclosed no later one can close; a tag holds
    no `<`, so none straddles a comment's start, and one inside a comment is the comment's."""
    comments: list[tuple[int, int, bool]] = []
    at = text.find("<!--")
    while at != -1:
        close = text.find("-->", at + 4)
        if close == -1:
            break
        comments.append((at, close + 3, True))
        at = text.find("<!--", close + 3)
    tags = [(m.start(), m.end(), False) for m in _TAG.finditer(text)]
    if not comments:
        return tags
    out, i = [], 0
    for tag in tags:
        while i < len(comments) and comments[i][1] <= tag[0]:
            out.append(comments[i])
            i += 1
        if i < len(comments) and comments[i][0] <= tag[0]:
            continue  # inside the comment: read as the comment's
        out.append(tag)
    return out + comments[i:]


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _deletions_and_replacements(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) pieces of the source that the reader sees differently."""
    pieces: list[tuple[int, int, str]] = []
    for start, end, _ in _tags(text):
        # A tag is not seen; a line-level tag (<br>, <p>) separates words like a space.
        pieces.append((start, end, " " if re.match(r"</?(br|p|div|li|tr|td)\b", text[start:end], re.I) else ""))
    for m in _ENTITY.finditer(text):
        pieces.append((m.start(), m.end(), html.unescape(m.group())))
    for m in _PERCENT.finditer(text):
        # One piece per decoded character (three source characters a byte), so a masked
        # digit replaces only its own %XX.
        raw = bytes.fromhex(m.group().replace("%", ""))
        at = m.start()
        while raw:
            size = next((k for k in range(1, 5) if _decodes(raw[:k])), 0)
            if not size:
                break
            pieces.append((at, at + 3 * size, raw[:size].decode("utf-8")))
            raw, at = raw[size:], at + 3 * size
    for m in _EMPH.finditer(text):
        pieces.append((m.start(), m.end(), ""))
    for m in _ESCAPE.finditer(text):
        pieces.append((m.start(), m.end(), ""))
    for m in _INVISIBLE.finditer(text):
        pieces.append((m.start(), m.end(), ""))
    pieces.sort()
    out: list[tuple[int, int, str]] = []
    last = 0
    for p in pieces:  # the first piece of overlapping ones wins (a tag over an emphasis mark)
        if p[0] >= last:
            out.append(p)
            last = p[1]
    return out


def _attribute_values(text: str) -> list[tuple[int, int]]:
    """Source spans of the attribute values of every tag in `text`."""
    spans = []
    for start, end, comment in _tags(text):
        if comment:
            continue
        for m in _ATTRIBUTE.finditer(text, start, end):
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            if m.group(group):
                spans.append((m.start(group), m.end(group)))
    return spans


def view(text: str) -> View:
    """The reader's view of `text` (see the module docstring): what a reader sees, then the
    value of each HTML attribute, each after an `APART` (a tag is not seen where it stands,
    so that `3415<b>22</b>…` reads as one number, but its title, alt and href are published)."""
    table = _one_to_one()
    if not _slow().search(text):
        return View(text, text.translate(table))
    main = _view(text)
    values = _attribute_values(text) if "<" in text else []
    if not values:
        return main
    chars, starts, ends = [main.text], list(main.starts or ()), list(main.ends or ())
    for s, e in values:
        part = _view(text[s:e])
        chars.append(APART + part.text)
        starts += [s] + [s + i for i in (part.starts or range(len(part.text)))]
        ends += [s] + [s + i for i in (part.ends or range(1, len(part.text) + 1))]
    return View(text, "".join(chars), tuple(starts), tuple(ends))


def _view(text: str) -> View:
    """The reader's view of the text itself, always with its map (the slow path)."""
    table = _one_to_one()
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def put(piece: str, start: int, end: int) -> None:
        for c in piece:
            folded = table.get(ord(c)) or (unicodedata.normalize("NFKC", c) if ord(c) >= 0x80 else c)
            for f in folded:
                chars.append(table.get(ord(f), f))
                starts.append(start)
                ends.append(end)

    # Where the outermost open right-to-left override began in the view, and how many are open.
    # Overrides inside it are counted, not reversed again: the whole run shows right to left
    # (and each character is moved once, so a text of 36,000 unclosed overrides stays linear).
    override_at, open_overrides = 0, 0

    def reverse(since: int) -> None:
        chars[since:] = chars[since:][::-1]
        starts[since:] = starts[since:][::-1]
        ends[since:] = ends[since:][::-1]

    at = 0
    for start, end, replacement in _deletions_and_replacements(text):
        for i in range(at, start):
            put(text[i], i, i + 1)
        if replacement:
            put(replacement, start, end)
        elif text[start:end] == RLO:
            if not open_overrides:
                override_at = len(chars)
            open_overrides += 1
        elif text[start:end] == PDF and open_overrides:
            open_overrides -= 1
            if not open_overrides:
                reverse(override_at)
        at = end
    for i in range(at, len(text)):
        put(text[i], i, i + 1)
    if open_overrides:  # an override left open runs to the end of the text
        reverse(override_at)
    return View(text, "".join(chars), tuple(starts), tuple(ends))
