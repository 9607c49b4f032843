"""gongshi redact: show (or apply) the masking the redaction gate asks for, as a diff."""
from __future__ import annotations

import argparse
import codecs
import difflib
import os
import sys
from typing import TYPE_CHECKING

from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from ..rules.redaction import Located

NAME = "redact"
HELP = "以差异形式显示（或用 --write 写入）个人信息的遮盖处理 / show (or apply with --write) the masking of personal data as a diff"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="要处理的记录文件 / record files")
    p.add_argument("--write", action="store_true",
                   help="直接修改文件，只改动需遮盖的字符 / rewrite the files in place, changing only the masked characters")


class UnreadableRecord(Exception):
    """The file does not parse or type as a record: nothing can be masked safely."""


def data_root(path: str) -> str | None:
    """The nearest folder above `path` that holds site.yml (the data folder)."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.isfile(os.path.join(folder, "site.yml")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _policy(root: str | None) -> dict:
    from ..dataset import load_file
    from ..presets import effective_policy
    if root is None:
        return {}  # no site.yml: detectors and name masking with their fail-closed defaults
    records, _ = load_file(os.path.join(root, "site.yml"), "site.yml")
    return effective_policy(records[0].data) if records else {}


def plan(path: str) -> tuple[str, str, list["Located"], bool] | None:
    """(old text, new text, leaks not masked automatically, BOM) for one file, or None if it is no record."""
    from ..dataset import kind_for, load_file
    from ..rules import detectors
    from ..rules.redaction import locate, read_text, scan_record
    root = data_root(path)
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
    manual = [loc for loc in located if loc.leak.match.kind != detectors.CREDIT_CODE
              and (loc.offset is None or loc.leak.match.mask is None)]
    new = text
    end = len(text) + 1
    # Right to left, so earlier offsets stay valid; overlapping spans are masked once.
    for loc in sorted((x for x in located if x.offset is not None and x.leak.match.mask), key=lambda x: -x.offset):
        m = loc.leak.match
        if loc.offset + len(m.text) > end:
            continue
        new = new[:loc.offset] + m.mask + new[loc.offset + len(m.text):]
        end = loc.offset
    return text, new, manual, bom


def run(args: argparse.Namespace) -> int:
    from ..findings import display_path
    from ..kinds import KINDS
    from ..rules import detectors
    status = EXIT_OK
    for path in args.files:
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
        if new != old:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"))
            if args.write:
                with open(path, "wb") as fh:
                    fh.write((codecs.BOM_UTF8 if bom else b"") + new.encode("utf-8"))
            else:
                status = max(status, EXIT_FINDINGS)
        for loc in manual:
            zh, en = detectors.WHAT[loc.leak.match.kind]
            print(f"{name}:{loc.line}:{loc.column}: 无法自动遮盖{zh}，请手工处理 / cannot mask this {en} "
                  "automatically; edit it by hand", file=sys.stderr)
            status = max(status, EXIT_FINDINGS)
    return status
