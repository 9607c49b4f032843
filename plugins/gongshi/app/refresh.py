"""gongshi refresh: a full build as of a day, swapped in only on success, plus what changed.

R-MONTHLY: scheduled records appear and expired ones vanish even when nobody commits. The
previous build's state lives outside the published folder (it names records that are no
longer public); the published `changes.json` names only records that are public now.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from gongshi.app.build import build
from gongshi.model.dataset import Dataset
from gongshi.app import plugin
from gongshi.app import changes

PUBLIC_FILE = "changes.json"


def default_state(output: str) -> str:
    """The state file of an output folder: <parent>/.cache/refresh/<name>.json."""
    output = os.path.abspath(output)
    return os.path.join(os.path.dirname(output), ".cache", "refresh", os.path.basename(output) + ".json")


@dataclass
class Refreshed:
    """The outcome of one refresh: the validated dataset and, when it was built, the changes."""

    dataset: Dataset
    report: dict[str, Any] | None = None


def refresh(data: str, output: str, as_of: dt.date, *, state: str | None = None,
            settings_file: str | None = "pelicanconf.py", content: str | None = None,
            strict: bool = False) -> Refreshed:
    """Build as of `as_of`, compare with the previous build's state, and record the new state."""
    state = state or default_state(output)
    before = changes.load_state(state)
    result: dict[str, Any] = {}

    def before_swap(folder: str, ds: Dataset) -> None:
        snap = changes.snapshot(plugin.publication_of(ds, as_of))
        report = changes.diff(before, snap, as_of)
        changes.write_json(os.path.join(folder, PUBLIC_FILE), changes.public_view(report))
        result.update(report=report, snapshot=snap)

    ds = build(data, output, as_of, settings_file=settings_file, content=content, strict=strict,
               before_swap=before_swap)
    if not ds.report.ok or "report" not in result:
        return Refreshed(ds)
    # Only after the swap: a build killed before it keeps the old state with the old site.
    changes.write_json(state, {"version": changes.STATE_VERSION, "as_of": as_of.isoformat(),
                               "records": result["snapshot"]})
    changes.write_json(os.path.splitext(state)[0] + "-changes.json", result["report"])
    return Refreshed(ds, result["report"])
