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
import os
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import jinja2

from gongshi.app.federation.harvest import OK, County
from gongshi.app.federation.judge import REASONS_ZH, judge
from gongshi.model.kinds.site import CATEGORIES
from gongshi.outputs.search import index as search_index
from gongshi.outputs.search.doc import Doc

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CODE = re.compile(r"[0-9A-HJ-NP-RTUWXY]{18}")   # a credit code, as a file name
SUBJECT_TYPES = ("法人", "非法人组织", "个体工商户")  # natural persons get no subject page
STATIC = ("css/site.css", "css/search.css", "js/search.js", "js/display.js")
SUMMED = ("decisions", "fines", "confiscated")


@dataclass
class Item:
    """One shown county decision, as the province's pages and search need it."""

    county: County
    agency: str          # the agency's name
    row: dict[str, Any]  # the county's exported row (public fields only)

    @property
    def year(self) -> str:
        """The decision's year (a folder name on the province's site: from a real date only;
        `published` was proven a date by the judge)."""
        decided = str(self.row.get("decided") or "")
        return (decided if DATE.fullmatch(decided) else str(self.row["published"]))[:4]

    @property
    def anchor(self) -> str:
        return f"d-{self.row['agency']}-{self.row['slug']}"

    @property
    def href(self) -> str:  # site-relative, on the province's county page
        return f"counties/{self.county.id}/{self.year}.html#{self.anchor}"

    @property
    def party(self) -> dict[str, Any]:
        party = self.row.get("party")
        return party if isinstance(party, dict) else {}

    @property
    def code(self) -> str:
        code = str(self.party.get("credit_code") or "")
        return code if self.party.get("type") in SUBJECT_TYPES and CODE.fullmatch(code) else ""


def _theme(theme: str | None) -> str:
    if theme and os.path.isdir(theme):
        return os.path.abspath(theme)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
    return os.path.join(repo, "theme")


def _items(counties: list[County], as_of: dt.date) -> tuple[list[Item], dict[str, Counter[str]]]:
    """Every decision shown on `as_of`, newest first; per county, the count held back by reason."""
    items: list[Item] = []
    held: dict[str, Counter[str]] = {}
    for c in counties:
        if c.status != OK:
            continue
        agencies = {str(a.get("agency")): str(a.get("name") or a.get("agency"))
                    for a in (c.tables.get("table:agency") or {}).get("records") or [] if isinstance(a, dict)}
        shown, held[c.id] = judge(c.tables["table:decision"]["records"], as_of)
        items += [Item(c, agencies.get(str(r["agency"]), str(r["agency"])), r) for r in shown]
    items.sort(key=lambda i: (i.county.id, str(i.row["agency"]), str(i.row["slug"])))
    items.sort(key=lambda i: str(i.row.get("decided") or i.row.get("published")), reverse=True)
    return items, held


def _dict(value: Any) -> dict[str, Any]:
    """A county's value where a mapping belongs, else {} (a bundle's shapes are not trusted)."""
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _live_stats(items: list[Item], counties: list[County]) -> list[dict[str, Any]]:
    """Per OK county (then the province): decisions shown now by category, and their fines."""
    rows: list[dict[str, Any]] = []
    total: dict[str, Any] = {"name": "全省合计", "decisions": 0, "fines": 0.0, "by_category": Counter()}
    by_county: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        by_county[i.county.id].append(i)
    for c in counties:
        if c.status != OK:
            continue
        mine = by_county[c.id]
        row = {"name": c.name, "decisions": len(mine),
               "fines": sum(_number(_dict(i.row.get("penalty")).get("fine")) for i in mine),
               "by_category": Counter(str(i.row.get("category") or "其他") for i in mine)}
        rows.append(row)
        total["decisions"] += row["decisions"]
        total["fines"] += row["fines"]
        total["by_category"].update(row["by_category"])
    return rows + [total]


def _annual(counties: list[County]) -> list[dict[str, Any]]:
    """Per year: the counties' committed annual snapshot totals summed. A cell a county wrote
    as "<3" (suppressed) makes the sum a lower bound, shown as "≥ N"."""
    years: dict[str, dict[str, Any]] = {}
    for c in counties:
        if c.status != OK:
            continue
        for year, fig in sorted(((c.tables.get("stats") or {}).get("years") or {}).items()):
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


def documents(items: list[Item], subjects: dict[str, list[Item]]) -> list[Doc]:
    """The province's search documents (newest first): every shown decision, every subject."""
    docs = []
    for i in items:
        r, p = i.row, i.party
        title = str(r.get("title") or r.get("doc_no") or "")
        body = [i.county.name, i.agency] + [str(r.get(k) or "") for k in ("violation_type", "result", "facts", "category")]
        docs.append(Doc("decision", i.href, title, i.county.name, str(r.get("category") or ""),
                        int(i.year) if i.year.isdigit() else None, str(r.get("decided") or r.get("published") or ""),
                        str(r.get("doc_no") or ""), f"{p.get('name') or ''} · {i.agency}",
                        key=[title, str(r.get("doc_no") or ""), str(p.get("name") or ""), str(p.get("credit_code") or "")],
                        body=[b for b in body if b]))
    for code, group in subjects.items():
        name = str(group[0].party.get("name") or code)
        docs.append(Doc("subject", f"subjects/{code}.html", name, "", "", None,
                        str(group[0].row.get("decided") or ""), code,
                        f"{group[0].party.get('type') or ''} · 公示的执法决定 {len(group)} 件",
                        key=[name, code], body=[f"{g.row.get('doc_no')} {g.county.name} {g.agency}" for g in group]))
    order = {k: n for n, k in enumerate(search_index.KINDS)}
    docs.sort(key=lambda d: (order[d.kind], d.url))
    docs.sort(key=lambda d: d.date, reverse=True)
    return docs


class Pages:
    """Renders the province's templates into the output folder."""

    def __init__(self, out: str, theme: str, common: dict[str, Any]) -> None:
        self.out, self.common, self.count = out, common, 0
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(theme, "federation")),
                                      autoescape=True, keep_trailing_newline=True, undefined=jinja2.ChainableUndefined)
        self.env.filters["yuan"] = lambda v: f"{v:,.0f}"

    def write(self, rel: str, template: str, **ctx: Any) -> None:
        root = "../" * rel.count("/")
        html = self.env.get_template(template).render(**self.common, root=root, **ctx)
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
        self.count += 1


def write(out: str, site: dict[str, Any], counties: list[County], as_of: dt.date, max_age: int,
          result: Any, theme: str | None = None) -> None:
    """Every page, the search index and the theme files of the province's portal into `out`."""
    theme_dir = _theme(theme)
    items, held = _items(counties, as_of)
    subjects: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.code:
            subjects[i.code].append(i)
    subjects = dict(sorted(subjects.items()))
    pages = Pages(out, theme_dir, {"site": site, "as_of": as_of.isoformat(), "reasons": REASONS_ZH})
    held_total: Counter[str] = Counter()
    for reasons in held.values():
        held_total.update(reasons)
    shown = Counter(i.county.id for i in items)
    pages.write("index.html", "index.html", counties=counties, shown=shown, held=held, max_age=max_age,
                total=len(items), subjects=len(subjects))
    by_county: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        by_county[i.county.id].append(i)
    for c in counties:
        mine = by_county[c.id]
        years = Counter(i.year for i in mine)
        pages.write(f"counties/{c.id}.html", "county.html", county=c, years=sorted(years.items(), reverse=True),
                    held=held.get(c.id, Counter()), shown=len(mine))
        by_year: dict[str, list[Item]] = defaultdict(list)
        for i in mine:
            by_year[i.year].append(i)
        for year in sorted(by_year):
            pages.write(f"counties/{c.id}/{year}.html", "county_year.html", county=c, year=year, items=by_year[year])
    for code, group in subjects.items():
        pages.write(f"subjects/{code}.html", "subject.html", code=code, items=group,
                    name=str(group[0].party.get("name") or code), ptype=str(group[0].party.get("type") or ""))
    pages.write("stats.html", "stats.html", live=_live_stats(items, counties), annual=_annual(counties),
                categories=CATEGORIES, counties=counties)
    docs = documents(items, subjects)
    if docs:
        search_index.write(out, docs)
    pages.write("search.html", "search.html", choices=search_index.choices(docs), searchable=bool(docs))
    for rel in STATIC:
        src = os.path.join(theme_dir, "static", rel)
        os.makedirs(os.path.dirname(os.path.join(out, "theme", rel)), exist_ok=True)
        shutil.copyfile(src, os.path.join(out, "theme", rel))
    result.decisions, result.subjects, result.pages = len(items), len(subjects), pages.count
    result.held = dict(held_total)
