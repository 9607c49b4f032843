"""Rebuild after a one-record change: where the time goes, stage by stage.

    python -m gongshi_tools.rebuild --decisions 10000 [--folder /tmp/gongshi-bench]

Generates a synthetic archive (seed 2026), builds it once to warm the parse and page caches,
changes one decision, then times validate (cold, cached), the incremental rebuild with each
output generator timed separately (pages rendered and linked by the render workers; the checks
run in a forked job beside them, so their time, in that child, is not among the stages), and for comparison
a full rebuild of the same state. Wall and CPU seconds (CPU includes forked workers).
`--reuse` keeps an archive already generated in --folder (100,000 decisions take minutes to
make); `--no-full` stops before the full rebuild (at 100,000 it is the longest part).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import sys
import time
from typing import Any, Callable

from gongshi.app import build as gbuild
from gongshi.model import hookspecs as hooks
from gongshi.app.build import build
from gongshi.checks import outscan
from gongshi.checks.pipeline import validate
from gongshi.outputs.search import index as search_index
from gongshi.model import parsecache as cache
from gongshi.outputs import pagecache

from . import synth

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


def change_one(root: str) -> str:
    """Edit one decision's result, as a clerk's correction would."""
    folder = os.path.join(root, "agencies", "market", "decisions")
    year = sorted(os.listdir(folder))[-1]
    path = os.path.join(folder, year, sorted(os.listdir(os.path.join(folder, year)))[0])
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(synth.prefix_field(text, "result", "（更正）"))
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def run(decisions: int, folder: str, settings: str, reuse: bool = False, full: bool = True) -> dict[str, Any]:
    """Every figure of one benchmark run. `reuse`: keep the archive already generated in
    `folder` (100,000 decisions take minutes to generate); the caches and output are made anew."""
    data, out = os.path.join(folder, "data"), os.path.join(folder, "output")
    if reuse and os.path.isfile(os.path.join(data, "site.yml")):
        for name in ("output", "cache", ".cache"):
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)
        synth.generate(data, decisions)
    synth.age(data)
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
    originals = [(cls, name, getattr(cls, name)) for cls in hooks.outputs()
                 for name in ("generate_context", "generate_output")]
    for cls, name, fn in originals:
        setattr(cls, name, timed(timings, f"{cls.__module__}.{name}", fn))
    # app/build.py's own names (it imports them); the checks run in a forked job, timed there.
    orig_load, orig_checks = vars(gbuild)["load"], vars(gbuild)["run_checks"]
    orig_swap, orig_scan = vars(gbuild)["swap"], outscan.scan
    vars(gbuild)["load"] = timed(timings, "dataset.load (parse cache)", orig_load)
    vars(gbuild)["run_checks"] = timed(timings, "checks.run_checks (beside the rendering)", orig_checks)
    vars(gbuild)["swap"] = timed(timings, "swap (exchange, old tree deleted)", orig_swap)
    outscan.scan = timed(timings, "checks.outscan.scan", orig_scan)  # type: ignore[assignment]
    orig_record = pagecache.PageCache.record
    counts: list[int] = []

    def record(self: pagecache.PageCache, keys: dict[str, str], rendered: int, pages: int) -> int:
        counts[:] = [pages, rendered]
        return orig_record(self, keys, rendered, pages)
    pagecache.PageCache.record = record  # type: ignore[method-assign]
    try:
        wall, cpu = time.perf_counter(), _cpu()
        build(data, out, AS_OF, settings_file=settings)
        figures["rebuild_wall_s"] = round(time.perf_counter() - wall, 2)
        figures["rebuild_cpu_s"] = round(_cpu() - cpu, 2)
    finally:
        for cls, name, fn in originals:
            setattr(cls, name, fn)
        vars(gbuild).update(load=orig_load, run_checks=orig_checks, swap=orig_swap)
        outscan.scan = orig_scan  # type: ignore[assignment]
        pagecache.PageCache.record = orig_record  # type: ignore[method-assign]
    figures["pages_planned_rendered"] = counts
    figures["search_index_s"] = round(sum(r.seconds for r in search_index.LAST_RUNS), 2)
    figures["search_patched"] = [r.patched for r in search_index.LAST_RUNS]  # -1: written in full
    figures["stages_wall_cpu_s"] = {k: [round(w, 2), round(c, 2)] for k, (w, c) in sorted(timings.items()) if w >= 0.005}
    # Pelican's own work, waiting for the search index (a signal handler) and the swap.
    top = [v for k, v in timings.items()]
    figures["stages_wall_cpu_s"]["other"] = [round(figures["rebuild_wall_s"] - sum(w for w, _c in top), 2),
                                             round(figures["rebuild_cpu_s"] - sum(c for _w, c in top), 2)]
    if not full:
        return figures
    print(json.dumps(figures, ensure_ascii=False), file=sys.stderr, flush=True)  # before the long part
    wall, cpu = time.perf_counter(), _cpu()
    build(data, out, AS_OF, settings_file=settings, incremental=False)  # the same state, from scratch
    figures["full_rebuild_wall_s"] = round(time.perf_counter() - wall, 2)
    figures["full_rebuild_cpu_s"] = round(_cpu() - cpu, 2)
    return figures


def main() -> None:
    """Command line: print the figures as JSON."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--decisions", type=int, default=10000)
    p.add_argument("--folder", default="/tmp/gongshi-bench")
    p.add_argument("--settings", default="pelicanconf.py")
    p.add_argument("--reuse", action="store_true", help="keep the archive already generated in --folder")
    p.add_argument("--no-full", dest="full", action="store_false", help="skip the full rebuild of the same state")
    args = p.parse_args()
    print(json.dumps(run(args.decisions, args.folder, args.settings, args.reuse, args.full), ensure_ascii=False,
                     indent=1))


if __name__ == "__main__":
    main()
