"""gongshi new: write a commented template of a record for a clerk to fill in."""
from __future__ import annotations

import argparse
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang

NAME = "new"
HELP = ("生成一条记录的填写模板（主体文件夹中的任一记录类别：决定、人员、指南、流程图、裁量基准…） / write a record "
        "template (any kind kept in an agency folder: decision, officer, guide, flowchart, discretion …)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    # No `choices`: the kinds come from the kind registry (a plugin may add one), which the
    # parser should not load for every command; run() checks the name and lists them.
    p.add_argument("kind", help="记录类别，例如 decision、officer、guide / record kind, e.g. decision, officer, guide")
    p.add_argument("--agency", required=True, help="主体文件夹名，例如 market / the agency folder, e.g. market")
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--slug", default="", help="文件名（不含 .yml），将成为公开网址的一部分 / file name without .yml; part of the public URL")
    p.add_argument("--category", default="", help="决定的执法类别，例如 行政处罚；文件名随之为 cf-年份-编号，并预先填入 / a decision's "
                   "category, e.g. 行政处罚: the file is named cf-<year>-NNNN, as gongshi import names it, and the field is filled in")
    p.add_argument("--year", type=int, default=0, help="决定的年份文件夹，默认今年 / the decision's year folder, default this year")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import today_shanghai
    from gongshi.app.templates import needs_slug, new_kinds, new_record
    kinds = new_kinds()
    if args.kind not in kinds:
        print(f"gongshi new: 没有“{args.kind}”这一记录类别 / no record kind {args.kind!r}\n"
              f"提示 / hint: 可用的类别 / kinds: {', '.join(kinds)}", file=sys.stderr)
        return EXIT_USAGE
    if needs_slug(args.kind) and not args.slug:
        print(f"gongshi new {args.kind}: 需要 --slug（文件名，将成为公开网址的一部分） / --slug is required "
              f"(the file name, part of the public URL)\n提示 / hint: gongshi new {args.kind} --agency {args.agency} "
              f"--slug food-license", file=sys.stderr)
        return 2
    path, report = new_record(args.kind, args.data, args.agency, args.slug, args.year or today_shanghai().year,
                              args.category)
    if not report.ok:
        print(report.to_text(args.lang), file=sys.stderr)
        return EXIT_FINDINGS
    from gongshi.model.kinds import KINDS
    verb = "已追加模板到" if KINDS[args.kind].many else "已生成模板"
    print(f"{verb} / template written: {path}")
    print(f"填写后运行 / when filled in, run: gongshi validate {args.data}")
    return EXIT_OK
