"""gongshi codeowners: write a CODEOWNERS file from the maintainers in site.yml and agency.yml."""
from __future__ import annotations

import argparse
import sys

from gongshi.cli import EXIT_OK

NAME = "codeowners"
HELP = "根据维护人员名单生成 CODEOWNERS 文件 / write CODEOWNERS from the maintainers lists"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--output", default="CODEOWNERS",
                   help="输出文件，- 为标准输出 / file to write, - for stdout (default: CODEOWNERS)")


def run(args: argparse.Namespace) -> int:
    from gongshi.app.changes import write_text
    from gongshi.app.ownership import codeowners
    text = codeowners(args.data)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_text(args.output, text)
        print(f"已写入 / written: {args.output}")
    return EXIT_OK
