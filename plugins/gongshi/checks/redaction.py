"""R-REDACT, the redaction gate: no personal data in any text the portal publishes.

Every text field of every kind is read, found by walking each kind's schema, so a field
added later is gated without anyone remembering to; a field declares only what the law
publishes in it (`Text(disclosed=...)`: an officer's name, an office's phone). A leak is a
blocking error at the exact line and column of the match, inside a block or folded text too
(`locate.align` maps each character of a parsed value back to the file); `gongshi redact` rewrites
the same characters with the proposed masks. The pages and notices Pelican publishes are
gated in `pages.py`, with the same detectors.
"""
from __future__ import annotations

import bisect
import itertools
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, NamedTuple

from gongshi.checks.glyphs import LOOK_ALIKE, UNREAD, code_points, letters_for_digits, unread
from gongshi.checks.encoded import ENCODED, encoded, how as encoded_how
from gongshi.checks.layout import SPLIT, split_numbers, what as split_what
from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.runtime.checksums import USCC_CHARS, uscc_check_char, uscc_valid
from gongshi.model.dataset import Dataset
from gongshi.model.findings import ERROR, WARNING, Finding, Msg
from gongshi.model.kinds import KINDS, Record
from gongshi.model.schema import Either, Field, Integer, ListOf, MapOf, Obj, Text
from gongshi.policy.locate import Leak, Located, locate
from gongshi.policy import detectors as d
from gongshi.policy import names
from gongshi.policy.normalise import INVISIBLE, view

LEAK = Msg("R-REDACT", "{what}未作隐私处理，不能公开；建议改为“{mask}”",
           "unredacted {what_en}: it must not be published; proposed masking: '{mask}'",
           "运行 gongshi redact --write <文件> 自动遮盖；确属公开信息的（如单位电话），加入 site.yml 的 policy.redaction.allow",
           "run gongshi redact --write <file> to mask it; if it is public (an office phone), add it to policy.redaction.allow in site.yml")
NAME = Msg("R-REDACT", "自然人的姓名未作隐去处理，应写作“{mask}”",
           "a natural person's name is not masked; write it as '{mask}'",
           "运行 gongshi redact --write <文件> 自动遮盖（按公示政策 natural_person_name: mask，只保留姓氏，名字写作“某”，例如 张某某）；"
           "确属依法公开的姓名，加入 policy.redaction.allow",
           "run gongshi redact --write <file> to mask it (the policy natural_person_name: mask keeps the surname and writes "
           "the given name as 某, e.g. 张某某); a name published by law goes into policy.redaction.allow")
NAME_MANUAL = Msg("R-REDACT", "自然人的姓名未作隐去处理", "a natural person's name is not masked",
                  "只写姓氏加“某”或“某某”，例如 张某某", "write the surname followed by 某 or 某某, e.g. 张某某")
HEALTH = Msg("R-REDACT", "自然人的健康信息（“{text}”）不能公开", "a natural person's health data ('{text}') must not be published",
             "删去病名，或改写为不指明疾病的表述（例如“患有有碍食品安全的疾病”）",
             "remove the diagnosis, or write it without naming it (e.g. 患有有碍食品安全的疾病)")
PERSON_ID = Msg("R-REDACT", "当事人是自然人，其身份证件号码或代码不能公开",
                "the party is a natural person: their identity number or code must not be published",
                "删除 credit_code 这一行；自然人没有统一社会信用代码，个体工商户请把类别写作 个体工商户",
                "delete the credit_code line; a natural person has no credit code (a sole trader's type is 个体工商户)")
HIDDEN = Msg("R-REDACT", "文字中有不可见字符或文字方向控制字符 {chars}，读者看到的文字与文件中的不同",
             "the text holds an invisible or text-direction character {chars}: readers see other text than the file holds",
             "删除该字符（gongshi redact --write 会删除）；它常随从网页或 Word 复制的文字而来，也可能把号码藏起来或倒过来显示",
             "delete it (gongshi redact --write does); it often comes with text copied from web pages or Word, and can "
             "hide a number or show it reversed")
UNREAD_DIGITS = Msg("R-REDACT", "文字中有其他文字的数字或加在字母、数字上的组合符号（{chars}）：读者能读出其中的号码，隐私检查却读不出",
                    "the text holds digits of another script or combining marks on letters or digits ({chars}): a "
                    "reader reads the number in them, the privacy check cannot",
                    "用 0–9 重新输入这些数字，删去组合符号（它们常随从网页或其他语言的文档复制的文字而来）；若是个人信息，同时作隐私处理",
                    "retype the digits as 0-9 and delete the combining marks (they come with text copied from web pages "
                    "or documents in other languages); if it is personal data, mask it too")
LETTERS_FOR_DIGITS = Msg("R-REDACT", "号码或英文中夹有形似数字或字母的字母（{chars}）：读者能读出其中的号码或地址，隐私检查却读不出",
                         "a number or Latin word holds letters that look like digits or Latin letters ({chars}): a "
                         "reader reads the number or address in it, the privacy check cannot",
                         "用 0–9 和英文字母重新输入（如 O 改为 0、I 或 l 改为 1）；若是个人信息，同时作隐私处理",
                         "retype it with the digits 0-9 and Latin letters (O as 0, I or l as 1); if it is personal "
                         "data, mask it too")
FILE_NAME = Msg("R-REDACT", "文件名或文件夹名“{name}”中有{what}：它会成为公开网址的一部分",
                "the file or folder name '{name}' holds a {what_en}: it becomes part of a public address",
                "用 git mv 把文件改名为不含个人信息的编号，例如 cf-2024-0015.yml（此处显示的路径已遮盖该号码：按未遮盖的首尾字符在该文件夹中找到它）",
                "rename the file with git mv to a number without personal data, e.g. cf-2024-0015.yml (the path shown "
                "here has the number masked: find the file in its folder by the characters left at either end)")
ATTACHMENT_NAME = Msg("R-REDACT", "附件文件名“{name}”中有{what}：附件按此文件名公开",
                      "the attachment's file name '{name}' holds a {what_en}: the file is published under that name",
                      "用 git mv 把附件改名为不含个人信息的名称，并同时修改这里的路径",
                      "rename the attachment with git mv to a name without personal data, and change the path here too")
NUMBER_VALUE = Msg("R-REDACT", "数字字段的值“{mask}”形如{what}：它会原样出现在公开的页面和开放数据中",
                   "the number field's value '{mask}' has the shape of a {what_en}: it is published as written in "
                   "pages and open data",
                   "核对是否把电话、证件或账号填进了金额、人数等数字字段；确为公开的数字（如一笔巨额罚款），加入 site.yml 的 "
                   "policy.redaction.allow",
                   "check whether a phone, ID or account number was typed into an amount or a count; a public figure (a "
                   "very large fine) goes into policy.redaction.allow in site.yml")
SPLIT_NUMBER = Msg("R-REDACT", "表格、列表或换行把一个{what}拆成了几段：读者在页面上仍会连起来读出",
                   "a {what_en} is split over table cells, rows, list items or line breaks: a reader of the page "
                   "still reads it whole",
                   "把每一段都作隐私处理（例如手机号码只留前 3 位和后 4 位，中间写作 *），或删去该号码",
                   "mask every piece (a mobile keeps its first 3 and last 4 digits, the rest as *), or delete the number")
ENCODED_TEXT = Msg("R-REDACT", "{how}中藏有号码：页面上不显示，却随网页源码、开放数据和搜索索引公开",
                   "{how_en} hides a number: not shown on the page, yet published in its source, the open data and the "
                   "search index",
                   "删去这段注释或编码内容；证据材料作为附件（files/）提交，不要以 data: 或 base64 写进文字",
                   "delete the comment or encoded text; file evidence as an attachment (files/), not as data: or "
                   "base64 in the text")
BAD_CODE = Msg("R-CODE", "统一社会信用代码 {code} 的校验位不正确（按 GB 32100 应为 {check}）",
               "the check character of unified social credit code {code} is wrong (GB 32100 gives {check})",
               "核对代码是否抄错", "check the code for a copying mistake", WARNING)


def scan_paths(spec: Field, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Text]]:
    """(key path, field) of every scanned Text under `spec`; '*' stands for any index or key."""
    if isinstance(spec, Text):
        return [(prefix, spec)] if spec.scan else []
    if isinstance(spec, Obj):
        return [p for k, f in spec.fields.items() for p in scan_paths(f, prefix + (k,))]
    if isinstance(spec, ListOf):
        return scan_paths(spec.item, prefix + ("*",))
    if isinstance(spec, MapOf):
        return scan_paths(spec.value, prefix + ("*",))
    if isinstance(spec, Either):
        seen: dict[tuple[Any, ...], Text] = {}
        for path, field in scan_paths(spec.short, prefix) + scan_paths(spec.long, prefix):
            seen.setdefault(path, field)
        return sorted(seen.items(), key=lambda p: str(p[0]))
    return []


def number_paths(spec: Field, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Key paths of every integer or number field under `spec` ('*' for any index or key)."""
    if isinstance(spec, Integer):
        return [prefix]
    if isinstance(spec, Obj):
        return [p for k, f in spec.fields.items() for p in number_paths(f, prefix + (k,))]
    if isinstance(spec, (ListOf, MapOf)):
        return number_paths(spec.item if isinstance(spec, ListOf) else spec.value, prefix + ("*",))
    if isinstance(spec, Either):
        return sorted(set(number_paths(spec.short, prefix) + number_paths(spec.long, prefix)), key=str)
    return []


@lru_cache(maxsize=None)
def kind_numbers(kind: str) -> tuple[tuple[Any, ...], ...]:
    """The integer and number fields of one record kind (a fine, a count)."""
    return tuple(number_paths(KINDS[kind].schema))


def _values(value: Any, path: tuple[Any, ...], at: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(key path, value) of what a record holds at a path with '*' wildcards."""
    if not path:
        yield at, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        items: Any = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for k, v in items:
            yield from _values(v, rest, (*at, k))
    elif isinstance(value, dict) and head in value:
        yield from _values(value[head], rest, (*at, head))


# Seven digits: the shortest number-like kind (a local phone) a bare integer can spell.
_NUMBER_DIGITS = 7


def _numbers(rec: Record, allow: tuple[str, ...]) -> list[Leak]:
    """Integers in number fields that have the shape of a phone, an ID or a card (a fine of
    13957312846 yuan). A number field is published as written (pages, open data), so the output
    scan refused it, but only at build time and without the record's line; read here too, the
    clerk sees it at validate with the place (second red-team pass: "a rule that cannot be
    checked at the source is checked there"). No mask: a masked number is no number; the value
    is retyped, or allowed."""
    out = []
    for path in kind_numbers(rec.kind):
        for keys, value in _values(rec.data, path):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            text = str(value)
            if len(text) < _NUMBER_DIGITS:
                continue
            for m in d.detect(text, allow, prose=False):
                if m.kind in d.NUMBER_KINDS:
                    out.append(Leak(rec, keys, d.Match(m.kind, m.start, m.end, m.text, None)))
    return out


@lru_cache(maxsize=None)
def kind_fields(kind: str) -> tuple[tuple[tuple[Any, ...], Text], ...]:
    """The scanned (key path, field) pairs of one record kind."""
    return tuple(scan_paths(KINDS[kind].schema))


def kind_paths(kind: str) -> tuple[tuple[Any, ...], ...]:
    """The scanned key paths of one record kind."""
    return tuple(p for p, _ in kind_fields(kind))


# A node of a kind's scanned-path tree: the Text read at this path (None: none), its children
# by key, and the child for any list index or map key ('*').
class Node(NamedTuple):
    leaf: Text | None
    keys: dict[Any, "Node"]
    star: "Node | None"


@lru_cache(maxsize=None)
def _tree(kind: str) -> Node:
    """The scanned paths of a kind as a tree (a law is a text or a {title, article} map: a
    node may be read as text and have children too)."""
    root: dict[Any, Any] = {}
    for path, field in kind_fields(kind):
        node = root
        for key in path:
            node = node.setdefault(key, {})
        node[None] = field

    def freeze(d: dict[Any, Any]) -> Node:
        star = d.get("*")
        return Node(d.get(None), {k: freeze(v) for k, v in d.items() if k is not None and k != "*"},
                    freeze(star) if star is not None else None)
    return freeze(root)


def fields_of(rec: Record) -> list[tuple[tuple[Any, ...], str, Text]]:
    """(key path, text, field) of every scanned text in a record, in the record's order."""
    out: list[tuple[tuple[Any, ...], str, Text]] = []

    def visit(value: Any, node: Node, at: tuple[Any, ...]) -> None:
        # One pass over what the record holds (not over every field the schema could hold),
        # texts read inline, one call per container (not per value): this runs for every record.
        if isinstance(value, dict):
            keys, star = node.keys, node.star
            pairs: Any = value.items()
        elif isinstance(value, list) and node.star is not None:
            keys, star = {}, node.star
            pairs = enumerate(value)
        else:
            return
        for key, child in pairs:
            sub = keys.get(key) or star
            if sub is None:
                continue
            if isinstance(child, str):
                if sub.leaf is not None:
                    out.append(((*at, key), child, sub.leaf))
            elif sub.keys or sub.star is not None:
                visit(child, sub, (*at, key))

    visit(rec.data, _tree(rec.kind), ())
    return out


def masks_names(policy: dict[str, Any]) -> bool:
    """Whether natural persons' names are masked; fail closed: without a policy they are."""
    return bool((policy.get("redaction") or {}).get("natural_person_name", "mask") == "mask")


# The party's own name fields are judged by the party rule below, not by the name model.
_PARTY_NAMES = {("party", "name"), ("party", "legal_representative")}


def _people(rec: Record, policy: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, name) of the natural persons a decision names that must be masked."""
    if rec.kind != "decision" or not masks_names(policy):
        return []
    party = rec.data.get("party") or {}
    out = []
    if party.get("type") == "自然人" and party.get("name"):
        out.append((("party", "name"), party["name"]))
    if party.get("legal_representative"):
        out.append((("party", "legal_representative"), party["legal_representative"]))
    return [(k, n) for k, n in out if not d.name_masked(n)]


def _public(rec: Record) -> tuple[str, ...]:
    """Names the record itself shows to be public: an organisation party's own name (a shop
    named after its owner, 李四华水果店, is the shop's); a sole trader's only when it is a trade
    name (longer than a person's name), not the person's."""
    party = (rec.data.get("party") or {}) if rec.kind == "decision" else {}
    name, kind = party.get("name"), party.get("type")
    if isinstance(name, str) and (kind in ("法人", "非法人组织") or (kind == "个体工商户" and len(name.strip()) > 5)):
        return (name,)
    return ()


def _overlaps(leaks: list[Leak], keys: tuple[Any, ...], start: int, end: int) -> bool:
    return any(lk.keys == keys and lk.match.start < end and start < lk.match.end for lk in leaks)


# The key path of a leak in the record's file or folder name (no key of a record starts with <).
FILE_NAME_KEY = "<file name>"


def _file_names(rec: Record, allow: tuple[str, ...]) -> list[Leak]:
    """Leaks in the names a record's file goes by, which become its public address: the agency's
    folder and the file's own name (`341522198501011236.yml` becomes …/341522198501011236.html).
    Renaming is the clerk's: no mask."""
    out = []
    for part in dict.fromkeys(p for p in (rec.agency, rec.slug) if p):
        for m in d.detect(part, allow):
            if m.kind != d.CREDIT_CODE:
                out.append(Leak(rec, (FILE_NAME_KEY, part), d.Match(m.kind, m.start, m.end, m.text, None)))
    return out


def scan_record(rec: Record, policy: dict[str, Any]) -> list[Leak]:
    """Every leak in one record's text, in field order, then in its file name."""
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    fields = fields_of(rec)
    # A decision about an organisation: "当事人住所" is its registered seat (public), not a home.
    organisation = rec.kind == "decision" and (rec.data.get("party") or {}).get("type") in ("法人", "非法人组织")
    # Most records hold nothing any detector looks for: asked once of all their text (the
    # separator is no separator a number may hide behind), then field by field if need be.
    suspect = [x for x in fields if len(x[1]) != 18 or not d.organisation_code(x[1])]
    leaks = [] if d.quiet("\x00".join(v for _, v, _ in suspect)) else [
        Leak(rec, keys, m) for keys, value, field in suspect for m in d.detect(value, allow, field.disclosed, organisation)]
    if masks_names(policy):
        prose = [(keys, value) for keys, value, field in fields if field.prose and d.NAME not in field.disclosed
                 and not (rec.kind == "decision" and keys in _PARTY_NAMES)]
        # All of a record's prose at once, a line each (a line break ends a clause, as the start
        # of a text does): one pass of the name model a record instead of one a field.
        starts = list(itertools.accumulate((len(v) + 1 for _, v in prose), initial=0))
        at = {keys: starts[k] for k, (keys, _) in enumerate(prose)}
        taken = [(at[lk.keys] + lk.match.start, at[lk.keys] + lk.match.end) for lk in leaks if lk.keys in at]
        for m in names.name_matches("\n".join(v for _, v in prose), allow, _public(rec), taken):
            i = bisect.bisect_right(starts, m.start) - 1
            keys, value = prose[i]
            start, end = m.start - starts[i], m.end - starts[i]
            if end <= len(value):
                leaks.append(Leak(rec, keys, d.Match(d.NAME, start, end, m.text, m.mask)))
    for keys, name in _people(rec, policy):
        plain = name.strip()
        mask = d.mask_name(plain)
        for fkeys, value, _ in fields:
            start = value.find(plain)
            while start >= 0:
                end = start + len(plain)
                if not _overlaps(leaks, fkeys, start, end):
                    leaks.append(Leak(rec, fkeys, d.Match(d.NAME, start, end, plain, mask)))
                start = value.find(plain, end)
        if not any(lk.keys == keys and lk.match.kind == d.NAME for lk in leaks):
            leaks.append(Leak(rec, keys, d.Match(d.NAME, 0, len(name), name, mask)))
    # Digits the detectors cannot read (glyphs.py): one pass over all the record's text, field
    # by field only when it holds one.
    if unread("\x00".join(v for _, v, _ in fields)):
        leaks += [Leak(rec, keys, m) for keys, value, _ in fields for m in unread(value)]
    # A comment or base64 holding a number (encoded.py): asked once of all the text, then by field.
    if encoded("\x00".join(v for _, v, _ in fields), allow):
        leaks += [Leak(rec, keys, m) for keys, value, _ in fields for m in encoded(value, allow)]
    # A number cut over table cells or list items (layout.py), unless the detectors found it:
    # asked once of all the record's text (NUL joins no pieces), field by field if need be.
    if split_numbers("\x00".join(v for _, v, _ in fields), allow):
        for keys, value, _ in fields:
            leaks += [Leak(rec, keys, m) for m in split_numbers(value, allow) if not _overlaps(leaks, keys, m.start, m.end)]
    codes = _codes(rec)
    if codes and codes[0].match.kind == d.PERSON_ID:  # the whole field goes: one finding says so
        leaks = [lk for lk in leaks if lk.keys != codes[0].keys]
    elif codes and any(lk.keys == codes[0].keys for lk in leaks):
        codes = []  # an ID written as a code: the ID finding says it all
    return [_attachment(lk) for lk in leaks] + codes + _numbers(rec, allow) + _file_names(rec, allow)


# An attachment is named by its path under the agency's files/ folder (checks/attachments.py).
_ATTACHMENT_FOLDER = "files/"


def _value(lk: Leak) -> Any:
    """The value of the field a leak stands in (None where its keys lead nowhere)."""
    value: Any = lk.record.data
    for key in lk.keys:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _attachment_name(lk: Leak) -> str | None:
    """The file name of the attachment a leak stands in (a field valued files/<name>), or None."""
    value = _value(lk)
    if not isinstance(value, str) or not value.startswith(_ATTACHMENT_FOLDER) or lk.match.start < value.rfind("/"):
        return None
    return value.rsplit("/", 1)[-1]


def _is_number(lk: Leak) -> bool:
    """Whether a leak stands in a number field (its value an int or float, not a text)."""
    value = _value(lk)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _attachment(lk: Leak) -> Leak:
    """A leak in the name of an attachment a field points to cannot be masked in the field alone
    (the reference would break): it is the clerk's to rename, so it has no mask."""
    if lk.match.mask is None or _attachment_name(lk) is None:
        return lk
    m = lk.match
    return Leak(lk.record, lk.keys, d.Match(m.kind, m.start, m.end, m.text, None))


def _codes(rec: Record) -> list[Leak]:
    """A natural person's code field is an identity number; an organisation's must be well formed."""
    if rec.kind == "decision":
        party = rec.data.get("party") or {}
        keys: tuple[str, ...] = ("party", "credit_code")
        code = party.get("credit_code")
        if code and party.get("type") == "自然人":
            return [Leak(rec, keys, d.Match(d.PERSON_ID, 0, len(code), code, None))]
    elif rec.kind == "agency":
        keys, code = ("credit_code",), rec.data.get("credit_code")
    else:
        return []
    if code and len(code) == 18 and not uscc_valid(code):
        return [Leak(rec, keys, d.Match(d.CREDIT_CODE, 0, len(code), code, None))]
    return []


def _check_char(m: d.Match) -> str:
    first17 = view(m.text).text.upper()[:17]
    return uscc_check_char(first17) if all(c in USCC_CHARS for c in first17) else "?"


def finding(loc: Located) -> Finding:
    """The R-REDACT finding of a located leak."""
    return leak_finding(loc.leak, loc.leak.record.file, loc.line, loc.column)


def leak_finding(lk: Leak, file: str, line: int, column: int) -> Finding:
    """The R-REDACT finding of a leak at a place; one in the file's own name at its first line."""
    if lk.keys[:1] == (FILE_NAME_KEY,):
        zh, en = d.WHAT[lk.match.kind]
        return FILE_NAME(file, 1, 1, name=lk.keys[1], what=zh, what_en=en)
    name = _attachment_name(lk)
    if name is not None:
        zh, en = d.WHAT[lk.match.kind]
        return ATTACHMENT_NAME(file, line, column, name=name, what=zh, what_en=en)
    if _is_number(lk):
        zh, en = d.WHAT[lk.match.kind]
        masks = [m.mask for m in d.detect(lk.match.text, prose=False) if m.mask]
        return NUMBER_VALUE(file, line, column, mask=masks[0] if masks else "*" * len(lk.match.text), what=zh,
                            what_en=en)
    return match_finding(lk.match, file, line, column)


def match_finding(m: d.Match, file: str, line: int, column: int) -> Finding:
    """The R-REDACT finding of one match at a place (records and pages alike)."""
    if m.kind == d.CREDIT_CODE:
        return BAD_CODE(file, line, column, code=m.text, check=_check_char(m))
    if m.kind == d.NAME:
        return NAME(file, line, column, mask=m.mask) if m.mask else NAME_MANUAL(file, line, column)
    if m.kind == d.HEALTH:
        return HEALTH(file, line, column, text=m.text)
    if m.kind == d.PERSON_ID:
        return PERSON_ID(file, line, column)
    if m.kind == d.HIDDEN:
        return HIDDEN(file, line, column, chars=visible(m.text))
    if m.kind == UNREAD:
        return UNREAD_DIGITS(file, line, column, chars=code_points(m.text))
    if m.kind == LOOK_ALIKE:
        return LETTERS_FOR_DIGITS(file, line, column, chars=letters_for_digits(m.text))
    if m.kind == ENCODED:
        zh, en = encoded_how(m.text)
        return ENCODED_TEXT(file, line, column, how=zh, how_en=en)
    if m.kind == SPLIT:
        zh, en = split_what(m.text)
        return SPLIT_NUMBER(file, line, column, what=zh, what_en=en)
    zh, en = d.WHAT[m.kind]
    return LEAK(file, line, column, what=zh, what_en=en, mask=visible(m.mask or ""))


def visible(text: str) -> str:
    """A mask as a one-line message shows it: line breaks, tabs and invisible characters named."""
    return "".join("⏎" if c in "\r\n" else "⇥" if c == "\t" else f"<U+{ord(c):04X}>" if c in INVISIBLE else c
                   for c in text)


@check
@scoped(RECORD)  # a record's text and the policy of site.yml
def redaction_gate(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """No personal data in any record's text; masked names; well-formed credit codes."""
    policy = ds.policy
    by_file: dict[str, list[Leak]] = {}
    for kind in KINDS:
        for rec in ds.of(kind):
            if ds.focus is not None and rec.file not in ds.focus:
                continue  # its findings are known (checks/cache.py)
            for lk in scan_record(rec, policy):
                by_file.setdefault(rec.file, []).append(lk)
    for path in sorted(by_file):
        try:
            located = locate(path, by_file[path])
        except (OSError, UnicodeDecodeError):  # the file changed under us: still report, at line 1
            located = [Located(lk, 1, 1, None) for lk in by_file[path]]
        for loc in located:
            yield finding(loc)
