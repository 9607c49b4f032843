"""Rebuild after a one-record change: where the time goes, stage by stage.

    python -m gongshi.workflow.bench --decisions 10000 [--folder /tmp/gongshi-bench]

Generates a synthetic archive (seed 2026), builds it once to warm the parse cache, changes
one decision, then times validate (cold, cached) and the full rebuild with each output
generator timed separately. Wall and CPU seconds (CPU includes forked workers).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import time
from typing import Any, Callable

from .. import checks, plugin, synth
from ..build import build
from ..checks import validate
from . import cache

AS_OF = dt.date(2026, 11, 22)
Timings = dict[str, tuple[float, float]]


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(timings: Timings, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, adding its wall and CPU seconds to timings[name]."""
    def wrapper(*args: Any, **kw: Any) -> Any:
        wall, cpu = time.perf_counter(), _cpu()
        try:
            return fn(*args, **kw)
        finally:
            w, c = timings.get(name, (0.0, 0.0))
            timings[name] = (w + time.perf_counter() - wall, c + _cpu() - cpu)
    return wrapper


def _age(root: str) -> None:
    # Synthetic files are brand new; the cache (rightly) distrusts racily fresh files.
    past = time.time() - 3600
    for folder, _dirs, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(folder, name), (past, past))


def change_one(root: str) -> str:
    """Edit one decision's result, as a clerk's correction would."""
    folder = os.path.join(root, "agencies", "market", "decisions")
    year = sorted(os.listdir(folder))[-1]
    path = os.path.join(folder, year, sorted(os.listdir(os.path.join(folder, year)))[0])
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace("result: ", "result: （更正）", 1))
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def run(decisions: int, folder: str, settings: str) -> dict[str, Any]:
    """Every figure of one benchmark run."""
    shutil.rmtree(folder, ignore_errors=True)
    data, out = os.path.join(folder, "data"), os.path.join(folder, "output")
    synth.generate(data, decisions)
    _age(data)
    os.environ["GONGSHI_CACHE_DIR"] = os.path.join(folder, "cache")
    figures: dict[str, Any] = {"decisions": decisions}
    t = time.perf_counter()
    validate(data, AS_OF)
    figures["validate_uncached_s"] = round(time.perf_counter() - t, 2)
    cache.install()
    build(data, out, AS_OF, settings_file=settings)  # warms the cache; first full build
    figures["changed"] = os.path.relpath(change_one(data), data)
    t = time.perf_counter()
    validate(data, AS_OF)
    figures["validate_cached_after_change_s"] = round(time.perf_counter() - t, 2)
    figures["cache_misses"] = cache.Stats.misses
    timings: Timings = {}
    originals = [(cls, name, getattr(cls, name)) for cls in plugin.GENERATORS
                 for name in ("generate_context", "generate_output")]
    for cls, name, fn in originals:
        setattr(cls, name, timed(timings, f"{cls.__module__}.{name}", fn))
    orig_load, orig_checks = checks.load, checks.run_checks
    checks.load = timed(timings, "dataset.load (parse cache)", orig_load)  # type: ignore[assignment]
    checks.run_checks = timed(timings, "checks.run_checks", orig_checks)  # type: ignore[assignment]
    try:
        wall, cpu = time.perf_counter(), _cpu()
        build(data, out, AS_OF, settings_file=settings)
        figures["rebuild_wall_s"] = round(time.perf_counter() - wall, 2)
        figures["rebuild_cpu_s"] = round(_cpu() - cpu, 2)
    finally:
        for cls, name, fn in originals:
            setattr(cls, name, fn)
        checks.load, checks.run_checks = orig_load, orig_checks  # type: ignore[assignment]
    figures["stages_wall_cpu_s"] = {k: [round(w, 2), round(c, 2)] for k, (w, c) in sorted(timings.items()) if w >= 0.005}
    # Pelican's own work, the Pagefind index (a signal handler) and the swap.
    figures["stages_wall_cpu_s"]["other"] = [round(figures["rebuild_wall_s"] - sum(w for w, _c in timings.values()), 2),
                                             round(figures["rebuild_cpu_s"] - sum(c for _w, c in timings.values()), 2)]
    return figures


def main() -> None:
    """Command line: print the figures as JSON."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--decisions", type=int, default=10000)
    p.add_argument("--folder", default="/tmp/gongshi-bench")
    p.add_argument("--settings", default="pelicanconf.py")
    args = p.parse_args()
    print(json.dumps(run(args.decisions, args.folder, args.settings), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
