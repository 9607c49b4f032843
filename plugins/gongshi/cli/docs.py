"""gongshi docs: write the record-format and rule reference (docs/format.md, docs/rules.md).

Both files are generated: the format from every record kind's JSON Schema, the rules from the
rule registry (gongshi/model/ruleset.py). The repository commits them; `--check` compares instead of
writing (exit 1 when a committed file is stale), as `gongshi schema --check` does.
"""
from __future__ import annotations

import argparse

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, write_generated

NAME = "docs"
HELP = "生成记录格式和规则说明（docs/） / write the format and rule reference into docs/"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", default="docs", metavar="DIR", help="输出文件夹 / output folder (default: docs)")
    p.add_argument("--check", action="store_true",
                   help="只比较、不写入；有过时的文件时退出码为 1 / compare only; exit 1 when a file is stale")


def run(args: argparse.Namespace) -> int:
    from gongshi.app.reference import documents
    docs = documents()
    stale = write_generated(docs, args.output, args.check, "gongshi docs")
    if args.check:
        return EXIT_FINDINGS if stale else EXIT_OK
    print(f"{len(docs)} 个说明文件已写入 {args.output}/（{len(stale)} 个有变化） / "
          f"{len(docs)} reference files in {args.output}/ ({len(stale)} changed)")
    return EXIT_OK
