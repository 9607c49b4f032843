"""The province's static site: home (every county and its state), county pages by year linking
to each county's own decision pages, subject pages joining a credit code across counties,
statistics summed from the counties, and one search index (outputs/search/index.write).

Pages use the theme's CSS and search script and templates of their own
(theme/federation/, beside the portal's templates so Pelican and the portal's
translation tests leave them alone): the county portal's templates need a county's publication.
Everything is written in a fixed order, so the same bundles and day give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from array import array
from collections import Counter, defaultdict
from typing import Any

import jinja2

from gongshi.app.federation.digest import SEP, Item, Part, read_docs
from gongshi.app.federation.harvest import OK
from gongshi.app.federation.judge import REASONS_ZH
from gongshi.model.kinds.site import CATEGORIES
from gongshi.outputs.search import index as search_index
from gongshi.outputs.search import stream
from gongshi.outputs.search.encode import encode
from gongshi.outputs.search.stream import doc_grams

STATIC = ("css/site.css", "css/search.css", "js/search.js", "js/display.js")
SUMMED = ("decisions", "fines", "confiscated")
# Above BLOCK_FROM documents the index keeps BLOCK result documents a file (stream.Writer):
# file creation, not the text, is most of a large merge's time on an ordinary disk; a page of
# ten results then fetches at most ten small arrays (measured in docs/bundle.md).
BLOCK, BLOCK_FROM = 8, 20000
KIND_ORDER = {k: n for n, k in enumerate(search_index.KINDS)}


def _theme(theme: str | None) -> str:
    if theme and os.path.isdir(theme):
        return os.path.abspath(theme)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
    return os.path.join(repo, "theme")


def _page_order(items: list[Item]) -> list[Item]:
    """Newest first, ties by county, agency and slug (the order of every list on the site)."""
    out = sorted(items, key=lambda i: (i.county_id, i.agency_code, i.slug))
    out.sort(key=lambda i: i.date, reverse=True)
    return out


def _dict(value: Any) -> dict[str, Any]:
    """A county's value where a mapping belongs, else {} (a bundle's shapes are not trusted)."""
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _live_stats(parts: list[Part]) -> list[dict[str, Any]]:
    """Per OK county (then the province): decisions shown now by category, and their fines."""
    rows: list[dict[str, Any]] = []
    total: dict[str, Any] = {"name": "全省合计", "decisions": 0, "fines": 0.0, "by_category": Counter()}
    for p in parts:
        if p.county.status != OK:
            continue
        row = {"name": p.county.name, "decisions": len(p.items), "fines": sum(i.fine for i in p.items),
               "by_category": Counter(i.category or "其他" for i in p.items)}
        rows.append(row)
        total["decisions"] += row["decisions"]
        total["fines"] += row["fines"]
        total["by_category"].update(row["by_category"])
    return rows + [total]


def _annual(parts: list[Part]) -> list[dict[str, Any]]:
    """Per year: the counties' committed annual snapshot totals summed. A cell a county wrote
    as "<3" (suppressed) makes the sum a lower bound, shown as "≥ N"."""
    years: dict[str, dict[str, Any]] = {}
    for p in parts:
        c = p.county
        if c.status != OK:
            continue
        for year, fig in sorted(p.annual.items()):
            if not isinstance(fig, dict):
                continue
            y = years.setdefault(year, {"year": year, "counties": [], "low": set(),
                                        "by_category": Counter(), **dict.fromkeys(SUMMED, 0.0)})
            y["counties"].append(c.name)
            for key in SUMMED:
                if isinstance(fig.get(key), str):
                    y["low"].add(key)
                y[key] += _number(fig.get(key))
            for cat, n in _dict(fig.get("by_category")).items():
                if isinstance(n, str):
                    y["low"].add(cat)
                y["by_category"][cat] += int(_number(n))
    return [years[y] for y in sorted(years, reverse=True)]


def subject_doc(code: str, group: list[Item]) -> tuple[bytes, list[str], list[str]]:
    """A subject's search document: (result file bytes, key grams, other grams)."""
    first = group[0]
    name = first.party_name or code
    body = [f"{g.doc_no} {g.county_name} {g.agency}" for g in group]
    key = [name, code]
    text = "\n".join(dict.fromkeys(t for t in [*body, *key] if t))
    data = encode({"u": f"subjects/{code}.html", "t": name, "k": "subject", "n": code, "a": "", "d": first.decided,
                   "s": f"{first.ptype} · 公示的执法决定 {len(group)} 件", "x": text})
    k, other = doc_grams(key, body, code)
    return data, sorted(k), sorted(other)


class Pages:
    """Renders the province's templates into the output folder; a page whose key is the one it
    had in the published site is hard-linked from there instead (byte-identical: the key covers
    everything the page is made of)."""

    def __init__(self, out: str, theme: str, common: dict[str, Any], published: str | None = None,
                 before: dict[str, str] | None = None) -> None:
        self.out, self.common, self.count, self.linked = out, common, 0, 0
        self.published, self.before = published, before or {}
        self.keys: dict[str, str] = {}
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(theme, "federation")),
                                      autoescape=True, keep_trailing_newline=True, undefined=jinja2.ChainableUndefined)
        self.env.filters["yuan"] = lambda v: f"{v:,.0f}"
        self.made: set[str] = set()

    def write(self, rel: str, template: str, key: str = "", **ctx: Any) -> None:
        path = os.path.join(self.out, rel)
        folder = os.path.dirname(path)
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        self.count += 1
        if key:
            self.keys[rel] = key
            if self.published and self.before.get(rel) == key:
                try:
                    os.link(os.path.join(self.published, rel), path)
                    self.linked += 1
                    return
                except OSError:
                    pass  # gone or another file system: rendered
        root = "../" * rel.count("/")
        html = self.env.get_template(template).render(**self.common, root=root, **ctx)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)


def _key(*parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def write(out: str, site: dict[str, Any], parts: list[Part], as_of: dt.date, max_age: int,
          result: Any, theme: str | None = None, context: str = "", published: str | None = None,
          before: dict[str, str] | None = None) -> dict[str, str]:
    """Every page, the search index and the theme files of the province's portal into `out`;
    the keys of the pages that may be reused next time (county and subject pages)."""
    theme_dir = _theme(theme)
    counties = [p.county for p in parts]
    held = {p.county.id: p.held for p in parts if p.county.status == OK}
    subjects: dict[str, list[Item]] = defaultdict(list)
    for p in parts:
        for i in p.items:
            if i.code:
                subjects[i.code].append(i)
    subjects = {code: _page_order(group) for code, group in sorted(subjects.items())}
    pages = Pages(out, theme_dir, {"site": site, "as_of": as_of.isoformat(), "reasons": REASONS_ZH}, published, before)
    held_total: Counter[str] = Counter()
    for reasons in held.values():
        held_total.update(reasons)
    shown = Counter({p.county.id: len(p.items) for p in parts if p.items})
    total = sum(len(p.items) for p in parts)
    pages.write("index.html", "index.html", counties=counties, shown=shown, held=held, max_age=max_age,
                total=total, subjects=len(subjects))
    for p in parts:
        c = p.county
        years = Counter(i.year for i in p.items)
        ok = c.status == OK and p.key
        pages.write(f"counties/{c.id}.html", "county.html", _key(p.key, c.id) if ok else "", county=c,
                    years=sorted(years.items(), reverse=True), held=held.get(c.id, Counter()), shown=len(p.items))
        by_year: dict[str, list[Item]] = defaultdict(list)
        for i in p.items:
            by_year[i.year].append(i)
        for year in sorted(by_year):
            pages.write(f"counties/{c.id}/{year}.html", "county_year.html", _key(p.key, c.id, year) if ok else "",
                        county=c, year=year, items=_page_order(by_year[year]))
    for code, group in subjects.items():
        first = group[0]
        pages.write(f"subjects/{code}.html", "subject.html", _key(context, code, group) if context else "",
                    code=code, items=group, name=first.party_name or code, ptype=first.ptype)
    pages.write("stats.html", "stats.html", live=_live_stats(parts), annual=_annual(parts),
                categories=CATEGORIES, counties=counties)
    choices = _index(out, parts, subjects, published)
    pages.write("search.html", "search.html", choices=choices, searchable=bool(total))
    for rel in STATIC:
        src = os.path.join(theme_dir, "static", rel)
        os.makedirs(os.path.dirname(os.path.join(out, "theme", rel)), exist_ok=True)
        shutil.copyfile(src, os.path.join(out, "theme", rel))
    result.decisions, result.subjects, result.pages = total, len(subjects), pages.count
    result.held = dict(held_total)
    result.linked = pages.linked
    return pages.keys


def _index(out: str, parts: list[Part], subjects: dict[str, list[Item]], published: str | None) -> dict[str, list[str]]:
    """The search index: ids newest first (then kind, url), every decision's document read
    back from its county's part file one county at a time, every subject's made here; the
    search page's filter choices."""
    order: list[tuple[str, int, str, int, int]] = []
    for n, p in enumerate(parts):
        order += [(i.date, KIND_ORDER["decision"], i.href, n, j) for j, i in enumerate(p.items)]
    codes = list(subjects)
    order += [(g[0].decided, KIND_ORDER["subject"], f"subjects/{code}.html", -1, j)
              for j, (code, g) in enumerate(subjects.items())]
    if not order:
        shutil.rmtree(os.path.join(out, search_index.FOLDER), ignore_errors=True)
        return {"kind": [], "agency": [], "category": [], "year": []}
    order.sort(key=lambda e: (e[1], e[2]))
    order.sort(key=lambda e: e[0], reverse=True)
    ids = [array("I", bytes(4 * len(p.items))) for p in parts]
    sids = array("I", bytes(4 * len(codes)))
    for n, e in enumerate(order):
        (sids if e[3] < 0 else ids[e[3]])[e[4]] = n
    docs = len(order)
    del order
    writer = stream.Writer(out, docs, published, BLOCK if docs > BLOCK_FROM else 0)
    kinds: set[str] = set()
    counties: set[str] = set()
    categories: set[str] = set()
    years: set[str] = set()
    for n, p in enumerate(parts):
        if not p.items:
            continue
        for j, (data, k, other, category) in enumerate(read_docs(p)):
            year = p.items[j].year
            year = year if year.isdigit() else ""
            writer.add(ids[n][j], data, k.split(SEP) if k else (), other.split(SEP) if other else (),
                       "decision", p.county.name, category, str(int(year)) if year else "")
            categories.add(category)
            years.add(str(int(year)) if year else "")
        kinds.add("decision")
        counties.add(p.county.name)
    for j, (code, group) in enumerate(subjects.items()):
        data, skey, sother = subject_doc(code, group)
        writer.add(sids[j], data, skey, sother, "subject", "", "", "")
        kinds.add("subject")
    writer.finish()
    return {"kind": [search_index.KIND_NAMES[k] for k in search_index.KIND_NAMES if k in kinds],
            "agency": sorted(counties), "category": sorted(c for c in categories if c),
            "year": sorted((y for y in years if y), reverse=True)}
