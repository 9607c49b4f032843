"""gongshi import: an agency's spreadsheet (xlsx/csv, Chinese headers) to one YAML file per row."""
from __future__ import annotations

import argparse
import os
import sys

from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang, as_of_date

NAME = "import"
HELP = "从电子表格导入执法决定（支持双公示列名） / import decisions from a spreadsheet (双公示 columns understood)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.xlsx|csv", help="电子表格 / the spreadsheet")
    p.add_argument("--agency", required=True, help="主体文件夹名，例如 market / the agency folder")
    p.add_argument("--kind", choices=["decision"], default="decision", help="记录类别 / record kind")
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--published", type=as_of_date, default=None, metavar="YYYY-MM-DD",
                   help="表格没有“公开日期”列时使用的公开日期，默认今天 / publication date when the sheet has none, default today")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from ..checks import validate
    from ..dataset import today_shanghai
    from ..workflow.importer import import_file  # openpyxl
    if not os.path.isfile(args.file):
        print(f"找不到文件 / no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    if not os.path.isfile(os.path.join(args.data, "agencies", args.agency, "agency.yml")):
        print(f"主体不存在 / no such agency: {args.agency}", file=sys.stderr)
        return EXIT_USAGE
    day = args.published or today_shanghai()
    imp = import_file(args.file, args.data, args.agency, day)
    written = {os.path.abspath(p) for p in imp.written}
    if written:  # what only the whole data set can tell (officer ids, deadlines) about the new files
        ds = validate(args.data, max(day, today_shanghai()))
        imp.report.extend(f for f in ds.report if f.file in written)
    print(imp.report.to_text(args.lang), file=sys.stderr)
    print(f"已写入 {len(imp.written)} 个文件 / {len(imp.written)} file(s) written")
    for path in imp.written:
        print(f"  {path}")
    return EXIT_OK if imp.report.ok else EXIT_FINDINGS
