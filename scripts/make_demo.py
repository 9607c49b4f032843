#!/usr/bin/env python3
"""Regenerate the demo data in data/ from gongshi_tools.synth (deterministic: same code, same bytes).

    .venv/bin/python scripts/make_demo.py          # rewrite data/
    .venv/bin/python scripts/make_demo.py --check  # exit 1 when data/ differs from what synth makes

data/ is never edited by hand: change plugins/gongshi_tools/synth.py and run this, so the demo
stays reproducible (the test suite checks it with --check).
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from gongshi_tools import synth  # noqa: E402


def differences(a: str, b: str) -> list[str]:
    """Relative paths that differ, or exist on one side only, between two folders."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return sorted(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=os.path.join(ROOT, "data"))
    p.add_argument("--check", action="store_true", help="compare only; exit 1 when data/ is not synth's output")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "data")
        files = synth.generate(fresh)
        if args.check:
            diff = differences(args.data, fresh)
            for rel in diff:
                print(f"differs: {rel}", file=sys.stderr)
            return 1 if diff else 0
        shutil.rmtree(args.data, ignore_errors=True)
        shutil.copytree(fresh, args.data)
    print(f"{files} files written to {args.data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
