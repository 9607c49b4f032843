"""The province's static site: home (every county and its state), county pages by year linking
to each county's own decision pages, subject pages joining a credit code across counties,
statistics summed from the counties, and one search index (app/federation/index.py).

Pages use the theme's CSS and search script and templates of their own
(theme/federation/, beside the portal's templates so Pelican and the portal's
translation tests leave them alone): the county portal's templates need a county's publication.
Everything is written in a fixed order, so the same bundles and day give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import Counter, defaultdict
from typing import Any

import jinja2

from gongshi.app.federation import index as search
from gongshi.app.federation.digest import Item, Part, page_key, page_order, subject_key
from gongshi.app.federation.harvest import OK
from gongshi.app.federation.judge import REASONS_ZH
from gongshi.model.kinds.site import CATEGORIES
from gongshi.outputs.portal import i18n
from gongshi.runtime import jobs

STATIC = ("css/site.css", "css/search.css", "js/search.js", "js/display.js")
SUMMED = ("decisions", "fines", "confiscated")


def _theme(theme: str | None) -> str:
    if theme and os.path.isdir(theme):
        return os.path.abspath(theme)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
    return os.path.join(repo, "theme")


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


class Pages:
    """Renders the province's templates into the output folder; a page whose key is the one it
    had in the published site is hard-linked from there instead (byte-identical: the key covers
    everything the page is made of)."""

    def __init__(self, out: str, theme: str, common: dict[str, Any], published: str | None = None,
                 before: dict[str, str] | None = None) -> None:
        self.out, self.common, self.count, self.linked = out, common, 0, 0
        self.published, self.before = published, before or {}
        self.keys: dict[str, str] = {}
        # The portal's partials are reachable as "partials/…": the search page includes the words
        # the shared search script shows (partials/search_words.html), written once for both.
        loader = jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(os.path.join(theme, "federation")),
            jinja2.PrefixLoader({"partials": jinja2.FileSystemLoader(os.path.join(theme, "templates", "partials"))})])
        self.env = jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True,
                                      undefined=jinja2.ChainableUndefined)
        i18n.install(self.env, {"THEME": theme, "GONGSHI_LANG": i18n.SOURCE_LANG})  # the province's pages are Chinese
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


def write(out: str, site: dict[str, Any], parts: list[Part], as_of: dt.date, max_age: int,
          result: Any, theme: str | None = None, context: str = "", published: str | None = None,
          before: dict[str, str] | None = None,
          search_before: search.State | None = None) -> tuple[dict[str, str], search.State | None]:
    """Every page, the search index and the theme files of the province's portal into `out`;
    the keys of the pages that may be reused next time (county and subject pages), and the
    search index's state (what the next merge compares against to patch it)."""
    theme_dir = _theme(theme)
    counties = [p.county for p in parts]
    held = {p.county.id: p.held for p in parts if p.county.status == OK}
    subjects: dict[str, list[Item]] = defaultdict(list)
    for p in parts:
        for i in p.items:
            if i.code:
                subjects[i.code].append(i)
    subjects = {code: page_order(group) for code, group in sorted(subjects.items())}
    skeys = {code: subject_key(context, code, group) for code, group in subjects.items()} if context else {}
    # The search index is written (or patched) in a forked job beside the pages (runtime/jobs.py):
    # it reads only the parts and the subjects, and the two are each a few minutes of one core
    # in a cold merge of a million decisions, tens of seconds after one county changed.
    index_job = jobs.start("province search index", search.write, out, parts, subjects, published, context, skeys,
                           search_before)
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
        pages.write(f"counties/{c.id}.html", "county.html", page_key(p.key, c.id) if ok else "", county=c,
                    years=sorted(years.items(), reverse=True), held=held.get(c.id, Counter()), shown=len(p.items))
        by_year: dict[str, list[Item]] = defaultdict(list)
        for i in p.items:
            by_year[i.year].append(i)
        for year in sorted(by_year):
            pages.write(f"counties/{c.id}/{year}.html", "county_year.html", page_key(p.key, c.id, year) if ok else "",
                        county=c, year=year, items=page_order(by_year[year]))
    for code, group in subjects.items():
        first = group[0]
        pages.write(f"subjects/{code}.html", "subject.html", skeys.get(code, ""),
                    code=code, items=group, name=first.party_name or code, ptype=first.ptype)
    pages.write("stats.html", "stats.html", live=_live_stats(parts), annual=_annual(parts),
                categories=CATEGORIES, counties=counties)
    choices, state, result.patched = index_job.result()
    pages.write("search.html", "search.html", choices=choices, searchable=bool(total))
    for rel in STATIC:
        src = os.path.join(theme_dir, "static", rel)
        os.makedirs(os.path.dirname(os.path.join(out, "theme", rel)), exist_ok=True)
        shutil.copyfile(src, os.path.join(out, "theme", rel))
    result.decisions, result.subjects, result.pages = total, len(subjects), pages.count
    result.held = dict(held_total)
    result.linked = pages.linked
    return pages.keys, state
