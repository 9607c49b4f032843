"""Staff search: a Whoosh index over every record, public or not, updated by file content (mtime, size and a digest of the bytes).

The index lives in a cache folder and is brought up to date before each search: files whose
modification time changed are re-read and re-indexed, deleted files are dropped. Whether a
hit is public is not stored but asked of `rules.visibility` at search time, for the day the
clerk names, so the answer is the portal's own.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jieba
from whoosh import index as windex
from whoosh import query as wq
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.qparser import MultifieldParser
from whoosh.qparser.default import QueryParserError

from gongshi.model.dataset import discover, kind_for, load_file
from gongshi.model.kinds import Record
from gongshi.model.paths import file_digest
from gongshi.policy.visibility import Visibility, visibility
from gongshi.outputs.search.docno import normalise
from gongshi.outputs.search.index import HAN, fold, grams

VERSION = 4  # bump when the schema or what is indexed changes: the index is rebuilt
MANIFEST = "gongshi-manifest.json"
jieba.setLogLevel(logging.WARNING)  # else jieba reports loading its dictionary on stderr
SKIP_KINDS = {"site", "calendar"}
TEXT_FIELDS = ["doc_no", "party", "title", "content"]
FIELD_BOOSTS = {"doc_no": 8.0, "party": 4.0, "title": 3.0, "content": 1.0}
DOC_NO_FIELD = re.compile(r"doc_no:(\"[^\"]*\"|\S+)")


class SearchError(ValueError):
    """The query or the options cannot be used (bad syntax, missing data folder)."""


def _analyzer() -> Any:
    from jieba.analyse import ChineseAnalyzer
    return ChineseAnalyzer()


def schema() -> Schema:
    """Fields: exact ids for filters and doc_no, jieba-analysed text for the rest."""
    zh = _analyzer()
    return Schema(
        uid=ID(stored=True, unique=True), file=ID(stored=True), kind=ID(stored=True),
        agency=ID(stored=True), category=ID(stored=True), doc_no=ID(stored=True),
        party=TEXT(analyzer=zh, stored=True), title=TEXT(analyzer=zh, stored=True),
        content=TEXT(analyzer=zh), decided=DATETIME(stored=True),
        grams=KEYWORD(lowercase=True), record=STORED)


def default_index_dir(data: str, cache: str = ".cache/whoosh") -> str:
    """One index folder per data folder, under the cache folder."""
    key = hashlib.sha1(os.path.abspath(data).encode("utf-8")).hexdigest()[:12]
    return os.path.join(cache, key)


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _texts(v)


def _title(rec: Record) -> str:
    d = rec.data
    return str(d.get("title") or d.get("name") or d.get("doc_no") or rec.slug or "")


def _datetime(value: Any) -> dt.datetime | None:
    return dt.datetime.combine(value, dt.time()) if isinstance(value, dt.date) else None


def document(rec: Record, rel: str, agency_name: str = "", refs: References | None = None) -> dict[str, Any]:
    """The Whoosh document of one record; `grams` are the public search's own (index.grams:
    every Chinese character and pair, every letter/digit run, #number), so a clerk finds at
    least what the public page finds — a decision by its 执法事项's and officers' names too,
    which its page shows (`refs`, as the public index resolves them)."""
    d = rec.data
    party: dict[str, Any] = d["party"] if isinstance(d.get("party"), dict) else {}
    doc: dict[str, Any] = {
        "uid": rec.uid if rec.index is None else f"{rec.uid}:{rec.index}", "file": rel,
        "kind": rec.kind, "agency": rec.agency or "", "category": str(d.get("category") or ""),
        "party": str(party.get("name") or ""), "title": _title(rec),
        "content": "\n".join(_texts(d)),
        "record": {"kind": rec.kind, "data": d, "agency": rec.agency, "slug": rec.slug,
                   "index": rec.index, "year": rec.year},
    }
    shown = refs.shown(rec) if refs is not None else []
    found = grams("\n".join([agency_name, *shown, *_texts(d)]))
    doc_no = d.get("doc_no")
    if isinstance(doc_no, str):
        doc["doc_no"] = normalise(doc_no) or doc_no
        if normalise(doc_no):
            found.add("#" + fold(normalise(doc_no) or ""))
    doc["grams"] = " ".join(sorted(found))
    when = _datetime(d.get("decided"))
    if when is not None:
        doc["decided"] = when
    return doc


def _agency_names(current: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Agency slug -> name (decisions are found by their agency's name, as on the portal)."""
    out: dict[str, str] = {}
    for rel, (path, _) in current.items():
        kind = kind_for(rel)
        if kind is not None and kind.name == "agency":
            records, _ = load_file(path, rel)
            for rec in records:
                out[rec.agency or ""] = str(rec.data.get("name") or "")
    return out


REFERRED = ("item", "officer")  # kinds a decision names by code or id, whose names its page shows


@dataclass
class References:
    """Per agency, the names a decision's page shows for the codes it holds: its 执法事项
    (code -> name) and its officers and reviewer (id -> "name（证号 …）"), and a signature of
    the files they come from, so that renaming an item re-indexes the agency's decisions."""

    names: dict[tuple[str, str], str]
    signature: dict[str, str]

    @classmethod
    def read(cls, current: dict[str, tuple[str, str]]) -> References:
        names: dict[tuple[str, str], str] = {}
        parts: dict[str, list[str]] = {}
        for rel, (path, sig) in sorted(current.items()):
            kind = kind_for(rel)
            if kind is None or kind.name not in REFERRED:
                continue
            records, _ = load_file(path, rel)
            for rec in records:
                parts.setdefault(rec.agency or "", []).append(sig)
                d = rec.data
                if kind.name == "item":
                    names[(rec.agency or "", f"item:{rec.slug}")] = str(d.get("name") or "")
                else:
                    cert = (d.get("certificate") or {}).get("number") if isinstance(d.get("certificate"), dict) else None
                    name = str(d.get("name") or "")
                    names[(rec.agency or "", f"officer:{rec.slug}")] = f"{name}（证号 {cert}）" if cert else name
        return cls(names, {a: hashlib.sha256("|".join(sorted(set(s))).encode()).hexdigest()[:16]
                           for a, s in parts.items()})

    def shown(self, rec: Record) -> list[str]:
        """The names `rec`'s page shows for what it references ([] but for decisions)."""
        if rec.kind != "decision":
            return []
        d, a = rec.data, rec.agency or ""
        review: dict[str, Any] = d["legal_review"] if isinstance(d.get("legal_review"), dict) else {}
        ids = [f"item:{d.get('item')}"] + [f"officer:{o}" for o in d.get("officers") or [] if isinstance(o, str)]
        ids.append(f"officer:{review.get('reviewer')}")
        return [self.names[(a, i)] for i in ids if (a, i) in self.names]

    def sign(self, rel: str, sig: str) -> str:
        """A decision file's signature with its agency's referenced files' (mtime stays first)."""
        kind = kind_for(rel)
        if kind is None or kind.name != "decision":
            return sig
        agency = rel.split("/")[1] if rel.startswith("agencies/") else ""
        return f"{sig}:{self.signature.get(agency, '')}"


@dataclass(frozen=True)
class Refresh:
    """What one update of the index did."""

    added: int
    removed: int
    files: int
    rebuilt: bool


def _signature(path: str) -> str:
    """mtime_ns:size:digest of a file: what the manifest compares."""
    try:
        st = os.stat(path)
    except OSError:
        return "-1:-1:"
    sig = file_digest(path)
    return f"{st.st_mtime_ns}:{st.st_size}:{sig.hex() if sig else ''}"


class StaffIndex:
    """The on-disk index of one data folder."""

    def __init__(self, data: str, folder: str | None = None) -> None:
        self.data = os.path.abspath(data)
        if not os.path.isdir(self.data):
            raise SearchError(f"数据文件夹不存在 / the data folder does not exist: {data}")
        self.folder = folder or default_index_dir(data)

    def _manifest_path(self) -> str:
        return os.path.join(self.folder, MANIFEST)

    def _manifest(self) -> dict[str, Any] | None:
        try:
            with open(self._manifest_path(), encoding="utf-8") as fh:
                doc = json.load(fh)
        except (OSError, ValueError):
            return None
        ok = doc.get("version") == VERSION and doc.get("data") == self.data
        return doc if ok and windex.exists_in(self.folder) else None

    def _save_manifest(self, files: dict[str, str]) -> None:
        tmp = self._manifest_path() + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"version": VERSION, "data": self.data, "files": files}, fh,
                      ensure_ascii=False, sort_keys=True)
        os.replace(tmp, self._manifest_path())  # after the index commit: a crash re-reads

    def refresh(self) -> Refresh:
        """Bring the index up to date with the data folder's files (by content: an edit that keeps
        the mtime and size still changes the digest)."""
        manifest = self._manifest()
        rebuilt = manifest is None
        os.makedirs(self.folder, exist_ok=True)
        ix = windex.create_in(self.folder, schema()) if rebuilt else windex.open_dir(self.folder)
        known: dict[str, str] = {} if manifest is None else manifest["files"]
        current = {rel: (path, _signature(path)) for path, rel, _ in discover(self.data)
                   if rel.endswith(".yml") and kind_for(rel) is not None}
        refs = References.read(current)
        current = {rel: (path, refs.sign(rel, sig)) for rel, (path, sig) in current.items()}
        changed = [rel for rel, (_, sig) in current.items() if known.get(rel) != sig]
        gone = [rel for rel in known if rel not in current]
        added = 0
        names = _agency_names(current)
        if changed or gone or rebuilt:
            writer = ix.writer(limitmb=256)
            try:
                for rel in gone + ([] if rebuilt else changed):
                    writer.delete_by_term("file", rel)
                for rel in changed:
                    path, sig = current[rel]
                    records, _ = load_file(path, rel, int(sig.split(":")[0]) / 1e9)
                    for rec in records:
                        if rec.kind not in SKIP_KINDS:
                            writer.add_document(**document(rec, rel, names.get(rec.agency or "", ""), refs))
                            added += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            self._save_manifest({rel: sig for rel, (_, sig) in current.items()})
        ix.close()
        return Refresh(added, len(gone), len(current), rebuilt)

    def policy(self) -> dict[str, Any]:
        """The publication policy of site.yml ({} when it cannot be read)."""
        path = os.path.join(self.data, "site.yml")
        if not os.path.exists(path):
            return {}
        records, _ = load_file(path, "site.yml")
        return records[0].data.get("policy", {}) if records else {}

    def search(self, text: str, *, as_of: dt.date, agency: str | None = None,
               category: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None, limit: int | None = 20) -> SearchResult:
        """Hits for a query, best first, each with the record's visibility on `as_of`."""
        ix = windex.open_dir(self.folder)
        try:
            q = parse(text, ix.schema)
            flt = _filters(agency, category, start, end)
            policy = self.policy()
            with ix.searcher() as s:
                found = s.search(q, limit=limit, filter=flt)
                hits = [_hit(h, as_of, policy) for h in found]
                return SearchResult(len(found), hits)
        finally:
            ix.close()


def parse(text: str, sch: Schema) -> wq.Query:
    """A clerk's query: words (jieba), field:value (doc_no:, party:, title:, agency:, ...)."""
    text = text.strip()
    if not text:
        raise SearchError("查询为空 / the query is empty")
    whole = normalise(text)
    if whole is not None:  # a bare document number: look it up exactly
        return wq.Term("doc_no", whole)
    if ":" not in text and "：" not in text:  # plain words: the public search's grams, then jieba
        return _plain(text, sch)

    def _doc_no(m: re.Match[str]) -> str:
        value = m.group(1).strip('"')
        return f"doc_no:'{normalise(value) or value}'"  # quoted: one literal term
    text = DOC_NO_FIELD.sub(_doc_no, text)
    parser = MultifieldParser(TEXT_FIELDS, sch, fieldboosts=FIELD_BOOSTS)
    try:
        return parser.parse(text)
    except QueryParserError as exc:  # pragma: no cover - whoosh repairs most input itself
        raise SearchError(f"无法理解的查询 / the query cannot be parsed: {exc}") from exc


def _plain(text: str, sch: Schema) -> wq.Query:
    """Pages holding every adjacent pair (exactly as typed) rank first, then every character
    apart (the public page's second tier), then jieba's words: a superset of the public hits."""
    exact: set[str] = set()
    apart: set[str] = set()
    for word in text.split():
        g = grams(word)
        runs = HAN.findall(fold(word))
        exact |= {x for x in g if not HAN.fullmatch(x) or len(x) == 2 or any(len(r) == 1 and r == x for r in runs)}
        apart |= {x for x in g if len(x) == 1 or not HAN.fullmatch(x)}
    parts: list[wq.Query] = []
    if exact:
        parts.append(wq.And([wq.Term("grams", x) for x in sorted(exact)], boost=20.0))
    if apart:
        parts.append(wq.And([wq.Term("grams", x) for x in sorted(apart)]))
    try:
        parts.append(MultifieldParser(TEXT_FIELDS, sch, fieldboosts=FIELD_BOOSTS).parse(text))
    except QueryParserError:  # pragma: no cover
        pass
    return wq.Or(parts)


def _filters(agency: str | None, category: str | None, start: dt.date | None,
             end: dt.date | None) -> wq.Query | None:
    parts: list[wq.Query] = []
    if agency:
        parts.append(wq.Term("agency", agency))
    if category:
        parts.append(wq.Term("category", category))
    if start or end:
        parts.append(wq.DateRange("decided", _datetime(start), _datetime(end)))
    return wq.And(parts) if parts else None


@dataclass(frozen=True)
class Hit:
    """One search hit: where the record is, what it is, and whether it is public."""

    file: str
    kind: str
    agency: str
    doc_no: str
    title: str
    party: str
    category: str
    decided: dt.date | None
    visibility: Visibility
    score: float

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {"file": self.file, "kind": self.kind, "agency": self.agency, "doc_no": self.doc_no,
                "title": self.title, "party": self.party, "category": self.category,
                "decided": self.decided.isoformat() if self.decided else None,
                "public": self.visibility.public, "reason": self.visibility.reason,
                "reason_zh": self.visibility.reason_zh, "score": round(self.score, 4)}


@dataclass(frozen=True)
class SearchResult:
    """How many records matched, and the hits shown."""

    total: int
    hits: list[Hit]


def _hit(h: Any, as_of: dt.date, policy: dict[str, Any]) -> Hit:
    stored = h["record"]
    rec = Record(stored["kind"], h["file"], stored["data"], stored["agency"], stored["slug"],
                 stored["index"], stored["year"])
    d = rec.data
    decided = d.get("decided") if isinstance(d.get("decided"), dt.date) else None
    return Hit(h["file"], rec.kind, rec.agency or "", str(d.get("doc_no") or ""), _title(rec),
               h.get("party", ""), h.get("category", ""), decided, visibility(rec, as_of, policy),
               float(h.score or 0.0))
