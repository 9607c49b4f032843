"""Git history of the data folder: every file's commits from one `git log --name-only` pass.

Apart from provenance.py (the Pelican generator) so that a check reading the history (the
publication deadline's backdating rule) does not import Pelican: ~75 ms of every `gongshi
validate`, the pre-commit hook (issue 14).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess

CHINA = dt.timezone(dt.timedelta(hours=8))
_SEP, _FIELD = "\x1e", "\x1f"
Commit = dict[str, str]


def _git(args: list[str], cwd: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except OSError:  # no git at all
        return None
    return done.stdout if done.returncode == 0 else None


def file_log(data_dir: str) -> dict[str, list[Commit]]:
    """Absolute path -> its commits, newest first: {"commit", "date", "time", "author"}."""
    data_dir = os.path.abspath(data_dir)
    if not os.path.isdir(data_dir):
        return {}
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top is None:
        return {}
    out = _git(["log", "--no-renames", "--name-only", f"--format={_SEP}%H{_FIELD}%cI{_FIELD}%an", "--", "."],
               data_dir)
    if out is None:
        return {}
    # Keys as the dataset spells paths (under the absolute data_dir), even when git reports
    # the repository through a different (symlink-resolved) path.
    root, real = top.strip(), os.path.realpath(data_dir)
    log: dict[str, list[Commit]] = {}
    for block in out.split(_SEP)[1:]:
        head, _, names = block.partition("\n")
        sha, when, author = head.split(_FIELD)
        moment = dt.datetime.fromisoformat(when).astimezone(CHINA)
        commit = {"commit": sha, "date": moment.date().isoformat(), "time": moment.isoformat(), "author": author}
        for name in names.splitlines():
            if name.strip():
                rel = os.path.relpath(os.path.join(root, name), real)
                log.setdefault(os.path.normpath(os.path.join(data_dir, rel)), []).append(commit)
    return log
