"""The `re` module, with `compile` deferred to a pattern's first use.

Why: the personal-data detectors (policy/names.py, namecues.py, prose.py, detectors.py) declare
~130 regular expressions at module level, many of them large (every surname, every role, every
health word as alternations), and Python's `re` parses and compiles each in Python code: ~60 ms
of CPU on every `import gongshi.checks.redaction`, paid by every `gongshi validate` (the
pre-commit hook, issue 20's 1.5 s budget) and every command that imports the checks, whether or
not a text reaches them. A module that writes `from gongshi.runtime import lazyre as re` keeps
its declarations as they are (`_X = re.compile(...)`, `_X.pattern` to build another) and compiles
each on first use.

A `LazyPattern` answers `search`, `match`, `finditer` … as the compiled pattern does; its first
call compiles the pattern and puts the compiled pattern's own (C) methods on the instance, so
later calls cost what a compiled pattern's do. `.pattern` needs no compiling. It is not an
`re.Pattern`: hand it to `re`'s module functions (`re.sub(p, …)`) as `p.pattern`, or call its
method; a match's `.re` is the compiled pattern, so `m.re is P` is False (tell matches apart by
where they came from). Everything else (`escape`, `sub`, `Match`, flags …) is `re`'s own.

Compiling is also cheaper than `re.compile`: a typical decision's text reaches most of the
patterns anyway, and parsing them costs ~120 ms of Python. What `re.compile` hands to the C engine
(`_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`: plain ints, strings, a
dict and a tuple) is kept in `<GONGSHI_CACHE_DIR or ~/.cache/gongshi>/gongshi-regex-<key>.pickle`,
keyed by the pattern and its flags, the file by the Python build and the engine's MAGIC, so the
next process builds each pattern from it in microseconds (~5 ms for all of them, the file read
included; measured: import, first cues and first decision ~95 ms against ~170 ms). A pattern not in the file is compiled by `re.compile` itself, and its code, made the way
`re._compiler.compile` makes it, is added to the file when the process exits. Anything unexpected
(another Python's internals, a torn or planted file: read with an unpickler that refuses every
class) falls back to `re.compile`; GONGSHI_CACHE=0 turns the file off.
"""
from __future__ import annotations

import atexit
import hashlib
import importlib
import os
import pickle
import re as _re
import sys
import tempfile
from collections.abc import Callable, Iterator
from re import (ASCII, DOTALL, IGNORECASE, MULTILINE, VERBOSE, A, I, M, Match, Pattern, S, X, error, escape, findall,
                finditer, fullmatch, match, search, split, sub, subn)
from typing import Any, cast

_sre: Any = importlib.import_module("_sre")  # the C engine re.compile hands its code to (no stub)

__all__ = ["ASCII", "DOTALL", "IGNORECASE", "MULTILINE", "VERBOSE", "A", "I", "M", "Match", "Pattern", "S", "X",
           "compile", "error", "escape", "findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn",
           "LazyPattern"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression compiled on its first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> Pattern[str]:
        """The compiled pattern; from now on this object's methods are its methods."""
        p = _compile(self.pattern, int(self._flags))
        self.__dict__.update({name: getattr(p, name) for name in _METHODS}, compiled=lambda: p)
        return p

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: str | Callable[[Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"


# (flags, code, groups - 1, groupindex, indexgroup): what _sre.compile takes after the pattern.
Entry = tuple[int, list[int], int, dict[str, int], tuple["str | None", ...]]
_FORMAT = b"gongshi-regex 1\n"
# Patterns edited over time leave their old code behind (~5 kB each): when the file holds more
# than twice what this process used (and more than _FLOOR), it is rewritten with only those.
_FLOOR = 400
_used: set[tuple[str, int]] = set()  # keys this process compiled, from the file or anew
_codes: dict[tuple[str, int], Entry] | None = None  # the file's entries, read on the first compile
_added: dict[tuple[str, int], Entry] = {}  # compiled here and not in the file: written at exit
_registered = False  # save() registered to run at exit


def _cache_file() -> str | None:
    if os.environ.get("GONGSHI_CACHE", "1") == "0":
        return None
    key = hashlib.sha1(repr((sys.version, _sre.MAGIC, _sre.CODESIZE)).encode() + _FORMAT).hexdigest()[:16]
    base = os.environ.get("GONGSHI_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gongshi")
    return os.path.join(base, f"gongshi-regex-{key}.pickle")


class _Plain(pickle.Unpickler):
    """Dicts, lists, tuples, str and int need no class: a planted cache file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"foreign global {module}.{name}")


def _read(path: str | None) -> dict[tuple[str, int], Entry]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            if fh.read(len(_FORMAT)) == _FORMAT:
                got = _Plain(fh).load()
                if isinstance(got, dict):
                    return got
    except Exception:
        pass  # missing, torn or foreign: compiled again, and written anew at exit
    return {}


def _entry(pattern: str, flags: int) -> Entry:
    """What re._compiler.compile hands to _sre.compile for this pattern (CPython 3.11+)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(tree, flags)]  # named opcodes as plain ints
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _compile(pattern: str, flags: int) -> Pattern[str]:
    """re.compile(pattern, flags), built from the cache file's code when it holds the pattern."""
    global _codes, _registered
    if _codes is None:
        _codes = _read(_cache_file())
    key = (pattern, flags)
    _used.add(key)
    entry = _codes.get(key)
    if entry is not None:
        try:
            built: Pattern[str] = _sre.compile(pattern, *entry)
            return built
        except Exception:
            pass  # not what this engine takes: compiled below
    compiled = _re.compile(pattern, flags)
    if _cache_file() is not None:
        try:
            entry = _entry(pattern, flags)
            again = _sre.compile(pattern, *entry)
        except Exception:
            return compiled  # another Python's internals: no cache, re's own pattern
        if (again.flags, again.groups, again.groupindex) != (compiled.flags, compiled.groups, compiled.groupindex):
            return compiled  # not what re made: not kept
        if not _registered:
            _registered = atexit.register(save) is save
        _codes[key] = _added[key] = entry
    return compiled


def save() -> None:
    """Add the patterns compiled by this process to the cache file (at exit; atomic)."""
    path = _cache_file()
    if path is None or not _added:
        return
    both = {**_read(path), **_added}
    if len(both) > max(_FLOOR, 2 * len(_used)):
        both = {k: v for k, v in both.items() if k in _used}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_FORMAT)
                pickle.dump(both, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _added.clear()
    except OSError:
        return  # a read-only home: the next process compiles again


def compile(pattern: str, flags: int = 0) -> Pattern[str]:  # noqa: A001 (re's own name, on purpose)
    """A pattern compiled on first use. Typed as `re.Pattern` because it answers as one
    (methods and `.pattern`); see the module docstring for what it is not."""
    return cast(Pattern[str], LazyPattern(pattern, flags))


def __getattr__(name: str) -> Any:
    """Any other name of `re` (a module that uses one this file does not list still works)."""
    return getattr(_re, name)
