"""What every way of running the checks shares: the list of checks (hookspecs.checks(), each
`configured` by site.yml's `rules:`: a rule turned off drops its findings, a level replaces
their severity; model/ruleset.py), where a data folder's Markdown content is, and key paths
turned into line and column. The full run (pipeline.validate), the check cache (cache.py) and
the live preview all take their checks from here, so they cannot disagree."""
from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Callable, Iterable, Iterator

from gongshi.model import hookspecs as hooks
from gongshi.model import ruleset
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Report
from gongshi.model.yamlread import locate

Check = Callable[[Dataset, dt.date], Iterable[Finding]]


def load_checks(extra: Iterable[Check] = ()) -> list[Check]:
    """The checks validation runs, in order (hooks.checks), each `configured` by site.yml."""
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
