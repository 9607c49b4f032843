"""The public search index, written by the build itself (no Pagefind): /search/ in the site.

Every public view of every kind (decisions, revocation notices, guides, flowcharts, items,
inspections, officers, agencies) and every subject page is one document. Documents are
numbered oldest first (the newest has the highest id), so "then by date" is "then by number,
highest first", and a new decision, usually the newest, takes the next id and moves no other
document's (search/patch.py then rewrites only what it touches). The index is three kinds of
static file, each fetched only when a query needs it:

- ``meta.json``: the filter names and one column per facet (kind, agency, category, year),
  one or two base-36 characters per document, and the "common" pairs (postings over
  COMMON_BYTES) with their postings' compressed size; the first search downloads it once.
- ``g/<shard>.json``: gram -> postings. Grams are every Chinese character and every pair of
  adjacent Chinese characters, every ASCII letter/digit run (credit codes, certificate
  numbers) and ``#<normalised document number>``. A gram lives in shard ``hash(gram) % S``,
  so a query fetches one small file per distinct gram. A posting is ``2 * id + key`` (key: the
  gram occurs in the title, name, document number or credit code), delta-coded in base 36.
- ``d/<id>.json``: what a result shows (url, title, document number, agency, date) and the
  text a snippet is cut from; fetched only for the results on screen.

A typed string of two or more Chinese characters matches *exactly* the documents holding
all its adjacent pairs (search.js ranks them first), then those holding its characters
apart. The files are written in a fixed order with sorted keys: two builds of the same data
and day are byte-identical.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongshi.model.titles import record_title
from gongshi.publication.inputs import inputs
from gongshi.publication import Publication, PublicRecord
from gongshi.runtime import jobs
from gongshi.outputs import pagecache
from gongshi.outputs.search import incremental, subjects
from gongshi.outputs.search.doc import Doc
from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.encode import Files, deltas
from gongshi.outputs.search.format import ALNUM as ALNUM, COMMON_BYTES as COMMON_BYTES, FOLDER as FOLDER
from gongshi.outputs.search.format import HAN as HAN, KIND_NAMES as KIND_NAMES, KINDS as KINDS
from gongshi.outputs.search.format import MAX_SHARDS as MAX_SHARDS, SHARD_BYTES as SHARD_BYTES
from gongshi.outputs.search.format import VERSION as VERSION, fold as fold, grams as grams
from gongshi.outputs.search.format import facet as _facet, shard_of as shard_of

log = logging.getLogger("gongshi.outputs.search")

# Markdown marks dropped from indexed text; compiled once (re.sub's own cache look-up cost a
# fifth of documents() at 100,000 decisions: 700,000 strings).
_MARKUP = re.compile(r"[#>`_]+")
# Fields that are never matter for a reader (file names, internal ids, flags).
SKIP = {"template", "officers", "reviewer", "item", "inspection", "flowchart", "major", "minor",
        "major_review", "id", "kind", "original", "copies"}


@dataclass(frozen=True)
class IndexRun:
    """What one index build cost, for the benchmark."""

    seconds: float
    peak_rss_bytes: int
    pages: int
    bundle_bytes: int
    patched: int = -1     # documents patched into the published index (search/incremental.py), -1: written in full


LAST_RUNS: list[IndexRun] = []


def _strings(value: Any, skip: set[str] = SKIP) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield _MARKUP.sub("", value).strip()  # `*` is the mask character: kept
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float)):
        return
    elif hasattr(value, "items"):
        for k, v in value.items():
            if k not in skip:
                yield from _strings(v, skip)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v, skip)


def _date(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def documents(ps: Publication) -> list[Doc]:
    """Every searchable document of a publication in id order: oldest first (undated ones
    before every dated one), so that the newest has the highest id."""
    names = {slug: str(a.data.get("name") or slug) for slug, a in ps.agencies.items()}
    # A decision names its 执法事项 by code; its page shows the item's name (and its title may
    # be made of it), so the name is what a reader types: resolved here as the page resolves it.
    items = {(r.agency, r.slug): str(r.data.get("name") or "") for r in ps.of("item")}
    # The same for the officers it names by id: the page shows each one's name and certificate.
    officers = {(r.agency, r.slug): _officer(r.data) for r in ps.of("officer")}
    docs: list[Doc] = []
    for r in ps.decisions:
        d = r.data
        party = d.get("party") or {}
        item = items.get((r.agency, d.get("item")), "")
        staff = [officers.get((r.agency, o), "") for o in [*(d.get("officers") or []),
                                                          (d.get("legal_review") or {}).get("reviewer")] if o]
        title = record_title(d, item or None) if (d.get("title") or party.get("name")) else str(d.get("doc_no") or "")
        docs.append(Doc(
            "decision", r.url or "", title, names.get(r.agency or "", ""), str(d.get("category") or ""),
            r.year, _date(d.get("decided") or r.published), str(d.get("doc_no") or ""),
            f"{party.get('name') or ''}", key=[title, str(d.get("doc_no") or ""), str(party.get("name") or ""),
                                               str(party.get("credit_code") or "")],
            body=[names.get(r.agency or "", ""), item, *staff, *_strings({k: v for k, v in d.items()
                                                            if k not in ("title", "doc_no", "party")}),
                  *_strings({k: v for k, v in party.items() if k not in ("name", "credit_code")})]))
    for r in ps.notices:
        doc_no = str(r.data.get("doc_no") or "")
        agency = names.get(r.agency or "", "")
        rev = r.revocation
        docs.append(Doc("notice", r.url or "", f"撤销公告 {doc_no}", agency, "", r.year,
                        _date(rev.date if rev else r.published), doc_no, "",
                        key=[doc_no], body=[f"{agency}作出的{doc_no}已撤销，原决定内容不再公示。",
                                            rev.reason if rev else ""]))
    for slug, a in ps.agencies.items():
        docs.append(Doc("agency", a.url or "", names[slug], names[slug], key=[names[slug]],
                        body=list(_strings({k: v for k, v in a.data.items() if k != "name"}))))
    for kind, recs in sorted(ps.others.items()):
        if kind not in KINDS:
            continue
        for r in recs:
            docs.append(_other(kind, r, names.get(r.agency or "", "")))
    docs += subjects.documents(ps, names)
    order = {k: i for i, k in enumerate(KINDS)}
    docs.sort(key=lambda d: (_neg(d.date), order[d.kind], d.url), reverse=True)
    return docs


def _officer(d: Any) -> str:
    """An officer as a decision's page shows them: name (证号 certificate number)."""
    cert = (d.get("certificate") or {}).get("number")
    return f"{d.get('name') or ''}（证号 {cert}）" if cert else str(d.get("name") or "")


def _neg(date: str) -> str:
    """Sorts newest first, undated last (documents() sorts by it reversed: the id order)."""
    return "".join(chr(0x7F - ord(c)) for c in date) if date else "\x7f\x7f"


def _other(kind: str, r: PublicRecord, agency: str) -> Doc:
    d = r.data
    name = str(d.get("name") or d.get("title") or r.slug or "")
    if kind == "officer":
        cert = (d.get("certificate") or {}).get("number") or ""
        return Doc(kind, f"{r.agency}/officers.html#officer-{r.slug}", name, agency,
                   sub="、".join(d.get("roles") or []), doc_no=str(cert), key=[name, str(cert)],
                   body=[agency, *_strings({k: v for k, v in d.items() if k != "name"})])
    if kind == "item":
        url = f"{r.agency}/items.html#item-{d.get('code')}"
    elif kind == "inspection":
        url = f"{r.agency}/inspections.html#insp-{d.get('code')}"
    else:
        url = r.url or ""
    return Doc(kind, url, name, agency, str(d.get("category") or ""), None, "",
               str(d.get("code") or ""), key=[name, str(d.get("code") or "")],
               body=[agency, *_strings({k: v for k, v in d.items() if k not in ("name", "title", "code")})])


def expected_urls(ps: Publication) -> set[str]:
    """What the index must hold, read from the publication views (the fail-closed check)."""
    out = {r.url for r in ps.decisions + ps.notices if r.url}
    out |= {a.url for a in ps.agencies.values() if a.url}
    for kind, recs in ps.others.items():
        for r in recs:
            if kind == "officer":
                out.add(f"{r.agency}/officers.html#officer-{r.slug}")
            elif kind == "item":
                out.add(f"{r.agency}/items.html#item-{r.data.get('code')}")
            elif kind == "inspection":
                out.add(f"{r.agency}/inspections.html#insp-{r.data.get('code')}")
            elif kind in KINDS and r.url:
                out.add(r.url)
    out |= set(subjects.urls(ps))
    return out


def write(site: str | os.PathLike[str], docs: list[Doc], published: str | None = None) -> int:
    """Write the index of `docs` (already in id order) into <site>/search/; bytes written.
    `published`: the site now online, whose unchanged files are linked (encode.Files)."""
    return _write(site, docs, published)[0]


def _write(site: str | os.PathLike[str], docs: list[Doc], published: str | None = None) -> tuple[int, int]:
    """index.write: (bytes written, the gram files' size as stream.shard_count counts it)."""
    root = Path(site, FOLDER)
    files = Files(root, published, FOLDER)
    shutil.rmtree(root, ignore_errors=True)
    (root / "g").mkdir(parents=True)
    (root / "d").mkdir()
    postings: dict[str, list[int]] = defaultdict(list)
    total = 0
    for i, d in enumerate(docs):
        key = set().union(*(grams(t) for t in d.key)) if d.key else set()
        every = key | set().union(*(grams(t) for t in d.body)) if d.body else key
        if d.doc_no and normalise(d.doc_no):
            key.add("#" + fold(normalise(d.doc_no) or ""))
            every = every | key
        # A gram's postings hold each document once, in id order, whatever order its grams
        # come in (the gram files are written with sorted keys): the key grams, then the rest,
        # without asking each of ~18 million (at 100,000 decisions) whether it is a key gram.
        for g in key:
            postings[g].append(2 * i + 1)
        for g in every - key if every is not key else ():
            postings[g].append(2 * i)
        total += files.dump(f"d/{i}.json", {
            "u": d.url, "t": d.title, "k": d.kind, "n": d.doc_no, "a": d.agency, "d": d.date,
            "s": d.sub, "x": d.text()})
    encoded = {g: deltas(p) for g, p in postings.items()}
    raw = sum(len(g) * 3 + len(v) + 6 for g, v in encoded.items())
    shards = 1
    while shards < MAX_SHARDS and raw / shards > SHARD_BYTES:
        shards *= 2
    split: list[dict[str, str]] = [{} for _ in range(shards)]
    for g, v in encoded.items():
        split[shard_of(g, shards)][g] = v
    for n, part in enumerate(split):
        total += files.dump(f"g/{n}.json", part)
    common = {g: len(zlib.compress(v.encode("ascii"), 6)) for g, v in encoded.items()
              if len(v) > COMMON_BYTES and len(g) == 2 and HAN.fullmatch(g)}
    kinds, kind_col, kw = _facet([d.kind for d in docs])
    agencies, agency_col, aw = _facet([d.agency for d in docs])
    categories, cat_col, cw = _facet([d.category for d in docs])
    years, year_col, yw = _facet([str(d.year) if d.year else "" for d in docs])
    total += files.dump("meta.json", {
        "version": VERSION, "docs": len(docs), "shards": shards, "common": common,
        "kind": {"names": kinds, "labels": [KIND_NAMES[k] for k in kinds], "col": kind_col, "w": kw},
        "agency": {"names": agencies, "col": agency_col, "w": aw},
        "category": {"names": categories, "col": cat_col, "w": cw},
        "year": {"names": years, "col": year_col, "w": yw}})
    return total, raw


def indexed_urls(site: str | os.PathLike[str]) -> list[str]:
    """The URLs the written index holds (read back from its files)."""
    root = Path(site, FOLDER)
    n = json.loads((root / "meta.json").read_text(encoding="utf-8"))["docs"]
    return [json.loads((root / "d" / f"{i}.json").read_text(encoding="utf-8"))["u"] for i in range(n)]


def misindexed(site: str | os.PathLike[str], ps: Publication, got: list[str] | None = None) -> list[str]:
    """URLs the index holds but should not, should hold but does not, or whose page is missing.
    `got`: the URLs just written, in id order (else read back from the files)."""
    got = indexed_urls(site) if got is None else got
    wrong = sorted(set(got) ^ expected_urls(ps))
    wrong += sorted(u for u in set(got) if not Path(site, u.split("#")[0]).is_file())
    if len(got) != len(set(got)):
        wrong.append("(a URL indexed twice)")
    return wrong


def _peak() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


Written = tuple[IndexRun, list[str], dict[str, list[str]]]


def choices(docs: list[Doc]) -> dict[str, list[str]]:
    """The search page's filters: kinds, agency names, categories and years that occur among
    the documents, sorted (search.js adds each choice's count for the current query)."""
    return {"kind": [KIND_NAMES[k] for k in KIND_NAMES if any(d.kind == k for d in docs)],
            "agency": sorted({d.agency for d in docs if d.agency}),
            "category": sorted({d.category for d in docs if d.category}),
            "year": sorted({str(d.year) for d in docs if d.year is not None}, reverse=True)}


def _index(ps: Publication, site: str, published: str | None = None) -> Written:
    """Write the index of `ps` into `site`: what it cost, the URLs written in id order, and the
    filter choices of the same documents (the search page shows them)."""
    start = time.perf_counter()
    docs = documents(ps)
    done = incremental.patched(site, docs, published)  # few documents changed: the files they touch
    if done is None:
        size, raw = _write(site, docs, published)
        incremental.remember(site, docs, published, raw)
        done = size, -1
    return (IndexRun(time.perf_counter() - start, _peak(), len(docs), done[0], done[1]), [d.url for d in docs],
            choices(docs))


_RUNNING: dict[str, jobs.Job[Written]] = {}  # output folder -> its index job


def running_choices(site: str) -> dict[str, list[str]] | None:
    """The filter choices of the index being written for `site` (waits for it), else None."""
    job = _RUNNING.get(site)
    return job.result()[2] if job is not None else None


def _wanted(settings: dict[str, Any]) -> bool:
    return bool(settings.get("GONGSHI_SEARCH", True)) and "GONGSHI_DATA" in settings


def start(settings: dict[str, Any], site: str) -> None:
    """Begin writing the index beside the pages (runtime/jobs.py): it reads only the
    publication, which is final once the generators have their context. on_finalized waits
    for it and checks it against the finished site."""
    _RUNNING.pop(site, None)  # a failed build's job: never this build's
    if _wanted(settings) and inputs(settings).publication().decisions:
        published = (settings.get(pagecache.SETTING) or {}).get("published")  # an incremental build's
        _RUNNING[site] = jobs.start("search index", _index, inputs(settings).publication(), site, published,
                                    settings=settings)


def on_finalized(pelican: Any) -> None:
    """signals.finalized: every page is written; the index of every public page is too.

    Fail closed: unless the index holds exactly the public URLs of every kind (read from the
    publication views) and each of their pages exists, the index is removed and the search
    page says search is unavailable, rather than serve a wrong index.
    """
    global LAST_RUNS
    settings = pelican.settings
    site = pelican.output_path
    running = _RUNNING.pop(site, None)
    if not _wanted(settings):
        return
    for stale in ("pagefind",):  # the former Pagefind bundle, if an old build left one
        shutil.rmtree(os.path.join(site, stale), ignore_errors=True)
    ps = inputs(settings).publication()
    if not ps.decisions:
        LAST_RUNS = []
        shutil.rmtree(os.path.join(site, FOLDER), ignore_errors=True)
        log.info("gongshi.outputs.search: no public decision, no search index")
        return
    run, urls, _choices = (running or jobs.Job("search index", _index, ps, site, fork=False)).result()
    LAST_RUNS = [run]
    size = run.bundle_bytes
    wrong = misindexed(site, ps, urls)
    if wrong:
        shutil.rmtree(os.path.join(site, FOLDER), ignore_errors=True)
        log.error("gongshi.outputs.search: the index is not exactly the public pages (%d wrong, e.g. %s); "
                  "no search index was published", len(wrong), wrong[:3])
        return
    log.info("gongshi.outputs.search: indexed %d documents in %.1f s (%d bytes)", run.pages,
             LAST_RUNS[0].seconds, size)
