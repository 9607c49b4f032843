"""The `re` module, with `compile` deferred to a pattern's first use.

Why: the personal-data detectors (policy/names.py, namecues.py, prose.py, detectors.py) declare
~120 regular expressions at module level, many of them large (every surname, every role, every
health word as alternations), and Python's `re` parses and compiles each in Python code: ~60 ms
of CPU on every `import gongshi.checks.redaction`, paid by every `gongshi validate` (the
pre-commit hook, issue 20's 1.5 s budget) though one record's text reaches fewer than half of
them. A module that writes `from gongshi.runtime import lazyre as re` keeps its declarations as
they are (`_X = re.compile(...)`, `_X.pattern` to build another) and compiles each on first use.

A `LazyPattern` answers `search`, `match`, `finditer` … as the compiled pattern does; its first
call compiles the pattern and puts the compiled pattern's own (C) methods on the instance, so
later calls cost what a compiled pattern's do. `.pattern` needs no compiling. It is not an
`re.Pattern`: hand it to `re`'s module functions (`re.sub(p, …)`) as `p.pattern`, or call its
method; a match's `.re` is the compiled pattern, so `m.re is P` is False (tell matches apart by
where they came from). Everything else (`escape`, `sub`, `Match`, flags …) is `re`'s own.
"""
from __future__ import annotations

import re as _re
import sys
from collections.abc import Callable, Iterator
from re import (ASCII, DOTALL, IGNORECASE, MULTILINE, VERBOSE, A, I, M, Match, Pattern, S, X, error, escape, findall,
                finditer, fullmatch, match, search, split, sub, subn)
from typing import Any, cast

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
        p = _re.compile(self.pattern, self._flags)
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


def compile(pattern: str, flags: int = 0) -> Pattern[str]:  # noqa: A001 (re's own name, on purpose)
    """A pattern compiled on first use. Typed as `re.Pattern` because it answers as one
    (methods and `.pattern`); see the module docstring for what it is not."""
    return cast(Pattern[str], LazyPattern(pattern, flags))


def __getattr__(name: str) -> Any:
    """Any other name of `re` (a module that uses one this file does not list still works)."""
    return getattr(_re, name)
