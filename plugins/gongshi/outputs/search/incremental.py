"""A site's search index patched from the published one after a small change (issue 23).

index.write costs every posting of every document: ~25 s of CPU at 100,000 decisions, the
longest job of a one-record rebuild. After a one-record edit one or two documents differ (the
decision, its subject page); after an addition, since ids are oldest first, the new document
takes the next id and no other moves. So each build keeps a small `State` beside the page
cache's manifest (`<parent>/.cache/search/<output>.pickle`): which published index it
describes (its meta.json's inode and mtime), the code that wrote it, the gram files' size, and
for every document its url, a fingerprint of everything it is indexed from and the text of its
key fields. The next build compares its documents with it: only those whose id or fingerprint
differ go to patch.py, with their grams before (the published result file's text and the
stored key text give them: the text a snippet is cut from is every field the document was
indexed from) and now; patch.py rewrites the files they touch and links every other one from
the published site. The result is the bytes index.write gives for the same documents
(tests/app/test_workflow_incremental.py compares the whole site with a cold build).

Fail closed: the index is written in full (and a new state kept) when there is no state or it
cannot be read, it was written by other code (this package's sources, the format's version, the
Python build), the published index is not the one it describes (another meta.json, a file
missing, added, or modified since meta.json was written; the range files of the pairs written in
ranges included), more than PATCH_MAX documents changed,
or patch.py finds the published postings other than the state says.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from gongshi.outputs.search.doc import Doc
from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.encode import encode
from gongshi.outputs.search.format import FOLDER, VERSION, fold, grams
from gongshi.outputs.search import ranges
from gongshi.outputs.search.patch import Change, patch
from gongshi.outputs.search.stream import doc_grams

log = logging.getLogger("gongshi.outputs.search")

# Above this many changed documents the index is written in full: each costs the decoding of
# its changed grams' postings, and a change that moves many ids (a decision inserted among old
# ones, a subject page whose newest decision changed) is cheaper to write again.
PATCH_MAX = 2000
FP = 16  # bytes of a document's fingerprint


@dataclass
class State:
    """What the next build compares against: the index written by this build."""

    context: str          # the writing code (context())
    meta: str             # which index: its meta.json's "inode:mtime_ns"
    raw: int              # the gram files' size as stream.shard_count counts it
    urls: list[str]       # by id
    fps: bytes            # FP bytes a document, by id (fingerprint())
    keys: list[str]       # by id: the key fields' text, one a line (the key grams before a change)


@functools.cache
def context() -> str:
    """The code an index was written by: this package's sources, the format's version and the
    Python build (a state written by other code describes nothing this code can patch)."""
    h = hashlib.sha256(f"{VERSION} {sys.version}".encode())
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as fh:
                h.update(name.encode() + b"\0" + hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def fingerprint(d: Doc) -> bytes:
    """A digest of every field a document is indexed from (its result file, grams and facets)."""
    fields = (d.kind, d.url, d.title, d.agency, d.category, d.year, d.date, d.doc_no, d.sub, d.key, d.body)
    return hashlib.blake2b(pickle.dumps(fields, protocol=5), digest_size=FP).digest()


def state_path(published: str) -> str:
    """<parent>/.cache/search/<name>.pickle for a published output folder (as the page cache's)."""
    published = os.path.abspath(published)
    return os.path.join(os.path.dirname(published), ".cache", "search", os.path.basename(published) + ".pickle")


def identity(site: str | os.PathLike[str], fresh: bool = False) -> str:
    """Which index a state belongs to: its meta.json's inode and mtime ("" when missing). The
    state is saved before the swap; a build (or a province's merge, app/federation/index.py)
    that fails leaves the previous index online, which the next one must then not patch. `fresh`: meta.json is first made a file of its own (not
    a link to the published one), so that no two builds' indexes share it."""
    path = os.path.join(site, FOLDER, "meta.json")
    try:
        if fresh and os.stat(path).st_nlink > 1:
            with open(path, "rb") as fh:
                data = fh.read()
            os.remove(path)
            with open(path, "wb") as fh:
                fh.write(data)
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_ino}:{st.st_mtime_ns}"


def remember(site: str, docs: list[Doc], published: str | None, raw: int,
             fps: list[bytes] | None = None) -> None:
    """Keep the state of the index just written into `site` for the next build of `published`
    (nothing when the build has no published folder: nothing would read it)."""
    if not published:
        return
    state = State(context(), identity(site, fresh=True), raw, [d.url for d in docs],
                  b"".join(fps if fps is not None else map(fingerprint, docs)), ["\n".join(d.key) for d in docs])
    path = state_path(published)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.tmp-{os.getpid()}"
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=5)
        os.replace(tmp, path)
    except OSError as err:
        log.warning("gongshi.outputs.search: the index's state was not kept (%s); the next build writes it in full",
                    err)


def _load(published: str) -> State | None:
    try:
        with open(state_path(published), "rb") as fh:
            state = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None
    return state if isinstance(state, State) and state.context == context() else None


def _untouched(published: str, state: State) -> bool:
    """The published index is the one `state` describes and nothing of it changed since: its
    meta.json is the same file, every gram and result file is there, none is added, and none is
    newer than meta.json (the last file written)."""
    root = os.path.join(published, FOLDER)
    if not state.meta or identity(published) != state.meta:
        return False
    try:
        meta = json.loads(Path(root, "meta.json").read_bytes())
        shards, docs = int(meta["shards"]), int(meta["docs"])
        written = os.stat(os.path.join(root, "meta.json")).st_mtime_ns
        cut = meta.get("ranges") or {}
        if docs != len(state.urls) or meta.get("block") or set(os.listdir(root)) != {
                "meta.json", "g", "d", *([ranges.FOLDER] if cut else [])}:
            return False
        if cut:  # the range files of the pairs written in ranges, exactly, none newer than meta.json
            want = {rel.rsplit("/", 1)[1] for g, counts in cut.items() for rel in ranges.files_of(g, counts)}
            with os.scandir(os.path.join(root, ranges.FOLDER)) as entries:
                for e in entries:
                    if (e.name not in want or not e.is_file(follow_symlinks=False)
                            or e.stat(follow_symlinks=False).st_mtime_ns > written):
                        return False
                    want.discard(e.name)
            if want:
                return False
        for folder, count in (("g", shards), ("d", docs)):
            seen = 0
            with os.scandir(os.path.join(root, folder)) as entries:
                for e in entries:
                    stem = e.name[:-5]
                    if (not e.name.endswith(".json") or not stem.isdigit() or int(stem) >= count
                            or stem != str(int(stem)) or not e.is_file(follow_symlinks=False)
                            or e.stat(follow_symlinks=False).st_mtime_ns > written):
                        return False
                    seen += 1
            if seen != count:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _docno_gram(doc_no: str) -> set[str]:
    return {"#" + fold(normalise(doc_no) or "")} if doc_no and normalise(doc_no) else set()


def _before(published: str, i: int, key_text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Document i's grams in the published index: (key grams, other grams), from its result
    file (whose text holds every field it was indexed from, one a line) and its key fields'
    text kept in the state; None when the file cannot be read."""
    try:
        data = json.loads(Path(published, FOLDER, "d", f"{i}.json").read_bytes())
        text, doc_no = str(data["x"]), str(data["n"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    key = grams(key_text) | _docno_gram(doc_no)
    every = grams(text) | _docno_gram(doc_no)
    if not key <= every:
        return None  # the result file is not the document the state describes
    return frozenset(key), frozenset(every - key)


def _dict(d: Doc) -> dict[str, str]:
    """A document's result file (d/<id>.json), as index.write writes it."""
    return {"u": d.url, "t": d.title, "k": d.kind, "n": d.doc_no, "a": d.agency, "d": d.date, "s": d.sub,
            "x": d.text()}


def facets(docs: list[Doc]) -> list[list[str]]:
    """The four facet columns (kind, agency, category, year), one value a document by id."""
    return [[d.kind for d in docs], [d.agency for d in docs], [d.category for d in docs],
            [str(d.year) if d.year else "" for d in docs]]


def patched(site: str, docs: list[Doc], published: str | None) -> tuple[int, int] | None:
    """Write the index of `docs` (in id order) into <site>/search/ by patching the published
    one, and keep the new state: (bytes written, not counting files linked; documents changed),
    or None: nothing vouches for a patch, so the caller writes the index in full (and calls
    remember)."""
    if not published or not docs:
        return None
    state = _load(published)
    if state is None or not _untouched(published, state):
        return None
    fps = [fingerprint(d) for d in docs]
    was = {u: n for n, u in enumerate(state.urls)}
    if len(was) != len(state.urls) or len({d.url for d in docs}) != len(docs):
        return None  # two documents at one URL: matching by URL would not be one to one
    changes: list[Change] = []
    for n, (d, fp) in enumerate(zip(docs, fps)):
        old = was.pop(d.url, -1)
        same = old >= 0 and state.fps[old * FP:old * FP + FP] == fp
        if same and old == n:
            continue
        if len(changes) >= PATCH_MAX:
            return None
        key, other = (frozenset(g) for g in doc_grams(d.key, d.body, d.doc_no))
        if same:  # moved only: the same grams at another id
            changes.append(Change(old, key, other, n, encode(_dict(d)), key, other))
            continue
        before = _before(published, old, state.keys[old]) if old >= 0 else (frozenset(), frozenset())
        if before is None:
            return None
        changes.append(Change(old, *before, n, encode(_dict(d)), key, other))
    for old in was.values():  # documents no longer in the index
        before = _before(published, old, state.keys[old])
        if before is None or len(changes) >= PATCH_MAX:
            return None
        changes.append(Change(old, *before, -1, b"", frozenset(), frozenset()))
    done = patch(site, published, len(docs), 0, state.raw, changes, facets(docs), inline=-1)
    if done is None:
        return None
    remember(site, docs, published, done[1], fps)
    log.info("gongshi.outputs.search: index patched (%d of %d documents changed)", len(changes), len(docs))
    return done[0], len(changes)
