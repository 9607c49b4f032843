"""Plain text for feeds and data files: Markdown stripped, XML-forbidden characters removed.

Shared by the outputs (feeds, open data, the 双公示 export), so it lives in the publication layer:
outputs import `publication` and nothing from each other.

HTML inside Markdown is removed by a real HTML parser (nh3, html5ever), never by line regular
expressions: a tag split across lines (`<img src=x⏎onerror=…>`) is still a tag, and script and
style bodies go with their tags.

The mask character `*` (what `gongshi redact --write` puts in place of personal data: 139****1234,
3415**********1236, 王*, house numbers as *栋*单元***室) is never markup in a record's text
(issue 21): masks sit inside words, next to CJK characters and digits, where no rule can tell
`*栋*` (a masked house number) from emphasis. So a record field's `*` is always a literal
character: `escape_masks` escapes it before Markdown is rendered, and `plain_text` keeps it.
Emphasis in record fields is written `_…_`/`__…__`; a `* ` that opens a list item stays a list.
"""
from __future__ import annotations

import html
import re
from typing import Any

import nh3

# XML 1.0 allows tab, newline and carriage return only among the C0 controls; YAML lets others
# (e.g. \x0b) through, and feedgen/lxml raise on them, so they are removed before output.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])[ \t]+", re.M)
_EMPHASIS = re.compile(r"(__|`+|~~)(?=\S)(.+?)(?<=\S)\1")  # never `*`: the mask character
_RULE = re.compile(r"^\s{0,3}([-_])(\s*\1){2,}\s*$", re.M)
MASK = "*"
# The marker of a list item (`* ` at the start of a line), the one `*` that stays markup.
_LIST_STAR = re.compile(r"^([ \t]{0,3})\*(?=[ \t]+\S)", re.M)
_BLANKS = re.compile(r"\n\s*\n+")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _XML_FORBIDDEN.sub("", text)


def strip_html(text: str) -> str:
    """`text` with every HTML tag and comment removed (script/style with their content), as text."""
    if "<" not in text:  # no tag can start: the fast path of nearly every field
        return text
    return html.unescape(nh3.clean(text, tags=set(), attributes={}, strip_comments=True))


def escape_masks(markdown: str) -> str:
    """`markdown` with every mask character escaped (`\\*`), so Markdown shows it as written;
    a list item's leading `* ` stays a list marker."""
    if MASK not in markdown:
        return markdown
    out: list[str] = []
    for line in markdown.split("\n"):
        m = _LIST_STAR.match(line)
        head, rest = (line[:m.end()], line[m.end():]) if m else ("", line)
        out.append(head + rest.replace("\\*", "*").replace("*", "\\*"))
    return "\n".join(out)


def plain_text(markdown: str | None) -> str:
    """Readable plain text of a Markdown field (fast: no HTML rendering), XML-safe."""
    if not markdown:
        return ""
    text = xml_safe(markdown).replace("\r\n", "\n")
    text = _RULE.sub("", text)
    text = strip_html(text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _BLANKS.sub("\n", text)
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def legal_refs(basis: list[dict[str, Any]] | None) -> str:
    """A list of {title, article} as 《title》article；《title》article."""
    return "；".join(f"《{b.get('title', '')}》{b.get('article', '')}" for b in basis or [] if b)
