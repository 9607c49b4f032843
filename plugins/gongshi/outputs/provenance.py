"""Provenance (R-TRACE): when each record's file last changed and by which commit, from git.

One `git log --name-only` pass over the data folder gives every file's commits (newest
first), not one git call per file. Outside a git repository there is no provenance and no
error. The Pelican context gets `gongshi_provenance` (abs path -> last commit) and
`gongshi_change_log(record)` (its `history` merged with its commits), for the page templates.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Callable

from pelican.generators import Generator

from gongshi.publication.inputs import inputs
from gongshi.model.kinds import Record
from gongshi.runtime.gitlog import CHINA as CHINA, Commit as Commit, file_log as file_log  # the git part, Pelican-free


def provenance(data_dir: str) -> dict[str, Commit]:
    """Absolute path -> the last commit that changed it ({} outside a git repository)."""
    return {path: commits[0] for path, commits in file_log(data_dir).items()}


def change_log(rec: Record, log: dict[str, list[Commit]]) -> list[dict[str, Any]]:
    """A decision's public change log: its `history` entries and its file's commits, oldest first."""
    entries: list[dict[str, Any]] = []
    for h in rec.data.get("history") or []:
        if isinstance(h.get("date"), dt.date):
            entries.append({"date": h["date"].isoformat(), "source": "history", "action": h.get("action", ""),
                            "note": h.get("note", ""), "commit": ""})
    for c in log.get(os.path.abspath(rec.file), []):
        entries.append({"date": c["date"], "source": "commit", "action": "", "note": "", "commit": c["commit"]})
    # history before commits on one day: the decision precedes the file edit that records it
    return sorted(entries, key=lambda e: (e["date"], e["source"] != "history", e["commit"]))


class ProvenanceGenerator(Generator):  # type: ignore[misc]  # pelican is untyped (Any)
    """Puts git provenance into the Pelican context; writes nothing itself."""

    def generate_context(self) -> None:
        log = file_log(inputs(self.settings).data_dir)
        self.context["gongshi_provenance"] = {path: commits[0] for path, commits in log.items()}
        fn: Callable[[Record], list[dict[str, Any]]] = lambda rec: change_log(rec, log)  # noqa: E731
        self.context["gongshi_change_log"] = fn

    def generate_output(self, writer: Any) -> None:
        return None

