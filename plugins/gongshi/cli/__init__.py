"""The `gongshi` command: one module per subcommand in this package, found automatically.

A subcommand module defines NAME, HELP, add_arguments(parser) and run(args) -> exit code.

Layer: cli, the top. May import: every layer (runtime, model, policy, checks, publication,
outputs, app) and the benchmark tools (gongshi_tools).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import sys
from types import ModuleType

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def as_of_date(text: str) -> dt.date:
    """argparse type for --as-of: a real date written YYYY-MM-DD."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应为 YYYY-MM-DD 格式 / a date must be written YYYY-MM-DD: {text!r}") from None


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """The --as-of option every date-dependent command shares."""
    parser.add_argument("--as-of", type=as_of_date, default=None, metavar="YYYY-MM-DD",
                        help="核对日期，默认今天（北京时间） / the date to check against, default today in Asia/Shanghai")


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The --lang option of every command that prints findings or messages."""
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="消息语言 / message language")


def add_build_options(parser: argparse.ArgumentParser) -> None:
    """The folders and settings file that `build` and `refresh` share."""
    parser.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    parser.add_argument("--output", default="output", help="输出文件夹 / output folder (default: output)")
    parser.add_argument("--settings", default="pelicanconf.py", help="Pelican 设置文件 / Pelican settings file")
    parser.add_argument("--content", default=None, help="Markdown 内容文件夹 / Markdown content folder")


def write_generated(files: dict[str, str], output: str, check: bool, command: str) -> list[str]:
    """Write generated files (schemas/, docs/) into `output`, or with `check` only compare;
    the paths that were stale. Stale paths are reported on stderr when checking."""
    stale = []
    for name, text in files.items():
        path = os.path.join(output, name)
        try:
            with open(path, encoding="utf-8") as fh:
                same = fh.read() == text
        except OSError:
            same = False
        if same:
            continue
        stale.append(path)
        if check:
            print(f"{path}: 已过时，请运行 {command} / stale, run {command}", file=sys.stderr)
        else:
            os.makedirs(output, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    return stale


def command_of(module: str) -> str:
    """The subcommand a module of this package is named for: `check_changes` -> check-changes,
    `import_` -> import (a trailing _ keeps a Python keyword free); tests/app/test_cli_startup.py
    holds every module's NAME to it."""
    return module.rstrip("_").replace("_", "-")


def commands(name: str | None = None) -> list[ModuleType]:
    """Every subcommand module of this package, sorted by name; with `name`, only the module of
    that subcommand (`command_of`) when there is one: a pre-commit `gongshi validate` need not
    import the live preview's HTTP server, the schema writer or the benchmarks to build its parser."""
    infos = [info for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")]
    if name is not None and any(command_of(info.name) == name for info in infos):
        infos = [info for info in infos if command_of(info.name) == name]
    mods = []
    for info in infos:
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(mod, "NAME") and hasattr(mod, "run"):
            mods.append(mod)
    if name is not None and [m.NAME for m in mods] != [name]:
        return commands()  # (not a module named for it after all: every command, as before)
    return sorted(mods, key=lambda m: m.NAME)


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, or, when `argv` begins with one's name, with
    that one only (it parses `argv` the same way; `gongshi --help` and a misspelt command still
    list them all)."""
    p = argparse.ArgumentParser(
        prog="gongshi",
        description="公示：把执法公示数据构建成静态门户网站 / build enforcement disclosure portals from git")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for mod in commands(argv[0] if argv and not argv[0].startswith("-") else None):
        sp = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(sp)
        sp.set_defaults(_run=mod.run)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse, run, and turn any unexpected failure into one readable line."""
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv).parse_args(argv)
    from gongshi.model import parsecache as cache
    try:
        # The parse cache (GONGSHI_CACHE=0: off), for this command only, not for a calling process.
        with cache.installed():
            return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback for a clerk; GONGSHI_DEBUG=1 shows it
        if os.environ.get("GONGSHI_DEBUG"):
            raise
        from gongshi.model.hookspecs import PluginError
        from gongshi.model.kinds import KindError
        from gongshi.policy.namecrf import ModelMissing
        from gongshi.runtime.workers import BadWorkers
        if isinstance(exc, (PluginError, KindError, BadWorkers, ModelMissing)):  # the setup, not gongshi, needs a change
            print(f"gongshi: 配置错误 / configuration error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"gongshi: 内部错误 / internal error: {type(exc).__name__}: {exc}\n"
              "提示 / hint: 请把这条信息和命令一起报告给维护人员；设置 GONGSHI_DEBUG=1 可查看详细信息 "
              "/ report this line with the command you ran; GONGSHI_DEBUG=1 shows details",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
