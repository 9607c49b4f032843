"""gongshi refresh: the scheduled (monthly or daily) rebuild that reports what changed."""
from __future__ import annotations

import argparse
import contextlib
import json
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, add_as_of, add_build_options, add_lang

NAME = "refresh"
HELP = "按日期重新构建网站并报告变化（供每月/每日定时任务使用） / rebuild as of a day and report what changed (for schedules)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_build_options(p)
    p.add_argument("--state", default=None,
                   help="上次构建状态文件 / state of the previous build (default: <parent of output>/.cache/refresh/<output>.json)")
    add_as_of(p)
    p.add_argument("--strict", action="store_true", help="把警告视为错误 / treat warnings as errors")
    p.add_argument("-o", "--format", choices=["text", "json"], default="text", help="变化报告格式 / change report format")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import today_shanghai
    from gongshi.app import changes
    from gongshi.app.refresh import default_state, refresh  # Pelican
    state = args.state or default_state(args.output)
    # Pelican reports on stdout; the change report owns stdout (a JSON document for machines).
    with contextlib.redirect_stdout(sys.stderr):
        done = refresh(args.data, args.output, args.as_of or today_shanghai(), state=state,
                       settings_file=args.settings, content=args.content, strict=args.strict)
    report = done.dataset.report
    if report.findings:
        print(report.to_text(args.lang), file=sys.stderr)
    if done.report is None:
        print("刷新已停止，已发布的网站保持不变 / refresh stopped, the published site is unchanged", file=sys.stderr)
        return EXIT_FINDINGS
    if args.format == "json":
        print(json.dumps(done.report, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(changes.summary(done.report, args.lang))
    return EXIT_OK
