"""R-REDACT, the redaction gate: no personal data in any text the portal publishes.

The fields read are those the kinds declare `Text(scan=True)`, found by walking each kind's
schema, so a field added later is gated without touching this module. A leak is a blocking
error at the exact line and column of the match (inside a block text too); `gongshi redact`
rewrites the same spans with the proposed masks. The Markdown pages and notices Pelican
publishes (`ds.content`) are public text too: every line of them goes through the same
detectors (`content_gate`).
"""
from __future__ import annotations

import bisect
import codecs
import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from ..checks import check
from ..checksums import USCC_CHARS, uscc_check_char, uscc_valid
from ..dataset import Dataset
from ..findings import ERROR, WARNING, Finding, Msg
from ..kinds import KINDS, Record
from ..schema import Either, Field, ListOf, MapOf, Obj, Text
from ..yamlread import YScalar, find, parse
from . import detectors as d

LEAK = Msg("R-REDACT", "{what}未作隐私处理，不能公开；建议改为“{mask}”",
           "unredacted {what_en}: it must not be published; proposed masking: '{mask}'",
           "运行 gongshi redact --write <文件> 自动遮盖；确属公开信息的（如单位电话），加入 site.yml 的 policy.redaction.allow",
           "run gongshi redact --write <file> to mask it; if it is public (an office phone), add it to policy.redaction.allow in site.yml")
NAME = Msg("R-REDACT", "自然人的姓名未作隐去处理，应写作“{mask}”",
           "a natural person's name is not masked; write it as '{mask}'",
           "按公示政策 natural_person_name: mask，只保留姓氏，名字写作“某”（张某某）",
           "the policy natural_person_name: mask keeps the surname and writes the given name as 某 (张某某)")
NAME_MANUAL = Msg("R-REDACT", "自然人的姓名未作隐去处理", "a natural person's name is not masked",
                  "只写姓氏加“某”或“某某”，例如 张某某", "write the surname followed by 某 or 某某, e.g. 张某某")
BAD_CODE = Msg("R-REDACT", "统一社会信用代码 {code} 的校验位不正确（按 GB 32100 应为 {check}）",
               "the check character of unified social credit code {code} is wrong (GB 32100 gives {check})",
               "核对代码是否抄错", "check the code for a copying mistake", WARNING)
PAGE_LEAK = Msg("R-REDACT", "{what}未作隐私处理，不能公开；建议改为“{mask}”",
                "unredacted {what_en}: it must not be published; proposed masking: '{mask}'",
                "Markdown 页面和公告同样公开：请改为建议的写法；确属公开信息的（如单位电话），加入 site.yml 的 policy.redaction.allow",
                "Markdown pages and notices are published too: write the proposed masking; if it is public "
                "(an office phone), add it to policy.redaction.allow in site.yml")
PAGE_UNREADABLE = Msg("R-REDACT", "无法以 UTF-8 读取此页面，不能检查其中是否有个人信息",
                      "this page cannot be read as UTF-8, so it cannot be checked for personal data",
                      "请用 UTF-8 编码保存此文件", "save the file as UTF-8")


@dataclass(frozen=True)
class Leak:
    """One match in one field of one record: `keys` is the path inside the record's data."""

    record: Record
    keys: tuple[Any, ...]
    match: d.Match

    @property
    def severity(self) -> str:
        return WARNING if self.match.kind == d.CREDIT_CODE else ERROR


def scan_paths(spec: Field, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Key paths of every Text(scan=True) under `spec`; '*' stands for any list index or map key."""
    if isinstance(spec, Text):
        return [prefix] if spec.scan else []
    if isinstance(spec, Obj):
        return [p for k, f in spec.fields.items() for p in scan_paths(f, prefix + (k,))]
    if isinstance(spec, ListOf):
        return scan_paths(spec.item, prefix + ("*",))
    if isinstance(spec, MapOf):
        return scan_paths(spec.value, prefix + ("*",))
    if isinstance(spec, Either):
        return sorted(set(scan_paths(spec.short, prefix) + scan_paths(spec.long, prefix)), key=str)
    return []


# The allow list is the policy's own list of public strings; reading it would flag itself.
SKIP = {("site", ("policy", "redaction", "allow", "*"))}


@lru_cache(maxsize=None)
def kind_paths(kind: str) -> tuple[tuple[Any, ...], ...]:
    """The scanned key paths of one record kind."""
    return tuple(p for p in scan_paths(KINDS[kind].schema) if (kind, p) not in SKIP)


def texts(data: Any, path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """(concrete key path, text) of every value on `path` in typed data."""
    # Breadth-first over the path, no recursion: this runs for every field of every record.
    nodes: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    for key in path:
        step: list[tuple[tuple[Any, ...], Any]] = []
        for at, node in nodes:
            if key == "*":
                if isinstance(node, list):
                    step.extend((at + (i,), v) for i, v in enumerate(node))
                elif isinstance(node, dict):
                    step.extend((at + (k,), v) for k, v in node.items())
            elif isinstance(node, dict) and key in node:
                step.append((at + (key,), node[key]))
        if not step:
            return []
        nodes = step
    return [(at, v) for at, v in nodes if isinstance(v, str)]


def _policy_names(policy: dict[str, Any]) -> bool:
    # Fail closed: without a policy, natural persons' names are masked.
    return (policy.get("redaction") or {}).get("natural_person_name", "mask") == "mask"


def _people(rec: Record, policy: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, name) of the natural persons a decision names that must be masked."""
    if rec.kind != "decision" or not _policy_names(policy):
        return []
    party = rec.data.get("party") or {}
    out = []
    if party.get("type") == "自然人" and party.get("name"):
        out.append((("party", "name"), party["name"]))
    if party.get("legal_representative"):
        out.append((("party", "legal_representative"), party["legal_representative"]))
    return [(k, n) for k, n in out if not d.name_masked(n)]


def scan_record(rec: Record, policy: dict[str, Any]) -> list[Leak]:
    """Every leak in one record's scanned text, in field order."""
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    fields = [t for p in kind_paths(rec.kind) for t in texts(rec.data, p)]
    leaks = [Leak(rec, keys, m) for keys, value in fields for m in d.detect(value, allow)]
    for keys, name in _people(rec, policy):
        plain = name.strip()
        mask = d.mask_name(plain)
        for fkeys, value in fields:
            start = value.find(plain)
            while start >= 0:
                end = start + len(plain)
                if not any(lk.keys == fkeys and lk.match.start < end and start < lk.match.end for lk in leaks):
                    leaks.append(Leak(rec, fkeys, d.Match(d.NAME, start, end, plain, mask)))
                start = value.find(plain, end)
        if not any(lk.keys == keys and lk.match.kind == d.NAME for lk in leaks):
            leaks.append(Leak(rec, keys, d.Match(d.NAME, 0, len(name), name, mask)))
    code = (rec.data.get("party") or {}).get("credit_code") if rec.kind == "decision" else (
        rec.data.get("credit_code") if rec.kind == "agency" else None)
    if code and len(code) == 18 and not uscc_valid(code):
        keys = ("party", "credit_code") if rec.kind == "decision" else ("credit_code",)
        leaks.append(Leak(rec, keys, d.Match(d.CREDIT_CODE, 0, len(code), code, None)))
    return leaks


@dataclass(frozen=True)
class Located:
    """A leak with its place in the file: line, column and offset in the decoded text."""

    leak: Leak
    line: int
    column: int
    offset: int | None  # None: not found verbatim (folded or escaped); rewrite by hand


def read_text(path: str) -> tuple[str, bool]:
    """The decoded text of a file and whether it had a UTF-8 BOM."""
    with open(path, "rb") as fh:
        data = fh.read()
    bom = data.startswith(codecs.BOM_UTF8)
    return data[3 if bom else 0:].decode("utf-8"), bom


def locate(path: str, leaks: list[Leak], text: str | None = None) -> list[Located]:
    """Where each leak of one file stands; a match inside a block text gets its own line."""
    if text is None:
        text = read_text(path)[0]
    tree, _ = parse(text, path)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    out = []
    for lk in leaks:
        node = find(tree, lk.record.keys(*lk.keys))
        if not isinstance(node, YScalar):
            line, col = (node.line, node.col) if node is not None else (1, 1)
            out.append(Located(lk, line, col, None))
            continue
        offset = _offset_in_source(text, starts, node, lk.match)
        if offset is None:
            out.append(Located(lk, node.line, node.col, None))
            continue
        line = node.line + text.count("\n", starts[node.line - 1], offset)
        out.append(Located(lk, line, offset - starts[line - 1] + 1, offset))
    return out


def _offset_in_source(text: str, starts: list[int], node: YScalar, m: d.Match) -> int | None:
    # The k-th occurrence in the value is the k-th in the source after the node's start,
    # as long as the source writes the value verbatim (plain one-liners, quoted, | blocks).
    if node.value[m.start:m.end] != m.text:
        return None
    k = node.value.count(m.text, 0, m.start) if m.text else 0
    pos = starts[node.line - 1] + node.col - 1
    limit = pos + 2 * len(node.value) + 64
    for _ in range(k + 1):
        found = text.find(m.text, pos, limit)
        if found < 0:
            return None
        pos = found + len(m.text)
    return found


def _check_char(m: d.Match) -> str:
    first17 = d.normalise(m.text).upper()[:17]
    return uscc_check_char(first17) if all(c in USCC_CHARS for c in first17) else "?"


def finding(loc: Located) -> Finding:
    """The R-REDACT finding of a located leak."""
    m, file = loc.leak.match, loc.leak.record.file
    if m.kind == d.CREDIT_CODE:
        return BAD_CODE(file, loc.line, loc.column, code=m.text, check=_check_char(m))
    if m.kind == d.NAME:
        return (NAME(file, loc.line, loc.column, mask=m.mask) if m.mask
                else NAME_MANUAL(file, loc.line, loc.column))
    zh, en = d.WHAT[m.kind]
    return LEAK(file, loc.line, loc.column, what=zh, what_en=en, mask=m.mask)


@check
def redaction_gate(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """No personal data in scanned text; masked names; well-formed credit codes."""
    policy = ds.policy
    by_file: dict[str, list[Leak]] = {}
    for kind in KINDS:
        for rec in ds.of(kind):
            for lk in scan_record(rec, policy):
                by_file.setdefault(rec.file, []).append(lk)
    for path in sorted(by_file):
        try:
            located = locate(path, by_file[path])
        except (OSError, UnicodeDecodeError):  # the file changed under us: still report, at line 1
            located = [Located(lk, 1, 1, None) for lk in by_file[path]]
        for loc in located:
            yield finding(loc)


def markdown_files(folder: str) -> list[str]:
    """Every *.md below `folder`, sorted; hidden folders (.git, .venv) are not content."""
    found = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(here, f) for f in files if f.endswith(".md")]
    return sorted(found)


def scan_page(path: str, policy: dict[str, Any]) -> list[Finding]:
    """R-REDACT findings of one Markdown file, at the line and column of each match."""
    try:
        text = read_text(path)[0]
    except FileNotFoundError:  # removed meanwhile: Pelican will not publish it either
        return []
    except (OSError, UnicodeDecodeError):
        return [PAGE_UNREADABLE(path, 1, 1)]  # fail closed: unread text may hold anything
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    out = []
    for m in d.detect(text, allow):
        line = bisect.bisect_right(starts, m.start)
        col = m.start - starts[line - 1] + 1
        if m.kind == d.CREDIT_CODE:
            out.append(BAD_CODE(path, line, col, code=m.text, check=_check_char(m)))
        else:
            zh, en = d.WHAT[m.kind]
            out.append(PAGE_LEAK(path, line, col, what=zh, what_en=en, mask=m.mask))
    return out


@check
def content_gate(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """No personal data in the Markdown pages and notices published with the data."""
    if not ds.content or not os.path.isdir(ds.content):
        return
    for path in markdown_files(ds.content):
        yield from scan_page(path, ds.policy)
