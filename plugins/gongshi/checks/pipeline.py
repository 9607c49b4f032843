"""The check pipeline: validation runs every check hooks.checks() lists (built-in rule modules,
then `gongshi.checks` entry points, then a caller's extra checks); see model/hookspecs.py.

Every check is run through `configured`, which applies site.yml's `rules:` to its findings (a
rule turned off drops them, a level replaces their severity; model/ruleset.py). Doing it here,
where the checks are listed, gives the build, `gongshi validate` and its cache, and the live
preview the same findings without each applying the settings (the cache keys its findings by
site.yml's bytes, so a changed setting re-checks)."""
from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Callable, Iterable, Iterator

from gongshi.model.dataset import Dataset, load
from gongshi.model import ruleset
from gongshi.model.findings import Finding, Report
from gongshi.model.hookspecs import check as check  # the marker of a check (re-exported: `from gongshi.checks import check`)
from gongshi.model.hookspecs import CONTEXT as CONTEXT, RECORD as RECORD, SUMMARY as SUMMARY, scoped as scoped  # a check's declared scope
from gongshi.model.yamlread import locate

Check = Callable[[Dataset, dt.date], Iterable[Finding]]


def load_checks(extra: Iterable[Check] = ()) -> list[Check]:
    """The checks validation runs, in order (hooks.checks), each `configured` by site.yml."""
    from gongshi.model import hookspecs as hooks
    return [configured(fn) for fn in hooks.checks(extra)]


def configured(fn: Check) -> Check:
    """`fn` with site.yml's `rules:` applied to its findings. The wrapper keeps the check's
    name, module and declared scope (functools.wraps), which the cache and the preview read."""
    if getattr(fn, "gongshi_configured", False):
        return fn

    @functools.wraps(fn)
    def run(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
        wanted = ruleset.settings(ds.site.get("rules"))
        for f in fn(ds, as_of):
            setting = wanted.get(f.rule)
            if setting is None:
                yield f
            elif setting.enabled:
                if setting.level is not None:
                    f.severity = setting.level
                yield f

    run.gongshi_configured = True  # type: ignore[attr-defined]
    return run


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
             workers: int | None = None, content: str | None = None,
             extra_checks: Iterable[Check] = ()) -> Dataset:
    """Load `root` and run every check as of `as_of`; the findings are in `ds.report`.

    `content` is the Markdown folder published with the data (default: `<root>/../content`).
    """
    ds = load(root, workers)
    ds.content = os.path.abspath(content) if content else default_content(root)
    run_checks(ds, as_of, extra_checks)
    if strict:
        ds.report.strict()
    return ds


def run_checks(ds: Dataset, as_of: dt.date, extra: Iterable[Check] = ()) -> Report:
    """Run every check (hooks.checks, then `extra`) over a loaded dataset."""
    for fn in load_checks(extra):
        ds.report.extend(fn(ds, as_of))
    resolve_locations(ds.report)
    return ds.report
