"""The check pipeline: validation runs every check hooks.checks() lists (built-in rule modules,
then `gongshi.checks` entry points, then a caller's extra checks); see model/hookspecs.py.

The checks and their site.yml settings come from registry.py. `report()` is the one entry of
`gongshi validate`: with the check cache (cache.py, an implementation detail: its findings
are the full run's, finding for finding) only what changed is checked again; without it, or
for a build, which needs the records too, `validate()` loads and checks everything.

Every check is run through `registry.configured`, which applies site.yml's `rules:` to its
findings (a rule turned off drops them, a level replaces their severity; model/ruleset.py).
Doing it where the checks are listed gives the build, `gongshi validate` and its cache, and the
live preview the same findings without each applying the settings (the cache keys its findings
by site.yml's bytes, so a changed setting re-checks)."""
from __future__ import annotations

import datetime as dt
import os
from typing import Iterable

from gongshi.checks import cache
from gongshi.checks.scrub import allow_of, scrub
from gongshi.checks.registry import Check, configured, default_content, load_checks, resolve_locations
from gongshi.model.dataset import Dataset, load
from gongshi.model.findings import Report
from gongshi.model.hookspecs import check as check  # the marker of a check (re-exported: `from gongshi.checks import check`)
from gongshi.model.hookspecs import CONTEXT as CONTEXT, RECORD as RECORD, SUMMARY as SUMMARY, scoped as scoped  # a check's declared scope

__all__ = ["Check", "configured", "default_content", "load_checks", "report", "resolve_locations",
           "run_checks", "validate"]


def report(root: str, as_of: dt.date, *, strict: bool = False, content: str | None = None,
           extra_checks: Iterable[Check] = ()) -> Report:
    """Every finding over the data folder `root` as of `as_of` (what `gongshi validate` prints):
    through the check cache when it is enabled, else by a full run."""
    if cache.enabled():
        found = cache.validate(root, as_of, content=content, extra_checks=extra_checks)
        if strict:
            found.strict()
        return found
    return validate(root, as_of, strict=strict, content=content, extra_checks=extra_checks).report


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
    scrub(ds.report, allow_of(ds.policy))  # no message prints the personal data it is about
    return ds.report

