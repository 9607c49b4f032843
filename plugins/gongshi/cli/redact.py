"""gongshi redact: show (or apply) the masking the redaction gate asks for, as a diff."""
from __future__ import annotations

import argparse
import codecs
import difflib
import os
import sys
from typing import TYPE_CHECKING, Any

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from gongshi.policy.locate import Located

NAME = "redact"
HELP = "以差异形式显示（或用 --write 写入）个人信息的遮盖处理 / show (or apply with --write) the masking of personal data as a diff"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="要处理的记录文件或文件夹（其中所有 .yml 文件，例如刚导入的一批） / "
                   "record files or folders (every .yml below them, e.g. a whole import)")
    p.add_argument("--write", action="store_true",
                   help="直接修改文件，只改动需遮盖的字符 / rewrite the files in place, changing only the masked characters")


def expand(paths: list[str]) -> list[str]:
    """Files as given; a folder as every .yml file below it, sorted (hidden folders skipped), so
    a clerk fixes a whole import with one command."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        for here, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out += [os.path.join(here, f) for f in sorted(files) if f.endswith((".yml", ".yaml"))]
    return out


from gongshi.model.paths import data_root  # noqa: E402  (the data folder a file belongs to)


class UnreadableRecord(Exception):
    """The file does not parse or type as a record: nothing can be masked safely."""


def _policy(root: str | None) -> dict[str, Any]:
    from gongshi.model.dataset import load_file
    from gongshi.model.presets import effective_policy
    if root is None:
        return {}  # no site.yml: detectors and name masking with their fail-closed defaults
    records, _ = load_file(os.path.join(root, "site.yml"), "site.yml")
    return effective_policy(records[0].data) if records else {}


def plan(path: str) -> tuple[str, str, list["Located"], bool] | None:
    """(old text, new text, leaks not masked automatically, BOM) for one file, or None if it is no record."""
    from gongshi.model.dataset import kind_for, load_file
    from gongshi.policy import detectors
    from gongshi.policy.locate import locate, read_text
    from gongshi.checks.redaction import scan_record
    from gongshi.checks.pages import PAGE_EXTENSIONS
    root = data_root(path)
    if path.lower().endswith(PAGE_EXTENSIONS):
        return plan_page(path, root)
    rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/") if root else os.path.basename(path)
    kind = kind_for(rel)
    if kind is None:
        return None
    records, findings = load_file(os.path.abspath(path), rel)
    if findings and not records:
        raise UnreadableRecord(findings[0].message("zh") + " / " + findings[0].message("en"))
    policy = _policy(root)
    leaks = [lk for rec in records for lk in scan_record(rec, policy)]
    text, bom = read_text(path)
    located = locate(os.path.abspath(path), leaks, text)
    fixable = [x for x in located if x.offsets is not None and x.leak.match.mask is not None]
    manual = [loc for loc in located if loc.leak.match.kind != detectors.CREDIT_CODE and loc not in fixable]
    chars = list(text)
    done: set[int] = set()
    for loc in fixable:
        m, offsets = loc.leak.match, loc.offsets or ()
        if done.intersection(offsets):
            continue  # overlapping spans are masked once
        done.update(offsets)
        if len(m.mask or "") == len(offsets):
            # Character for character: only the characters the mask changes are rewritten,
            # wherever YAML put them (a block, a folded line, between quotes).
            for at, new_char in zip(offsets, m.mask or ""):
                chars[at] = new_char
        elif "".join(text[offsets[0]:offsets[-1] + 1]) == m.text:
            chars[offsets[0]] = m.mask or ""
            for at in range(offsets[0] + 1, offsets[-1] + 1):
                chars[at] = ""
        else:
            manual.append(loc)
    new = "".join(chars)
    return text, new, manual, bom


def plan_page(path: str, root: str | None) -> tuple[str, str, list["Located"], bool]:
    """The same for a page or notice (Markdown, HTML): matches are spans of the file itself."""
    from gongshi.model.kinds import Record
    from gongshi.policy import detectors
    from gongshi.checks.pages import scan_text
    from gongshi.policy.locate import Located, line_starts, read_text
    from gongshi.policy.locate import Leak
    if root is None:  # a page of content/ next to the data folder: that site's policy
        here = os.path.dirname(os.path.abspath(path))
        while here != os.path.dirname(here) and root is None:
            here = os.path.dirname(here)
            candidate = os.path.join(here, "data")
            root = candidate if os.path.isfile(os.path.join(candidate, "site.yml")) else None
    text, bom = read_text(path)
    starts = line_starts(text)
    new, manual, end = text, [], len(text) + 1
    for m in sorted(scan_text(text, _policy(root)), key=lambda m: -m.start):
        if m.kind == detectors.CREDIT_CODE:
            continue
        if m.mask is None or m.end > end:
            line = max(i for i, s in enumerate(starts, 1) if s <= m.start)
            leak = Leak(Record("page", path, {}), (), m)
            manual.append(Located(leak, line, m.start - starts[line - 1] + 1, None))
            continue
        new = new[:m.start] + m.mask + new[m.end:]
        end = m.start
    return text, new, sorted(manual, key=lambda x: (x.line, x.column)), bom


def run(args: argparse.Namespace) -> int:
    from gongshi.model.findings import display_path
    from gongshi.model.kinds import KINDS
    from gongshi.checks.redaction import leak_finding
    status = EXIT_OK
    for path in expand(args.files):
        if not os.path.isfile(path):
            print(f"gongshi redact: 文件不存在 / no such file: {path}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        try:
            result = plan(path)
        except UnicodeDecodeError:
            print(f"{path}: 文件不是 UTF-8 编码 / not UTF-8; run gongshi validate first", file=sys.stderr)
            status = max(status, EXIT_FINDINGS)
            continue
        except UnreadableRecord as exc:
            print(f"{path}: {exc}（请先运行 gongshi validate / run gongshi validate first）", file=sys.stderr)
            status = max(status, EXIT_FINDINGS)
            continue
        if result is None:
            print(f"{path}: 不是记录文件 / not a record file of any kind ({', '.join(KINDS)})", file=sys.stderr)
            status = EXIT_USAGE
            continue
        old, new, manual, bom = result
        name = display_path(path)
        final = new
        if new != old and args.write:
            # Masking one number can uncover another glued to it (an ID run into an e-mail):
            # rewrite until nothing more is found, a few passes at most.
            for _ in range(3):
                with open(path, "wb") as fh:
                    fh.write((codecs.BOM_UTF8 if bom else b"") + final.encode("utf-8"))
                again = plan(path)
                if again is None or again[1] == again[0]:
                    break
                final, manual = again[1], again[2]
        if final != old:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(keepends=True), final.splitlines(keepends=True), f"a/{name}", f"b/{name}"))
            if not args.write:
                status = max(status, EXIT_FINDINGS)
        for loc in manual:
            finding = leak_finding(loc.leak, name, loc.line, loc.column)
            print(f"{name}:{loc.line}:{loc.column}: 无法自动处理，请手工修改 / cannot be fixed automatically; edit it by hand: "
                  f"{finding.message('zh')} / {finding.message('en')}\n  提示: {finding.hint('zh')}\n  hint: {finding.hint('en')}",
                  file=sys.stderr)
            status = max(status, EXIT_FINDINGS)
    return status
