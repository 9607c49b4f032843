"""gongshi build: validate, then build the portal with Pelican (nothing is written on errors)."""
from __future__ import annotations

import argparse
import sys

from . import EXIT_FINDINGS, EXIT_OK, add_as_of

NAME = "build"
HELP = "检查数据并构建门户网站 / validate the data and build the portal"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--output", default="output", help="输出文件夹 / output folder (default: output)")
    p.add_argument("--settings", default="pelicanconf.py", help="Pelican 设置文件 / Pelican settings file")
    p.add_argument("--content", default=None, help="Markdown 内容文件夹 / Markdown content folder")
    add_as_of(p)
    p.add_argument("--strict", action="store_true", help="把警告视为错误 / treat warnings as errors")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="消息语言 / message language")


def run(args: argparse.Namespace) -> int:
    from ..build import build
    from ..dataset import today_shanghai
    ds = build(args.data, args.output, args.as_of or today_shanghai(), settings_file=args.settings,
               content=args.content, strict=args.strict)
    if ds.report.findings:
        print(ds.report.to_text(args.lang), file=sys.stderr)
    if not ds.report.ok:
        print("构建已停止，未写入任何文件 / build stopped, nothing was written", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
