"""The check cache: `gongshi validate` re-checks only the decision files that changed.

Why: at 100,000 decisions a full validate costs ~17 s (reading every record back from the
parse cache, then the redaction gate's ~7 s, references, deadlines …), and a pre-commit hook
that slow gets skipped. Nearly every file is a decision; the other records (site.yml,
calendar.yml, agencies, officers, items, guides …, a few dozen files) are the *context*,
always read (through the parse cache) and checked again. Each check declares its scope as
data (hooks.scoped, like yamllint's rule types):

- RECORD: what it says about a decision file depends only on that file and the context. Its
  findings are kept per decision file, keyed by the file's mtime_ns, size and inode (with the
  parse cache's racy-clean rule: a file changed within 2 s of its checking is not kept) and by
  the *global key*: code of the whole gongshi package, the checks and their scopes, --as-of,
  the content folder and the digest of every context file. Only changed files are read and
  checked (together with the context, whose own findings are never cached).
- SUMMARY: a cross-record rule (duplicates, agency folders, monthly activity, annual
  statistics) reading of each decision only the fields it declares. A digest of those fields
  is kept per file, and per folder in its shard (a folder whose files all hit is not hashed
  again file by file); when the combined digest over every decision is the one of last time, the
  previous findings stand, else the rule runs over slim decisions (the declared fields only,
  kept in separate shards read only then) — never over 100,000 full records.
- nothing declared: the rule runs over the whole dataset, loaded through the parse cache
  (fail closed: what cannot be checked incrementally is run, never skipped).

Stat, not git, finds what changed (a file edited outside git is seen); mtime+size+inode is
git's own index rule. Findings are stored with their line and column resolved (those depend
on the file's bytes only). The result is the cold validate's, finding for finding
(tests/checks/test_checkcache.py). `GONGSHI_CHECK_CACHE=0` (or `GONGSHI_CACHE=0`) turns it off.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from typing import Any, Iterable, Mapping

from gongshi.model import dataset, hookspecs as hooks
from gongshi.checks.scrub import allow_of, scrub
from gongshi.checks.registry import Check, default_content, load_checks
from gongshi.model.findings import Finding, Report
from gongshi.model.kinds import Record
from gongshi.model.paths import file_digest
from gongshi.model.parsecache import RACY_NS
from gongshi.checks.store import (
    BULK,
    MAGIC,
    Entry,
    Slim,
    read,
    resolve,
    shard_path,
    slim,
    summary_digest,
    write,
    cache_dir,
    check_id,
    code_version,
    enabled,
)

__all__ = ["BULK", "MAGIC", "cache_dir", "check_id", "code_version", "enabled", "validate"]


def validate(root: str, as_of: dt.date, *, content: str | None = None, workers: int | None = None,
             extra_checks: Iterable[Check] = (), stats: dict[str, os.stat_result] | None = None,
             loaded: Mapping[str, tuple[list[Record], list[Finding]]] | None = None) -> Report:
    """checks.validate's findings, re-checking only what changed since the last run (the
    report only: the dataset is not loaded whole). `stats` receives the walk's stat of every
    file: `gongshi build` compares them with its own load's, to know these findings are about
    the very files it published (app/build.py). `loaded`: records and findings already read, by
    relative path (the build's load), used instead of reading those files again."""
    root = os.path.abspath(root)
    fns = load_checks(extra_checks)
    scopes = [hooks.scope_of(fn) for fn in fns]
    stats = {} if stats is None else stats

    def read_files(items: dataset.Todo) -> Iterable[tuple[list[Record], list[Finding]]]:
        if loaded is None:
            return dataset.read(root, items, workers)
        fresh = iter(dataset.read(root, [t for t in items if t[1] not in loaded], workers))
        return [loaded[t[1]] if t[1] in loaded else next(fresh) for t in items]
    kinds: list[Any] = []  # each todo file's kind, as the scan found it (not matched twice)
    ds, todo = dataset.scan(root, stats, kinds)
    if not os.path.isdir(root):
        return ds.report
    ds.content = os.path.abspath(content) if content else default_content(root)
    bulk = [i for i, k in enumerate(kinds) if k is not None and k.name == BULK]
    is_bulk = set(bulk)
    context = [i for i in range(len(todo)) if i not in is_bulk]
    results: dict[int, tuple[list[Record], list[Finding]]] = dict(
        zip(context, read_files([todo[i] for i in context])))

    ids = [check_id(fn) for fn in fns]
    head = MAGIC + hashlib.sha256(repr((
        root, code_version(), ids, as_of.isoformat(), ds.content,
        [(todo[i][1], file_digest(todo[i][0])) for i in context], sorted(ds.broken),
    )).encode("utf-8", "surrogatepass")).hexdigest().encode() + b"\n"
    base = cache_dir(root)
    index = read(os.path.join(base, "index.pickle"), head)
    index = index if isinstance(index, tuple) and len(index) == 2 else None
    # The previous run's cross-record findings (by check: combined digest, findings), and the
    # RECORD checks' findings on context files (valid while `head`, the context, is the same).
    old_summaries: dict[str, tuple[bytes, list[Finding]]] = index[0] if index else {}
    old_context: dict[str, list[Finding]] = index[1] if index else {}

    # Which decision files changed: stat (from the walk) and the declared file inputs.
    inputs: list[Mapping[str, object]] = [m for m in (s.file_input(ds) for s in scopes
                                          if s is not None and s.per == hooks.RECORD and s.file_input) if m]
    # (A loop over 100,000 files: kept to C-level steps, str.rpartition for dirname/basename.)
    folders: dict[str, list[int]] = {}
    for i in bulk:
        folders.setdefault(todo[i][1].rpartition("/")[0], []).append(i)
    entries: dict[int, Entry] = {}
    shards: dict[str, dict[str, Entry]] = {}
    changed: list[int] = []
    sigs: dict[int, tuple[int, int, int, tuple[object, ...]]] = {}
    missing = (-1, -1, -1, ())
    folder_sums: dict[str, dict[str, bytes]] = {}  # folder -> SUMMARY check -> folder digest
    for folder, idxs in folders.items():
        shard = read(shard_path(base, folder, ".checks"), head) if index is not None else None
        got: dict[str, Entry] = {}
        sums: dict[str, bytes] = {}
        if isinstance(shard, tuple) and len(shard) == 2 and isinstance(shard[0], dict) and isinstance(shard[1], dict):
            got, sums = shard
        shards[folder], folder_sums[folder] = got, sums
        for i in idxs:
            path, rel, _ = todo[i]
            st = stats.get(path)
            sig = missing if st is None else (
                st.st_mtime_ns, st.st_size, st.st_ino, tuple([m.get(path) for m in inputs]) if inputs else ())
            entry = got.get(rel.rpartition("/")[2])
            if type(entry) is tuple and len(entry) == 8 and entry[:4] == sig:
                entries[i] = entry
            else:
                changed.append(i)
                sigs[i] = sig  # (what _save keys a changed file's new entry by)

    # A folder whose files all found their entries, and which has no other entry, is the one
    # its shard was written for: its stored folder digests stand for its files' digests.
    changed_in = {todo[i][1].rpartition("/")[0] for i in changed}
    intact = {folder for folder, idxs in folders.items()
              if folder not in changed_in and len(shards[folder]) == len(idxs)}
    full = any(s is None for s in scopes)  # an undeclared check needs every record
    fresh_idx = bulk if full else changed
    results.update(zip(fresh_idx, read_files([todo[i] for i in fresh_idx])))

    # The datasets checks run over: `run` holds the context and the changed decisions, `whole`
    # every record (only for undeclared checks); both know every path and every broken file.
    run = dataset.Dataset(root, content=ds.content)
    whole = dataset.Dataset(root, content=ds.content) if full else run
    changed_set = set(changed)
    ds.paths.update([t[1] for t in todo])
    for i, (_, rel, _) in enumerate(todo):
        if i not in results:  # an unchanged decision: its parse findings, and whether it is broken
            entry = entries[i]
            if entry[4]:
                ds.report.extend(entry[4])
            if entry[5]:
                ds.broken.add(rel)
            continue
        records, found = results[i]
        ds.report.extend(found)
        if not records and found:
            ds.broken.add(rel)
        for r in records:
            if i not in is_bulk or i in changed_set:
                run.records.setdefault(r.kind, []).append(r)
            if full:
                whole.records.setdefault(r.kind, []).append(r)
    dataset.finish(ds)
    for d in {id(run): run, id(whole): whole}.values():
        d.paths, d.broken, d.files = ds.paths, ds.broken, ds.files

    # CONTEXT checks read files that are not records (attachments, the content folder's pages):
    # their findings stand while every such file keeps its mtime, size and inode.
    records_at = {t[0] for t in todo}
    others = sorted((p, st.st_mtime_ns, st.st_size, st.st_ino) for p, st in stats.items() if p not in records_at)
    if ds.content and os.path.isdir(ds.content):
        for folder, dirs, files in os.walk(ds.content):
            dirs.sort()
            for name in sorted(files):
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                others.append((os.path.join(folder, name), st.st_mtime_ns, st.st_size, st.st_ino))
    now = time.time_ns()
    racy = any(now - m < RACY_NS for _, m, _, _ in others)
    files_key = hashlib.sha256(repr(others).encode("utf-8", "surrogatepass")).hexdigest() if not racy else ""

    # Each check, in order.
    by_path = {todo[i][0]: i for i in changed}
    kept_found: dict[str, list[Finding]] = {}
    for i in bulk:
        if i not in changed_set and entries[i][6]:
            for cid, own in entries[i][6].items():
                kept_found.setdefault(cid, []).extend(own)
    context_found: dict[str, list[Finding]] = {}
    new_found: dict[int, dict[str, list[Finding]]] = {i: {} for i in changed}
    summaries: dict[str, tuple[bytes, list[Finding]]] = {}
    reads_all = tuple(dict.fromkeys(r for s in scopes if s is not None and s.per == hooks.SUMMARY for r in s.reads))
    slims: dict[int, list[Slim]] = {i: [slim(r, reads_all) for r in results[i][0]] for i in changed}
    new_sums: dict[int, dict[str, bytes]] = {i: {} for i in changed}
    slim_ds: list[dataset.Dataset] = []
    # Each decision's stored digests (the dicts of new_sums are filled below, check by check),
    # and its path as the combined digest spells it: built once for the SUMMARY checks.
    sums_of = {i: new_sums[i] if i in changed_set else entries[i][7] for i in bulk}
    for fn, scope, cid in zip(fns, scopes, ids):
        if scope is None:
            ds.report.extend(resolve(list(fn(whole, as_of))))
        elif scope.per == hooks.CONTEXT:
            known = old_context.get(cid + "\0" + files_key) if files_key else None
            found = known if known is not None else resolve(list(fn(run, as_of)))
            if files_key:  # not kept while a file is racily fresh
                context_found[cid + "\0" + files_key] = found
            ds.report.extend(found)
        elif scope.per == hooks.RECORD:
            known = old_context.get(cid)
            if known is None or changed:
                run.focus = set(by_path) if known is not None else None
                try:
                    found = list(fn(run, as_of))
                finally:
                    run.focus = None
                for f in resolve(found):
                    at = by_path.get(f.file)
                    if at is not None:
                        new_found[at].setdefault(cid, []).append(f)
                    elif known is None:
                        context_found.setdefault(cid, []).append(f)
            own_context = known if known is not None else context_found.get(cid, [])
            context_found[cid] = own_context
            ds.report.extend(own_context)
            for i in changed:
                ds.report.extend(new_found[i].get(cid, ()))
            ds.report.extend(kept_found.get(cid, ()))
        else:
            for i in changed:
                new_sums[i][cid] = summary_digest(slims[i], i in results and not results[i][0] and bool(results[i][1]),
                                                   scope.reads)
            h = hashlib.blake2b(head + cid.encode(), digest_size=16)
            for folder, idxs in folders.items():
                stored = folder_sums[folder].get(cid) if folder in intact else None
                h.update(stored if isinstance(stored, bytes) else
                         _folder_digest(cid, [(todo[i][1], sums_of[i]) for i in idxs]))
            combined = h.digest()
            kept = old_summaries.get(cid)
            if kept is not None and kept[0] == combined:
                found = kept[1]
            else:
                if not slim_ds:
                    slim_ds.append(_slim_dataset(ds, run, todo, bulk, changed_set, slims, reads_all, base, head,
                                                 workers))
                found = resolve(list(fn(slim_ds[0], as_of)))
            summaries[cid] = (combined, found)
            ds.report.extend(found)

    sum_ids = [cid for scope, cid in zip(scopes, ids) if scope is not None and scope.per == hooks.SUMMARY]
    _save(base, head, todo, folders, shards, entries, changed, sigs, results, new_found, new_sums, slims, sum_ids,
          (summaries, context_found), (old_summaries, old_context), index is None)
    scrub(ds.report, allow_of(ds.policy))  # no message prints the personal data it is about (scrub.py)
    return ds.report


def _folder_digest(cid: str, files: list[tuple[str, dict[str, bytes]]]) -> bytes:
    """One folder's part of a SUMMARY check's combined digest: its files' paths and digests, in
    path order. Stored with the folder's shard, so that a folder whose files all hit is not
    hashed again file by file (3 checks x 100,000 files otherwise)."""
    return hashlib.blake2b(b"".join([rel.encode("utf-8", "surrogatepass") + b"\0" + sums.get(cid, b"?")
                                     for rel, sums in files]), digest_size=16).digest()


def _slim_dataset(ds: dataset.Dataset, run: dataset.Dataset, todo: dataset.Todo, bulk: list[int],
                  changed: set[int], slims: dict[int, list[Slim]], reads: tuple[str, ...], base: str,
                  head: bytes, workers: int | None) -> dataset.Dataset:
    """The context and every decision as a slim record (the declared fields only): the
    changed ones from this run, the others from the slim shards (read again when missing)."""
    out = dataset.Dataset(ds.root, content=ds.content, paths=ds.paths, broken=ds.broken, files=ds.files)
    for kind, recs in run.records.items():
        if kind != BULK:
            out.records[kind] = list(recs)
    stored: dict[str, Any] = {}
    have: dict[int, list[Slim]] = {}
    missing: list[int] = []
    for i in bulk:
        if i in changed:
            have[i] = slims[i]
            continue
        folder, name = os.path.dirname(todo[i][1]), os.path.basename(todo[i][1])
        if folder not in stored:
            got = read(shard_path(base, folder, ".slim"), head)
            stored[folder] = got if isinstance(got, dict) else {}
        found = stored[folder].get(name)
        if isinstance(found, list):
            have[i] = found
        else:
            missing.append(i)
    for i, (records, _) in zip(missing, dataset.read(ds.root, [todo[i] for i in missing], workers)):
        have[i] = [slim(r, reads) for r in records]
        slims[i] = have[i]  # written back with its shard
    decisions: list[Record] = []
    for i in bulk:
        for kind, agency, slug, index, year, mtime, data in have[i]:
            decisions.append(Record(kind, todo[i][0], data, agency, slug, index, year, mtime))
    out.records[BULK] = decisions
    return out


def _save(base: str, head: bytes, todo: dataset.Todo, folders: dict[str, list[int]],
          shards: dict[str, dict[str, Entry]], entries: dict[int, Entry], changed: list[int],
          sigs: dict[int, tuple[int, int, int, tuple[object, ...]]],
          results: dict[int, tuple[list[Record], list[Finding]]], new_found: dict[int, dict[str, list[Finding]]],
          new_sums: dict[int, dict[str, bytes]], slims: dict[int, list[Slim]], sum_ids: list[str],
          index: tuple[dict[str, tuple[bytes, list[Finding]]], dict[str, list[Finding]]],
          old: tuple[dict[str, tuple[bytes, list[Finding]]], dict[str, list[Finding]]], cold: bool) -> None:
    """Rewrite the shards of folders that gained, lost or changed files, and the index."""
    now = time.time_ns()
    changed_set = set(changed)
    for folder, idxs in folders.items():
        if not cold and not any(i in changed_set for i in idxs) and len(shards[folder]) == len(idxs):
            continue  # every file found its entry, and there are no others
        new: dict[str, Entry] = {}
        slim_new: dict[str, list[Slim]] = {}
        old_slim: Any = None
        for i in idxs:
            name = os.path.basename(todo[i][1])
            if i in changed_set:
                mtime_ns, size, ino, inputs = sigs[i]
                if mtime_ns < 0 or now - mtime_ns < RACY_NS:
                    continue  # racily clean: checked again next time
                records, found = results[i]
                new[name] = (mtime_ns, size, ino, inputs, found, not records and bool(found), new_found[i], new_sums[i])
                slim_new[name] = slims[i]
            else:
                new[name] = entries[i]
                if old_slim is None:
                    old_slim = read(shard_path(base, folder, ".slim"), head)
                    old_slim = old_slim if isinstance(old_slim, dict) else {}
                got = old_slim.get(name) if i not in slims else slims[i]
                if got is None:
                    del new[name]  # no slim data to rebuild a summary from: check it again next time
                    continue
                slim_new[name] = got
        write(shard_path(base, folder, ".slim"), head, slim_new)
        rels = [(folder + "/" + name, e[7]) for name, e in new.items()]
        write(shard_path(base, folder, ".checks"), head, (new, {cid: _folder_digest(cid, rels) for cid in sum_ids}))
    if cold or {k: v[0] for k, v in index[0].items()} != {k: v[0] for k, v in old[0].items()} \
            or set(index[1]) != set(old[1]):
        write(os.path.join(base, "index.pickle"), head, index)
