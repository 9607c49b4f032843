"""Finding and loading every record under data/, in parallel when there are many."""
from __future__ import annotations

import datetime as dt
import gc
import os
import pickle
import re
import signal
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from gongshi.model.findings import Finding, Msg, Report
from gongshi.model.kinds import KINDS, Record, RecordKind
from gongshi.model.paths import FILE_NOT_FOLDER, FOLDER_NOT_FILE, safe_walk
from gongshi.model.yamlread import read_file
from gongshi.runtime.workers import workers as configured_workers

UNKNOWN_FILE = Msg("R-FORMAT", "文件位置不对，平台不会读取它：{rel}", "this file is not where any record kind lives: {rel}",
                   "{hint_zh}", "{hint_en}")
UNKNOWN_HINT = ("记录应放在 docs/format.md#layout 规定的位置，例如 agencies/<主体>/decisions/<年份>/<编号>.yml",
                "records live where docs/format.md#layout says, e.g. agencies/<agency>/decisions/<yyyy>/<slug>.yml")
NO_YEAR_HINT = ("执法决定应放在年份文件夹中：{suggest}", "decisions live in a folder of their year: {suggest}")
YAML_EXT = Msg("R-FORMAT", "文件扩展名应为 .yml", "the file extension must be .yml",
               "把文件重命名为 {suggest}", "rename the file to {suggest}")
BAD_NAME = Msg("R-FORMAT", "{what}“{name}”不合规：只能使用小写英文字母、数字和连字符",
               "{what_en} '{name}' is not allowed: lowercase ASCII letters, digits and hyphens only",
               "重命名为例如 {example}；它将成为公开网址的一部分，发布后不可再改",
               "rename it, e.g. {example}; it becomes part of the public URL and must not change once published")
BAD_YEAR = Msg("R-FORMAT", "年份文件夹“{name}”应为四位数字的年份", "year folder '{name}' must be a four-digit year",
               "把决定放进以决定年份命名的文件夹，例如 decisions/2024/",
               "put decisions into a folder named after the year they were decided, e.g. decisions/2024/")
NO_SITE = Msg("R-FORMAT", "缺少 site.yml（平台设置和公示政策）", "site.yml (portal settings and policy) is missing",
              "在数据文件夹中创建 site.yml，参见 docs/format.md#site", "create site.yml in the data folder, see docs/format.md#site")
NO_DATA = Msg("R-FORMAT", "数据文件夹不存在", "the data folder does not exist",
              "检查路径，或先运行 gongshi new", "check the path")

PARALLEL_MIN_FILES = 2000

Todo = list[tuple[str, str, float]]
Runner = Callable[[str, Todo, int | None], Iterator[tuple[list[Record], list[Finding]]]]
# Optional replacement for _run with the same contract (results in `todo` order); the parse
# cache of gongshi.model.parsecache installs itself here for the command line.
RUNNER: Runner | None = None


@dataclass
class Dataset:
    """Every record of one data folder, indexed by kind and agency."""

    root: str
    records: dict[str, list[Record]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    files: int = 0
    # Every record file found (paths relative to root), and those that yielded no record
    # because they could not be read or typed: references into a broken file are not
    # reported again as missing (the file's own finding says what is wrong).
    paths: set[str] = field(default_factory=set)
    broken: set[str] = field(default_factory=set)
    # The Markdown folder published with the data (Pelican's pages and notices): public text
    # the redaction gate reads too; set by checks.validate, None when there is none.
    content: str | None = None
    # When set, only findings on these files (absolute paths) are wanted: a check may skip the
    # other records (the check cache sets it when it has the rest; findings elsewhere are dropped).
    focus: set[str] | None = None

    def of(self, kind: str) -> list[Record]:
        """All records of a kind, in path order."""
        return self.records.get(kind, [])

    @property
    def site(self) -> dict[str, Any]:
        """site.yml's data ({} when missing or broken)."""
        recs = self.of("site")
        return recs[0].data if recs else {}

    @property
    def policy(self) -> dict[str, Any]:
        """The effective policy: site.yml's policy merged over its preset (presets/)."""
        from gongshi.model.presets import effective_policy
        return effective_policy(self.site)

    @property
    def calendar(self) -> dict[str, Any]:
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


def _kind_regex() -> re.Pattern[str]:
    alts = []
    for i, kind in enumerate(KINDS.values()):
        body = "/".join("[^/]*".join(re.escape(p) for p in part.split("*"))
                        for part in kind.pattern.split("/"))
        alts.append(f"(?P<k{i}>{body})")
    return re.compile("(?:" + "|".join(alts) + r")\Z")


_KIND_RE: re.Pattern[str] | None = None
_KIND_LIST: list[type[RecordKind]] = []


def kind_for(rel: str) -> type[RecordKind] | None:
    """The record kind whose pattern matches a path relative to data/ (`*`: one folder or name)."""
    global _KIND_RE, _KIND_LIST
    if _KIND_RE is None or len(_KIND_LIST) != len(KINDS):
        _KIND_LIST = list(KINDS.values())
        _KIND_RE = _kind_regex()
    m = _KIND_RE.match(rel)
    if m is None:
        return None
    return _KIND_LIST[int(m.lastgroup[1:])]  # type: ignore[index]


# Folders of fixed name that the record patterns pass through (agencies/, decisions/ …): a file
# standing there instead is an error, not an attachment.
_FOLDERS = re.compile(r"(?:agencies|agencies/[^/]+/(?:decisions|guides|flowcharts))\Z")


def _shape(path: str, rel: str, is_dir: bool) -> list[Finding]:
    """A folder where a record file belongs, or a file where a folder belongs."""
    if is_dir and rel.endswith(".yml") and kind_for(rel) is not None:
        return [FOLDER_NOT_FILE(path, 0, 0, rel=rel)]
    if not is_dir and _FOLDERS.match(rel):
        return [FILE_NOT_FOLDER(path, 0, 0, rel=rel)]
    return []


def walk(root: str, stats: dict[str, os.stat_result] | None = None,
         ) -> tuple[list[tuple[str, str, float]], list[Finding]]:
    """(path, relative path, mtime) of every regular file below root (hidden ones skipped,
    sorted), and the findings of what cannot be read safely (paths.safe_walk; `stats` receives
    each file's stat result)."""
    return safe_walk(root, check=_shape, stats=stats)


def discover(root: str) -> Iterator[tuple[str, str, float]]:
    """(path, relative path, mtime) of every file below root, hidden ones skipped, sorted."""
    return iter(walk(root)[0])


def load_file(path: str, rel: str, mtime: float = 0.0) -> tuple[list[Record], list[Finding]]:
    """Read, parse and type one file (what the parse cache stores: it depends on this file only)."""
    kind = kind_for(rel)
    if kind is None:
        return [], []
    root, findings = read_file(path)
    if findings and root is None:
        return [], findings
    records, more = kind.records(root, path, rel, mtime)
    return records, findings + more


_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
_YEAR = re.compile(r"\d{4}\Z")


def _name_findings(path: str, rel: str, seen: set[str]) -> list[Finding]:
    """Folder and file names that become URLs: checked once per folder, here and not per record."""
    out: list[Finding] = []
    parts = rel.split("/")
    if len(parts) > 2 and parts[0] == "agencies":
        agency = parts[1]
        if agency not in seen:
            seen.add(agency)
            if not _SLUG.match(agency):
                out.append(BAD_NAME(path, 1, 1, what="主体文件夹名", what_en="agency folder name", name=agency,
                                    example="agencies/market/"))
        if len(parts) == 5 and parts[2] == "decisions":
            folder = "/".join(parts[:4])
            if folder not in seen:
                seen.add(folder)
                if not _YEAR.match(parts[3]):
                    out.append(BAD_YEAR(path, 1, 1, name=parts[3]))
    stem = parts[-1][:-4]
    if len(parts) >= 4 and parts[0] == "agencies" and parts[2] in ("guides", "flowcharts", "decisions"):
        if not _SLUG.match(stem):
            out.append(BAD_NAME(path, 1, 1, what="文件名", what_en="file name", name=stem,
                                example=_slugify(stem) + ".yml"))
    return out


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "food-license"


def _unknown(path: str, rel: str) -> Finding:
    parts = rel.split("/")
    if len(parts) == 4 and parts[0] == "agencies" and parts[2] == "decisions":
        suggest = f"agencies/{parts[1]}/decisions/<年份>/{parts[3]}"
        suggest_en = f"agencies/{parts[1]}/decisions/<yyyy>/{parts[3]}"
        return UNKNOWN_FILE(path, 1, 1, rel=rel, hint_zh=NO_YEAR_HINT[0].format(suggest=suggest),
                            hint_en=NO_YEAR_HINT[1].format(suggest=suggest_en))
    return UNKNOWN_FILE(path, 1, 1, rel=rel, hint_zh=UNKNOWN_HINT[0], hint_en=UNKNOWN_HINT[1])


def scan(root: str, stats: dict[str, os.stat_result] | None = None,
         kinds: list[type[RecordKind] | None] | None = None) -> tuple[Dataset, Todo]:
    """The first half of `load`: walk `root`, report what is misplaced or misnamed, and list the
    record files to read (in path order). The check cache reads only some of them; `kinds`,
    when given, receives each listed file's kind (it would otherwise match them all again)."""
    root = os.path.abspath(root)
    ds = Dataset(root)
    if not os.path.isdir(root):
        ds.report.add(NO_DATA(root, 0, 0))
        return ds, []
    todo: Todo = []
    seen: set[str] = set()
    found, refused = walk(root, stats)
    ds.report.extend(refused)
    for f in refused:  # a record file refused by the walk is known, and broken: no "not found" echoes
        rel = os.path.relpath(f.file, root).replace(os.sep, "/")
        ds.broken.add(rel)
        ds.paths.add(rel)
    for path, rel, mtime in found:
        if not rel.endswith(".yml"):  # (the walk skips hidden names: a name ending .yml has that extension)
            ext = os.path.splitext(rel)[1]
            if ext.lower() in (".yaml", ".yml") and ext != ".yml":
                ds.report.add(YAML_EXT(path, 1, 1, suggest=os.path.basename(path)[:-len(ext)] + ".yml"))
                continue
            if ext != ".yml":
                continue  # templates and other attachments
        kind = kind_for(rel)
        if kind is None:
            ds.report.add(_unknown(path, rel))
            continue
        ds.report.extend(_name_findings(path, rel, seen))
        todo.append((path, rel, mtime))
        if kinds is not None:
            kinds.append(kind)
    ds.files = len(todo)
    return ds, todo


def add_result(ds: Dataset, rel: str, records: list[Record], findings: list[Finding]) -> None:
    """Take one file's records and findings into `ds` (files in path order)."""
    ds.paths.add(rel)
    ds.report.extend(findings)
    if not records and findings:
        ds.broken.add(rel)
    for r in records:
        ds.records.setdefault(r.kind, []).append(r)


def finish(ds: Dataset) -> None:
    """What only the whole set of files can say: a missing site.yml."""
    if "site.yml" not in ds.paths and os.path.isdir(ds.root):
        ds.report.add(NO_SITE(os.path.join(ds.root, "site.yml"), 0, 0))


def read(root: str, todo: Todo, workers: int | None = None) -> Iterator[tuple[list[Record], list[Finding]]]:
    """Read the files of `todo` below `root`, in order: through `RUNNER` (the parse cache) when
    one is installed, else `_run`."""
    return RUNNER(root, todo, workers) if RUNNER is not None else _run(todo, workers)


def load(root: str, workers: int | None = None, stats: dict[str, os.stat_result] | None = None,
         kept: dict[str, tuple[list[Record], list[Finding]]] | None = None) -> Dataset:
    """Load every record under `root`, collecting every finding; never raises for bad data.

    Reading goes through `RUNNER` when one is installed (the parse cache does), else `_run`;
    both take the same (path, rel, mtime) list and give one result per file in its order.
    `stats`, when given, receives the walk's stat of every file (as `scan`'s); `kept`, each
    read file's records and findings by relative path (the build hands them to the check cache,
    which would otherwise read every file again).
    """
    ds, todo = scan(root, stats)
    if not os.path.isdir(ds.root):
        return ds
    results = read(ds.root, todo, workers)
    with _gc_paused():
        for (_, rel, _), (records, findings) in zip(todo, results):
            add_result(ds, rel, records, findings)
            if kept is not None:
                kept[rel] = (records, findings)
    finish(ds)
    return ds


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic GC off: loading builds many small acyclic objects, and the collector would
    only walk them again and again (it costs a third of the load time otherwise)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run(todo: Todo, workers: int | None) -> Iterator[tuple[list[Record], list[Finding]]]:
    """`load_file` over `todo`, in order; forked workers share the work when there is much."""
    workers = workers or configured_workers()
    if workers < 2 or len(todo) < PARALLEL_MIN_FILES or not hasattr(os, "fork"):
        with _gc_paused():
            for t in todo:
                yield load_file(*t)
        return
    yield from _forked(todo, workers)


def _forked(todo: Todo, workers: int) -> Iterator[tuple[list[Record], list[Finding]]]:
    """Split `todo` into `workers` runs: this process reads the first, forked children the
    others and send their results back pickled through a pipe (read once ours are done)."""
    size = -(-len(todo) // workers)
    parts = [todo[i:i + size] for i in range(0, len(todo), size)]
    children: list[tuple[int, int, Todo]] = []
    try:
        for part in parts[1:]:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: work, send, and leave without running any cleanup
                code = 1
                try:
                    os.close(r)
                    gc.disable()
                    results: list[tuple[list[Record], list[Finding]]] | None = [load_file(*t) for t in part]
                    with os.fdopen(w, "wb") as fh:
                        pickle.dump(results, fh, protocol=pickle.HIGHEST_PROTOCOL)
                    code = 0
                finally:
                    os._exit(code)
            os.close(w)
            children.append((pid, r, part))
        with _gc_paused():
            for t in parts[0]:
                yield load_file(*t)
        while children:
            pid, r, part = children.pop(0)
            results = _receive(pid, r, len(part))
            if results is None:  # a child died: do its share here, the answer is the same
                with _gc_paused():
                    results = [load_file(*t) for t in part]
            yield from results
    finally:
        for pid, r, _ in children:  # abandoned early: stop the children we started
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            _close_and_reap(pid, r)


def _receive(pid: int, r: int, count: int) -> list[tuple[list[Record], list[Finding]]] | None:
    results = None
    try:
        with os.fdopen(r, "rb", closefd=False) as fh, _gc_paused():
            results = pickle.load(fh)
    except Exception:
        results = None
    ok = _close_and_reap(pid, r)
    if not ok or not isinstance(results, list) or len(results) != count:
        return None
    return results


def _close_and_reap(pid: int, r: int) -> bool:
    try:
        os.close(r)
    except OSError:
        pass
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def today_shanghai() -> dt.date:
    """Today's date in China (Asia/Shanghai), the default --as-of."""
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=8)).date()
