"""gongshi validate: check every record and report every finding in one run.

Exit 0 when there is no error (warnings allowed), 1 when there is one, 2 on bad usage (an
unknown option, a malformed --as-of, a data folder that does not exist).
"""
from __future__ import annotations

import argparse
import os
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_as_of, add_lang

NAME = "validate"
HELP = "检查数据文件夹中的所有记录 / check every record in the data folder"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("data", nargs="?", default="data", metavar="DATA_DIR", help="数据文件夹 / data folder (default: data)")
    add_as_of(p)
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    p.add_argument("--content", default=None, metavar="DIR",
                   help="Markdown 内容文件夹（页面和公告），默认为数据文件夹旁的 content / Markdown pages and notices "
                        "(default: content next to the data folder)")
    p.add_argument("--strict", action="store_true", help="把警告视为错误 / treat warnings as errors")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import today_shanghai
    if not os.path.isdir(args.data):
        print(f"gongshi validate: 数据文件夹不存在 / no such data folder: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    if args.content is not None and not os.path.isdir(args.content):
        print(f"gongshi validate: 内容文件夹不存在 / no such content folder: {args.content}", file=sys.stderr)
        return EXIT_USAGE
    from gongshi.checks.pipeline import report as check_report
    report = check_report(args.data, as_of=args.as_of or today_shanghai(), strict=args.strict, content=args.content)
    if args.output == "json":
        print(report.to_json(args.lang))
    else:
        print(report.to_text(args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS
