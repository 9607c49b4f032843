"""A model of search.js over a province's index: the bytes each query fetches, and its ranking.

`gongshi_tools.searchbench` types queries into Chromium, one result file a document, over a
county's site; a province keeps 8 documents a result file and a million of them, so
`gongshi bench --federation` models search.js instead, from the index's files:

- which grams a query reads (`selective`: its rarer grams, then its common pairs cheapest
  first within 30 kB; when every pair is common a ranged pair costs one range, meta.range_gz);
- for a query whose pairs are all common and some written in ranges (outputs/search/ranges.py),
  the ranges read newest first exactly as search.js's `Walk` and `deepen` read them for the
  first page (the first range, then up to STEP_BUDGET more until ten results are certain);
- the result files of the first ten results;
- its whole ranking (exact tier, title hits first, newest first; then the characters apart
  when search.js would show them), scored against the documents holding the query as typed:
  R-precision (of the first |R| results, the share in R) and recall (the share of R among the
  first max(|R|, 10)), as searchbench scores them.

Bytes are gzip as served (level 6, each file compressed whole). Run alone over a built site:
``python -m gongshi_tools.fedsearch SITE [--no-quality]``.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
from typing import Any

PAGE = 10
COMMON_BUDGET = 30000   # search.js's COMMON_BUDGET
STEP_BUDGET = 32000     # search.js's STEP_BUDGET
APART_MAX = 4           # search.js's APART_MAX
HAN1 = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Index:
    """One province index's files, read on demand and remembered (gzip sizes, postings)."""

    def __init__(self, site: str) -> None:
        self.root = os.path.join(site, "search")
        with open(os.path.join(self.root, "meta.json"), encoding="utf-8") as fh:
            self.meta: dict[str, Any] = json.load(fh)
        self.common: dict[str, int] = self.meta.get("common") or {}
        self.ranges: dict[str, list[int]] = self.meta.get("ranges") or {}
        self.range_gz: int = self.meta.get("range_gz") or 0
        self._gz: dict[str, int] = {}
        self._shards: dict[int, dict[str, str]] = {}

    def gz(self, rel: str) -> int:
        if rel not in self._gz:
            with open(os.path.join(self.root, rel), "rb") as fh:
                self._gz[rel] = len(gzip.compress(fh.read(), 6))
        return self._gz[rel]

    def shard_rel(self, g: str) -> str:
        from gongshi.outputs.search.format import shard_of
        return f"g/{shard_of(g, self.meta['shards'])}.json"

    def shard(self, g: str) -> dict[str, str]:
        from gongshi.outputs.search.format import shard_of
        n = shard_of(g, self.meta["shards"])
        if n not in self._shards:
            with open(os.path.join(self.root, "g", f"{n}.json"), encoding="utf-8") as fh:
                self._shards[n] = json.load(fh)
        return self._shards[n]

    def range_values(self, g: str, series: str, n: int) -> list[int]:
        from gongshi.outputs.search import ranges
        with open(os.path.join(self.root, ranges.path(g, series, n)), encoding="utf-8") as fh:
            return ranges.decode(json.load(fh)[g])

    def postings(self, g: str) -> dict[int, int]:
        """id -> key bit, the gram's whole postings (its gram file, or every range)."""
        from gongshi.outputs.search import ranges
        values: list[int] = []
        if g in self.ranges:
            for s, count in zip(("k", "b"), self.ranges[g]):
                for n in range(count):
                    values += self.range_values(g, s, n)
        else:
            values = ranges.decode(self.shard(g).get(g, ""))
        return {v >> 1: v & 1 for v in values}

    def whole_bytes(self, g: str) -> set[str]:
        """The files search.js reads for a gram read whole."""
        from gongshi.outputs.search import ranges
        if g in self.ranges:
            return set(ranges.files_of(g, self.ranges[g]))
        return {self.shard_rel(g)}

    def block_rel(self, i: int) -> str:
        b = self.meta.get("block") or 0
        return f"d/{i // b}.json" if b else f"d/{i}.json"


def parse(q: str) -> tuple[list[str], list[str] | None, int]:
    """(exact grams, apart grams or None, Chinese characters typed) as search.js's parse."""
    from gongshi.outputs.search.docno import normalise
    from gongshi.outputs.search.format import ALNUM, HAN, fold
    if normalise(q):
        return ["#" + fold(normalise(q) or "")], None, 0
    f = fold(q)
    exact: dict[str, None] = {}
    apart: dict[str, None] = {}
    han = 0
    for run in HAN.findall(f):
        han += len(run)
        if len(run) == 1:
            exact[run] = None
        for a, b in zip(run, run[1:]):
            exact[a + b] = None
        apart.update(dict.fromkeys(run))
    for t in ALNUM.findall(HAN.sub(" ", f)):
        exact[t] = None
        apart[t] = None
    return list(exact), (None if "某" in q else list(apart)), han


def selective(grams: list[str], ix: Index) -> list[str]:
    out = [g for g in grams if g not in ix.common]
    walk = not out

    def cost(g: str) -> int:
        return min(ix.range_gz, ix.common[g]) if walk and g in ix.ranges else ix.common[g]
    spent = 0
    for g in sorted((g for g in grams if g in ix.common), key=lambda g: (ix.common[g], g)):
        if out and spent + cost(g) > COMMON_BUDGET:
            break
        out.append(g)
        spent += cost(g)
    return out


class Walk:
    """search.js's Walk: the ranged pairs read newest first, key series then body series."""

    def __init__(self, ix: Index, whole: list[dict[int, int]], grams: list[str]) -> None:
        self.ix, self.whole = ix, whole
        self.pairs = [{"g": g, "r": dict(zip("kb", ix.ranges[g])), "read": {"k": 0, "b": 0},
                       "low": {"k": float("inf"), "b": float("inf")}, "k": {}, "b": {}} for g in grams]
        self.read: list[str] = []   # range files read, in order

    def reach(self, p: dict[str, Any], s: str) -> float:
        return 0 if p["read"][s] >= p["r"][s] else float(p["low"][s])

    def floor(self, s: str) -> float:
        return max(self.reach(p, s) for p in self.pairs)

    @property
    def done(self) -> bool:
        return self.floor("k") == 0 and self.floor("b") == 0

    def next(self) -> tuple[dict[str, Any], str, int]:
        s = "k" if self.floor("k") > 0 else "b"
        f = self.floor(s)
        p = next(q for q in self.pairs if self.reach(q, s) == f)
        return p, s, self.ix.range_gz

    def advance(self) -> None:
        from gongshi.outputs.search import ranges
        p, s, _ = self.next()
        n = p["read"][s]
        for v in self.ix.range_values(p["g"], s, n):
            p[s][v >> 1] = v & 1
            p["low"][s] = min(p["low"][s], v >> 1)
        self.read.append(ranges.path(p["g"], s, n))
        p["read"][s] += 1

    def list(self) -> list[int]:
        fk = self.floor("k")
        first = self.pairs[0]
        title = sorted((i for i in first["k"] if i >= fk and all(i in p["k"] for p in self.pairs)
                        and all(w.get(i) == 1 for w in self.whole)), reverse=True)
        if fk > 0:
            return title
        fb = self.floor("b")
        seen = set(title)
        body = sorted({i for i in (*first["k"], *first["b"]) if i >= fb and i not in seen
                       and all(i in p["k"] or i in p["b"] for p in self.pairs) and all(i in w for w in self.whole)},
                      reverse=True)
        return title + body


def first_page(ix: Index, q: str) -> tuple[int, list[int], bool]:
    """(bytes a query fetches until its first page shows, not counting meta.json; the ids on
    it; whether the count is "at least")."""
    exact, _apart, _han = parse(q)
    chosen = selective(exact, ix) if exact else []
    ranged = [g for g in chosen if g in ix.ranges]
    files: set[str] = set()
    if ranged and all(g in ix.common for g in chosen):
        whole = []
        for g in chosen:
            if g not in ranged:
                files |= ix.whole_bytes(g)
                whole.append(ix.postings(g))
        w = Walk(ix, whole, ranged)
        w.advance()
        spent = 0
        shown = w.list()
        while not w.done and len(shown) < PAGE:
            cost = w.next()[2]
            if spent and spent + cost > STEP_BUDGET:
                break
            spent += cost
            w.advance()
            shown = w.list()
        files |= set(w.read)
        page, partial = shown[:PAGE], not w.done
    else:
        for g in chosen:
            files |= ix.whole_bytes(g)
        page, partial = ranking(ix, q, PAGE), False
        if exact and not ranking(ix, q, 1, apart=False) and _apart:  # found nowhere exactly: the characters apart
            for g in _apart:
                files |= ix.whole_bytes(g)
    files |= {ix.block_rel(i) for i in page}
    return sum(ix.gz(f) for f in files), page, partial


def ranking(ix: Index, q: str, n: int, apart: bool = True) -> list[int]:
    """The first `n` ids of the query's whole ranking, every range read (search.js after the
    reader paged through them: __gongshiSearch(n)); `apart`: False, the exact tier only."""
    exact, chars, han = parse(q)
    chars = chars if apart else None
    chosen = selective(exact, ix) if exact else []
    hits: dict[int, int] | None = None
    for g in chosen:
        got = ix.postings(g)
        hits = got if hits is None else {i: k & got[i] for i, k in hits.items() if i in got}
    hits = hits or {}
    out = sorted(hits, key=lambda i: (-hits[i], -i))
    if chars and (not out or (han <= APART_MAX and any(g not in exact for g in chars))) and len(out) < n:
        far: dict[int, int] | None = None
        for g in chars:
            got = ix.postings(g)
            far = got if far is None else {i: k & got[i] for i, k in far.items() if i in got}
        far = far or {}
        out += sorted((i for i in far if i not in hits), key=lambda i: (-far[i], -i))
    return out[:n]


def relevant(ix: Index, queries: list[str]) -> list[set[int]]:
    """Per query the ids of the documents holding it as typed (a document number: that number),
    one pass over every result file."""
    from gongshi.outputs.search.docno import normalise
    from gongshi.outputs.search.format import fold
    want = [(fold(q), normalise(q)) for q in queries]
    out: list[set[int]] = [set() for _ in queries]
    block = ix.meta.get("block") or 0
    docs = ix.meta["docs"]
    step = block or 1
    for k in range(0, docs, step):
        with open(os.path.join(ix.root, ix.block_rel(k)), encoding="utf-8") as fh:
            got = json.load(fh)
        items = got if block else [got]
        for j, d in enumerate(items):
            x = fold(d.get("x") or "")
            n = d.get("n") or ""
            for qi, (f, no) in enumerate(want):
                if no:
                    if n and normalise(n) == no:
                        out[qi].add(k + j)
                elif f in x:
                    out[qi].add(k + j)
    return out


def measure(site: str, queries: list[str], quality: bool = True) -> dict[str, Any]:
    """Bytes per query (gzip), the largest and median, and (quality) R-precision and recall."""
    from gongshi.outputs.search.format import fold
    ix = Index(site)
    meta_gz = ix.gz("meta.json")
    rows = []
    for q in queries:
        size, page, partial = first_page(ix, q)
        rows.append({"q": fold(q), "bytes": size, "partial": partial})
    if quality:
        for row, q, R in zip(rows, queries, relevant(ix, queries)):
            got = ranking(ix, q, max(len(R), PAGE))
            row["relevant"] = len(R)
            row["r_precision"] = round(len(set(got[:len(R)]) & R) / len(R), 3) if R else 1.0
            row["recall"] = round(len(set(got) & R) / len(R), 3) if R else 1.0
    sizes = sorted(r["bytes"] for r in rows)
    worst = max(rows, key=lambda r: r["bytes"])
    out: dict[str, Any] = {
        "meta_gz": meta_gz, "docs": ix.meta["docs"], "shards": ix.meta["shards"], "common": len(ix.common),
        "ranged": len(ix.ranges), "block": ix.meta.get("block", 1), "queries": len(queries),
        "median_query_bytes": sizes[len(sizes) // 2], "first_query_bytes": meta_gz + worst["bytes"],
        "later_query_bytes": worst["bytes"], "worst_query": worst["q"],
        "partial": sum(r["partial"] for r in rows), "rows": rows}
    scored = [r for r in rows if r.get("relevant")]
    if scored:
        out["r_precision"] = round(sum(r["r_precision"] for r in scored) / len(scored), 3)
        out["recall"] = round(sum(r["recall"] for r in scored) / len(scored), 3)
    return out


def _doc(root: str, meta: dict[str, Any], i: int) -> dict[str, Any]:
    rel = f"d/{i // meta['block']}.json" if meta.get("block") else f"d/{i}.json"
    with open(os.path.join(root, rel), encoding="utf-8") as fh:
        d = json.load(fh)
    return d[i % meta["block"]] if meta.get("block") else d  # type: ignore[no-any-return]


def queries(site: str) -> list[str]:
    """Queries as people type them (searchbench's kinds), taken from the province's own result
    files spread over the index: a party's name, a two-character fragment of it, a credit code,
    a document number; and sector words and a county's name."""
    root = os.path.join(site, "search")
    with open(os.path.join(root, "meta.json"), encoding="utf-8") as fh:
        meta = json.load(fh)
    out: list[str] = []
    n = meta["docs"]
    for i in list(range(0, n, max(1, n // 12)))[:12]:
        d = _doc(root, meta, i)
        name = str(d.get("s", "")).split(" · ")[0] if d.get("k") == "decision" else str(d.get("t") or "")
        out += [q for q in (name, name[3:5] if len(name) > 5 else "", d.get("n")) if q]
    return out + ["危险化学品", "食品经营许可", "未取得食品经营许可从事食品经营活动", "东安县"]


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="model search.js over a built province's index")
    parser.add_argument("site")
    parser.add_argument("--no-quality", action="store_true", help="bytes only (no pass over every document)")
    a = parser.parse_args()
    print(json.dumps(measure(a.site, queries(a.site), not a.no_quality), ensure_ascii=False, indent=1))
    sys.exit(0)
