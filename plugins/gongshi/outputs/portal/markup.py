"""Markdown fields (facts, duties, discretion) rendered with python-markdown, then sanitized by nh3.

Content pages and notices (Pelican's own Markdown in content/) go through the same sanitiser
(`sanitize_page`, connected to Pelican's content_object_init signal): a wider list of tags for
headings, images and footnotes, the same link rules. Neither lets through scripts, event
handlers, javascript:/data: URLs or protocol-relative `//host` links (issue 11).

Most fields are plain Chinese paragraphs; for them a fast path gives byte-identical output
without running the Markdown parser (tests/outputs/test_portal_markup.py proves the identity with
hypothesis), which matters at 100,000 decisions.

A record field's `*` is the mask character, never emphasis (issue 21): after `gongshi redact
--write`, 139****1234 and 幸福小区*栋*单元***室 must read as written, so every `*` but a list
marker is escaped first (publication.text.escape_masks, the one rule the plain-text outputs
follow too). Content pages (Pelican's own Markdown) keep `*` as Markdown.

Bounded work: python-markdown looks for the end of every `[` (and autolink `<`) through the
rest of the paragraph, so a text of unclosed brackets takes time quadratic in its length (72 kB
of `[a` in a facts field: minutes). A text whose brackets times length passes `LINEAR_ABOVE`
is rendered by markdown-it-py instead, a CommonMark parser that is linear on such input; no
real record comes near the bound (a 2 kB facts field with twenty links is 40,000), so what the
portal shows of them is python-markdown's, unchanged.
"""
from __future__ import annotations

import re
import threading

import markdown
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from gongshi.publication.text import escape_masks

EXTENSIONS = ["tables", "sane_lists"]
TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
        "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6", "hr", "del", "sub", "sup"}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Pages (content/) may also have what python-markdown's extra and toc extensions make.
PAGE_TAGS = TAGS | {"h1", "h2", "img", "div", "span", "dl", "dt", "dd", "abbr", "caption", "small", "s",
                    "u", "kbd", "q", "cite", "figure", "figcaption"}
PAGE_ATTRIBUTES = {"*": {"id", "class", "title", "lang"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
                   "th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"}, "ol": {"start"}}
# A URL browsers resolve against another host: //host, \\host, /\host (after ignored whitespace).
_OTHER_HOST = re.compile(r"[\x00-\x20]*[/\\]{2}")

# Characters that can never start Markdown syntax or need HTML escaping: CJK ideographs,
# Chinese punctuation, ASCII letters and digits, the inner ASCII space and a few symbols.
# U+3000 (ideographic space) is left out because str.strip() treats it as whitespace.
_PLAIN_CHARS = (r"\u4e00-\u9fff\u3001-\u3003\u3008-\u3011\u3014-\u301f"
                r"\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\u2014\u2018\u2019\u201c\u201d\u2026"
                r"0-9A-Za-z%")
_PLAIN_LINE = re.compile(rf"[{_PLAIN_CHARS}](?:[{_PLAIN_CHARS} ]*[{_PLAIN_CHARS}])?")
_local = threading.local()
# Openers python-markdown scans ahead from ([ and <) times the text's length: above this, the
# linear parser (about a quarter of a second of python-markdown at the bound).
LINEAR_ABOVE = 2_000_000


def _md() -> markdown.Markdown:
    # One parser per thread: Markdown objects keep state between convert() calls.
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    return md


def _same_host(tag: str, attr: str, value: str) -> str | None:
    """nh3's attribute filter: a protocol-relative link or image leaves the site; drop it."""
    if attr in ("href", "src") and _OTHER_HOST.match(value):
        return None
    return value


def sanitize(html: str) -> str:
    """Keep only harmless tags, attributes and link schemes."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     attribute_filter=_same_host, link_rel="noopener noreferrer")


def sanitize_page(html: str) -> str:
    """The same sanitiser for a content page or notice (Pelican's rendered Markdown or HTML)."""
    return nh3.clean(html, tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     attribute_filter=_same_host, link_rel="noopener noreferrer")


def on_content_object_init(content: object) -> None:
    """Pelican's content_object_init: every page and article is sanitised before anything
    (summary, templates, writer) reads it; an explicit Summary: is sanitised too."""
    html = getattr(content, "_content", None)
    if isinstance(html, str):
        content._content = sanitize_page(html)  # type: ignore[attr-defined]
    meta = getattr(content, "metadata", None)
    if isinstance(meta, dict) and isinstance(meta.get("summary"), str):
        meta["summary"] = sanitize_page(meta["summary"])
    if isinstance(getattr(content, "_summary", None), str):
        content._summary = sanitize_page(content._summary)  # type: ignore[attr-defined]


def _linear() -> MarkdownIt:
    md = getattr(_local, "linear", None)
    if md is None:
        md = _local.linear = MarkdownIt("commonmark", {"html": True}).enable("table")
    return md


def costly(text: str) -> bool:
    """Whether python-markdown would take more than linear time on `text` (see the docstring)."""
    return (text.count("[") + text.count("<")) * len(text) > LINEAR_ABOVE


def linear_markdown(text: str) -> str:
    """markdown-it-py, then the same sanitiser: for texts python-markdown is too slow on."""
    return sanitize(_linear().render(text))


def slow_markdown(text: str) -> str:
    """python-markdown, then nh3: the reference every fast path must equal."""
    md = _md()
    md.reset()
    return sanitize(md.convert(text))


def fast_markdown(text: str) -> str | None:
    """The same HTML as slow_markdown for plain paragraphs, or None when the text is not plain."""
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if line == "":
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
            continue
        if _PLAIN_LINE.fullmatch(line) is None:
            return None
        lines.append(line)
    if lines:
        paragraphs.append("\n".join(lines))
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def render_markdown(text: object) -> Markup:
    """A Markdown field as safe HTML (empty for None); its mask characters shown as written."""
    if text is None:
        return Markup("")
    text = escape_masks(str(text))
    html = fast_markdown(text)
    if html is None:
        html = linear_markdown(text) if costly(text) else slow_markdown(text)
    return Markup(html)
