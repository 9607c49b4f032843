"""The live preview's dataset: every record kept in memory, a saved file re-read on its own.

`gongshi serve --watch` (app/live.py) loads and checks the data folder once, like
`gongshi validate`, then keeps the `Dataset` and every finding by file. When a file is saved
only that file is read again (`dataset.load_file`, the function the parse cache stores), its
records replace the old ones in place, and the checks that declare `scoped(RECORD)` (model/hookspecs.py:
what they say about a decision depends on its file and the context only) run at once over a
*small* dataset: the saved file's records plus every record that is not a decision (site,
calendar, agencies, officers, items …, ~200 records at 100,000 decisions). References,
rosters, windows, deadlines and the redaction gate so judge the saved record in milliseconds
instead of the ~12 s a full run takes at 100,000 decisions.

Findings are kept per file in three layers, because they age differently:

- `parse`: reading and typing the file (`load_file`), replaced on every save;
- `gate`: the redaction gates (`GATES`), record-local by nature and the costliest checks, run
  for the saved file only, at once, and never in the background sweep;
- `wide`: every other check. The quick run above gives the saved file's RECORD findings;
  `sweep()` (run in the background by live.py) runs every check but the gates over the whole
  dataset: cross-record rules (`scoped(SUMMARY)`: a doc_no used twice, a monthly gap), checks
  that declare no scope (a site's own: never skipped, but only there), and RECORD checks
  again, since a saved officers.yml or site.yml can change what they say about other files.
  The gates are swept too after a save of site.yml (its allow-list is their context).

A file with an error is *blocked*: its records are left out of what the preview publishes
(`publishable()`), exactly as a build would refuse them, so personal data the gate finds is
never rendered.
"""
from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable

from gongshi.checks.scrub import scrub
from gongshi.checks import pipeline as checks
from gongshi.model import dataset, hookspecs as hooks
from gongshi.model.dataset import Dataset
from gongshi.model.findings import ERROR, Finding, Report
from gongshi.model.kinds import Record

GATES = frozenset({"redaction_gate", "content_gate"})
Check = Callable[[Dataset, dt.date], Iterable[Finding]]


@dataclass
class FileFindings:
    """What is known to be wrong with one file, by layer (see the module docstring)."""

    parse: list[Finding] = field(default_factory=list)
    gate: list[Finding] = field(default_factory=list)
    wide: dict[str, list[Finding]] = field(default_factory=dict)  # check name -> its findings

    def all(self) -> list[Finding]:
        return sorted(self.parse + self.gate + [f for fs in self.wide.values() for f in fs], key=Finding.sort_key)

    def has_error(self) -> bool:
        return any(f.severity == ERROR for f in self.all())

    def empty(self) -> bool:
        return not (self.parse or self.gate or any(self.wide.values()))


@dataclass
class Change:
    """One saved (or deleted) file: its records before and after, and its findings now."""

    path: str
    old: list[Record]
    new: list[Record]
    findings: list[Finding]
    generation: int


def _by_file(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(os.path.abspath(f.file), []).append(f)
    return out


def _located(findings: list[Finding]) -> list[Finding]:
    checks.resolve_locations(Report(findings))  # key paths -> line and column, as validate does
    scrub(findings)  # the terminal and the page's banner show no personal data (checks/scrub.py)
    return findings


class LiveData:
    """The dataset and its findings, updated one saved file at a time (thread-safe: `lock`)."""

    def __init__(self, root: str, as_of: dt.date, content: str | None = None) -> None:
        self.root = os.path.abspath(root)
        self.as_of = as_of
        self.content = os.path.abspath(content) if content else checks.default_content(self.root)
        self.lock = threading.RLock()
        self.ds = Dataset(self.root)
        self.files: dict[str, FileFindings] = {}
        self.generation = 0
        self.changed_at: dict[str, int] = {}  # file -> generation of its last save
        self.by_file: dict[str, list[Record]] = {}
        self.gates_stale = False  # site.yml saved: the next sweep runs the gates too

    # -- loading and checking ------------------------------------------------------------
    def load(self) -> None:
        """Read and check everything once (the parse cache makes a second start quick)."""
        ds = dataset.load(self.root)
        ds.content = self.content
        files: dict[str, FileFindings] = {}
        for path, found in _by_file(ds.report).items():
            files.setdefault(path, FileFindings()).parse = found
        for name, found in self._run(ds, checks.load_checks(), skip=frozenset()).items():
            for path, fs in _by_file(found).items():
                layer = files.setdefault(path, FileFindings())
                if name in GATES:
                    layer.gate.extend(fs)
                else:
                    layer.wide.setdefault(name, []).extend(fs)
        by_file: dict[str, list[Record]] = {}
        for recs in ds.records.values():
            for r in recs:
                by_file.setdefault(r.file, []).append(r)
        with self.lock:
            self.ds, self.files, self.by_file = ds, files, by_file

    def _run(self, ds: Dataset, fns: list[Check], skip: frozenset[str]) -> dict[str, list[Finding]]:
        """Check name -> its findings over `ds` (located); checks named in `skip` are not run."""
        out: dict[str, list[Finding]] = {}
        for fn in fns:
            name = getattr(fn, "__name__", "")
            if name not in skip:
                out.setdefault(name, []).extend(_located(list(fn(ds, self.as_of))))
        return out

    @staticmethod
    def record_checks() -> list[Check]:
        """The checks that may judge one decision file over the small dataset (scoped RECORD)."""
        out = []
        for fn in checks.load_checks():
            scope = hooks.scope_of(fn)
            if scope is not None and scope.per == hooks.RECORD:
                out.append(fn)
        return out

    def findings(self, path: str) -> list[Finding]:
        layer = self.files.get(os.path.abspath(path))
        return layer.all() if layer else []

    def blocked(self) -> set[str]:
        """Files with at least one error: their records are not published in the preview."""
        with self.lock:
            return {p for p, layer in self.files.items() if layer.has_error()}

    def errors_elsewhere(self, shown: Iterable[str]) -> int:
        """How many files other than `shown` have errors (the banner counts them)."""
        skip = {os.path.abspath(p) for p in shown}
        return len(self.blocked() - skip)

    # -- one saved file ------------------------------------------------------------------
    def apply(self, path: str) -> Change:
        """Re-read one saved (or deleted) file, replace its records, check it at once."""
        path = os.path.abspath(path)
        rel = os.path.relpath(path, self.root).replace(os.sep, "/")
        in_content = bool(self.content) and path.startswith(str(self.content) + os.sep)
        new: list[Record] = []
        parse: list[Finding] = []
        if not in_content and rel.endswith(".yml") and dataset.kind_for(rel) is not None and os.path.isfile(path):
            new, parse = dataset.load_file(path, rel, os.path.getmtime(path))
            parse = parse + dataset._name_findings(path, rel, set())
        with self.lock:
            old = self._replace(path, rel, new, readable=bool(new) or not parse)
            gate, wide = self._quick(path, new, in_content)
            if not os.path.exists(path):
                self.files.pop(path, None)
            else:
                self.files[path] = FileFindings(_located(parse), gate, {**self._kept_wide(path), **wide})
            self.generation += 1
            self.changed_at[path] = self.generation
            self.gates_stale = self.gates_stale or rel == "site.yml"
            return Change(path, old, new, self.findings(path), self.generation)

    def _replace(self, path: str, rel: str, new: list[Record], readable: bool) -> list[Record]:
        """Swap the file's records in their kind lists, keeping path order: in place when the
        file keeps its kind and count (an ordinary save), else removed and inserted."""
        ds = self.ds
        old = self.by_file.pop(path, [])
        if new:
            self.by_file[path] = list(new)
        if old and [r.kind for r in old] == [r.kind for r in new]:
            recs = ds.records[old[0].kind]
            at = _position(recs, old[0])
            recs[at:at + len(old)] = new
        else:
            for rec in old:
                recs = ds.records[rec.kind]
                del recs[_position(recs, rec)]
            for rec in new:
                recs = ds.records.setdefault(rec.kind, [])
                i = next((i for i, r in enumerate(recs) if r.file > path), len(recs))
                recs.insert(i, rec)
        if os.path.exists(path) and rel.endswith(".yml"):
            ds.paths.add(rel)
            (ds.broken.discard if readable else ds.broken.add)(rel)
        else:
            ds.paths.discard(rel)
            ds.broken.discard(rel)
        return old

    def _quick(self, path: str, new: list[Record], in_content: bool) -> tuple[list[Finding], dict[str, list[Finding]]]:
        """(gate, wide) findings on `path` from the checks over a small dataset around it."""
        small = Dataset(self.root, paths=self.ds.paths, broken=self.ds.broken)
        small.content = self.content if in_content else None
        for kind, recs in self.ds.records.items():
            small.records[kind] = list(recs) if kind != "decision" else \
                [r for r in self.by_file.get(path, []) if r.kind == kind]
        if in_content:  # the content gate reads the whole folder: keep only this file's findings
            small.records = {k: v for k, v in small.records.items() if k in ("site", "calendar")}
        found = self._run(small, self.record_checks(), skip=frozenset())
        gate = [f for name, fs in found.items() if name in GATES for f in fs if os.path.abspath(f.file) == path]
        wide = {name: [f for f in fs if os.path.abspath(f.file) == path] for name, fs in found.items()
                if name not in GATES}
        return gate, wide

    def _kept_wide(self, path: str) -> dict[str, list[Finding]]:
        """The saved file's findings of the last sweep from checks the quick run does not run
        (they still hold until the next sweep says otherwise)."""
        layer = self.files.get(path)
        return dict(layer.wide) if layer else {}

    # -- the background sweep and what is published ----------------------------------------
    def snapshot(self) -> tuple[Dataset, set[str], int]:
        """A copy of the dataset's lists (records are never changed in place), the files blocked
        *then* and the generation, taken together: a file fixed after the snapshot must not
        let its blocked version in the snapshot through."""
        with self.lock:
            ds = self.ds
            copy = Dataset(ds.root, {k: list(v) for k, v in ds.records.items()}, files=ds.files,
                           paths=set(ds.paths), broken=set(ds.broken))
            copy.content = ds.content
            return copy, self.blocked(), self.generation

    def sweep(self, ds: Dataset, generation: int) -> None:
        """Every check but the gates (with them after a save of site.yml) over a snapshot;
        replaces those layers of every file not saved since the snapshot was taken."""
        gates = self.gates_stale
        self.gates_stale = False
        found = self._run(ds, checks.load_checks(), skip=frozenset() if gates else GATES)
        by_file: dict[str, dict[str, list[Finding]]] = {}
        for name, fs in found.items():
            for path, mine in _by_file(fs).items():
                by_file.setdefault(path, {})[name] = mine
        with self.lock:
            for path in set(self.files) | set(by_file):
                if self.changed_at.get(path, 0) > generation:
                    continue
                layer = self.files.setdefault(path, FileFindings())
                new = by_file.get(path, {})
                if gates:
                    layer.gate = [f for name in GATES for f in new.pop(name, [])]
                layer.wide = new
                if layer.empty():
                    del self.files[path]

    @staticmethod
    def publishable(ds: Dataset, blocked: set[str]) -> Dataset:
        """`ds` without the records of the `blocked` files (those of its snapshot), with an
        empty report: what the preview may render (site.yml stays: its errors turn every page
        into the error page instead)."""
        out = Dataset(ds.root, files=ds.files, paths=ds.paths, broken=ds.broken)
        out.content = ds.content
        for kind, recs in ds.records.items():
            out.records[kind] = [r for r in recs if kind == "site" or r.file not in blocked]
        return out


def _position(recs: list[Record], rec: Record) -> int:
    """Where `rec` itself (not an equal record) is in `recs`."""
    for i, r in enumerate(recs):
        if r is rec:
            return i
    raise ValueError(f"{rec.uid} is not in its kind list")
