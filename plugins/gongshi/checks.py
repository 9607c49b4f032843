"""The check pipeline: every rule family registers here, built-in or from a plugin."""
from __future__ import annotations

import datetime as dt
import importlib
import os
from importlib.metadata import entry_points
from typing import Callable, Iterable

from .dataset import Dataset, load
from .findings import Finding, Report
from .yamlread import locate

Check = Callable[[Dataset, dt.date], Iterable[Finding]]
CHECKS: list[Check] = []

# Built-in rule families use the same registration as outside plugins (entry point group
# "gongshi.checks"), so one mechanism is exercised by every build.
BUILTIN_MODULES = ["gongshi.refs", "gongshi.rules", "gongshi.portal.reserved"]


def check(fn: Check) -> Check:
    """Register a check: a function of (dataset, as_of) yielding findings."""
    if fn not in CHECKS:
        CHECKS.append(fn)
    return fn


_loaded = False


def load_checks() -> list[Check]:
    """Import built-in rule modules and plugins once; return the registered checks."""
    global _loaded
    if not _loaded:
        for name in BUILTIN_MODULES:
            importlib.import_module(name)
        for ep in entry_points(group="gongshi.checks"):
            ep.load()
        _loaded = True
    return CHECKS


def resolve_locations(report: Report) -> None:
    """Turn key paths into line and column (re-reading only files that have findings)."""
    for f in report:
        if f.keys is not None and f.line == 0:
            f.line, f.column = locate(f.file, f.keys)


def default_content(root: str) -> str | None:
    """The Markdown folder next to a data folder (`<data>/../content`), if there is one."""
    path = os.path.join(os.path.dirname(os.path.abspath(root)), "content")
    return path if os.path.isdir(path) else None


def validate(root: str, as_of: dt.date, *, strict: bool = False,
             workers: int | None = None, content: str | None = None) -> Dataset:
    """Load `root` and run every check as of `as_of`; the findings are in `ds.report`.

    `content` is the Markdown folder published with the data (default: `<root>/../content`).
    """
    ds = load(root, workers)
    ds.content = os.path.abspath(content) if content else default_content(root)
    run_checks(ds, as_of)
    if strict:
        ds.report.strict()
    return ds


def run_checks(ds: Dataset, as_of: dt.date) -> Report:
    """Run every registered check over a loaded dataset."""
    for fn in load_checks():
        ds.report.extend(fn(ds, as_of))
    resolve_locations(ds.report)
    return ds.report
