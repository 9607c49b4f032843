"""Text written so that the detectors' view does not read it, though a browser, a search engine
or anyone with a decoder does: base64 (in a link, an image's data: URI, an attribute or plain
text; UTF-8, or UTF-16 with its byte-order mark), a script's escapes (\u0031…) and HTML comments (issue 20, part 2; second red-team pass).

`normalise.view` undoes what a reader undoes without a tool (entities, percent-escapes, tags,
emphasis). It deletes an HTML comment with the tags, and it reads base64 as the letters it is
made of: `[证据](data:text/plain;base64,5b2T5LqL5Lq655S16K+dMTM5…)` and `<!-- 电话13957312846 -->`
passed the source gate; the comment and the base64 were published in the open data and the
search documents (the output scan stopped the comment in a search file, not the base64). Here
each such piece is decoded and the decoded text asked of the detectors for the number-like kinds
(the kinds the output scan refuses): a hit is refused at its place, with no mask (the encoded
piece cannot be masked in place: it is deleted, or the evidence filed as an attachment).

An entity that names an invisible or direction character (`&#8203;`, `&ZeroWidthSpace;`, `&shy;`,
`&#x202E;`) is the same trick one step removed: the view decodes it to the character and keeps
it, so `13012&#8203;345678` is two numbers to the detectors and one to a reader. The character
itself is an error wherever it stands (R-REDACT, "invisible"); written as an entity it is too
(kind `d.HIDDEN`, its mask the empty string: `gongshi redact --write` deletes it).

Cheap: one search for `<!--` and one for a base64-looking run (8 characters or more of the
base64 alphabet, with a digit or + / in it, or ending in =) over a record's text; what decodes
to no readable UTF-8 text is no message (a long path or word in a URL decodes to noise).
"""
from __future__ import annotations

import base64
import binascii
import html
import re

from gongshi.policy import detectors as d
from gongshi.policy.normalise import INVISIBLE

# The kind of a match of this module (not a detectors kind: nothing to mask in place).
ENCODED = "encoded"

_COMMENT = re.compile(r"<!--(.*?)(?:-->|$)", re.S)
# (Runs are matched from their first character only, the look-behind after it, as in layout.py:
# tried at every character of a long run, each start would scan the run again, quadratic.)
_BASE64 = re.compile(r"[A-Za-z0-9+/_-](?<![A-Za-z0-9+/_-]{2})[A-Za-z0-9+/_-]{7,}={0,2}")
_SHAPED = re.compile(r"[0-9+/=]")
# Base64 wrapped over lines (76 characters a line, as MIME writes it): a browser drops the blanks
# inside a data: URI, so the lines are one run; read whole when each line is whole quads.
_WRAPPED = re.compile(r"[A-Za-z0-9+/](?<![A-Za-z0-9+/]{2})[A-Za-z0-9+/]{3}(?:[A-Za-z0-9+/]{4}){3,}(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/]{4})+)+(?:[A-Za-z0-9+/]{2,3}={0,2})?")
# A script's escapes (\u0031, \x31, \061): seven or more in a row spell what a page's script prints.
_ESCAPES = re.compile(r"(?:\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3})){7,}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def encoded(text: str, allow: tuple[str, ...] = ()) -> list[d.Match]:
    """Each HTML comment or base64 run in `text` whose decoded text holds a number-like kind, and
    each entity that names an invisible character."""
    out = []
    if "&" in text:
        for m in _ENTITY.finditer(text):
            char = html.unescape(m.group())
            if char != m.group() and all(c in INVISIBLE for c in char):
                out.append(d.Match(d.HIDDEN, m.start(), m.end(), m.group(), ""))
    if "<!--" in text:
        for m in _COMMENT.finditer(text):
            if _numbers(m.group(1), allow):
                out.append(d.Match(ENCODED, m.start(), m.end(), m.group(), None))
    if "\\" in text:
        for m in _ESCAPES.finditer(text):
            if _numbers(m.group().encode("ascii").decode("unicode_escape", "replace"), allow):
                out.append(d.Match(ENCODED, m.start(), m.end(), m.group(), None))
    if "\n" in text:
        for m in _WRAPPED.finditer(text):
            joined = _decode(re.sub(r"\s+", "", m.group()))
            if joined and _numbers(joined, allow):
                out.append(d.Match(ENCODED, m.start(), m.end(), m.group(), None))
    for m in _BASE64.finditer(text):
        run = m.group()
        if not _SHAPED.search(run) or any(o.start <= m.start() < o.end for o in out):
            continue
        decoded = _decode(run)
        if decoded and (_numbers(decoded, allow) or any(_numbers(c, allow) for c in _COMMENT.findall(decoded))):
            out.append(d.Match(ENCODED, m.start(), m.end(), run, None))
    return sorted(out, key=lambda x: x.start)


def _decode(run: str) -> str | None:
    """The text a base64 run (standard or URL-safe alphabet) decodes to, when it is UTF-8 text."""
    body = run.rstrip("=")
    for alphabet in (None, b"-_"):
        try:
            raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=alphabet, validate=True)
        except (binascii.Error, ValueError):
            continue
        # UTF-8, or UTF-16 with its byte-order mark (data:text/plain;charset=utf-16 is shown so)
        for codec in ("utf-8", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8",):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _numbers(text: str, allow: tuple[str, ...]) -> bool:
    return any(m.kind in d.NUMBER_KINDS for m in d.detect(text, allow, prose=False))


def how(text: str) -> tuple[str, str]:
    """What an ENCODED match is, as a message names it (zh, en)."""
    if text.startswith("<!--"):
        return ("HTML 注释", "an HTML comment")
    if text.startswith("\\"):
        return ("转义序列（\\u…）", "escape sequences (\\u…)")
    return ("base64 编码", "base64")
