"""gongshi bench: time validate and build on synthetic archives (issue 2's 100,000-decision budget)."""
from __future__ import annotations

import argparse
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

NAME = "bench"
HELP = "在合成数据上测量 validate 和 build 的耗时与内存 / time validate and build on synthetic archives"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--decisions", action="append", default=None, metavar="N[,N…]",
                   help="决定数量，可用逗号分隔或重复，例如 1000,10k,100k / archive sizes, e.g. 1000,10k,100k "
                        "(default: 1000,10000)")
    p.add_argument("--steps", default="validate,build", metavar="STEP[,STEP]",
                   help="要测量的步骤 / steps to time: validate, build (default: both)")
    p.add_argument("--cache", default=".cache/bench", metavar="DIR",
                   help="合成数据的缓存文件夹 / where archives are kept (default: .cache/bench)")
    p.add_argument("--parse-cache", action="store_true",
                   help="启用解析缓存（测量增量读取） / keep the parse cache on (times warm loads after the first)")
    p.add_argument("--peer", action="store_true",
                   help="与 Hugo + Pagefind 并排比较（冷构建和单条记录重建） / side by side with Hugo + Pagefind "
                        "(cold build and one-record rebuild; needs the bench extra)")
    p.add_argument("--rounds", type=int, default=1, metavar="N",
                   help="与 --peer 一起：两边轮流各测 N 轮，取中位数之比 / with --peer: N rounds of both sides in "
                        "turn, ratios of the medians (default: 1)")
    p.add_argument("--federation", default=None, metavar="COUNTIESxDECISIONS",
                   help="模拟一个省：生成各县数据包并测量合并（冷、一个县变化后） / a simulated province, "
                        "e.g. 100x10000: county bundles built in a process pool, the merge timed cold and "
                        "after one county changed")
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")


def run(args: argparse.Namespace) -> int:
    try:
        from gongshi_tools import bench, synth  # tooling, outside the runtime package
    except ImportError:
        print("gongshi bench: 需要源码检出中的 gongshi_tools / needs gongshi_tools (a source checkout)",
              file=sys.stderr)
        return EXIT_USAGE
    if args.federation:
        return _federation(args)
    try:
        sizes = [n for text in (args.decisions or ["1000,10000"]) for n in synth.iter_sizes(text)]
        if not sizes or any(n < 1 for n in sizes):
            raise ValueError
    except ValueError:
        print(f"gongshi bench: 无效的 --decisions / bad --decisions: {args.decisions}", file=sys.stderr)
        return EXIT_USAGE
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    if not steps or any(s not in bench.STEPS for s in steps):
        print(f"gongshi bench: 步骤只能是 validate、build / steps are validate, build: {args.steps}", file=sys.stderr)
        return EXIT_USAGE

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.peer:
        from gongshi_tools import peer
        compared = peer.compare(sizes, args.cache, log, rounds=max(1, args.rounds))
        print(peer.to_json(compared) if args.output == "json" else peer.to_text(compared))
        return EXIT_OK if all(s.exit == 0 for s in compared) else EXIT_FINDINGS  # build: 1 = refused
    runs = bench.bench(sizes, steps, args.cache, args.parse_cache, log)
    print(bench.to_json(runs, args.parse_cache) if args.output == "json" else bench.to_text(runs, args.parse_cache))
    # A step that failed (exit 2 or 3) or a missed budget makes the benchmark fail.
    failed = any(r.exit not in (0, 1) or r.within_budget is False for r in runs)
    return EXIT_FINDINGS if failed else EXIT_OK


def _federation(args: argparse.Namespace) -> int:
    from gongshi_tools import fedbench
    try:
        fedbench.parse_spec(args.federation)
    except ValueError:
        print(f"gongshi bench: 无效的 --federation（例如 100x10000） / bad --federation (e.g. 100x10000): "
              f"{args.federation}", file=sys.stderr)
        return EXIT_USAGE
    result = fedbench.run(args.federation, args.cache, lambda text: print(text, file=sys.stderr, flush=True))
    if args.output == "json":
        import json
        print(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(fedbench.to_text(result))
    return EXIT_OK if all(s["exit"] == 0 for s in result["steps"]) else EXIT_FINDINGS
