"""Pelican wiring: settings, the validated dataset, its publication, and register().

Every output (pages, feeds, search index, data files) is a generator class listed by
hooks.outputs() and handed to Pelican through its `get_generators` signal, the way an outside
plugin's would be; register() connects that and the other receivers (model/hookspecs.py lists them all).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from typing import Any

from gongshi.checks.pipeline import validate
from gongshi.model import hookspecs
from gongshi.model.dataset import Dataset, today_shanghai
from gongshi.publication.inputs import BUILD_SETTING

log = logging.getLogger("gongshi")

_PREPARED: dict[tuple[str, dt.date], Dataset] = {}
_PUBLISHED: dict[tuple[str, dt.date], tuple[Dataset, Any]] = {}
_CHECKING: dict[tuple[str, dt.date], Any] = {}  # the checks still running beside a build


class BuildRefused(Exception):
    """Validation found errors, so nothing may be written."""

    def __init__(self, dataset: Dataset) -> None:
        super().__init__(f"gongshi: {len(dataset.report.errors)} error(s) in {dataset.root}")
        self.dataset = dataset


def data_dir(settings: dict[str, Any]) -> str:
    """The data folder from settings (GONGSHI_DATA), absolute."""
    path: str = settings.get("GONGSHI_DATA", "data")
    if not os.path.isabs(path):
        path = os.path.join(os.path.dirname(settings.get("PATH", ".")), path)
    return os.path.abspath(path)


def as_of(settings: dict[str, Any]) -> dt.date:
    """The build date (GONGSHI_AS_OF, default today in Asia/Shanghai)."""
    value = settings.get("GONGSHI_AS_OF")
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value or today_shanghai()


def remember(ds: Dataset, day: dt.date, checking: Any = None) -> None:
    """Hand a loaded dataset to the generators so it is not loaded twice; `checking`: the job
    (runtime/jobs.py) whose result is its checked report, when the checks still run."""
    _PREPARED[(ds.root, day)] = ds
    if checking is not None:
        _CHECKING[(ds.root, day)] = checking


def settle(ds: Dataset, day: dt.date) -> None:
    """The build is over: forget its checks job (app/build.py has its result)."""
    _CHECKING.pop((ds.root, day), None)


def checked(settings: dict[str, Any]) -> Dataset:
    """The dataset once every check has run (waits for the checks job); raises BuildRefused
    when they found an error. What reads the findings (the compliance pages) asks this."""
    ds = dataset(settings)
    job = _CHECKING.pop((data_dir(settings), as_of(settings)), None)
    if job is not None:
        ds.report = job.result()
    if not ds.report.ok:
        raise BuildRefused(ds)
    return ds


def dataset(settings: dict[str, Any]) -> Dataset:
    """The validated dataset for these settings; raises BuildRefused when it has errors."""
    key = (data_dir(settings), as_of(settings))
    ds = _PREPARED.get(key)
    if ds is None:
        ds = validate(key[0], key[1], strict=bool(settings.get("GONGSHI_STRICT")), content=settings.get("PATH"))
        _PREPARED[key] = ds
    if not ds.report.ok:
        raise BuildRefused(ds)
    return ds


def publication(settings: dict[str, Any]) -> Any:
    """The build's Publication (publication.publish), made once per dataset and day and shared
    by every output."""
    from gongshi.publication import publish
    ds = dataset(settings)
    key = (data_dir(settings), as_of(settings))
    known = _PUBLISHED.get(key)
    if known is None or known[0] is not ds:
        known = _PUBLISHED[key] = (ds, publish(ds, key[1]))
    return known[1]


def publication_of(ds: Dataset, day: dt.date) -> Any:
    """The Publication a build made of `ds` on `day` (refresh's change list reads the very views
    the outputs read), or a fresh one."""
    from gongshi.publication import publish
    for (_root, d), (known, pub) in _PUBLISHED.items():
        if known is ds and d == day:
            return pub
    return publish(ds, day)


class BuildInputs:
    """The build's inputs as the outputs receive them (publication/inputs.py), read from the
    state above for these settings."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    @property
    def data_dir(self) -> str:
        return data_dir(self.settings)

    def dataset(self) -> Dataset:
        return dataset(self.settings)

    def publication(self) -> Any:
        return publication(self.settings)

    def checked(self) -> Dataset:
        return checked(self.settings)


def get_generators(pelican: Any) -> list[type]:
    """signals.get_generators: the output generators of hookspecs.outputs(), in order. The
    build's inputs are handed to them in the settings they receive (`BUILD_SETTING`)."""
    pelican.settings[BUILD_SETTING] = BuildInputs(pelican.settings)
    return hookspecs.outputs(pelican.settings)


def connect() -> None:
    """Connect gongshi to Pelican: the generators and the signal receivers of
    hookspecs.SIGNALS (idempotent: blinker keeps one connection per receiver)."""
    from pelican import signals

    signals.get_generators.connect(get_generators)
    for signal, name in hookspecs.SIGNALS:
        getattr(signals, signal).connect(hookspecs.resolve(name))


def register() -> None:
    """Pelican's plugin entry: connect the generators and signal receivers."""
    connect()
