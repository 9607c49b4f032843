"""`gongshi bench --federation COUNTIESxDECISIONS`: a simulated province (issue 23).

    counties ─synth (distinct names, regions, agencies, credit codes)─▶ data folders
        ─process pool, one county a task, as each county's CI job─▶ validate + publish + bundle
        ─`gongshi federate` as its own process─▶ timed: cold, then after one county changed

What a county's CI publishes to the province is its bundle; a full portal build of 100
counties of 10,000 decisions would take this shared 2-core machine most of an hour and ~30 GB
of pages the province never reads, so each county task runs what the bundle needs: load, every
check (refused on an error, as `gongshi build` is), publish, and the open-data tables and
manifest exactly as the build writes them (`outputs/opendata/tables.publish`, `write_json`,
`outputs/bundle`). The DCAT catalogue and the per-agency files are not written: the province
does not read them.

The merge runs as a child process (`gongshi federate`); wall time around it, CPU (user +
system) and the peak RSS of the largest process of its tree (`os.wait4`, as /usr/bin/time).
The province's search is measured on its files by a model of search.js (fedsearch.py): the
first query downloads meta.json plus what the query reads, a later query what it reads (gzip
sizes, as served), with the ranking's R-precision and recall.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from . import fedsearch, synth

AS_OF = dt.date(2026, 11, 22)       # every county builds as of this day
PROVINCE_AS_OF = dt.date(2026, 12, 7)
FIRST = "东西南北中上下新长平"
SECOND = "安宁丰和阳山河城江源"
DOC_NO = re.compile(r"((?:^|\n)\s*(?:- )?doc_no: ['\"]?)霍")
SPEC = re.compile(r"([0-9]+)\s*[x×*]\s*([0-9]+[kK]?)")

Log = Callable[[str], None]


def parse_spec(text: str) -> tuple[int, int]:
    """'100x10000' (or 100×10k) -> (counties, decisions per county); ValueError when not."""
    m = SPEC.fullmatch(text.strip())
    if not m:
        raise ValueError(text)
    counties = int(m.group(1))
    decisions = next(synth.iter_sizes(m.group(2)))
    if not 1 <= counties <= len(FIRST) * len(SECOND) or decisions < 1:
        raise ValueError(text)
    return counties, decisions


def county_name(n: int) -> str:
    """The n-th county's name: 东安县, 东宁县 … (100 distinct names)."""
    return f"{FIRST[n // len(SECOND)]}{SECOND[n % len(SECOND)]}县"


def _rewrite(root: str, name: str, n: int) -> None:
    """Make a synthetic county (the generator writes 霍邱县 everywhere) into county `n`: its
    name in every file (site, agencies, facts), its own address and 网站标识码; its credit
    codes and parties come from its own seed (distinct counties; a code may rarely repeat)."""
    host = f"c{n:03d}"
    for here, _dirs, files in os.walk(root):
        for f in files:
            if not f.endswith(".yml"):
                continue
            path = os.path.join(here, f)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            new = text.replace("霍邱县", name).replace("霍邱", name[:-1]).replace("zfgs.example.gov.cn", f"{host}.example.gov.cn")
            new = new.replace("3415220001", f"34{n:08d}")
            new = DOC_NO.sub(lambda m: m.group(1) + name[:2], new)  # 霍市监罚〔…〕 -> 东安市监罚〔…〕
            if f == "site.yml":
                new = new.replace("安徽省六安市", "安徽省示例市")
            if new != text:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(new)


def county_task(args: tuple[str, int, int, str]) -> dict[str, Any]:
    """One county's CI job: generate (when missing), check, publish, write its bundle."""
    base, n, decisions, version = args
    data, site = os.path.join(base, "data"), os.path.join(base, "site")
    stamp = os.path.join(base, "county.json")
    want = {"n": n, "decisions": decisions, "version": version, "as_of": AS_OF.isoformat()}
    try:
        with open(stamp, encoding="utf-8") as fh:
            if json.load(fh) == want and os.path.isfile(os.path.join(site, "bundle", "manifest.json")):
                return {"n": n, "seconds": 0.0, "reused": True}
    except (OSError, ValueError):
        pass
    start = time.perf_counter()
    shutil.rmtree(base, ignore_errors=True)
    synth.generate(data, decisions=decisions, seed=1000 + n, as_of=AS_OF)
    _rewrite(data, county_name(n), n)
    bundle(data, site, AS_OF)
    with open(stamp, "w", encoding="utf-8") as fh:
        json.dump(want, fh)
    return {"n": n, "seconds": time.perf_counter() - start, "reused": False}


def bundle(data: str, site: str, as_of: dt.date) -> str:
    """validate + publish + bundle of one county into `site` (swapped in whole); its manifest."""
    from gongshi.checks.pipeline import validate
    from gongshi.outputs import bundle as b
    from gongshi.outputs.opendata import tables
    from gongshi.outputs.opendata.files import write_json
    from gongshi.publication import publish
    from gongshi.publication.urls import site_base
    from gongshi.runtime.checksums import sha256_file
    ds = validate(data, as_of, workers=1)
    if not ds.report.ok:
        raise RuntimeError(f"{data}: the county's data has errors:\n{ds.report.to_text('en')[:2000]}")
    ps = publish(ds, as_of)
    base = site_base({}, ps.site)
    tmp = site + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    files = []
    for kind, role in (("decision", "table:decision"), ("agency", "table:agency"), ("notice", "table:notice")):
        rel = f"data/{tables.KIND_FILES[kind]}.json"
        rows = tables.publish(ps, kind, base)
        write_json(os.path.join(tmp, rel), {"title": tables.kind_title(kind), "kind": kind, "scope": "all",
                                             "as_of": as_of.isoformat(), "count": len(rows)}, rows)
        files.append((role, rel))
    b._dump(os.path.join(tmp, b.STATS), b.annual_totals(ds))
    files.append(("stats", b.STATS))
    listed = []
    for role, rel in files:
        size, sha = sha256_file(os.path.join(tmp, rel))
        listed.append({"path": rel, "role": role, "size": size, "sha256": sha})
    manifest = {"format": b.FORMAT, "version": b.VERSION,
                "site": {"name": ps.site.get("name", ""), "region": ps.site.get("region", ""), "url": base,
                         "code": str((ps.site.get("identity") or {}).get("site_code") or "")},
                "as_of": as_of.isoformat(), "build_id": b.build_id(as_of.isoformat(), listed),
                "files": listed, "feeds": [], "search": ""}
    b._dump(os.path.join(tmp, b.MANIFEST), manifest)
    shutil.rmtree(site, ignore_errors=True)
    os.replace(tmp, site)
    return os.path.join(site, b.MANIFEST)


def change_one(base: str) -> str:
    """Edit one decision's facts in one county (a clerk's correction) and rebuild its bundle."""
    data = os.path.join(base, "data")
    folder = os.path.join(data, "agencies", "market", "decisions")
    year = sorted(os.listdir(folder))[-2]
    path = os.path.join(folder, year, sorted(os.listdir(os.path.join(folder, year)))[0])
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(synth.prefix_field(text, "facts", "经复核更正。"))
    bundle(data, os.path.join(base, "site"), AS_OF)
    return os.path.relpath(path, data)


@dataclass
class Step:
    """One timed merge."""

    name: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    exit: int
    load: float
    summary: dict[str, Any] = field(default_factory=dict)


def _merge(province: str, output: str, name: str, env: dict[str, str]) -> Step:
    load = os.getloadavg()[0]
    cmd = [sys.executable, "-c", "import sys; from gongshi.cli import main; sys.exit(main())", "federate", province, "--output", output,
           "--as-of", PROVINCE_AS_OF.isoformat(), "-o", "json"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    try:
        summary = json.loads(out)
    except ValueError:
        summary = {}
    # ru_maxrss of wait4: the largest process of the tree that was waited for (kB on Linux)
    return Step(name, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, load,
                {k: summary.get(k) for k in ("decisions", "subjects", "pages", "linked", "patched", "held")})


def search_bytes(site: str, queries: list[str]) -> dict[str, Any]:
    """The province search's figures (gongshi_tools/fedsearch.py, a model of search.js): bytes
    of the first query (with meta.json) and of the largest and median later one, and the
    ranking's R-precision and recall over `queries`."""
    return fedsearch.measure(site, queries)


def prepare(spec: str, cache: str, log: Log) -> tuple[str, list[tuple[str, int, int, str]], dict[str, Any]]:
    """Every county's data and bundle (made when missing, in a process pool of 2 as two CI
    runners would): the benchmark's folder, the county tasks and what building them cost."""
    from . import bench
    counties, decisions = parse_spec(spec)
    root = os.path.join(cache, "federation", f"{counties}x{decisions}")
    version = bench.generator_version() + _code_version()
    os.makedirs(root, exist_ok=True)
    tasks = [(os.path.join(root, f"county-{n:03d}"), n, decisions, version) for n in range(counties)]
    log(f"{counties} 个县的数据包（进程池） / building {counties} county bundles in a process pool …")
    start, load = time.perf_counter(), os.getloadavg()[0]
    with ProcessPoolExecutor(max_workers=max(1, min(os.cpu_count() or 1, 2))) as pool:
        done = list(pool.map(county_task, tasks))
    built = [d for d in done if not d["reused"]]
    return root, tasks, {"built": len(built), "reused": len(done) - len(built),
                         "wall_seconds": round(time.perf_counter() - start, 1), "load": round(load, 2),
                         "task_seconds": round(sum(d["seconds"] for d in built), 1)}


def run(spec: str, cache: str, log: Log) -> dict[str, Any]:
    """The whole benchmark; a dict of its figures (to_text prints it)."""
    counties, decisions = parse_spec(spec)
    root, tasks, built = prepare(spec, cache, log)
    province = os.path.join(root, "province")
    os.makedirs(province, exist_ok=True)
    from gongshi.model.yamlwrite import dump
    with open(os.path.join(province, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write(dump({"name": "安徽省行政执法公示平台（模拟）", "url": "https://zfgs.ah.example.gov.cn",
                       "region": "安徽省", "federation": {"counties": [
                           {"name": county_name(n), "id": f"c{n:03d}", "bundle": f"../county-{n:03d}/site"}
                           for n in range(counties)]}}))
    output = os.path.join(root, "output")
    shutil.rmtree(output, ignore_errors=True)
    env = dict(os.environ)
    env["GONGSHI_CACHE_DIR"] = os.path.join(root, "merge-cache")
    shutil.rmtree(env["GONGSHI_CACHE_DIR"], ignore_errors=True)
    steps = []
    log("合并（冷） / merging cold …")
    steps.append(_merge(province, output, "cold", env))
    log(f"  {steps[-1].seconds:.1f} s; 修改一个县的一个决定 / changing one decision of one county …")
    changed = change_one(tasks[counties // 2][0])
    log("合并（一个县变化后） / merging after one county changed …")
    steps.append(_merge(province, output, "one county changed", env))
    search = search_bytes(output, fedsearch.queries(output)) if steps[0].exit == 0 else {}
    return {"counties": counties, "decisions_per_county": decisions, "decisions": counties * decisions,
            "county_bundles": built,
            "changed": changed, "steps": [asdict(s) for s in steps], "search": search,
            "output_bytes": _du(output)}


def _du(folder: str) -> int:
    total = 0
    for here, _dirs, files in os.walk(folder):
        for f in files:
            try:
                total += os.lstat(os.path.join(here, f)).st_size
            except OSError:
                pass
    return total


def _code_version() -> str:
    """The county side's code (bundle writing): another version makes the bundles again."""
    from gongshi.outputs import bundle as b
    from gongshi.outputs.opendata import tables
    h = hashlib.sha256()
    import inspect
    for mod in (b, tables):
        with open(mod.__file__ or "", "rb") as fh:
            h.update(fh.read())
    for fn in (_rewrite, county_task, bundle):  # this module's county side only: the merge's timing may change
        h.update(inspect.getsource(fn).encode())
    return h.hexdigest()[:8]


def to_text(r: dict[str, Any]) -> str:
    cb = r["county_bundles"]
    lines = [f"省级合并基准 / federation benchmark: {r['counties']} counties × {r['decisions_per_county']:,} "
             f"decisions = {r['decisions']:,}",
             f"county bundles (validate + publish + bundle, process pool of 2): {cb['built']} built, "
             f"{cb['reused']} reused, {cb['wall_seconds']} s wall, load {cb['load']}",
             "", "| merge | wall | CPU | peak RSS | exit | load at start | shown | subjects | pages |",
             "|---|---|---|---|---|---|---|---|---|"]
    for s in r["steps"]:
        m = s["summary"]
        lines.append(f"| {s['name']} | {s['seconds']:.1f} s | {s['cpu_seconds']:.1f} s | {s['peak_rss_mb']:.0f} MB | "
                     f"{s['exit']} | {s['load']:.2f} | {m.get('decisions')} | {m.get('subjects')} | {m.get('pages')} |")
    s = r["search"]
    if s:
        lines.append(f"\nsearch: {s['docs']:,} documents, {s['shards']} gram files, {s['common']} common pairs; "
                     f"meta.json {s['meta_gz'] / 1000:.1f} kB gzip; first query {s['first_query_bytes'] / 1000:.1f} kB, "
                     f"largest later query {s['later_query_bytes'] / 1000:.1f} kB ({s['worst_query']}), median "
                     f"{s['median_query_bytes'] / 1000:.1f} kB over {s['queries']} queries; {s['block']} documents a result file; "
                     f"{s['ranged']} pairs in ranges, {s['partial']} queries counted \"at least\" on their first page; "
                     f"R-precision {s.get('r_precision')}, recall {s.get('recall')}")
    lines.append(f"output: {r['output_bytes'] / 1e6:.0f} MB; changed: {r['changed']}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m gongshi_tools.fedbench 100x10000 --cache DIR: the bundles only
    import argparse
    parser = argparse.ArgumentParser(description="build the simulated counties' bundles only")
    parser.add_argument("spec")
    parser.add_argument("--cache", default=".cache/bench")
    a = parser.parse_args()
    print(json.dumps(prepare(a.spec, a.cache, lambda t: print(t, file=sys.stderr, flush=True))[2]))
