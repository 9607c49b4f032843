"""Personal-data detectors of the redaction gate (R-REDACT) and the masks that hide them.

Pure text in, matches out: no records, no files. Every detector runs on a normalised copy of
the text (full-width digits, letters and punctuation mapped one to one onto ASCII), so the
offsets of a match are the offsets in the original text and a mask replaces exactly it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from ..checksums import id_valid, luhn_valid, uscc_valid

ID = "id"
ID15 = "id15"
MOBILE = "mobile"
LANDLINE = "landline"
CARD = "card"
EMAIL = "email"
PLATE = "plate"
NAME = "name"
CREDIT_CODE = "credit_code"  # not personal data: reported only when its checksum is wrong

WHAT = {ID: ("身份证号码", "resident ID number"), ID15: ("15 位身份证号码", "15-digit resident ID number"),
        MOBILE: ("手机号码", "mobile number"), LANDLINE: ("固定电话号码", "landline number"),
        CARD: ("银行卡号", "bank card number"), EMAIL: ("电子邮箱", "e-mail address"),
        PLATE: ("机动车号牌", "vehicle plate"), NAME: ("自然人姓名", "natural person's name"),
        CREDIT_CODE: ("统一社会信用代码", "unified social credit code")}

# One to one, so offsets survive: full-width digits and letters, and the punctuation numbers use.
_FULL = {0xFF10 + i: chr(0x30 + i) for i in range(10)}
_FULL.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_FULL.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_FULL.update({ord("－"): "-", ord("—"): "-", ord("‐"): "-", ord("　"): " ", ord("＋"): "+",
              ord("（"): "(", ord("）"): ")", ord("＠"): "@", ord("．"): ".", ord("\u00a0"): " "})


_FULL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FULL)) + "]")


def normalise(text: str) -> str:
    """`text` with full-width forms mapped onto ASCII, character for character."""
    # translate() is slow per character; most text has nothing to map.
    return text.translate(_FULL) if _FULL_RE.search(text) else text


# Not glued to a longer code (JY1234…, XK2024…) nor to a mask's * (what a mask leaves
# standing next to its stars is never a match of its own: masking is idempotent).
# Nor part of a decimal amount (2000000.00).
_B = r"(?<![0-9A-Za-z*])(?<!\d\.)"
_E = r"(?![0-9A-Za-z*]|\.\d)"
_S = r"[ \-]?"             # one optional space or dash between digit groups
# Any grouping (6-8-4, 4-4-4-4-2, …): province, birth date and check digit do the filtering.
ID_RE = re.compile(_B + rf"[1-9](?:{_S}\d){{16}}{_S}[\dXx]" + _E)
ID15_RE = re.compile(_B + rf"[1-9]\d{{5}}{_S}\d{{6}}{_S}\d{{3}}" + _E)
MOBILE_RE = re.compile(_B + rf"(?:(?:\+|00)?86{_S})?1[3-9]\d{_S}\d{{4}}{_S}\d{{4}}" + _E)
LANDLINE_RE = re.compile(_B + r"(?<!-)" + rf"(?:\(0[1-9]\d{{1,2}}\){_S}|0[1-9]\d{{1,2}}{_S})[2-9]\d{{6,7}}" + _E)
# Contiguous, or in groups of four (a last group of 1-3): dates and codes do not group so.
CARD_RE = re.compile(_B + r"[3-6](?:\d{15,18}|\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{4}|[ -]?\d{1,3})?)" + _E)
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+@*-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PLATE_RE = re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・ -]?"
                      r"[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]" + _E)
# Registration authority (1-9, A, N, Y) and organisation type (1-9) first, then the region.
USCC_RE = re.compile(_B + r"[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}" + _E)
# Only worth running the number detectors when five digits stand close together.
_DIGITS = re.compile(r"\d[ \-()]?\d[ \-()]?\d[ \-()]?\d[ \-()]?\d")
# Nothing to find without a digit, an @ or a plate's province: most fields stop here.
_ANY = re.compile(r"[0-9@]|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]")
# A 18-character code right after these words is a credit code even if it looks like an ID.
_CODE_LABEL = re.compile(r"(信用代码|社会信用|注册号|USCC)[^0-9A-Za-z]{0,6}\Z")

PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
                       45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82})


@dataclass(frozen=True)
class Match:
    """One piece of personal data in a text: kind, span, the text itself and its mask."""

    kind: str
    start: int
    end: int
    text: str
    mask: str | None  # None: cannot be masked automatically (e.g. a bad credit code)


def digits(text: str) -> str:
    """Only the digits (and a trailing X) of a normalised number."""
    return "".join(c for c in normalise(text) if c.isdigit() or c in "Xx").upper()


def mask_digits(text: str, head: int, tail: int) -> str:
    """`text` with every digit but the first `head` and last `tail` replaced by *."""
    norm = normalise(text)
    total = sum(1 for c in norm if c.isdigit() or c in "Xx")
    out, seen = [], 0
    for raw, c in zip(text, norm):
        if c.isdigit() or c in "Xx":
            out.append(raw if seen < head or seen >= total - tail else "*")
            seen += 1
        else:
            out.append(raw)
    return "".join(out)


def _birth_ok(yyyymmdd: str) -> bool:
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return dt.date(1890, 1, 1) <= day <= dt.date(2099, 12, 31)


def id_shaped(number: str) -> bool:
    """Whether 18 digits look like a resident ID: a province and a real birth date."""
    return len(number) == 18 and int(number[:2]) in PROVINCES and _birth_ok(number[6:14])


def _labelled_code(norm: str, start: int) -> bool:
    return _CODE_LABEL.search(norm, max(0, start - 12), start) is not None


def _ids(text: str, norm: str) -> Iterable[Match]:
    for m in ID_RE.finditer(norm):
        number = digits(m.group())
        if id_shaped(number) and id_valid(number) and not (
                uscc_valid(number) and _labelled_code(norm, m.start())):
            yield Match(ID, m.start(), m.end(), text[m.start():m.end()], mask_digits(text[m.start():m.end()], 6, 4))
    for m in ID15_RE.finditer(norm):
        number = digits(m.group())
        if int(number[:2]) in PROVINCES and _birth_ok("19" + number[6:12]):
            yield Match(ID15, m.start(), m.end(), text[m.start():m.end()], mask_digits(text[m.start():m.end()], 6, 3))


def _phones(text: str, norm: str) -> Iterable[Match]:
    for m in MOBILE_RE.finditer(norm):
        head = len(digits(m.group())) - 8  # country code + the 3-digit network prefix
        yield Match(MOBILE, m.start(), m.end(), text[m.start():m.end()], mask_digits(text[m.start():m.end()], head, 4))
    for m in LANDLINE_RE.finditer(norm):
        area = re.match(r"\(?(0\d{2,3})", m.group())
        head = len(area.group(1)) if area else 0
        yield Match(LANDLINE, m.start(), m.end(), text[m.start():m.end()], mask_digits(text[m.start():m.end()], head, 4))


def _cards(text: str, norm: str) -> Iterable[Match]:
    for m in CARD_RE.finditer(norm):
        # The greedy match may have swallowed a following number written with a space;
        # try every end that stops before a separator, longest first.
        ends = [i + 1 for i in range(m.start(), m.end())
                if norm[i].isdigit() and (i + 1 == m.end() or not norm[i + 1].isdigit())]
        for end in reversed(ends):
            raw = text[m.start():end]
            number = digits(raw)
            # An ID-shaped 18-digit number with a wrong check digit is not personal data.
            if 16 <= len(number) <= 19 and luhn_valid(number) and not id_shaped(number) \
                    and not uscc_valid(number):
                yield Match(CARD, m.start(), end, raw, mask_digits(raw, 4, 4))
                break


def _emails(text: str, norm: str) -> Iterable[Match]:
    for m in EMAIL_RE.finditer(norm):
        raw = text[m.start():m.end()]
        at = raw.index("@") if "@" in raw else raw.index("＠")
        yield Match(EMAIL, m.start(), m.end(), raw, raw[0] + "***" + raw[at:])


def _plates(text: str, norm: str) -> Iterable[Match]:
    for m in PLATE_RE.finditer(norm):
        raw = text[m.start():m.end()]
        if not any(c.isdigit() for c in m.group()[2:]):
            continue
        yield Match(PLATE, m.start(), m.end(), raw, raw[:2] + "*" * (len(raw) - 4) + raw[-2:])


def _codes(text: str, norm: str) -> Iterable[Match]:
    for m in USCC_RE.finditer(norm):
        code = m.group().upper()
        if not code.isdigit() and not uscc_valid(code):
            yield Match(CREDIT_CODE, m.start(), m.end(), text[m.start():m.end()], None)


DETECTORS: list[Callable[[str, str], Iterable[Match]]] = [_ids, _cards, _phones, _codes]


def detect(text: str, allow: Iterable[str] = ()) -> list[Match]:
    """Every piece of personal data in `text` (and malformed credit codes), in order.

    Where matches overlap the earlier detector wins (an ID is not also a card); strings on
    the allow list, and anything inside one of them, are public.
    """
    norm = normalise(text)
    if not _ANY.search(norm):
        return []
    found: list[Match] = []
    if _DIGITS.search(norm):
        for detector in DETECTORS:
            found.extend(detector(text, norm))
    if "@" in norm:
        found.extend(_emails(text, norm))
    found.extend(_plates(text, norm))
    if not found:
        return []
    allowed = _allowed_spans(norm, allow)
    out: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in found:
        if any(s <= m.start and m.end <= e for s, e in allowed):
            continue
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def _allowed_spans(norm: str, allow: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for a in allow:
        a = normalise(a)
        if not a:
            continue
        i = norm.find(a)
        while i >= 0:
            spans.append((i, i + len(a)))
            i = norm.find(a, i + 1)
    return spans


# Courts keep the surname and replace the given name with 某 (two-character surnames kept whole).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 西门 南宫 独孤 轩辕 "
    "呼延 澹台 公冶 太史 申屠 闻人 赫连 万俟 钟离 宗政 濮阳 淳于 单于 拓跋 百里 东郭 南门 羊舌 微生".split())
_HAN = re.compile(r"[\u4e00-\u9fff]+\Z")


def surname(name: str) -> str:
    """The surname of a Chinese name (two characters for a compound surname)."""
    return name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]


def name_masked(name: str) -> bool:
    """Whether a name is already masked: surname + 某 or 某某 (张某, 张某某, 欧阳某)."""
    name = name.strip()
    family = surname(name)
    rest = name[len(family):]
    return bool(family) and "某" not in family and rest in ("某", "某某")


def mask_name(name: str) -> str | None:
    """张三丰 -> 张某某, 张三 -> 张某; None when `name` is not a plain Chinese name."""
    name = name.strip()
    if not (2 <= len(name) <= 5 and _HAN.match(name)):
        return None
    family = surname(name)
    return family + "某" * min(2, len(name) - len(family))
