"""gongshi federate: build a province's portal from its counties' bundles (docs/bundle.md)."""
from __future__ import annotations

import argparse
import json
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_as_of

NAME = "federate"
HELP = "汇聚各县数据包，生成省级门户 / build a province's portal from county bundles"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("province", nargs="?", default="province", metavar="PROVINCE_DIR",
                   help="含 site.yml（federation.counties）的省级文件夹 / folder of the province's site.yml (default: province)")
    p.add_argument("--output", default="output", help="输出文件夹 / output folder (default: output)")
    p.add_argument("--theme", default="theme", help="主题文件夹 / theme folder (default: theme)")
    add_as_of(p)
    p.add_argument("--strict", action="store_true",
                   help="有县缺失、无效或过期时退出码为 1 / exit 1 when a county is missing, invalid or stale")
    p.add_argument("-o", "--format", choices=["text", "json"], default="text", help="输出格式 / output format")


def run(args: argparse.Namespace) -> int:
    from gongshi.app.federation import OK, FederationError, federate
    from gongshi.model.dataset import today_shanghai
    as_of = args.as_of or today_shanghai()
    try:
        result = federate(args.province, args.output, as_of, args.theme)
    except FederationError as err:
        print(f"gongshi federate: {err.zh}\n  {err.en}", file=sys.stderr)
        if err.hint_zh:
            print(f"  提示: {err.hint_zh}\n  hint: {err.hint_en}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1, sort_keys=True))
    else:
        for c in result.counties:
            line = f"{c.name} [{c.id}]: {c.status_zh} / {c.status}"
            if c.as_of:
                line += f"（数据截至 / as of {c.as_of}）"
            print(line)
            if c.status != OK:
                print(f"  {c.reason_zh}\n  {c.reason_en}")
        held = "，".join(f"{k} {v}" for k, v in sorted(result.held.items())) or "0"
        print(f"\n截至 {as_of}：公示中的执法决定 {result.decisions} 件，市场主体 {result.subjects} 个，页面 {result.pages} 个；"
              f"数据包中已不在公示期内而不显示的 {held}\n"
              f"as of {as_of}: {result.decisions} decisions shown, {result.subjects} subjects, {result.pages} pages; "
              f"held back from the bundles: {held}\n网站已生成 / site built: {args.output}/index.html")
    bad = [c for c in result.counties if c.status != OK]
    return EXIT_FINDINGS if bad and args.strict else EXIT_OK
