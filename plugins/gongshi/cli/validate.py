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
    p.add_argument("data", nargs="?", default="data", metavar="DATA_DIR|FILE",
                   help="数据文件夹，或其中的一个文件或子文件夹（只显示它的问题） / data folder, or a file or folder "
                        "inside it (only its findings are shown) (default: data)")
    add_as_of(p)
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    p.add_argument("--content", default=None, metavar="DIR",
                   help="Markdown 内容文件夹（页面和公告），默认为数据文件夹旁的 content / Markdown pages and notices "
                        "(default: content next to the data folder)")
    p.add_argument("--strict", action="store_true", help="把警告视为错误 / treat warnings as errors")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import today_shanghai
    from gongshi.model.findings import Report
    from gongshi.model.paths import data_root
    if not os.path.exists(args.data):
        print(f"gongshi validate: 数据文件夹不存在 / no such data folder: {args.data}", file=sys.stderr)
        return EXIT_USAGE
    # A file or a folder inside a data folder: the whole folder is checked (references and
    # cross-record rules need it), and only the findings in that file or below that folder shown.
    only = None
    if not os.path.isfile(os.path.join(args.data, "site.yml")):
        root = data_root(args.data)
        if root is None and os.path.isfile(args.data):
            print(f"gongshi validate: {args.data} 不在数据文件夹中（上级文件夹没有 site.yml） / is not inside a data "
                  f"folder (no site.yml above it)", file=sys.stderr)
            return EXIT_USAGE
        if root is not None:
            only = os.path.abspath(args.data)
            args.data = root
    if args.content is not None and not os.path.isdir(args.content):
        print(f"gongshi validate: 内容文件夹不存在 / no such content folder: {args.content}", file=sys.stderr)
        return EXIT_USAGE
    from gongshi.checks.pipeline import report as check_report
    from gongshi.runtime.collector import rare_full_collections
    with rare_full_collections():  # (the run keeps every record it loads to the end)
        report = check_report(args.data, as_of=args.as_of or today_shanghai(), strict=args.strict, content=args.content)
    if only is not None:
        report = Report([f for f in report if os.path.abspath(f.file) == only
                         or os.path.abspath(f.file).startswith(only + os.sep)])
    if args.output == "json":
        print(report.to_json(args.lang))
    else:
        print(report.to_text(args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS
