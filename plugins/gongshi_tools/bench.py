"""The benchmark: synthetic archives of any size, `gongshi validate` and `gongshi build` timed.

Each size is generated once by synth (deterministic) into `.cache/bench/<n>/data` and reused
while the generator is unchanged. Every step runs as its own `gongshi` process, as a clerk or a
CI job runs it, so the figures include start-up; wall time is measured around the process and
peak memory comes from the kernel's accounting of that process and the workers it forked and
waited for (`os.wait4`, ru_maxrss: the largest single process, not their sum).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from typing import Iterable

from gongshi.runtime import workers

from . import synth, synthvocab

AS_OF = synth.DEMO_AS_OF
STEPS = ("validate", "build")
# Issue 2's budget: validating 100,000 decisions takes under 60 s on 2 cores.
BUDGET = {("validate", 100_000): 60.0}


@dataclass
class Run:
    """One timed step on one archive."""

    decisions: int
    files: int
    step: str
    seconds: float
    peak_rss_mb: float
    exit: int
    budget: float | None = None
    cpu_seconds: float = 0.0  # user + system time of the process and its workers
    load: float = 0.0         # the machine's 1-minute load average when the step started

    @property
    def within_budget(self) -> bool | None:
        return None if self.budget is None else self.seconds <= self.budget and self.exit in (0, 1)


def generator_version() -> str:
    """A hash of the generator (synth, its vocabulary and the YAML writer): archives made by
    another generator are made again."""
    from gongshi.model import yamlwrite
    h = hashlib.sha256()
    for mod in (synth, synthvocab, yamlwrite):
        with open(mod.__file__ or "", "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


def archive(n: int, cache: str, log=None) -> tuple[str, int]:
    """The data folder of a synthetic archive of `n` decisions (made when missing) and its file count."""
    base = os.path.join(cache, str(n))
    data = os.path.join(base, "data")
    stamp = os.path.join(base, "archive.json")
    want = {"decisions": n, "seed": 2026, "as_of": AS_OF.isoformat(), "generator": generator_version()}
    try:
        with open(stamp, encoding="utf-8") as fh:
            have = json.load(fh)
        if {k: have.get(k) for k in want} == want and os.path.isdir(data):
            return data, int(have["files"])
    except (OSError, ValueError, KeyError):
        pass
    if log:
        log(f"生成 {n} 个决定的合成数据 / generating {n} synthetic decisions into {data} …")
    shutil.rmtree(base, ignore_errors=True)
    tmp = data + ".tmp"
    files = synth.generate(tmp, decisions=n, seed=want["seed"], as_of=AS_OF)
    os.replace(tmp, data)
    with open(stamp, "w", encoding="utf-8") as fh:
        json.dump({**want, "files": files}, fh)
    return data, files


def gongshi_command() -> list[str]:
    """How to start `gongshi`: the installed entry point next to this Python, else through it."""
    script = os.path.join(os.path.dirname(sys.executable), "gongshi")
    if os.path.exists(script):
        return [script]
    return [sys.executable, "-c", "import sys; from gongshi.cli import main; sys.exit(main())"]


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB, exit code and CPU seconds of one process (and the workers
    it forked and waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux
    return seconds, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def step_command(step: str, data: str, output: str) -> list[str]:
    cmd = gongshi_command()
    if step == "validate":
        return [*cmd, "validate", data, "--as-of", AS_OF.isoformat(), "-o", "json"]
    return [*cmd, "build", "--data", data, "--output", output, "--as-of", AS_OF.isoformat()]


def bench(sizes: Iterable[int], steps: Iterable[str] = STEPS, cache: str = ".cache/bench",
          parse_cache: bool = False, log=None) -> list[Run]:
    """Time every step on an archive of every size; the parse cache is off unless asked for."""
    env = dict(os.environ, GONGSHI_CACHE="1" if parse_cache else "0", GONGSHI_PROGRESS="0",
               GONGSHI_CACHE_DIR=os.path.abspath(os.path.join(cache, "records")))
    runs = []
    for n in sizes:
        data, files = archive(n, cache, log)
        output = os.path.join(cache, str(n), "output")
        for step in steps:
            if log:
                log(f"{step} {n} …")
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
            seconds, peak, code, cpu = measure(step_command(step, data, output), env)
            runs.append(Run(n, files, step, round(seconds, 2), round(peak, 1), code, BUDGET.get((step, n)),
                            round(cpu, 2), round(load, 1)))
        shutil.rmtree(output, ignore_errors=True)
    return runs


def cpus() -> int:
    return workers.cpus()


def to_json(runs: list[Run], parse_cache: bool = False) -> str:
    doc = {"as_of": AS_OF.isoformat(), "cpus": cpus(), "python": sys.version.split()[0],
           "parse_cache": parse_cache, "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
           "runs": [{**asdict(r), "within_budget": r.within_budget} for r in runs]}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_text(runs: list[Run], parse_cache: bool = False) -> str:
    head = ("决定数 decisions", "文件 files", "步骤 step", "耗时 wall s", "CPU s", "峰值内存 peak MB",
            "负载 load", "退出码 exit")
    rows = [(f"{r.decisions:,}", f"{r.files:,}", r.step, f"{r.seconds:.2f}", f"{r.cpu_seconds:.2f}",
             f"{r.peak_rss_mb:.0f}", f"{r.load:.1f}", str(r.exit)) for r in runs]
    widths = [max(_width(c) for c in col) for col in zip(head, *rows)]
    lines = ["  ".join(_pad(c, w, i) for i, (c, w) in enumerate(zip(row, widths))) for row in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for r in runs:
        if r.budget is not None:
            mark = "✓" if r.within_budget else "✗"
            lines.append(f"{mark} {r.step} {r.decisions:,}: {r.seconds:.1f} s（预算 budget {r.budget:.0f} s）")
    lines.append(f"CPU {cpus()}，Python {sys.version.split()[0]}，解析缓存 parse cache "
                 f"{'on' if parse_cache else 'off'}，核对日期 as of {AS_OF}")
    if any(r.load > cpus() for r in runs):
        lines.append("注意：测量时机器负载高于 CPU 数，耗时偏长；CPU s 受影响较小 / "
                     "note: the machine was busier than its CPUs, wall times are inflated; CPU s much less so")
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, col: int) -> str:
    gap = " " * (width - _width(text))
    return text + gap if col == 2 else gap + text
