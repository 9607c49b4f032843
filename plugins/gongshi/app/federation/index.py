"""The province's search index: patched from the published one when few documents changed,
else written in full (docs/bundle.md, "At scale").

Document ids are global, oldest first (the newest document has the highest id; equal dates in
the reverse of kind, then url), given from the parts' items alone: a county's new decision takes
the next id and moves no other document's, so an addition is patched too.
A full write reads every county's search documents back from its part file one county at a
time and streams them into outputs/search/stream.Writer: every posting of a million documents
(most of a merge's time when one county changed). So each merge also records a small
`State` — every county's part key and the ids of its documents, every subject's id and page
key, the gram files' size — and the next merge compares: a county whose part and ids did not
change has no changed document and is not read at all; a changed county's documents are
compared one by one with its previous part (still in the cache: parts are pruned only after
the merge); a subject whose page key and id did not change did not change either. Only the
documents that differ go to outputs/search/patch, which rewrites the files they touch and
links every other from the published site. The patched index is the very bytes of a full write
(tests/app/test_federation_scale.py); anything the comparison cannot vouch for (no state, a
different context or block size, a county's previous part gone, too many changed documents)
writes the index in full.
"""
from __future__ import annotations

import logging
import os
import pickle
import shutil
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from gongshi.app.federation.digest import SEP, Item, Part, page_order, read_docs, subject_key
from gongshi.outputs.search import index as search_index
from gongshi.outputs.search import stream
from gongshi.outputs.search.encode import encode
from gongshi.outputs.search.incremental import context as search_context
from gongshi.outputs.search.incremental import identity
from gongshi.outputs.search.patch import Change, patch
from gongshi.outputs.search.stream import doc_grams

log = logging.getLogger("gongshi.app.federation")

# Above BLOCK_FROM documents the index keeps BLOCK result documents a file (stream.Writer):
# file creation, not the text, is most of a large merge's time on an ordinary disk; a page of
# ten results then fetches at most ten small arrays (measured in docs/bundle.md).
BLOCK, BLOCK_FROM = 8, 20000
KIND_ORDER = {k: n for n, k in enumerate(search_index.KINDS)}
# Above this many changed documents the index is written in full: a changed document costs the
# decoding of each of its changed grams' postings (those of a common gram run to a million), and
# an insertion among old documents moves every newer document's id.
PATCH_MAX = 2000


@dataclass
class State:
    """What the next merge compares against (kept beside the page keys, pickled)."""

    context: str = ""
    docs: int = 0
    block: int = 0
    raw: int = 0
    meta: str = ""    # which meta.json (inode, mtime): the state holds for that index only
    parts: dict[str, tuple[str, bytes]] = field(default_factory=dict)   # county id -> (part key, ids as array "I")
    subjects: dict[str, tuple[int, str]] = field(default_factory=dict)  # credit code -> (id, page key)
    # The search writer's code (outputs/search/incremental.context): an index written by other
    # code (e.g. before common pairs were cut into ranges) is written again in full, not patched.
    search: str = ""


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


def _year(item: Item) -> str:
    return str(int(item.year)) if item.year.isdigit() else ""


def write(out: str, parts: list[Part], subjects: dict[str, list[Item]], published: str | None,
          context: str = "", subject_keys: dict[str, str] | None = None,
          before: State | None = None) -> tuple[dict[str, list[str]], State | None, int]:
    """The search index into `out`: ids oldest first (the newest highest); the search page's filter
    choices, the state the next merge compares against (None: nothing to compare) and how many
    documents were patched into the published index (-1: written in full)."""
    order: list[tuple[str, int, str, int, int]] = []
    for n, p in enumerate(parts):
        order += [(i.date, KIND_ORDER["decision"], i.href, n, j) for j, i in enumerate(p.items)]
    codes = list(subjects)
    order += [(g[0].decided, KIND_ORDER["subject"], f"subjects/{code}.html", -1, j)
              for j, (code, g) in enumerate(subjects.items())]
    if not order:
        shutil.rmtree(os.path.join(out, search_index.FOLDER), ignore_errors=True)
        return {"kind": [], "agency": [], "category": [], "year": []}, None, -1
    order.sort(key=lambda e: (e[1], e[2]))
    order.sort(key=lambda e: e[0], reverse=True)
    ids = [array("I", bytes(4 * len(p.items))) for p in parts]
    sids = array("I", bytes(4 * len(codes)))
    docs = len(order)
    for n, e in enumerate(order):  # newest first here; ids oldest first (search/index.py)
        (sids if e[3] < 0 else ids[e[3]])[e[4]] = docs - 1 - n
    del order
    block = BLOCK if docs > BLOCK_FROM else 0
    # The facet columns and the filter choices, from the items alone (no document is read).
    facets: list[list[str]] = [[""] * docs for _ in range(4)]
    kind, county, category, year = facets
    for n, p in enumerate(parts):
        for j, i in enumerate(p.items):
            d = ids[n][j]
            kind[d], county[d], category[d], year[d] = "decision", p.county.name, i.category, _year(i)
    for j in range(len(codes)):
        kind[sids[j]] = "subject"
    kinds = set(kind)
    choices = {"kind": [search_index.KIND_NAMES[k] for k in search_index.KIND_NAMES if k in kinds],
               "agency": sorted({p.county.name for p in parts if p.items}),
               "category": sorted({c for c in category if c}),
               "year": sorted({y for y in year if y}, reverse=True)}
    keys = subject_keys or {}
    state: State | None = State(
        context, docs, block,
        parts={p.county.id: (p.key, ids[n].tobytes()) for n, p in enumerate(parts) if p.items and p.key},
        subjects={code: (sids[j], keys.get(code, "")) for j, code in enumerate(codes)}, search=search_context())
    if not context or not all(keys.get(c) for c in codes) or any(p.items and not p.key for p in parts):
        state = None  # nothing vouches for a later comparison
    if (state and before and published and before.context == context and before.block == block
            and getattr(before, "search", "") == search_context() and before.meta == identity(published)):
        changes = _changes(parts, ids, subjects, sids, keys, before)
        if changes is not None:
            done = patch(out, published, docs, block, before.raw, changes, facets)
            if done is not None:
                state.raw = done[1]
                state.meta = identity(out, fresh=True)
                log.info("gongshi federate: search index patched (%d documents changed)", len(changes))
                return choices, state, len(changes)
    writer = stream.Writer(out, docs, published, block)
    for n, p in enumerate(parts):
        if not p.items:
            continue
        for j, (data, k, other, _category) in enumerate(read_docs(p)):
            writer.add(ids[n][j], data, k.split(SEP) if k else (), other.split(SEP) if other else (),
                       *_facets(facets, ids[n][j]))
    for j, (code, group) in enumerate(subjects.items()):
        data, skey, sother = subject_doc(code, group)
        writer.add(sids[j], data, skey, sother, *_facets(facets, sids[j]))
    writer.finish()
    if state:
        state.raw = writer.raw
        state.meta = identity(out, fresh=True)
    return choices, state, -1


def _facets(facets: list[list[str]], i: int) -> tuple[str, str, str, str]:
    return facets[0][i], facets[1][i], facets[2][i], facets[3][i]


def _grams(k: str, other: str) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(k.split(SEP) if k else ()), frozenset(other.split(SEP) if other else ())


def _old_part(folder: str, key: str) -> Part | None:
    """A county's previous part, still in the cache (parts are pruned after the merge)."""
    try:
        with open(os.path.join(folder, f"{key}.part"), "rb") as fh:
            part: Part = pickle.load(fh)
        part.search = os.path.join(folder, f"{key}.search")
        return part if os.path.isfile(part.search) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def _changes(parts: list[Part], ids: list[array[int]], subjects: dict[str, list[Item]], sids: array[int],
             keys: dict[str, str], before: State) -> list[Change] | None:
    """Every document whose id or content is not what the published index holds, or None when
    that cannot be known (a previous part gone) or they are too many to patch."""
    changes: list[Change] = []
    folder = next((os.path.dirname(p.search) for p in parts if p.search), "")
    old_parts: dict[str, Part] = {}   # county id -> its previous part, for each changed county
    current = {p.county.id for p in parts if p.items and p.key}
    for cid, (key, _ids) in before.parts.items():
        if cid not in current:   # a county that shows nothing now: every document of its gone
            old = _old_part(folder, key) if folder else None
            if old is None:
                return None
            old_parts[cid] = old
    for n, p in enumerate(parts):
        if not p.items or not p.key:
            continue
        prev = before.parts.get(p.county.id)
        now = ids[n]
        if prev and prev[0] == p.key:
            if prev[1] == now.tobytes():
                continue  # the same part at the same ids: nothing of it changed
            was: array[int] = array("I")
            was.frombytes(prev[1])
            moved = [j for j in range(len(now)) if was[j] != now[j]]
            if len(changes) + len(moved) > PATCH_MAX:
                return None
            docs = read_docs(p)
            for j in moved:
                data, k, other, _c = docs[j]
                kg, rest = _grams(k, other)
                changes.append(Change(was[j], kg, rest, now[j], data, kg, rest))
            continue
        old_docs: dict[str, tuple[int, tuple[bytes, str, str, str]]] = {}
        if prev:
            old = _old_part(folder, prev[0]) if folder else None
            if old is None:
                return None
            old_parts[p.county.id] = old
            was = array("I")
            was.frombytes(prev[1])
            old_docs = {i.href: (was[j], d) for j, (i, d) in enumerate(zip(old.items, read_docs(old)))}
            if len(old_docs) != len(old.items):
                return None  # two documents at one URL: matching by URL would not be one to one
        if len({i.href for i in p.items}) != len(p.items):
            return None
        for j, (i, d) in enumerate(zip(p.items, read_docs(p))):
            then = old_docs.pop(i.href, None)
            if then is not None and then[0] == now[j] and then[1] == d:
                continue
            kg, rest = _grams(d[1], d[2])
            old_key, old_rest = _grams(then[1][1], then[1][2]) if then else (frozenset(), frozenset())
            changes.append(Change(then[0] if then else -1, old_key, old_rest, now[j], d[0], kg, rest))
            if len(changes) > PATCH_MAX:
                return None
        for old_id, d in old_docs.values():
            kg, rest = _grams(d[1], d[2])
            changes.append(Change(old_id, kg, rest, -1, b"", frozenset(), frozenset()))
    for cid, old in old_parts.items():
        if cid not in current:
            was = array("I")
            was.frombytes(before.parts[cid][1])
            for j, d in enumerate(read_docs(old)):
                kg, rest = _grams(d[1], d[2])
                changes.append(Change(was[j], kg, rest, -1, b"", frozenset(), frozenset()))
    if len(changes) > PATCH_MAX:
        return None
    return _subject_changes(parts, subjects, sids, keys, before, old_parts, changes)


def _subject_changes(parts: list[Part], subjects: dict[str, list[Item]], sids: array[int], keys: dict[str, str],
                     before: State, old_parts: dict[str, Part], changes: list[Change]) -> list[Change] | None:
    """The subjects' documents that changed: a new or changed page key, a new id, or gone. A
    changed subject's previous document is made again from its previous group (the previous
    parts of the changed counties), and must give its previous key."""
    codes = {code: j for j, code in enumerate(subjects)}
    rewritten = {c for c in codes.keys() | before.subjects.keys()
                 if c not in codes or c not in before.subjects or before.subjects[c][1] != keys[c]}
    if len(changes) + len(rewritten) > PATCH_MAX:
        return None
    old_groups: defaultdict[str, list[Item]] = defaultdict(list)
    gone = {c for c in rewritten if c in before.subjects}
    if gone:
        for p in parts:
            if p.items and p.county.id not in old_parts:
                _group(old_groups, p.items, gone)
        for old in old_parts.values():
            _group(old_groups, old.items, gone)
    for code in sorted(codes.keys() | before.subjects.keys()):
        prev = before.subjects.get(code)
        j = codes.get(code)
        now = sids[j] if j is not None else -1
        if code not in rewritten:
            if prev is not None and prev[0] == now:
                continue
            data, k, o = subject_doc(code, subjects[code])
            same = frozenset(k), frozenset(o)
            changes.append(Change(prev[0] if prev else -1, *same, now, data, *same))
        else:
            data, k, o = subject_doc(code, subjects[code]) if j is not None else (b"", [], [])
            old_key: frozenset[str] = frozenset()
            old_other: frozenset[str] = frozenset()
            if prev is not None:
                group = page_order(old_groups.get(code, []))
                if not group or subject_key(before.context, code, group) != prev[1]:
                    return None  # the previous document cannot be made again: write in full
                _d, ok, oo = subject_doc(code, group)
                old_key, old_other = frozenset(ok), frozenset(oo)
            changes.append(Change(prev[0] if prev else -1, old_key, old_other, now, data, frozenset(k), frozenset(o)))
        if len(changes) > PATCH_MAX:
            return None
    return changes


def _group(groups: defaultdict[str, list[Item]], items: list[Item], codes: set[str]) -> None:
    for i in items:
        if i.code in codes:
            groups[i.code].append(i)


__all__ = ["BLOCK", "BLOCK_FROM", "State", "subject_doc", "write"]
