"""One county's part of the province, made once per bundle and cached (a province of a million).

The merge reads one county at a time: its bundle is harvested (sizes and hashes proven), every
decision judged on the province's day, and what the province's outputs need is kept in a
compact form — an `Item` (a named tuple of short strings) per shown decision for the pages and
the subject join, the counts for the statistics — while the search documents (the result
file's bytes and the grams, the costly part) go to a file of their own beside it, read back one
county at a time when the index is written. The county's parsed tables are then dropped: the
merge holds one county's bundle at a time, not the province's.

A part is cached under a key made of the county's manifest bytes and everything else its
outputs depend on (the province's day, its site.yml, max_age_days, the code and the templates:
`context_key`). A county whose manifest did not change is not fetched again beyond its
manifest: the manifest lists every file's SHA-256, so the same manifest vouches for the same
files, which were proven when the part was made. A county that is not OK is never cached (it
is harvested again each run, and shows nothing).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from gongshi.app.federation.harvest import MANIFEST, OK, BundleError, County, _read, _root, harvest
from gongshi.app.federation.judge import judge
from gongshi.outputs.search.encode import encode
from gongshi.outputs.search.stream import doc_grams

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CODE = re.compile(r"[0-9A-HJ-NP-RTUWXY]{18}")   # a credit code, as a file name
SUBJECT_TYPES = ("法人", "非法人组织", "个体工商户")  # natural persons get no subject page
FORMAT = 1          # the cached part's layout; a change makes every part again
SEP = "\x00"        # between grams in a cached part (a gram never holds it)
# A decision's search document: result file bytes, key grams, other grams (SEP-joined), category.
Doc = tuple[bytes, str, str, str]


class Item(NamedTuple):
    """One shown county decision, as the province's pages, subject join and statistics need it."""

    county_id: str
    county_name: str
    agency: str          # the agency's name
    agency_code: str
    slug: str
    year: str
    date: str            # decided, else published: the order (newest first)
    url: str             # the decision's page on the county's portal
    doc_no: str
    title: str
    party_name: str
    ptype: str
    code: str            # credit code of a subject with a page, else ""
    category: str
    decided: str
    fine: float

    @property
    def anchor(self) -> str:
        return f"d-{self.agency_code}-{self.slug}"

    @property
    def href(self) -> str:  # site-relative, on the province's county page
        return f"counties/{self.county_id}/{self.year}.html#{self.anchor}"


@dataclass
class Part:
    """What the province keeps of one county: its state, items, held reasons and annual totals;
    its search documents are in `search` (a file), `docs` of them."""

    county: County
    items: list[Item] = field(default_factory=list)
    held: Counter[str] = field(default_factory=Counter)
    annual: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    search: str = ""


def page_order(items: list[Item]) -> list[Item]:
    """Newest first, ties by county, agency and slug (the order of every list on the site)."""
    if len(items) < 2:  # most subjects of a province: one decision
        return list(items)
    out = sorted(items, key=lambda i: (i.county_id, i.agency_code, i.slug))
    out.sort(key=lambda i: i.date, reverse=True)
    return out


def page_key(*parts: Any) -> str:
    """A page's key: a hash of everything it is made of (the same key, the same bytes)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def subject_key(context: str, code: str, group: list[Item]) -> str:
    """A subject page's key (and its search document's): its items as plain tuples, whose repr
    is several times cheaper than a named tuple's (half a million subjects at a million)."""
    return page_key(context, code, [tuple(i) for i in group])


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _mapping(value: Any) -> dict[str, Any]:
    """A county's value where a mapping belongs, else {} (a bundle's shapes are not trusted)."""
    return value if isinstance(value, dict) else {}


def _item(c: County, agency: str, row: dict[str, Any]) -> Item:
    party = _mapping(row.get("party"))
    decided = sys.intern(_str(row.get("decided")))
    code = _str(party.get("credit_code"))
    code = code if party.get("type") in SUBJECT_TYPES and CODE.fullmatch(code) else ""
    penalty = _mapping(row.get("penalty"))
    year = sys.intern((decided if DATE.fullmatch(decided) else str(row["published"]))[:4])
    return Item(c.id, c.name, agency, sys.intern(_str(row["agency"])), _str(row["slug"]), year,
                sys.intern(str(row.get("decided") or row.get("published"))), str(row["url"]), _str(row.get("doc_no")),
                _str(row.get("title")), _str(party.get("name")), sys.intern(_str(party.get("type"))), code,
                sys.intern(_str(row.get("category"))), decided, _number(penalty.get("fine")))


def search_doc(i: Item, row: dict[str, Any]) -> tuple[bytes, str, str]:
    """(result file bytes, key grams, other grams) of one decision, as index.write makes them."""
    party = _mapping(row.get("party"))
    title = str(row.get("title") or row.get("doc_no") or "")
    doc_no = str(row.get("doc_no") or "")
    body = [b for b in [i.county_name, i.agency] + [str(row.get(k) or "") for k in
                                                     ("violation_type", "result", "facts", "category")] if b]
    key = [title, doc_no, str(party.get("name") or ""), str(party.get("credit_code") or "")]
    date = str(row.get("decided") or row.get("published") or "")
    text = "\n".join(dict.fromkeys(t for t in [*body, *key] if t))
    data = encode({"u": i.href, "t": title, "k": "decision", "n": doc_no, "a": i.county_name, "d": date,
                   "s": f"{party.get('name') or ''} · {i.agency}", "x": text})
    k, other = doc_grams(key, body, doc_no)
    return data, SEP.join(sorted(k)), SEP.join(sorted(other))


def digest(c: County, as_of: dt.date) -> tuple[Part, list[Doc]]:
    """An OK county's part and its search documents, item j's document j. Drops the county's
    tables (the part is all the merge keeps of a county)."""
    agencies = {str(a.get("agency")): str(a.get("name") or a.get("agency"))
                for a in (c.tables.get("table:agency") or {}).get("records") or [] if isinstance(a, dict)}
    shown, held = judge(c.tables["table:decision"]["records"], as_of)
    annual = (c.tables.get("stats") or {}).get("years") or {}
    pairs = [(_item(c, agencies.get(str(r["agency"]), str(r["agency"])), r), r) for r in shown]
    c.tables = {}
    # The index's order (newest first, then url): the part's items and its search documents
    # are in it, so that item j is document j.
    pairs.sort(key=lambda p: p[0].href)
    pairs.sort(key=lambda p: p[0].date, reverse=True)
    docs = [(*search_doc(i, row), i.category) for i, row in pairs]
    return Part(c, [i for i, _row in pairs], held, annual if isinstance(annual, dict) else {}), docs


def manifest_digest(c: County, base_dir: str) -> str | None:
    """SHA-256 of the county's manifest as read now; None when it cannot be read."""
    try:
        root, is_url = _root(c.bundle, base_dir)
        return hashlib.sha256(_read(root, is_url, MANIFEST)).hexdigest()
    except (BundleError, OSError, ValueError):
        return None


def code_key() -> str:
    """The code and templates the parts and pages are made with."""
    h = hashlib.sha256(str(FORMAT).encode())
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.endswith(".py"):
            with open(os.path.join(here, name), "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


def _key(c: County, base_dir: str, context: str) -> tuple[str | None, str]:
    mdigest = manifest_digest(c, base_dir)
    return mdigest, hashlib.sha256(f"{context}\n{c.id}\n{c.name}\n{c.bundle}\n{mdigest}".encode()).hexdigest()[:32]


def cached_part(c: County, base_dir: str, cache: str, context: str) -> Part | None:
    """The county's part from the folder `cache` when its manifest is the one cached there, else
    None. Read by the merge itself, not a worker: a worker would unpickle it only to pickle it
    again for the merge (100 cached parts of 10,000 decisions: ~14 s of a 75 s merge)."""
    mdigest, key = _key(c, base_dir, context)
    path = os.path.join(cache, f"{key}.part")
    if mdigest and os.path.isfile(path) and os.path.isfile(path[:-5] + ".search"):
        try:
            with open(path, "rb") as fh:
                part: Part = pickle.load(fh)
            part.county.bundle = c.bundle
            return part
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass  # a broken cache file: made again
    return None


def load_part(c: County, base_dir: str, as_of: dt.date, max_age: int, cache: str, context: str,
              policy: dict[str, Any] | None = None) -> Part:
    """The county's part: from the folder `cache` when its manifest is the one cached there,
    else harvested, digested and (when OK) written there, with its search documents beside
    it (<key>.search). A county that is not OK is never written (harvested again each run)."""
    cached = cached_part(c, base_dir, cache, context)
    if cached is not None:
        return cached
    _mdigest, key = _key(c, base_dir, context)
    path = os.path.join(cache, f"{key}.part")
    harvest(c, base_dir, as_of, max_age, policy)  # the province's policy reads every row (recheck.py)
    if c.status != OK:
        return Part(c, key=key)
    part, docs = digest(c, as_of)
    part.key = key
    part.search = path[:-5] + ".search"
    _dump(part.search, docs)
    _dump(path, part)
    return part


def _dump(path: str, value: Any) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def read_docs(part: Part) -> list[Doc]:
    """The part's search documents, read back from its file."""
    with open(part.search, "rb") as fh:
        docs: list[Doc] = pickle.load(fh)
    return docs


def context_key(site: dict[str, Any], as_of: dt.date, max_age: int, theme_dir: str) -> str:
    """Everything besides a county's bundle that its part and pages depend on."""
    h = hashlib.sha256(code_key().encode())
    h.update(json.dumps([site, as_of.isoformat(), max_age], sort_keys=True, default=str, ensure_ascii=False).encode())
    tdir = os.path.join(theme_dir, "federation")
    for name in sorted(os.listdir(tdir)):
        with open(os.path.join(tdir, name), "rb") as fh:
            h.update(name.encode() + b"\0" + fh.read())
    return h.hexdigest()
