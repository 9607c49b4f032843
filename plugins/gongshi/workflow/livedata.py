"""The live preview's dataset: every record kept in memory, a saved file re-read on its own.

`gongshi serve --watch` (workflow/live.py) loads and checks the data folder once, like
`gongshi validate`, then keeps the `Dataset` and every finding by file. When a file is saved
only that file is read again (`dataset.load_file`, the function the parse cache stores), its
records replace the old ones in place, and the checks run at once over a *small* dataset: the
saved file's records plus every record that is not a decision (site, calendar, agencies,
officers, items …, a few thousand even at 100,000 decisions), so references, rosters,
windows, deadlines and the redaction gate judge the saved record in milliseconds instead of
the ~12 s a full run takes at 100,000 decisions.

Findings are kept per file in three layers, because they age differently:

- `parse`: reading and typing the file (`load_file`), replaced on every save;
- `gate`: the redaction gates (`GATES`), record-local by nature and the costliest checks, run
  for the saved file only, at once, and never in the background sweep;
- `wide`: every other check. The quick run above gives the saved file's; `sweep()` (run in the
  background by live.py) recomputes them over the whole dataset for what one record cannot
  see (a doc_no used twice, a monthly gap). The checks in `WIDE_ONLY` are meaningless over a
  few records and only the sweep runs them.

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

from .. import checks, dataset
from ..dataset import Dataset
from ..findings import ERROR, Finding, Report
from ..kinds import Record

GATES = frozenset({"redaction_gate", "content_gate"})
WIDE_ONLY = frozenset({"monthly_update", "annual_snapshots"})
Check = Callable[[Dataset, dt.date], Iterable[Finding]]


@dataclass
class FileFindings:
    """What is known to be wrong with one file, by layer (see the module docstring)."""

    parse: list[Finding] = field(default_factory=list)
    gate: list[Finding] = field(default_factory=list)
    wide: list[Finding] = field(default_factory=list)

    def all(self) -> list[Finding]:
        return sorted(self.parse + self.gate + self.wide, key=Finding.sort_key)

    def has_error(self) -> bool:
        return any(f.severity == ERROR for f in self.parse + self.gate + self.wide)


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
                (layer.gate if name in GATES else layer.wide).extend(fs)
        with self.lock:
            self.ds, self.files = ds, files

    def _run(self, ds: Dataset, fns: list[Check], skip: frozenset[str]) -> dict[str, list[Finding]]:
        """Check name -> its findings over `ds` (located); checks named in `skip` are not run."""
        out: dict[str, list[Finding]] = {}
        for fn in fns:
            name = getattr(fn, "__name__", "")
            if name not in skip:
                out.setdefault(name, []).extend(_located(list(fn(ds, self.as_of))))
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
                self.files[path] = FileFindings(_located(parse), gate, wide + self._kept_wide(path))
            self.generation += 1
            self.changed_at[path] = self.generation
            return Change(path, old, new, self.findings(path), self.generation)

    def _replace(self, path: str, rel: str, new: list[Record], readable: bool) -> list[Record]:
        """Swap the file's records in every kind list, keeping path order."""
        ds, old = self.ds, []
        for recs in ds.records.values():
            at = [i for i, r in enumerate(recs) if r.file == path]
            old += [recs[i] for i in at]
            for i in reversed(at):
                del recs[i]
        for rec in new:
            recs = ds.records.setdefault(rec.kind, [])
            i = next((i for i, r in enumerate(recs) if r.file > path), len(recs))
            j = i
            while j < len(recs) and recs[j].file == path:
                j += 1
            recs.insert(j, rec)
        if os.path.exists(path) and rel.endswith(".yml"):
            ds.paths.add(rel)
            (ds.broken.discard if readable else ds.broken.add)(rel)
        else:
            ds.paths.discard(rel)
            ds.broken.discard(rel)
        return old

    def _quick(self, path: str, new: list[Record], in_content: bool) -> tuple[list[Finding], list[Finding]]:
        """(gate, wide) findings on `path` from the checks over a small dataset around it."""
        small = Dataset(self.root, paths=self.ds.paths, broken=self.ds.broken)
        small.content = self.content if in_content else None
        for kind, recs in self.ds.records.items():
            small.records[kind] = [r for r in recs if r.file == path] if kind == "decision" else list(recs)
        if in_content:  # the content gate reads the whole folder: keep only this file's findings
            small.records = {k: v for k, v in small.records.items() if k in ("site", "calendar")}
        found = self._run(small, checks.load_checks(), skip=WIDE_ONLY)
        gate = [f for name, fs in found.items() if name in GATES for f in fs if os.path.abspath(f.file) == path]
        wide = [f for name, fs in found.items() if name not in GATES for f in fs
                if os.path.abspath(f.file) == path]
        return gate, wide

    def _kept_wide(self, path: str) -> list[Finding]:
        """The saved file's findings from WIDE_ONLY checks of the last sweep (they still hold
        until the next sweep says otherwise)."""
        layer = self.files.get(path)
        names = {"R-MONTHLY", "R-ANNUAL"}
        return [f for f in layer.wide if f.rule in names] if layer else []

    # -- the background sweep and what is published ----------------------------------------
    def snapshot(self) -> tuple[Dataset, int]:
        """A copy of the dataset's lists (records are never changed in place) and its generation."""
        with self.lock:
            ds = self.ds
            copy = Dataset(ds.root, {k: list(v) for k, v in ds.records.items()}, files=ds.files,
                           paths=set(ds.paths), broken=set(ds.broken))
            copy.content = ds.content
            return copy, self.generation

    def sweep(self, ds: Dataset, generation: int) -> None:
        """Every check but the gates over a snapshot; replaces the `wide` layer of every file
        not saved since the snapshot was taken."""
        found = self._run(ds, checks.load_checks(), skip=GATES)
        by_file = _by_file(f for fs in found.values() for f in fs)
        with self.lock:
            for path in set(self.files) | set(by_file):
                if self.changed_at.get(path, 0) > generation:
                    continue
                layer = self.files.setdefault(path, FileFindings())
                layer.wide = by_file.get(path, [])
                if not (layer.parse or layer.gate or layer.wide):
                    del self.files[path]

    def publishable(self, ds: Dataset) -> Dataset:
        """`ds` without the records of blocked files, with an empty report: what the preview
        may render (site.yml stays, its errors turn every page into the error page instead)."""
        blocked = self.blocked()
        out = Dataset(ds.root, files=ds.files, paths=ds.paths, broken=ds.broken)
        out.content = ds.content
        for kind, recs in ds.records.items():
            out.records[kind] = [r for r in recs if kind == "site" or r.file not in blocked]
        return out
