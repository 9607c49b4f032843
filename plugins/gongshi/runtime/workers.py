"""How many processes a build may use: the one reading of `GONGSHI_WORKERS`.

Read in one place because it was read four ways (the jobs, the page renderer, the record
reader and the benchmark each had their own rule), and the difference was a bug: the
environment variable `GONGSHI_WORKERS=1` lost to the `GONGSHI_WORKERS = 2` of pelicanconf.py,
so open data and the search index still ran in forked jobs, against the README.

The rule: the environment variable, when set, wins (it is what an operator types for one run:
`GONGSHI_WORKERS=1 make html`); else the Pelican setting; else the cores this process may run
on (its CPU affinity, which a container or `taskset` narrows, not the machine's count). `1`
means one process: every job runs in the caller, one after another, and nothing forks.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

NAME = "GONGSHI_WORKERS"


class BadWorkers(ValueError):
    """GONGSHI_WORKERS is not a whole number of at least 1 (the message says where it came from)."""


def cpus() -> int:
    """The cores this process may run on (CPU affinity where the system has it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parse(value: object, where: str) -> int:
    try:
        n = int(str(value).strip())
    except ValueError:
        n = 0
    if n < 1:
        raise BadWorkers(f"{where} {NAME}={value!r}: 应为不小于 1 的整数（1 表示只用一个进程） / "
                         f"should be a whole number of at least 1 (1 means a single process)")
    return n


def workers(settings: Mapping[str, Any] | None = None) -> int:
    """The number of processes to use: $GONGSHI_WORKERS, else the setting, else `cpus()`."""
    env = os.environ.get(NAME, "").strip()
    if env:
        return _parse(env, "环境变量 / environment variable")
    setting = (settings or {}).get(NAME)
    if setting not in (None, ""):
        return _parse(setting, "设置 / setting")
    return cpus()
