"""Search benchmark: what people type, typed into /search.html in Chromium, scored; bytes and time.

    python -m gongshi_tools.searchbench --demo --decisions 2000 [--workdir DIR] [--queries 60]
    python -m gongshi_tools.searchbench --site DIR   # a site already built (large archives)

For the demo site and for each generated archive (gongshi_tools.synth): a full build (the index
is written in it), then the site is served on localhost *gzip-compressed, as a static host
serves it*, and Chromium types at least 50 queries (full names, two-character name fragments,
credit codes, document numbers, 执法事项 names, sector words) into the search page. For each query the pages
that hold it exactly, as typed, are the relevant set R (read from the index's own documents,
i.e. the pages' text); the figures are

- R-precision: of the first |R| results, the share in R (exact holders first), averaged;
- recall: the share of R found at all, averaged;
- bytes transferred (compressed) by the first search and the largest later one;
- the slowest query's time with 4x CPU throttling (a mid-range phone profile).

Slow (builds and a browser): not part of `make test`; tests/test_searchbench.py runs it small.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import io
import json
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from gongshi.outputs.search import index as search_index
from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.index import fold

ROOT = Path(__file__).resolve().parents[2]
SECTOR = ["超过保质期", "危险化学品", "食品经营许可", "排污许可", "罚款", "未取得", "责令改正", "扬尘", "特种作业",
          "道路运输", "安全生产", "预包装食品", "警告", "隐患排查", "环境影响", "没收"]
DOC_NO = re.compile(r"^\S+〔\d{4}〕\d+号$")


def build_site(data: Path, out: Path, as_of: dt.date) -> dict[str, Any]:
    from gongshi.app.build import build
    start = time.perf_counter()
    ds = build(str(data), str(out), as_of, settings_file=str(ROOT / "pelicanconf.py"),
               content=str(ROOT / "content"))
    total = time.perf_counter() - start
    runs = search_index.LAST_RUNS
    if not ds.report.ok or not runs:
        raise SystemExit(f"build of {data} failed or made no index")
    return {"documents": runs[0].pages, "build_s": round(total, 1), "index_s": round(runs[0].seconds, 1),
            "index_mb": round(runs[0].bundle_bytes / 2**20, 1),
            "gram_files": len(list((out / "search" / "g").glob("*.json")))}


def documents(site: Path) -> list[dict[str, Any]]:
    n = json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))["docs"]
    return [json.loads((site / "search" / "d" / f"{i}.json").read_text(encoding="utf-8")) for i in range(n)]


def relevant(docs: list[dict[str, Any]], q: str) -> set[str]:
    """The pages holding `q` exactly (a document number: the pages of that number)."""
    if DOC_NO.match(q):
        return {d["u"] for d in docs if d["n"] and normalise(d["n"]) == normalise(q)}
    f = fold(q)
    return {d["u"] for d in docs if f in fold(d["x"])}


def queries(docs: list[dict[str, Any]], n: int, seed: int = 13) -> list[tuple[str, str]]:
    """At least `n` queries of five kinds, drawn from the index's own documents."""
    rng = random.Random(seed)
    decisions = [d for d in docs if d["k"] == "decision"]
    subjects = [d for d in docs if d["k"] == "subject"]
    out: list[tuple[str, str]] = []
    per = max(1, n // 5)
    for d in rng.sample(subjects, min(per, len(subjects))):
        out.append(("full name", d["t"]))
    for d in rng.sample(subjects, min(per, len(subjects))):
        name = d["t"][3:] if d["t"].startswith("霍邱县") else d["t"]
        i = rng.randrange(max(1, len(name) - 3))
        out.append(("two characters", name[i:i + 2]))
    for d in rng.sample(subjects, min(per, len(subjects))):
        out.append(("credit code", d["n"]))
    for d in rng.sample(decisions, min(per, len(decisions))):
        out.append(("document number", d["n"]))
    # A decision page shows its 执法事项 by name (the record holds only the item's code).
    items = sorted({d["t"] for d in docs if d["k"] == "item"})
    for name in rng.sample(items, min(5, len(items))):
        out.append(("item name", name))
    out += [("sector word", w) for w in SECTOR[:max(per, n - len(out))]]
    return out


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when asked, as a static host does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self) -> Any:  # type: ignore[override]
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = lambda *a, **k: _Gzip(*a, directory=str(root), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def measure(site: Path, qs: list[tuple[str, str]], throttle: float = 4.0) -> dict[str, Any]:
    """Type every query into the search page; R-precision, recall, bytes and time."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS  # the tests' browser flags
    from playwright.sync_api import sync_playwright
    docs = documents(site)
    httpd, url = serve(site)
    rows: list[dict[str, Any]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            page.goto(url + "/search.html")
            page.evaluate("performance.setResourceTimingBufferSize(100000)")
            # Bytes from the page's own Resource Timing (transferSize: compressed body and
            # headers), cleared before each query: Playwright's request events can arrive after
            # the next query started and were counted in it (the ranked list's fetches).
            spent_js = ("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))"
                        ".reduce((n, e) => n + e.transferSize, 0)")
            for kind, q in qs:
                page.evaluate("performance.clearResourceTimings()")
                start = time.perf_counter()
                page.fill("#search-q", q)
                page.press("#search-q", "Enter")
                page.wait_for_function("() => { const s = document.getElementById('search-status')"
                                       ".textContent; return s && !s.startsWith('正在'); }")
                took = time.perf_counter() - start
                page.wait_for_load_state("networkidle")
                R = relevant(docs, q)
                spent = page.evaluate(spent_js)  # what the search itself transferred (the ranked list below is extra)
                shown = page.evaluate("n => window.__gongshiSearch ? window.__gongshiSearch(n) : []", max(len(R), 10))
                page.wait_for_load_state("networkidle")
                got = [docs[i]["u"] for i in shown]  # ids, ranked
                rp = len(set(got[:len(R)]) & R) / len(R) if R else 1.0
                rec = len(set(got) & R) / len(R) if R else 1.0
                rows.append({"kind": kind, "q": q, "relevant": len(R), "r_precision": round(rp, 3),
                             "recall": round(rec, 3), "bytes": spent, "seconds": round(took, 3)})
            browser.close()
    finally:
        httpd.shutdown()
    scored = [r for r in rows if r["relevant"]]
    return {"queries": len(rows), "scored": len(scored),
            "r_precision": round(sum(r["r_precision"] for r in scored) / len(scored), 3),
            "recall": round(sum(r["recall"] for r in scored) / len(scored), 3),
            "first_search_kb": round(rows[0]["bytes"] / 1000, 1),
            "later_search_kb_max": round(max(r["bytes"] for r in rows[1:]) / 1000, 1),
            "slowest_query_s_throttled": max(r["seconds"] for r in rows),
            "slowest": [{k: r[k] for k in ("kind", "q", "seconds")}
                        for r in sorted(rows, key=lambda r: -r["seconds"])[:3]],
            "largest": [{k: r[k] for k in ("kind", "q", "bytes")}
                        for r in sorted(rows[1:], key=lambda r: -r["bytes"])[:3]],
            "worst": sorted(rows, key=lambda r: (r["r_precision"], r["recall"]))[:3]}


def main(argv: list[str] | None = None) -> int:
    """Measure the demo and each --decisions archive; one JSON line each."""
    p = argparse.ArgumentParser(prog="python -m gongshi_tools.searchbench", description=__doc__.split("\n")[0])
    p.add_argument("--decisions", type=int, action="append", default=[])
    p.add_argument("--demo", action="store_true", help="also the demo data (data/) as of 2026-11-22")
    p.add_argument("--queries", type=int, default=60)
    p.add_argument("--seed", type=int, default=2026, help="of the generated archive")
    p.add_argument("--workdir", default=None)
    p.add_argument("--no-browser", action="store_true")
    p.add_argument("--site", action="append", default=[], metavar="DIR",
                   help="an already built site (e.g. of `gongshi build` on a 100,000-decision archive): "
                        "measured as it is, not built")
    args = p.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="gongshi-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from . import synth
    targets: list[tuple[str, Path, dt.date]] = []
    if args.demo:
        targets.append(("demo", ROOT / "data", dt.date(2026, 11, 22)))
    for n in args.decisions:
        data = work / f"data-{n}"
        shutil.rmtree(data, ignore_errors=True)
        synth.generate(str(data), n, seed=args.seed)
        targets.append((f"synth-{n}", data, synth.DEMO_AS_OF))
    for site in args.site:
        out = Path(site)
        meta = json.loads((out / "search" / "meta.json").read_text(encoding="utf-8"))
        row = {"site": str(out), "documents": meta["docs"], "gram_files": meta["shards"]}
        if not args.no_browser:
            row.update(measure(out, queries(documents(out), args.queries)))
        row["date"] = dt.date.today().isoformat()
        print(json.dumps(row, ensure_ascii=False), flush=True)
    for name, data, as_of in targets:
        out = work / f"site-{name}"
        row: dict[str, Any] = {"site": name, **build_site(data, out, as_of)}
        if not args.no_browser:
            row.update(measure(out, queries(documents(out), args.queries)))
        row["date"] = dt.date.today().isoformat()
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
