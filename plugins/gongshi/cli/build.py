"""gongshi build: validate, then build the portal with Pelican (nothing is written on errors)."""
from __future__ import annotations

import argparse
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, add_as_of, add_build_options, add_lang

NAME = "build"
HELP = "检查数据并构建门户网站 / validate the data and build the portal"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_build_options(p)
    add_as_of(p)
    p.add_argument("--strict", action="store_true", help="把警告视为错误 / treat warnings as errors")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.app.build import build
    from gongshi.model.dataset import today_shanghai
    ds = build(args.data, args.output, args.as_of or today_shanghai(), settings_file=args.settings,
               content=args.content, strict=args.strict)
    if ds.report.findings:
        print(ds.report.to_text(args.lang), file=sys.stderr)
    if not ds.report.ok:
        print("构建已停止，未写入任何文件 / build stopped, nothing was written", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
