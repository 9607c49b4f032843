"""Measure the live preview (`gongshi serve --watch`): startup, and the time from saving a
decision file to its fresh page being served, on a copy of a (synthetic) data folder.

    python scripts/live_latency.py DATA_COPY [--as-of 2026-11-22] [--trials 10] [--gap 3]

DATA_COPY is edited (one line added to the `facts` of a few decisions): give a copy, e.g. of
`.cache/bench/100000/data`. The server is started as a child process on a free port.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--as-of", default="2026-11-22")
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--gap", type=float, default=3.0, help="seconds between saves")
    args = ap.parse_args()
    port = free_port()
    gongshi = os.path.join(os.path.dirname(sys.executable), "gongshi")
    started = time.perf_counter()
    proc = subprocess.Popen([gongshi, "serve", "--watch", "--data", args.data, "--as-of", args.as_of,
                             "--port", str(port), "--output", os.path.join(args.data, "..", "no-output")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    assert proc.stdout is not None
    for line in proc.stdout:
        print("  server:", line.rstrip())
        if "live preview" in line:
            break
    startup = time.perf_counter() - started
    base = f"http://127.0.0.1:{port}/"
    files = sorted(glob.glob(os.path.join(args.data, "agencies", "*", "decisions", "*", "*.yml")))
    rng = random.Random(14)
    times: list[float] = []
    try:
        while len(times) < args.trials:
            path = rng.choice(files)
            rel = os.path.relpath(path, os.path.join(args.data, "agencies")).split(os.sep)
            url = base + f"{rel[0]}/decisions/{rel[2]}/{rel[3][:-4]}.html"
            if get(url)[0] != 200:
                continue  # not public on the day
            marker = f"实时预览测量{len(times)}-{time.time_ns()}"
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            if "facts: |-\n" not in text:
                continue
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text.replace("facts: |-\n", f"facts: |-\n  {marker}。\n", 1))
            saved = time.perf_counter()
            while marker not in get(url)[1]:
                if time.perf_counter() - saved > 30:
                    raise SystemExit(f"no fresh page after 30 s: {url}")
                time.sleep(0.005)
            times.append(time.perf_counter() - saved)
            print(f"  save -> fresh page: {times[-1] * 1000:.0f} ms  {url}")
            time.sleep(args.gap)
        with open(f"/proc/{proc.pid}/status") as fh:
            peak = next((ln.split()[1] for ln in fh if ln.startswith("VmHWM")), "?")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"startup (load, check, publish, plan) {startup:.1f} s; peak memory {int(peak) / 1024:.0f} MB")
    print(f"save -> fresh page over {len(times)} saves: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
