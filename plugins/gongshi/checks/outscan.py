"""R-REDACT over what leaves: every file a build wrote, scanned before it goes online (issue 20).

The gate (redaction.py, pages.py, attachments.py) reads what comes in. This reads what goes
out, so a field nobody marked for scanning, a template that prints a raw value, an output that
joins two fields, or a part of an attachment the gate never opened cannot publish a number that
identifies a person. It looks for the number-like kinds only (identity documents, phones, bank
cards and accounts, e-mails, plates, passports): those are what a page can leak without any
prose around them; names, addresses and health data need the context the gate reads at the
source.

What is read, by the file's type:
- HTML and XML (pages, feeds, sitemap): the text between tags (inline tags such as <b> or
  <span> removed first, so a number split by markup is read whole), every attribute value
  (links, tel: URLs, titles, data- attributes), and the file's own path;
- JSON (open data, data.json, the search index's documents and meta.json): every key and string,
  and every integer long enough to be a number; the search index's gram files hold grams as keys
  and encoded postings as values, so only their keys are read;
- CSV (open data, 双公示): every cell;
- attachments (pdf, docx, xlsx, png, jpg): every part `attachments.every_text` reads;
- anything else: its text, line by line. A file that cannot be read or decoded is an error
  (fail closed: unread bytes may hold anything).

A number the law publishes is no leak: what the records' `disclosed` fields hold (an office's
phone, a maintainer's e-mail) and site.yml's `policy.redaction.allow` are allowed, compared by
their digits (a phone printed as `0564-6021234` and linked as `tel:05646021234` is the same).

Fast, because it runs on every build: a text seen once in a worker is not read again (headers,
footers and list rows repeat on thousands of pages; outside <main> only new lines are parsed; a
JSON line read before is not parsed again), the detectors are asked only about texts with a cue
for these kinds (`suspect`), files are split over the cores in forked jobs (runtime/jobs.py), and
what the published build's scan read is not parsed again, unless the allowed values, the
scanner's code or the published file's mtime say otherwise (`State`): a file hard-linked from
that build (same inode: the page cache and the search index link unchanged files), one with the
same bytes as its published twin, and any file whose content digest (type and bytes) that scan
read clean. A build that knows which files it wrote anew (a segmented build reusing the others)
names them (`scan(only=...)`). Measured in README ("What leaves").
"""
from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.kinds import KINDS
from gongshi.policy import detectors as d
from gongshi.policy.normalise import alike, like, needs_slow_path, slow_pattern, view

# The number-like kinds: what a published byte must never hold.
KINDS_SCANNED = d.NUMBER_KINDS
ATTACHMENTS = frozenset({"pdf", "docx", "xlsx", "png", "jpg", "jpeg", "ofd"})
# Binary files a theme or plugin may publish: read as the runs of text in them (a font's or an
# icon's metadata). Any other type must decode as UTF-8 text, or the build stops (fail closed).
BINARY = frozenset({"woff", "woff2", "ttf", "otf", "eot", "ico", "gif", "webp", "bmp", "avif", "mp3", "mp4", "webm"})
_MAX_GZ = 64 * 1024 * 1024
# The shortest text that can hold one of them: an e-mail a@b.cn.
_SHORTEST = 6
# A digest (MD5, SHA-1, SHA-256 in hex: the open-data catalogue's checksums, cache-busting
# names) is no one's number, but one that begins 0752756474… reads as a landline: a whole run of
# 32 or more hex digits is taken out before the detectors look.
_DIGEST = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])")

LEAK = Msg("R-REDACT", "生成的文件“{out}”中有未作隐私处理的{what}（{mask}）{source}，网站没有更新",
           "the generated file '{out}' holds an unredacted {what_en} ({mask}){source_en}; the site was not updated",
           "在来源记录中遮盖该号码（gongshi redact --write <文件>），或修正把它写进页面的模板或输出；"
           "确属依法公开的号码（如单位电话），加入 site.yml 的 policy.redaction.allow",
           "mask the number in its source record (gongshi redact --write <file>), or fix the template or output "
           "that printed it; a number published by law (an office phone) goes into policy.redaction.allow in site.yml")
UNREADABLE = Msg("R-REDACT", "无法读取生成的文件“{out}”（{problem}），不能确认其中没有个人信息，网站没有更新",
                 "the generated file '{out}' cannot be read ({problem_en}), so it cannot be checked for personal "
                 "data; the site was not updated",
                 "检查磁盘和输出文件夹的权限后重新构建；若该文件来自模板或插件，确认它是 UTF-8 文本或允许的附件类型",
                 "check the disk and the output folder's permissions, then build again; a file from a template or "
                 "plugin must be UTF-8 text or an allowed attachment type")


@dataclass(frozen=True)
class Hit:
    """One number found in one output file: where, what kind, its mask and its comparison key."""

    rel: str    # path inside the output folder, with /
    kind: str   # a detectors kind, or "" for a file that could not be read
    mask: str   # the mask the gate proposes (never the number itself), or the problem
    key: str    # digits (numbers) or the lower-cased address (e-mails), for the allow set


def key(kind: str, text: str) -> str:
    """How a match is compared with the allowed values: its digits for a number (+86 dropped
    from a mobile), the address without spaces in lower case for an e-mail, the plate's letters."""
    seen = view(text).text
    if kind == d.EMAIL:
        return "e:" + re.sub(r"\s+", "", seen).lower()
    if kind == d.PLATE:
        return "p:" + re.sub(r"[ ·-]", "", seen).upper()
    number = d.digits(seen)
    return "n:" + (number[-11:] if kind == d.MOBILE else number)


def allow_list(ds: Dataset) -> tuple[str, ...]:
    """site.yml's policy.redaction.allow."""
    return tuple(str(a) for a in ((ds.policy.get("redaction") or {}).get("allow") or ()))


def allowed(ds: Dataset) -> frozenset[str]:
    """Keys of the numbers published by law: every match of a disclosed kind in a field that
    discloses it (any record, public or not: a value is the same wherever it appears), and every
    match in the allow list."""
    from gongshi.checks.redaction import fields_of, kind_fields
    out: set[str] = set()
    for kind in KINDS:
        if not any(f.disclosed for _, f in kind_fields(kind)):
            continue  # decisions disclose nothing: 100,000 of them are not walked
        for rec in ds.of(kind):
            for _keys, value, field in fields_of(rec):
                if field.disclosed:
                    out.update(key(m.kind, m.text) for m in d.detect(value) if m.kind in field.disclosed)
    for a in allow_list(ds):
        out.update(key(m.kind, m.text) for m in d.detect(a))
        if d.digits(a):
            out.add("n:" + d.digits(a))
    return frozenset(out)


# ------------------------------------------------------------------ reading one file

_INLINE = ("a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|"
           "sub|sup|time|u|var|wbr")


def _by_first_letter(names: str) -> str:
    """`a|abbr|b|bdi` as `a(?:bbr|)|b(?:di|)`: the same names, but the engine tries one
    alternative a tag's first letter, not each name (a third faster over the pages' markup)."""
    groups: dict[str, list[str]] = {}
    for name in names.split("|"):
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(first + (f"(?:{'|'.join(sorted(rest, key=len, reverse=True))})" if rest != [""] else "")
                    for first, rest in groups.items())


# Case-sensitive alternatives (lower and upper case) are three times faster than re.I here.
_INLINE_TAG = re.compile(rf"</?(?:{_by_first_letter(_INLINE)}|{_by_first_letter(_INLINE.upper())})\b[^<>]*>")
# A comment's delimiters are separators, its content is read like text: a browser does not
# show it, but it is published, and "view source" or a scraper reads it.
_TAG = re.compile(r"<!--|-->|<[^<>]*>")
# Attribute values, quoted either way or not at all. Run over the whole document (one pass in
# C instead of one a tag): a match in text is read twice, never missed.
_ATTRS = (re.compile(r'=\s*"([^"]*)"'), re.compile(r"=\s*'([^']*)'"), re.compile(r"=([^\s<>\"'`=]+)"))


def _markup(text: str, chrome: set[str] | None = None) -> set[str]:
    """Text between tags and attribute values of an HTML or XML document (inline tags such as
    <b> or <span> are dropped first, so a number they split is read whole); `chrome`: see
    `_reduce`."""
    return _markup_texts(_reduce(text, chrome) if chrome is not None else text)


def _reduce(text: str, chrome: set[str]) -> str:
    """What of a page is read: `chrome` holds the lines already read outside the <main> element
    of other pages. A portal page is 60% template (head, navigation, footer) that differs from
    page to page in a few lines only; outside <main> only lines not read before are read, each
    with the line before and after it (a value the template prints over two lines is read
    whole). <main> is read whole."""
    a, b = text.find("<main"), text.rfind("</main>")
    if not 0 <= a < b:
        return text
    lines = text[:a].split("\n") + ["\x00"] + text[b:].split("\n")
    new = set(lines) - chrome
    chrome.update(new)
    if not new:
        return text[a:b]
    last = len(lines) - 1
    keep = sorted({j for i, line in enumerate(lines) if line in new for j in (i - 1, i, i + 1) if 0 <= j <= last})
    return text[a:b] + "\n" + "\n".join(lines[j] for j in keep)


def _markup_texts(text: str) -> set[str]:
    """The texts between tags and the attribute values of markup (a whole document, or several
    joined by `_PAGE_BREAK`)."""
    out = set(_TAG.split(_INLINE_TAG.sub("", text)))
    double, single, bare = _ATTRS
    out.update(double.findall(text))
    if "'" in text:  # the templates quote with ": the other two passes are rarely needed
        out.update(single.findall(text))
    out.update(bare.findall(text))
    return out


# A JSON string (keys included), a key alone, a long integer: json.dumps's output read with three
# passes in C instead of a walk in Python; only a string with an escape is decoded one by one.
_JSON_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')  # the unrolled form: twice as fast
_JSON_KEY = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\s*:')
# (the integer's first digit is matched before the look-behind tests the character before it:
# a pattern that begins with a character class lets the regex engine skip to the next digit)
_JSON_INT = re.compile(r'(\d(?<![\w."\\]\d)\d{6,})(?![\w."])')
# Outside its strings (which are read whole), a JSON document's integer follows a : , [ or line
# break and blanks, or begins the text (documents and lines are joined by line breaks): searched
# from those characters, a third fewer places to try than from every digit (the open data is
# dense with digits inside its strings).
_JSON_INT_AFTER = re.compile(r'[:,\[\n]\s*-?(\d{7,})(?![\w."])')
_JSON_INT_FIRST = re.compile(r'\s*-?(\d{7,})(?![\w."])')


def _without_columns(value: object) -> object:
    """The search meta without its encoded filter columns (`col`: one base-36 digit per document,
    outputs/search/index.py): a run of them reads as a phone number but holds none."""
    if isinstance(value, dict):
        return {k: _without_columns(v) for k, v in value.items() if k != "col"}
    if isinstance(value, list):
        return [_without_columns(v) for v in value]
    return value


def _json(text: str, values: bool = True, lines: set[bytes] | None = None) -> set[str]:
    """Every string (or, `values` False, every key) and every integer of seven digits or more
    in a JSON document; raises ValueError when it is not JSON.

    `lines`: the digests (BLAKE2b, 128 bits: a few bytes each, where the lines themselves would
    hold a copy of the open data) of lines of JSON documents already read by this worker. A JSON
    string holds no raw line break (json.loads refuses one), so each string and integer lies
    within one line, and a line read before holds nothing new: only the other lines are read.
    The open-data tables repeat each row, one a line, in the whole set and in its agency's part."""
    json.loads(text)  # fail closed on a document that is not JSON
    if lines is not None and values and "\n" in text:
        rows = text.split("\n")
        digests = [hashlib.blake2b(row.encode("utf-8"), digest_size=16).digest() for row in rows]
        text = "\n".join({row for row, dg in zip(rows, digests) if dg not in lines})
        lines.update(digests)
    return _json_texts(text, values)


def _json_texts(text: str, values: bool = True) -> set[str]:
    """The strings (keys too) and long integers of JSON documents already parsed (`_json`); one
    document or several joined by line breaks (no JSON string holds a raw one)."""
    found = set((_JSON_STRING if values else _JSON_KEY).findall(text))
    if values:
        found.update(_JSON_INT_AFTER.findall(text))
        first = _JSON_INT_FIRST.match(text)
        if first:
            found.add(first.group(1))
    escaped = {s for s in found if "\\" in s} if "\\" in text else None  # (one test in C when none)
    if escaped:  # decoded in one call (the open data's facts hold a \\n each: 28,000 calls were 0.7 s)
        found -= escaped
        found.update(json.loads("[" + ",".join(f'"{s}"' for s in escaped) + "]"))
    return found


def texts(rel: str, data: bytes, chrome: set[str] | None = None, lines: set[bytes] | None = None) -> set[str]:
    """Every text of one output file, by its type; raises ValueError (or UnicodeDecodeError)
    when the bytes cannot be read as that type. `chrome`: see `_markup`; `lines`: see `_json`."""
    ext = rel.rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
    if ext == "gz":  # a page a plugin stored compressed: its content, bounded
        import zlib
        inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _MAX_GZ + 1)
        if len(inflated) > _MAX_GZ:
            raise ValueError(f"inflates beyond {_MAX_GZ} bytes")
        return texts(rel[:-3], inflated, chrome, lines)
    if ext in BINARY:  # fonts, icons, pictures of the theme: their readable runs
        from gongshi.checks.attachparts import binary_text
        return set(binary_text(data))
    if ext in ATTACHMENTS:
        from gongshi.checks.attachments import every_text
        units, problem = every_text(ext, data)
        if units is None:
            raise ValueError(problem)
        return set(units)
    text = data.decode("utf-8")
    if ext in ("html", "htm", "xml", "svg", "xhtml"):
        return _markup(text, chrome if ext in ("html", "htm") else None)
    if ext == "json":
        # The filters' columns: one code a document, not text (in meta.json, or in a file each
        # for a large index, search/f/<facet>.json: outputs/search/stream.py).
        if rel == "search/meta.json" or (rel.startswith("search/f/") and rel.count("/") == 2):
            text = json.dumps(_without_columns(json.loads(text)), ensure_ascii=False)
        # The search index's gram files and a common pair's range files (search/r/): grams as
        # keys, delta-coded postings as values.
        return _json(text, values=not rel.startswith(("search/g/", "search/r/")), lines=lines)
    if ext == "csv":
        return set(itertools.chain.from_iterable(csv.reader(io.StringIO(text))))
    return set(text.splitlines())


# Cheap cues for the number-like kinds on the source text (normalise.like: full-width, circled
# and Chinese digits count), each a superset of what a detector needs: ten digits close together
# (the shortest phone with its area code), seven after a label (account, passport, identity
# document, a phone without its area code), a Hong Kong or Taiwan identity card's shape, an @,
# a spelled "at" or a # after an address's name, a province and a letter (a plate). A text with
# none of them, and nothing the view would undo (markup, escapes, invisible characters:
# `needs_slow_path`), cannot hold one of those kinds, and the detectors are not asked.
# tests/test_outscan.py checks the cues against the leak corpora (tests/data/leaks/).
#
# Written for speed: Python's regex engine skips in C to the next place a pattern can begin only
# when the pattern begins with one character class, or with alternatives that each begin with a
# literal character; otherwise it tries the whole pattern at every character. So each cue begins
# with the class of characters it can begin with, its alternatives told apart by a look-behind at
# that character, and the labels' spelled-out words begin with one literal each (measured on the
# 10,000-decision archive's texts: the labels 7x, the four other cues 1.8x faster).
_DIGIT, _SEPS = like("0123456789"), like(" \t\r\n./\\-_·、，,")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_LETTER = like(_LETTERS)


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


# (a landline's area code may stand in brackets: (0564)6021234; an ID's groups too: [5001031980][0830…])
_TEN = re.compile(rf"{_DIGIT}(?:(?:{_SEPS}|{like('()[]{}【】〔〕')}){{0,2}}{_DIGIT}){{9}}")
_SEVEN = re.compile(rf"{_DIGIT}(?:{_SEPS}{{0,2}}{_DIGIT}){{6}}")
_LABEL_WORDS = ("账|帐|卡号|存折|护照|通行证|旅行证|台胞证|回乡证|居留证|签证|证件|证照|身份证|残疾|社会保障卡|社保卡|医保卡|驾驶|"
                "军官证|士兵证|警官证|学生证|居住证|暂住证|出生医学证明|电话|座机|固话|宅电|传真|手机|联系方式|联系号码|小灵通|"
                # (the detectors' third round: social security and medical insurance numbers, a
                # person's certificates, 海字第…号, residence permits, student and exam numbers)
                "社保|医保|参保|医疗保险|健康证|执业证|资格证|导游证|船员证|海员证|户口|工作证|优待证|结婚证|离婚证|字第|"
                "居留许可|停留许可|学号|学籍号|准考证|考生号")
_LABEL = re.compile("|".join([_LABEL_WORDS] + [re.escape(first) + "".join(like(c + c.upper()) for c in w[1:])
                                              for w in ("passport", "tel", "phone")
                                              for first in alike(w[0] + w[0].upper())]))
_ALNUM = like(_LETTERS + "0123456789")
# Hong Kong (six digits and a bracket: found at the bracket) and Taiwan identity cards.
_REGIONAL = re.compile(rf"{_class(alike('(（') + alike(_LETTERS))}(?:(?<={_DIGIT}{{6}}{like('(（')})"
                       rf"|(?<={_LETTER})(?<!{_ALNUM}.){like('12')}{_DIGIT}{{8}}(?!{_ALNUM}))")
# "at" only as a word (the detectors' own cue, \bat\b): in "data", "date" or "status" it is none.
_WORD = like(_LETTERS + "0123456789_")
# A # for the @ only before a mail provider's name (zhang#qq.com), not in every link's #fragment.
_PROVIDER = "163|126|qq|sina|sohu|gmail|hotmail|outlook|yahoo|foxmail|aliyun|139|189|yeah|21cn|tom|live|icloud"
_AT = re.compile(f"{_class(alike('@') + alike('Aa') + ['艾'] + alike('#＃'))}"
                 f"(?:(?<={like('@')})|(?<={like('Aa')})(?<!{_WORD}.){like('Tt')}(?!{_WORD})|(?<=艾)特"
                 f"|(?<={like('#＃')})\\s?(?i:{_PROVIDER}))")
# A plate's shape, not only its first two characters: an officer's certificate (皖D8969912) is none.
# Its serial may be spaced character by character (皖 n 7 q 2 1 5).
_PLATE = re.compile(rf"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]{_SEPS}?{_LETTER}{_SEPS}{{0,2}}"
                    rf"(?:(?:{_ALNUM}|[挂学警港澳]){_SEPS}?){{4,5}}(?:{_ALNUM}|[挂学警港澳])(?!{_ALNUM})")


# A document's serial of six digits (皖民残字第012345号), shorter than the seven a label needs.
_SERIAL = re.compile(rf"字第{_DIGIT}{{6}}")
_CUES = (_TEN, _AT, _PLATE, _REGIONAL, _SERIAL)


def suspect(text: str) -> bool:
    """Whether `text` could hold a number-like kind (see the cues above)."""
    return bool(any(rx.search(text) for rx in _CUES) or needs_slow_path(text)
                or (_LABEL.search(text) and _SEVEN.search(text)))


# A unified social credit code (detectors.USCC_RE) with a letter in it and its check character
# right: an organisation's, printed on every subject page and in every decision's search
# document. Its ten leading digits are a cue (`_TEN`), so without this nearly every search
# document went to the detectors for nothing (at 10,000 decisions, 4,062 of 4,648). Only the
# cues skip it: a text with another cue is read whole, the code included.
def _uncode(m: re.Match[str]) -> str:
    return _BLANK * 18 if _public_code(m.group()) else m.group()


# (a party's code stands on each of its pages and documents: its check is computed once)
_public_code = lru_cache(maxsize=1 << 16)(d.organisation_code)

# Two more public numbers that the portal's own outputs print beside their label, read as blanks
# by the cues for the same reason (at 100,000 decisions they made nearly every other text the
# detectors were asked about, and the detectors find nothing in them): a food business licence,
# 许可证（编号 JY + 14 digits）, and an enforcement officer's certificate, （证号 or （执法证号 + a
# province, a letter and seven digits）, as outputs/search, outputs/opendata and the decision
# page print them. Only these exact shapes, and only where the closing bracket is not followed
# (after at most two separators) by an ASCII or full-width letter or digit, or by two
# characters that read as digits: nothing after it can join their digits into a longer number.
# tests/checks/test_outscan.py asks the detectors about thousands of random ones in context.
_BRACKETS = like("()[]{}【】〔〕")
_JOINABLE = rf"(?:{_SEPS}|{_BRACKETS}){{0,2}}"
_NOT_JOINED = (rf"(?=）(?!{_JOINABLE}(?:[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|{_ALNUM}{_JOINABLE}{_ALNUM})))")
_PUBLIC_FORMS = re.compile(rf"(?<=许可证（编号 )JY[0-9]{{14}}{_NOT_JOINED}"
                           rf"|(?<=（证号 )[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][0-9]{{7}}{_NOT_JOINED}"
                           rf"|(?<=（执法证号 )[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][0-9]{{7}}{_NOT_JOINED}")


def _blank(m: re.Match[str]) -> str:
    return _BLANK * (m.end() - m.start())


# What a blanked character becomes: in no cue's class, and not one the view would undo, so that
# a batch is searched for the slow path's characters once, not text by text (`suspects`).
_BLANK = "\x01"


def suspects(found: Iterable[str]) -> list[str]:
    """The texts of `found` that pass `suspect`, found with one pass of each cue over all of them
    joined (a NUL between texts: no cue spans it) instead of five calls a text. The cues read
    the public credit codes (`_uncode`), licences and officers' certificates (`_PUBLIC_FORMS`)
    as blanks of the same length."""
    import bisect
    texts_ = [t for t in found if len(t) >= _SHORTEST]
    if not texts_:
        return []
    blob = _PUBLIC_FORMS.sub(_blank, d.USCC_RE.sub(_uncode, "\x00".join(texts_)))
    starts = list(itertools.accumulate((len(t) + 1 for t in texts_[:-1]), initial=0))
    picked: set[int] = set()
    for rx in _CUES:
        picked.update(bisect.bisect_right(starts, m.start()) - 1 for m in rx.finditer(blob))
    picked.update(i for i in {bisect.bisect_right(starts, m.start()) - 1 for m in _LABEL.finditer(blob)}
                  if _SEVEN.search(blob, starts[i], starts[i] + len(texts_[i])))
    if needs_slow_path(blob):  # (blanks are no slow-path characters: each one found is in its text)
        picked.update(bisect.bisect_right(starts, m.start()) - 1 for m in _slow_path().finditer(blob))
    return [texts_[i] for i in sorted(picked)]


@lru_cache(maxsize=None)
def _slow_path() -> re.Pattern[str]:
    """normalise's slow-path characters, as a pattern (`needs_slow_path` answers one text)."""
    return re.compile(slow_pattern())


def _read(path: str) -> bytes:
    """A file's bytes with one open, fstat and read (no buffered file object: 26,000 small files)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        size = os.fstat(fd).st_size
        data = os.read(fd, size + 1)
        if len(data) == size:
            return data  # the whole file in one read: the common case
        chunks = [data]  # a short read, or it grew meanwhile: read on to the end
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(fd)


class Scanner:
    """Reads output files of one worker; a text already read by it is not read again."""

    def __init__(self, allow: tuple[str, ...], allowed: frozenset[str]) -> None:
        self.allow = allow
        self.allowed = allowed
        self.seen: set[str] = set()
        self.chrome: set[str] = set()
        self.lines: set[bytes] = set()  # JSON lines read (`_json`)

    def matches(self, text: str, cued: bool = False) -> Iterator[tuple[str, str, str]]:
        """(kind, mask, key) of each number-like match in `text` that is not allowed (`cued`: the
        text is known to pass `suspect`, asked again only once its digests are taken out)."""
        if len(text) >= 32 and _DIGEST.search(text):
            text = _DIGEST.sub("#", text)
            cued = False
        if len(text) < _SHORTEST or not (cued or suspect(text)):
            return
        for m in d.detect(text, self.allow, prose=False):  # (addresses and health are not scanned for)
            if m.kind in KINDS_SCANNED:
                k = key(m.kind, m.text)
                if k not in self.allowed:
                    yield m.kind, m.mask or "", k

    def file(self, root: str, rel: str) -> list[Hit]:
        """The hits of one file (its path included)."""
        try:
            data = _read(os.path.join(root, *rel.split("/")))
        except Exception as exc:  # noqa: BLE001 - whatever a file makes its reader raise: fail closed
            return [Hit(rel, "", f"{type(exc).__name__}: {exc}"[:200], "")]
        return self.content(rel, data)

    def content(self, rel: str, data: bytes | None) -> list[Hit]:
        """The hits of one file's bytes and its path (`data` None: the path only, for a content
        already scanned clean)."""
        out: list[Hit] = []
        try:
            found = texts(rel, data, self.chrome, self.lines) if data is not None else set()
        except Exception as exc:  # noqa: BLE001 - whatever a file makes its reader raise: fail closed
            return [Hit(rel, "", f"{type(exc).__name__}: {exc}"[:200], "")]
        found.update(rel.split("/"))  # the file's name and folders
        found -= self.seen  # set operations in C: most texts of a page were read on another
        self.seen |= found
        for text in suspects(found):
            out += [Hit(rel, kind, mask, k) for kind, mask, k in self.matches(text, cued=True)]
        return out

    def files(self, root: str, rels: Iterable[str]) -> list[Hit]:
        return [h for rel in rels for h in self.file(root, rel)]

    def batch(self, items: list[tuple[str, bytes | None]]) -> list[Hit]:
        """The hits of many small files read as one (`batched`: pages and small JSON documents;
        `data` None: the path only). Each file is decoded and, if JSON, parsed on its own (fail
        closed per file); their texts are then found with one pass of each pattern over them
        all, joined where no text can span the join (a tag between pages, a line break between
        JSON documents, which hold none raw). A portal page or a search document costs a few
        regular-expression calls of its own instead of thirty Python calls (the 11,831 search
        documents of 10,000 decisions are read in half the time; the whole scan at 100,000
        decisions in a tenth less). The texts of a batch with a hit are read again file by
        file, so each hit names its file."""
        found: set[str] = set()
        pages: list[str] = []
        documents: list[str] = []
        bad: list[Hit] = []
        for rel, data in items:
            found.update(rel.split("/"))  # the file's name and folders
            if data is None:
                continue
            try:
                text = data.decode("utf-8")
                if rel.endswith(".json"):
                    json.loads(text)  # fail closed on a document that is not JSON
                    documents.append(text)
                else:
                    pages.append(_reduce(text, self.chrome))
            except Exception as exc:  # noqa: BLE001 - whatever a file makes its reader raise: fail closed
                bad.append(Hit(rel, "", f"{type(exc).__name__}: {exc}"[:200], ""))
        if pages:
            found |= _markup_texts(_PAGE_BREAK.join(pages))
        if documents:
            found |= _json_texts("\n".join(documents))
        found -= self.seen
        self.seen |= found
        hits = [hit for text in suspects(found) for hit in self.matches(text, cued=True)]
        if not hits:
            return bad
        alone = Scanner(self.allow, self.allowed)  # nothing read before: each file read whole
        unread = {b.rel for b in bad}
        named = [h for rel, data in items if rel not in unread for h in alone.content(rel, data)]
        # (a text only the join made, say an attribute quoted across two files: the first file)
        return bad + (named or [Hit(items[0][0], kind, mask, k) for kind, mask, k in hits])

    def digested(self, root: str, rels: Iterable[str], clean: frozenset[str]) -> tuple[list[Hit], dict[str, str], int]:
        """The hits of `rels`, the content digest of each file read, and how many of them were
        not parsed because their digest is in `clean` (a content scanned clean before, under the
        same context; its path is read all the same: a name can carry a number). Small pages
        and JSON documents are read in batches (`batch`)."""
        from gongshi.runtime.collector import rare_full_collections
        with rare_full_collections():  # (see `_digested`)
            return self._digested(root, rels, clean)

    def _digested(self, root: str, rels: Iterable[str], clean: frozenset[str]) -> tuple[list[Hit], dict[str, str], int]:
        """`digested`, run with rare full collections (runtime/collector.py): reading makes
        millions of containers (each JSON document is parsed whole to prove it is JSON; the
        open data's rows), and in the build's process, which holds the dataset and the
        publication, every full collection they set off walked all of those too."""
        hits: list[Hit] = []
        digests: dict[str, str] = {}
        known = 0
        pending: list[tuple[str, bytes | None]] = []
        for rel in rels:
            try:
                data = _read(os.path.join(root, *rel.split("/")))
            except Exception as exc:  # noqa: BLE001 - fail closed, as in `file`
                hits.append(Hit(rel, "", f"{type(exc).__name__}: {exc}"[:200], ""))
                continue
            digests[rel] = digest(rel, data)
            if digests[rel] in clean:
                known += 1
                pending.append((rel, None))
            elif batched(rel, data):
                pending.append((rel, data))
            else:
                hits += self.content(rel, data)
            if len(pending) >= _BATCH:
                hits += self.batch(pending)
                pending = []
        hits += self.batch(pending)
        return hits, digests, known


# Pages joined for one pass (`Scanner.batch`): a tag, so no text runs from one page into the next.
_PAGE_BREAK = "\n<hr>\n"
_BATCH = 64
_BATCH_BYTES = 256 * 1024


def batched(rel: str, data: bytes) -> bool:
    """Whether a file is read in a batch: a page, or a JSON document whose strings are all read
    (not the search index's meta and gram files, read their own way by `texts`), below 256 kB
    (larger JSON is open data, read line by line against the lines read before)."""
    if len(data) > _BATCH_BYTES:
        return False
    name = rel.rsplit("/", 1)[-1]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in ("html", "htm"):
        return True
    return ext == "json" and rel.endswith(".json") and not (
        rel == "search/meta.json" or rel.startswith(("search/f/", "search/g/", "search/r/")))


def digest(rel: str, data: bytes) -> str:
    """What a file's verdict is remembered by: its type (which decides how it is read: the same
    bytes as .json and as .txt are read differently) and its bytes, SHA-256 (1.9 GB/s here)."""
    name = rel.rsplit("/", 1)[-1]
    h = hashlib.sha256(name.rsplit(".", 1)[-1].lower().encode("utf-8") + b"\x00" if "." in name else b"\x00")
    h.update(data)
    return h.hexdigest()[:32]


# ------------------------------------------------------------------ which files

@dataclass(frozen=True)
class State:
    """What the published build's scan was: the context it ran in (allowed values, allow list,
    the code), when it started, and the content digest of each file of that build (`digest`). A
    file linked from that build, not modified since, was read then under the same context; so
    was any file whose digest is one of `files`' (a content moved, or written again the same)."""

    context: str
    since_ns: int
    files: dict[str, str] = field(default_factory=dict, compare=False)

    def clean(self, ctx: str) -> frozenset[str]:
        """The digests whose contents need no reading under the context `ctx`."""
        return frozenset(self.files.values()) if self.context == ctx else frozenset()


def state_path(output: str) -> str:
    """<parent>/.cache/outscan/<name>.json for an output folder (beside the page cache's)."""
    output = os.path.abspath(output)
    return os.path.join(os.path.dirname(output), ".cache", "outscan", os.path.basename(output) + ".json")


def load_state(output: str) -> State | None:
    try:
        with open(state_path(output), encoding="utf-8") as fh:
            doc = json.load(fh)
        files = doc.get("files") or {}
        if not isinstance(files, dict):
            files = {}
        return State(str(doc["context"]), int(doc["since_ns"]), {str(k): str(v) for k, v in files.items()})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_state(output: str, state: State) -> None:
    path = state_path(output)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"context": state.context, "since_ns": state.since_ns, "files": state.files}, fh,
                  separators=(",", ":"), sort_keys=True)
    os.replace(tmp, path)


def forget_state(output: str) -> None:
    try:
        os.remove(state_path(output))
    except OSError:
        pass


def context(allow: tuple[str, ...], allowed_keys: frozenset[str]) -> str:
    """A digest of what decides a scan's answer: the allowed values and the scanning code."""
    from gongshi.checks import attachments, attachparts
    from gongshi.policy import normalise, prose
    h = hashlib.sha256()
    for module in (__file__, d.__file__, normalise.__file__, prose.__file__, attachments.__file__,
                   attachparts.__file__):
        with open(module, "rb") as fh:
            h.update(fh.read())
    h.update(json.dumps([list(allow), sorted(allowed_keys)], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def plan(root: str, published: str | None, state: State | None, ctx: str) -> tuple[list[str], list[str]]:
    """(files to read, files skipped): every file under `root`, but those the published
    build's scan read when that scan ran in the same context: a file hard-linked from `published`
    (same inode) or one whose bytes equal its published twin's (the open data, written afresh
    each build, mostly unchanged), provided the published file was not modified since its scan."""
    reuse = published is not None and state is not None and state.context == ctx and os.path.isdir(published)
    out: list[str] = []
    skipped: list[str] = []

    def known(e: os.DirEntry[str], rel: str) -> bool:
        assert published is not None and state is not None
        st = e.stat(follow_symlinks=False)
        path = os.path.join(published, *rel.split("/"))
        try:
            twin = os.stat(path, follow_symlinks=False)
        except OSError:
            return False
        if twin.st_mtime_ns >= state.since_ns or st.st_size != twin.st_size:
            return False
        if (twin.st_ino, twin.st_dev) == (st.st_ino, st.st_dev):
            return st.st_mtime_ns < state.since_ns
        return _same_bytes(e.path, path)

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            rel = prefix + e.name
            if e.is_dir(follow_symlinks=False):
                walk(e.path, rel + "/")
                continue
            if reuse and e.is_file(follow_symlinks=False) and known(e, rel):
                skipped.append(rel)
                continue
            out.append(rel)  # links, sockets and the like are read too: open() fails closed
    walk(root, "")
    return out, skipped


def _same_bytes(a: str, b: str) -> bool:
    try:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                x, y = fa.read(1 << 20), fb.read(1 << 20)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


# Files that repeat one another's strings (the open-data tables: the whole set, each agency's
# part, as CSV and as JSON) go to the same worker, whose memory of texts read then answers most
# of them (measured at 10,000 decisions: a third of the open data's cost).
_TOGETHER = ("data/",)


def chunks(rels: list[str], n: int, root: str | None = None) -> list[list[str]]:
    """`rels` in `n` parts of about the same size: the files under `_TOGETHER` in one part, the
    others dealt to whichever part is lightest (by bytes when `root` is given, else by count)."""
    def weight(rel: str) -> int:
        if root is None:
            return 1
        try:
            return os.path.getsize(os.path.join(root, *rel.split("/"))) + 512
        except OSError:
            return 512  # read (and reported) by its worker
    parts: list[list[str]] = [[] for _ in range(n)]
    loads = [0] * n
    together = [r for r in rels if r.startswith(_TOGETHER)]
    if together:
        parts[0] += together
        loads[0] += sum(weight(r) for r in together)
    for rel in rels:
        if not rel.startswith(_TOGETHER):
            i = loads.index(min(loads))
            parts[i].append(rel)
            loads[i] += weight(rel)
    return [p for p in parts if p]


# ------------------------------------------------------------------ findings

def sources(hits: list[Hit], ds: Dataset, urls: dict[str, str], root: str | None = None) -> dict[Hit, str]:
    """The record file each hit comes from, where the build knows it: the record whose page the
    output file is, or whose page a search document under `root` stands for (its "u": a number
    that two fields make only where the document joins them, title and party, is in no single
    field of the record; second red-team pass), else a record whose text holds the same number.
    Run only when there are hits."""
    from gongshi.checks.redaction import fields_of
    out = {h: urls[h.rel] for h in hits if h.rel in urls}
    for h in hits:
        if h not in out and root and h.rel.startswith("search/d/") and h.rel.endswith(".json"):
            page = _document_page(os.path.join(root, *h.rel.split("/")))
            if page in urls:
                out[h] = urls[page]
    wanted = {h.key for h in hits if h not in out and h.key}
    where: dict[str, str] = {}
    if wanted:
        for kind in KINDS:
            for rec in ds.of(kind):
                for _keys, value, _field in fields_of(rec):
                    for m in d.detect(value):
                        k = key(m.kind, m.text) if m.kind in KINDS_SCANNED else ""
                        if k in wanted and k not in where:
                            where[k] = rec.file
                if len(where) == len(wanted):
                    break
    for h in hits:
        if h not in out and h.key in where:
            out[h] = where[h.key]
    return out


def _document_page(path: str) -> str | None:
    """The page a search document stands for (its "u"), None when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError):
        return None
    page = doc.get("u") if isinstance(doc, dict) else None
    return page if isinstance(page, str) else None


def findings(hits: list[Hit], ds: Dataset, output: str, urls: dict[str, str] | None = None,
             root: str | None = None) -> list[Finding]:
    """One finding a hit, in a stable order: at the source record when known, else at the file
    as it would have been published (`output`/rel); `root`: the folder scanned."""
    from gongshi.checks.redaction import visible  # a mask across a line break prints on one line
    known = sources(hits, ds, urls or {}, root)
    out = []
    for h in sorted(set(hits), key=lambda h: (h.rel, h.kind, h.mask, h.key)):
        at = os.path.join(output, *h.rel.split("/"))
        if not h.kind:
            out.append(UNREADABLE(at, out=h.rel, problem=h.mask, problem_en=h.mask))
            continue
        zh, en = d.WHAT.get(h.kind, (h.kind, h.kind))
        src = known.get(h)
        out.append(LEAK(src or at, out=h.rel, what=zh, what_en=en, mask=visible(h.mask),
                        source=f"，来自记录 {os.path.relpath(src, ds.root)}" if src else "",
                        source_en=f", from record {os.path.relpath(src, ds.root)}" if src else ""))
    return out


# ------------------------------------------------------------------ the whole folder

@dataclass
class Outcome:
    """What a scan of a build folder found and did."""

    findings: list[Finding]
    read: int       # files parsed
    skipped: int    # files not parsed: linked from the published build or the same bytes, or
                    # a content digest already scanned clean (read when it went online)
    state: State    # to save once the folder is published


def scan(root: str, ds: Dataset, published: str | None = None, pages: Callable[[], dict[str, str]] | None = None,
         workers: int | None = None, only: Iterable[str] | None = None, previous: State | None = None) -> Outcome:
    """Every file under `root`, read over the cores; the entry point of the output scan.

    `published`: the folder `root` will replace; the files `plan` finds unchanged since its scan
    are not read. `only`: instead of walking `root`, just these files (paths relative to `root`,
    with /): the new and changed files of a build that reuses the others from the published
    build (a segmented build); the caller vouches that every other file is the published file,
    byte for byte. `previous`: the published build's scan (`load_state(published)` when not
    given): a file read whose content digest (`digest`: its type and bytes) is one of that
    scan's, under the same context, is not parsed again; only its path is read. `pages()`:
    output path -> record file, asked only when there are findings; `workers`: forked jobs
    (default: one per core when runtime.jobs runs jobs in children, else none).

    The outcome's `state` holds the digest of every file of the build (the reused ones' from
    `previous`); save it (`save_state`) once the folder is published and only then: a scan
    with findings records nothing."""
    import time

    from gongshi.runtime import jobs
    started = time.time_ns()
    allow = allow_list(ds)
    allowed_keys = allowed(ds)
    ctx = context(allow, allowed_keys)
    if previous is None and published:
        previous = load_state(published)
    before = previous.files if previous is not None and previous.context == ctx else {}
    if only is None:
        rels, reused = plan(root, published, previous, ctx)
        carried = {rel: before[rel] for rel in reused if rel in before}
    else:
        rels, reused = sorted(set(only)), []
        carried = dict(before)
    clean = frozenset(before.values())
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if jobs.parallel() else 1
    scanner = Scanner(allow, allowed_keys)
    # The detectors build their tables on first use (normalise's slow-path class over the BMP,
    # the cues): built once here, the forked workers inherit them instead of each building them.
    list(scanner.matches("联系电话 139 1234 5678，z@example.com，皖A12345，&#49;"))
    if workers <= 1 or len(rels) < 200:
        results = [scanner.digested(root, rels, clean)]
    else:
        running = [jobs.start(f"output scan {i + 1}", scanner.digested, root, part, clean)
                   for i, part in enumerate(chunks(rels, workers, root))]
        results = [job.result() for job in running]
    hits = [h for part_hits, _digests, _known in results for h in part_hits]
    digests = {**carried, **{rel: dg for _hits, part, _known in results for rel, dg in part.items()}}
    known = sum(k for _hits, _digests, k in results)
    found = findings(hits, ds, published or root, pages() if pages else None, root) if hits else []
    return Outcome(found, len(rels) - known, len(reused) + known, State(ctx, started, {} if found else digests))
