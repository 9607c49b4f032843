"""Pelican wiring: settings, the validated dataset, and the generators that write the portal.

Every output (pages, feeds, search index, data files) is produced by a generator class
registered here, the way Pelican's own ArticlesGenerator is: built-in parts use the same
`get_generators` signal an outside plugin would.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from typing import Any

from pelican import signals

from .checks import validate
from .dataset import Dataset, today_shanghai

log = logging.getLogger("gongshi")

# Generator classes that produce the portal; other modules append theirs (see register()).
GENERATORS: list[type] = []
_PREPARED: dict[tuple[str, dt.date], Dataset] = {}


class BuildRefused(Exception):
    """Validation found errors, so nothing may be written."""

    def __init__(self, dataset: Dataset) -> None:
        super().__init__(f"gongshi: {len(dataset.report.errors)} error(s) in {dataset.root}")
        self.dataset = dataset


def data_dir(settings: dict[str, Any]) -> str:
    """The data folder from settings (GONGSHI_DATA), absolute."""
    path = settings.get("GONGSHI_DATA", "data")
    if not os.path.isabs(path):
        path = os.path.join(os.path.dirname(settings.get("PATH", ".")), path)
    return os.path.abspath(path)


def as_of(settings: dict[str, Any]) -> dt.date:
    """The build date (GONGSHI_AS_OF, default today in Asia/Shanghai)."""
    value = settings.get("GONGSHI_AS_OF")
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value or today_shanghai()


def remember(ds: Dataset, day: dt.date) -> None:
    """Hand an already validated dataset to the generators so it is not loaded twice."""
    _PREPARED[(ds.root, day)] = ds


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


def _get_generators(pelican: Any) -> list[type]:
    return list(GENERATORS)


def register() -> None:
    """Connect to Pelican; importing the output modules registers their generators."""
    from . import outputs  # noqa: F401  (fills GENERATORS)
    signals.get_generators.connect(_get_generators)
