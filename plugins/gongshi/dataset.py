"""Finding and loading every record under data/, in parallel when there are many."""
from __future__ import annotations

import datetime as dt
import fnmatch
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .findings import Finding, Msg, Report
from .kinds import KINDS, Record, RecordKind
from .yamlread import read_file

UNKNOWN_FILE = Msg("R-FORMAT", "文件位置不对，平台不会读取它：{rel}", "this file is not where any record kind lives: {rel}",
                   "记录应放在 FORMAT.md 规定的位置，例如 agencies/<主体>/decisions/<年份>/<编号>.yml",
                   "records live where FORMAT.md says, e.g. agencies/<agency>/decisions/<yyyy>/<slug>.yml")
YAML_EXT = Msg("R-FORMAT", "文件扩展名应为 .yml", "the file extension must be .yml",
               "把文件重命名为 {suggest}", "rename the file to {suggest}")
NO_SITE = Msg("R-FORMAT", "缺少 site.yml（平台设置和公示政策）", "site.yml (portal settings and policy) is missing",
              "在数据文件夹中创建 site.yml，参见 FORMAT.md", "create site.yml in the data folder, see FORMAT.md")
NO_DATA = Msg("R-FORMAT", "数据文件夹不存在", "the data folder does not exist",
              "检查路径，或先运行 gongshi new", "check the path")

PARALLEL_MIN_FILES = 2000

Todo = list[tuple[str, str, float]]
Runner = Callable[[str, Todo, int | None], Iterator[tuple[list[Record], list[Finding]]]]
# Optional replacement for _run with the same contract (results in `todo` order); the parse
# cache of gongshi.workflow.cache installs itself here for the command line.
RUNNER: Runner | None = None


@dataclass
class Dataset:
    """Every record of one data folder, indexed by kind and agency."""

    root: str
    records: dict[str, list[Record]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    files: int = 0

    def of(self, kind: str) -> list[Record]:
        """All records of a kind, in path order."""
        return self.records.get(kind, [])

    @property
    def site(self) -> dict:
        """site.yml's data ({} when missing or broken)."""
        recs = self.of("site")
        return recs[0].data if recs else {}

    @property
    def policy(self) -> dict:
        """The effective policy: site.yml's policy merged over its preset (presets/)."""
        from .presets import effective_policy
        return effective_policy(self.site)

    @property
    def calendar(self) -> dict:
        recs = self.of("calendar")
        return recs[0].data if recs else {}

    def agencies(self) -> dict[str, Record]:
        """Agency slug -> agency record."""
        return {r.agency: r for r in self.of("agency") if r.agency}

    def by_agency(self, kind: str) -> dict[str, list[Record]]:
        """Agency slug -> its records of `kind`."""
        out: dict[str, list[Record]] = {}
        for r in self.of(kind):
            out.setdefault(r.agency or "", []).append(r)
        return out

    def index(self, kind: str) -> dict[tuple[str, str], Record]:
        """(agency, slug or id/code) -> record; the first one wins when doubled."""
        out: dict[tuple[str, str], Record] = {}
        for r in self.of(kind):
            out.setdefault((r.agency or "", r.slug or ""), r)
        return out


def kind_for(rel: str) -> type[RecordKind] | None:
    """The record kind whose pattern matches a path relative to data/."""
    parts = rel.split("/")
    for kind in KINDS.values():
        pat = kind.pattern.split("/")
        if len(pat) == len(parts) and all(fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pat)):
            return kind
    return None


def discover(root: str) -> Iterator[tuple[str, str, float]]:
    """(path, relative path, mtime) of every file below root, hidden ones skipped, sorted."""
    stack = [root]
    found: list[tuple[str, str, float]] = []
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                stack.append(e.path)
            elif e.is_file():
                rel = os.path.relpath(e.path, root).replace(os.sep, "/")
                found.append((e.path, rel, e.stat().st_mtime))
    found.sort(key=lambda t: t[1])
    return iter(found)


def load_file(path: str, rel: str, mtime: float = 0.0) -> tuple[list[Record], list[Finding]]:
    """Read, parse and type one file."""
    kind = kind_for(rel)
    if kind is None:
        return [], []
    root, findings = read_file(path)
    if findings and root is None:
        return [], findings
    records, more = kind.records(root, path, rel, mtime)
    return records, findings + more


def _load_chunk(chunk: list[tuple[str, str, float]]) -> list[tuple[list[Record], list[Finding]]]:
    return [load_file(*t) for t in chunk]


def load(root: str, workers: int | None = None) -> Dataset:
    """Load every record under `root`, collecting every finding; never raises for bad data."""
    root = os.path.abspath(root)
    ds = Dataset(root)
    if not os.path.isdir(root):
        ds.report.add(NO_DATA(root, 0, 0))
        return ds
    todo: list[tuple[str, str, float]] = []
    for path, rel, mtime in discover(root):
        if rel.endswith(".yaml"):
            ds.report.add(YAML_EXT(path, 1, 1, suggest=os.path.basename(path)[:-5] + ".yml"))
            continue
        if not rel.endswith(".yml"):
            continue  # templates and other attachments
        if kind_for(rel) is None:
            ds.report.add(UNKNOWN_FILE(path, 1, 1, rel=rel))
            continue
        todo.append((path, rel, mtime))
    ds.files = len(todo)
    results = RUNNER(root, todo, workers) if RUNNER is not None else _run(todo, workers)
    for records, findings in results:
        ds.report.extend(findings)
        for r in records:
            ds.records.setdefault(r.kind, []).append(r)
    if not ds.of("site") and not any(f.file.endswith("site.yml") for f in ds.report):
        ds.report.add(NO_SITE(os.path.join(root, "site.yml"), 0, 0))
    return ds


def _run(todo: list[tuple[str, str, float]], workers: int | None,
         ) -> Iterator[tuple[list[Record], list[Finding]]]:
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(todo) < PARALLEL_MIN_FILES:
        for t in todo:
            yield load_file(*t)
        return
    size = max(200, len(todo) // (workers * 8))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        for result in pool.map(_load_chunk, chunks):
            yield from result


def today_shanghai() -> dt.date:
    """Today's date in China (Asia/Shanghai), the default --as-of."""
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=8)).date()
