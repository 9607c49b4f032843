"""Search benchmark: Pagefind index time, its peak memory and bytes per query at N decisions.

    python -m gongshi_tools.searchbench --decisions 1000 --decisions 10000 [--workdir DIR]

For each size: synthetic data (gongshi_tools.synth), a full build (Pagefind runs in it; its own
time and the child's peak RSS come from wait4), then the built site is served on localhost
and Debian's Chromium types queries into /search.html while the bytes fetched below
/pagefind/ are summed. Needs the test extras (playwright) for the browser part.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from gongshi.search import pagefind

QUERIES = ["罚款", "超过保质期", "霍邱县", "特种作业", "食品有限公司"]


def build_site(n: int, work: Path) -> dict[str, Any]:
    """Generate `n` decisions and build them; Pagefind's figures and the whole build's time."""
    from gongshi.build import build

    from . import synth
    data, out = work / f"data-{n}", work / f"site-{n}"
    shutil.rmtree(data, ignore_errors=True)
    synth.generate(str(data), n)
    root = Path(__file__).resolve().parents[2]
    start = time.perf_counter()
    ds = build(str(data), str(out), synth.DEMO_AS_OF, settings_file=str(root / "pelicanconf.py"),
               content=str(root / "content"))
    total = time.perf_counter() - start
    runs = pagefind.LAST_RUNS
    if not ds.report.ok or not runs:
        raise SystemExit(f"build of {n} decisions failed or made no index")
    return {"decisions": n, "pages_indexed": sum(r.pages for r in runs), "shards": len(runs),
            "build_s": round(total, 1), "pagefind_s": round(sum(r.seconds for r in runs), 1),
            "pagefind_peak_mb": round(max(r.peak_rss_bytes for r in runs) / 2**20),
            "bundle_mb": round(sum(r.bundle_bytes for r in runs) / 2**20, 1), "site": str(out)}


def query_bytes(site: str, queries: list[str]) -> dict[str, Any]:
    """Bytes fetched from /pagefind/ by the first query and by each later one."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS, serve  # the tests' server and browser flags
    from playwright.sync_api import sync_playwright
    httpd, url = serve(Path(site))
    sizes: list[int] = []
    per_query: list[int] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"])
                    if "/pagefind/" in r.url else None)
            page.goto(url + "/search.html")
            for q in queries:
                sizes.clear()
                page.fill("#search-q", q)
                page.press("#search-q", "Enter")
                page.wait_for_function("() => { const s = document.getElementById('search-status')"
                                       ".textContent; return s && !s.startsWith('正在'); }")
                page.wait_for_load_state("networkidle")
                per_query.append(sum(sizes))
            browser.close()
    finally:
        httpd.shutdown()
    return {"first_query_kb": round(per_query[0] / 1000, 1),
            "later_query_kb_max": round(max(per_query[1:]) / 1000, 1),
            "later_query_kb": [round(b / 1000, 1) for b in per_query[1:]], "queries": queries}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for each --decisions size and print one JSON line per size."""
    p = argparse.ArgumentParser(prog="python -m gongshi_tools.searchbench", description=__doc__.split("\n")[0])
    p.add_argument("--decisions", type=int, action="append", required=True)
    p.add_argument("--workdir", default=None)
    p.add_argument("--no-browser", action="store_true")
    args = p.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="gongshi-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    for n in args.decisions:
        row = build_site(n, work)
        if not args.no_browser:
            row.update(query_bytes(row["site"], QUERIES))
        row["date"] = dt.date.today().isoformat()
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
