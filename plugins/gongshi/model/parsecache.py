"""The parse cache: typed records kept on disk so a rebuild re-reads only changed files.

Entries are keyed by path, mtime_ns, size and a hash of the code that parses, and a hit is
proved by content: the BLAKE2b digest of the file's bytes must equal the cached one, so an edit
that keeps size and mtime (tar, `rsync -t`, `cp -p`, a CI cache) is a miss (issue 11). BLAKE2b
from hashlib, not xxhash or BLAKE3: no new dependency, and at ~1 KB per record hashing costs
about a microsecond next to the open and read (figures in the README). One pickle shard per
folder, so a one-record change rewrites one small shard. A shard starts with a header naming
the cache format and the data folder; one without it is foreign and never unpickled, and
unpickling resolves only the classes a record is made of. A cache that cannot be read or
written, or an entry of the wrong shape, is simply not used: results are always those of
`dataset.load_file`.
"""
from __future__ import annotations

import ast
import contextlib
import gc
import hashlib
import io
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from typing import Iterator

from gongshi.model import dataset
from gongshi.model.findings import Finding
from gongshi.model.kinds import Record
from gongshi.model.paths import file_digest as digest
from gongshi.runtime.progress import track

Result = tuple[list[Record], list[Finding]]
Entry = tuple[int, int, bytes, list[Record], list[Finding]]  # mtime_ns, size, digest, records, findings
MAGIC = b"gongshi-parse-cache 2\n"
# What a cached Record and Finding are made of; any other global in a shard makes it foreign.
_SAFE_MODULES = ("gongshi.", "datetime", "collections", "copyreg")
_SAFE_BUILTINS = {"set", "frozenset", "list", "dict", "tuple", "bytes", "str", "int", "float", "bool",
                  "complex", "slice", "range", "bytearray", "object", "NoneType"}

# A file changed within this window of its caching could change again within the same
# mtime tick (coarse kernel clocks), so it is not cached: git's "racily clean" rule.
RACY_NS = 2_000_000_000
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_version: str | None = None


def _module_file(folder: str, dotted: str) -> str | None:
    path = os.path.join(folder, *dotted.split(".")) if dotted else folder
    for candidate in (path + ".py", os.path.join(path, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


def _import_time(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements a module runs when imported: its top level, inside if/try too, but not
    `if TYPE_CHECKING:` nor function bodies (a lazy import there serves a later call, as
    model/hookspecs.py's import of the plugin does, not the making of a record)."""
    out: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                out += _import_time(node.body) + _import_time(node.orelse)
        elif isinstance(node, ast.Try):
            out += _import_time(node.body) + _import_time(node.orelse) + _import_time(node.finalbody)
            for handler in node.handlers:
                out += _import_time(handler.body)
        else:
            out.append(node)
    return out


def parse_modules() -> list[str]:
    """The package modules model/dataset.py imports, directly or not: the code that makes a Record."""
    top = os.path.dirname(_PACKAGE)  # plugins/: where `gongshi.…` names resolve
    todo, seen = [os.path.join(_PACKAGE, "model", "dataset.py")], set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        here = os.path.dirname(path)
        for node in _import_time(tree.body):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("gongshi.")):
                folder = top if not node.level else here
                for _ in range(node.level - 1):
                    folder = os.path.dirname(folder)
                names = [node.module] if node.module else [a.name for a in node.names]
                found = [_module_file(folder, n) for n in names]
                if node.module:  # `from gongshi.model.kinds import agency` may name submodules too
                    found += [_module_file(folder, f"{node.module}.{a.name}") for a in node.names]
                todo.extend(f for f in found if f)
            elif isinstance(node, ast.Import):
                todo.extend(f for a in node.names if a.name.startswith("gongshi.")
                            for f in [_module_file(top, a.name)] if f)
    return sorted(seen)


def code_version() -> str:
    """A hash of the modules that read and type records; any change to them empties the cache."""
    global _version
    if _version is None:
        h = hashlib.sha256(sys.version.encode())
        for path in parse_modules():
            with open(path, "rb") as fh:
                h.update(os.path.relpath(path, _PACKAGE).encode() + b"\0" + fh.read())
        _version = h.hexdigest()[:16]
    return _version


def cache_dir(root: str) -> str:
    """Where shards of data folder `root` live: $GONGSHI_CACHE_DIR or <parent>/.cache/records."""
    base = os.environ.get("GONGSHI_CACHE_DIR") or os.path.join(os.path.dirname(root), ".cache", "records")
    return os.path.join(base, code_version())


def _shard_path(base: str, root: str, folder: str) -> str:
    return os.path.join(base, hashlib.sha1(f"{root}\0{folder}".encode()).hexdigest()[:20] + ".pickle")


class _Unpickler(pickle.Unpickler):
    """Only the classes records and findings are made of: a planted shard cannot run code."""

    def find_class(self, module: str, name: str):  # type: ignore[no-untyped-def]
        if module == "builtins" and name in _SAFE_BUILTINS or \
                module != "builtins" and (module + ".").startswith(_SAFE_MODULES) and not name.startswith("_"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"foreign global {module}.{name}")


def _header(root: str) -> bytes:
    return MAGIC + hashlib.sha1(root.encode("utf-8", "surrogatepass")).hexdigest().encode() + b"\n"


def _valid(entry: object) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], int)
            and isinstance(entry[1], int) and isinstance(entry[2], bytes) and isinstance(entry[3], list)
            and isinstance(entry[4], list) and all(isinstance(r, Record) for r in entry[3])
            and all(isinstance(f, Finding) for f in entry[4]))


def _read_shard(path: str, root: str = "") -> dict[str, Entry]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return {}
    head = _header(root)
    if not data.startswith(head):  # another format, another data folder, or not ours at all
        return {}
    # Unpickling allocates many small objects; the cyclic GC would only slow it down.
    enabled = gc.isenabled()
    gc.disable()
    try:
        shard = _Unpickler(io.BytesIO(memoryview(data)[len(head):])).load()
        if not isinstance(shard, dict):
            return {}
        return {k: v for k, v in shard.items() if isinstance(k, str) and _valid(v)}
    except Exception:  # a torn or foreign file is a miss, never an error
        return {}
    finally:
        if enabled:
            gc.enable()


def _write_shard(path: str, shard: dict[str, Entry], root: str = "") -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_header(root))
            pickle.dump(shard, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old or the new shard, never half of one
    except OSError:
        return


_pruned: set[str] = set()
STALE_SECONDS = 24 * 3600


def _prune(parent: str, keep: str) -> None:
    """Delete caches of older code versions (a day untouched), once per process and folder."""
    if parent in _pruned:
        return
    _pruned.add(parent)
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for e in entries:
        if e.name != keep and e.is_dir() and time.time() - e.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(e.path, ignore_errors=True)


class Stats:
    """How the last cached load went (for tests and the benchmark)."""

    hits = 0
    misses = 0


def cached_run(root: str, todo: dataset.Todo, workers: int | None) -> Iterator[Result]:
    """`dataset._run` with the parse cache: same results, same order."""
    base = cache_dir(root)
    folders: dict[str, list[int]] = defaultdict(list)
    stats: list[tuple[int, int]] = []
    for i, (path, rel, _mtime) in enumerate(todo):
        folders[os.path.dirname(rel)].append(i)
        try:
            st = os.stat(path)
            stats.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stats.append((-1, -1))
    results: list[Result | None] = [None] * len(todo)
    digests: list[bytes | None] = [None] * len(todo)
    shards: dict[str, dict[str, Entry]] = {}
    for folder in folders:
        shards[folder] = _read_shard(_shard_path(base, root, folder), root)
    missing: list[int] = []
    for folder, idxs in folders.items():
        shard = shards[folder]
        for i in idxs:
            entry = shard.get(os.path.basename(todo[i][1]))
            if entry is not None and (entry[0], entry[1]) == stats[i]:
                # mtime and size only say "probably the same": the bytes' digest proves it
                digests[i] = digest(todo[i][0])
                if digests[i] is not None and digests[i] == entry[2]:
                    results[i] = (entry[3], entry[4])
                    continue
            missing.append(i)
    Stats.hits, Stats.misses = len(todo) - len(missing), len(missing)
    for i in missing:  # before reading, as git does: a file changed meanwhile never matches later
        if digests[i] is None:
            digests[i] = digest(todo[i][0])
    fresh = dataset._run([todo[i] for i in missing], workers)
    for i, result in zip(missing, track(fresh, len(missing), "读取记录 / reading records")):
        results[i] = result
    _update(base, root, todo, folders, shards, stats, results, set(missing), digests)
    for done in results:
        assert done is not None
        yield done


def _update(base: str, root: str, todo: dataset.Todo, folders: dict[str, list[int]],
            shards: dict[str, dict[str, Entry]], stats: list[tuple[int, int]],
            results: list[Result | None], missing: set[int], digests: list[bytes | None]) -> None:
    """Rewrite the shards that gained, lost or changed entries."""
    now = time.time_ns()
    _prune(os.path.dirname(base), os.path.basename(base))
    for folder, idxs in folders.items():
        old = shards[folder]
        names = {os.path.basename(todo[i][1]) for i in idxs}
        changed = any(i in missing for i in idxs) or any(n not in names for n in old)
        if not changed:
            continue
        new: dict[str, Entry] = {}
        for i in idxs:
            name = os.path.basename(todo[i][1])
            mtime_ns, size = stats[i]
            result = results[i]
            if result is None or mtime_ns < 0 or now - mtime_ns < RACY_NS:
                continue
            sig = digests[i]  # taken before the file was read: a later change can only miss
            if sig is None:
                continue
            new[name] = (mtime_ns, size, sig, result[0], result[1])
        _write_shard(_shard_path(base, root, folder), new, root)


def install() -> None:
    """Use the parse cache for every dataset.load in this process (unless GONGSHI_CACHE=0)."""
    if os.environ.get("GONGSHI_CACHE", "1") != "0":
        dataset.RUNNER = cached_run


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """The parse cache for the duration of a `with` block; the previous loader afterwards."""
    previous = dataset.RUNNER
    install()
    try:
        yield
    finally:
        dataset.RUNNER = previous


def uninstall() -> None:
    """Load without the cache again."""
    dataset.RUNNER = None

