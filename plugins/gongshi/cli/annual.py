"""gongshi annual: write a year's statistics as the snapshot data/stats/<year>.yml (R-ANNUAL).

The snapshot counts every decision of the year, public or not (policy/statistics.py says what, and
policy/suppression.py why cells read "少于3件" or "不公开"); it is reviewed and committed, and the portal shows it from then on.
`--check` writes nothing: exit 1 when the committed snapshot's figures differ from a recount.
"""
from __future__ import annotations

import argparse
import os
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_as_of, add_lang

NAME = "annual"
HELP = "生成年度行政执法数据统计快照 data/stats/<年份>.yml / write a year's statistics snapshot"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("year", type=int, metavar="YEAR", help="统计年度，例如 2025 / the year, e.g. 2025")
    p.add_argument("data", nargs="?", default="data", metavar="DATA_DIR", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--check", action="store_true",
                   help="只核对不写入：已提交的快照与重新统计不符时退出码为 1 / compare only; exit 1 when the "
                        "committed snapshot differs from a recount")
    add_as_of(p)
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import load, today_shanghai
    from gongshi.policy.statistics import compute, differences, snapshot, snapshots
    from gongshi.model.yamlwrite import dump
    zh = args.lang == "zh"
    as_of = args.as_of or today_shanghai()
    if not os.path.isdir(args.data):
        print(f"没有数据文件夹 {args.data} / no data folder {args.data}", file=sys.stderr)
        return EXIT_USAGE
    if args.year >= as_of.year:
        print(f"{args.year} 年度尚未结束 / the year {args.year} is not over yet (as of {as_of})", file=sys.stderr)
        return EXIT_USAGE
    ds = load(args.data)
    path = os.path.join(args.data, "stats", f"{args.year}.yml")
    if args.check:
        old = snapshots(ds).get(args.year)
        if old is None:
            print(f"没有 {path} / {path} is missing")
            return EXIT_FINDINGS
        changes = differences(old, compute(ds, args.year))
        for line in changes:
            print(line)
        if not changes:
            print(f"{path} 与数据一致 / matches the data" if zh else f"{path} matches the data")
        return EXIT_FINDINGS if changes else EXIT_OK
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(snapshot(ds, args.year, as_of)))
    print(f"已写入 {path}，请核对后提交" if zh else f"wrote {path}; review and commit it")
    return EXIT_OK
