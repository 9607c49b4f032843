"""The check cache's storage (checks/cache.py says what is kept and why): the global
key's parts (code, check identities), pickled shards and their header, the slim records and
the digests SUMMARY checks are compared by. Apart so that each module stays readable.
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from typing import Any, Iterable

from gongshi.model import hookspecs as hooks
from gongshi.checks.registry import Check
from gongshi.model.findings import Finding
from gongshi.model.kinds import Record
from gongshi.model.paths import file_digest
from gongshi.model.yamlread import locate
from gongshi.model.parsecache import _Unpickler

BULK = "decision"  # the kind whose files are cached one by one; every other record is context
MAGIC = b"gongshi-check-cache 2\n"  # 2: a shard is (entries, folder digests)
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# mtime_ns, size, inode, file inputs, parse findings, broken, findings by check, summary digests
Entry = tuple[int, int, int, tuple[object, ...], list[Finding], bool, dict[str, list[Finding]], dict[str, bytes]]
# kind, agency, slug, index, year, mtime, slim data: what a SUMMARY check sees of one record
Slim = tuple[str, str | None, str | None, int | None, int | None, float, dict[str, Any]]


def enabled() -> bool:
    """On unless GONGSHI_CHECK_CACHE=0 or GONGSHI_CACHE=0 (which turns every cache off)."""
    return os.environ.get("GONGSHI_CACHE", "1") != "0" and os.environ.get("GONGSHI_CHECK_CACHE", "1") != "0"


def cache_dir(root: str) -> str:
    """<GONGSHI_CACHE_DIR or <data's parent>/.cache/records>/checks-<hash of the data folder>."""
    base = os.environ.get("GONGSHI_CACHE_DIR") or os.path.join(os.path.dirname(root), ".cache", "records")
    return os.path.join(base, "checks-" + hashlib.sha1(root.encode("utf-8", "surrogatepass")).hexdigest()[:16])


_code: str | None = None


def code_version() -> str:
    """A hash of every file of the gongshi package (code and presets): checks read all of it."""
    global _code
    if _code is None:
        h = hashlib.sha256(sys.version.encode())
        for folder, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, "rb") as fh:
                    h.update(os.path.relpath(path, _PACKAGE).encode() + b"\0" + fh.read())
        _code = h.hexdigest()[:16]
    return _code


def check_id(fn: Check) -> str:
    """A check's identity in the cache: module:name, its scope, and for code outside the
    package (a site's entry point) a digest of its source file."""
    module = getattr(fn, "__module__", "?")
    scope = hooks.scope_of(fn)
    declared = scope and (scope.per, scope.reads, getattr(scope.file_input, "__qualname__", None))
    ident = f"{module}:{getattr(fn, '__qualname__', repr(fn))}:{declared!r}"
    if not module.startswith("gongshi."):
        src = getattr(sys.modules.get(module), "__file__", None)
        ident += ":" + (file_digest(src) or b"").hex() if src else ":?"
    return ident


def read(path: str, head: bytes) -> Any:
    """A pickle written by `write` with the same header, or None (missing, torn, foreign)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if not data.startswith(head):
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(memoryview(data)[len(head):])).load()
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()


def write(path: str, head: bytes, value: object) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(head)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return


def shard_path(base: str, folder: str, what: str) -> str:
    return os.path.join(base, hashlib.sha1(folder.encode("utf-8", "surrogatepass")).hexdigest()[:20] + what)


def resolve(found: list[Finding]) -> list[Finding]:
    for f in found:
        if f.keys is not None and f.line == 0:
            f.line, f.column = locate(f.file, f.keys)
    return found


def slim(rec: Record, reads: Iterable[str]) -> Slim:
    data = rec.data
    return (rec.kind, rec.agency, rec.slug, rec.index, rec.year, rec.mtime,
            {k: data[k] for k in reads if k in data})


def summary_digest(slims: list[Slim], broken: bool, reads: tuple[str, ...]) -> bytes:
    """What a SUMMARY check reading `reads` can see of one file (its mtime is not part of the
    contract: a touched file would otherwise rerun every cross-record rule)."""
    seen = [s[:5] + ({k: s[6][k] for k in reads if k in s[6]},) for s in slims]
    return hashlib.blake2b(pickle.dumps((seen, broken), protocol=4), digest_size=16).digest()
