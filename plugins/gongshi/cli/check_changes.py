"""gongshi check-changes BASE..HEAD: every commit changes only what its author maintains."""
from __future__ import annotations

import argparse
import json
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang

NAME = "check-changes"
HELP = "检查提交是否只修改了提交人维护的主体文件夹 / check that commits change only what their authors maintain"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("range", metavar="BASE..HEAD", help="要检查的提交范围，例如 origin/main..HEAD / the commits to check")
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.app.ownership import BAD_RANGE, check_changes
    report = check_changes(args.data, args.range)
    if any(f.msg is BAD_RANGE for f in report):
        print(report.to_text(args.lang), file=sys.stderr)
        return EXIT_USAGE
    if args.output == "json":
        items = [{**f.as_dict(args.lang), "commit": f.args.get("commit", ""), "author": f.args.get("author", "")}
                 for f in report.sorted()]
        print(json.dumps({"findings": items}, ensure_ascii=False, indent=2))
    else:
        print(report.to_text(args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS
