"""Prove that a change to the personal-data detectors changed no result: every finding over
fixed inputs, from this tree and from another revision, compared exactly.

Why: the detectors (policy/names.py, prose.py, detectors.py) are made cheaper from time to time
(lazy regular expressions, memoised lookups); such a change must not move a single finding.
The inputs are every corpus under tests/data/names and tests/data/leaks (each sentence alone,
and five at a time as one text of five lines, since the name detector reads a record's prose
as lines of one text), and the records of data folders (the demo's data/ and, with --synth N, N
synthetic decisions from gongshi_tools.synth, written to a temporary folder), each record read
by the gate (`checks.redaction.scan_record`) as it is and once more with its masked names
written out in full (韩某某 -> 韩志强), so that the name detector's positive path runs too.

  scripts/same_findings.py --rev main [--synth 3000]   this tree against main, exit 1 on a difference
  scripts/same_findings.py --digest                    sha256 of the findings per input set
  scripts/same_findings.py --write-digest              ... written to tests/policy/findings.sha256

tests/policy/test_findings_pinned.py compares --digest's corpora (not --synth) with that file,
so a change of behaviour is a deliberate, reviewed act: when a finding changes on purpose (a new
rule), run --write-digest and say why in the commit.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "policy" / "findings.sha256"
CORPORA = ("names", "leaks")
# Given characters for writing a masked name out in full (common ones, so the shapes fire).
GIVEN = "志强伟华明丽芳军勇敏静秀英杰涛斌超霞平刚桂兰玉梅红建国文海燕"


def corpus_texts(folder: str) -> Iterator[str]:
    """The text column (the last) of every row of every corpus in tests/data/<folder>."""
    for path in sorted((ROOT / "tests" / "data" / folder).glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                yield line.split("\t")[-1]


def _match(m: Any) -> list[Any]:
    return [m.kind, m.start, m.end, m.text, m.mask]


def corpus_lines(folder: str) -> Iterator[str]:
    """One JSON line per input text: its names' spans and every other detector's matches."""
    from gongshi.policy import detectors as d
    from gongshi.policy import names

    texts = list(corpus_texts(folder))
    joined = ["\n".join(texts[k:k + 5]) for k in range(0, len(texts), 5)]
    for text in texts + joined:
        yield json.dumps([text, names.person_names(text), [_match(m) for m in d.detect(text)]], ensure_ascii=False)


def _written_out(value: Any, rng: random.Random) -> Any:
    """A record's data with every masked name written out in full (韩某某 -> 韩志强)."""
    if isinstance(value, str):
        return re.sub("(?<=[\u4e00-\u9fff])某某?", lambda m: "".join(rng.choice(GIVEN) for _ in m.group()), value)
    if isinstance(value, dict):
        return {k: _written_out(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [_written_out(v, rng) for v in value]
    return value


def record_lines(data: str) -> Iterator[str]:
    """One JSON line per record of a data folder (and per its written-out twin): the gate's leaks."""
    from gongshi.checks.redaction import scan_record
    from gongshi.model.dataset import load
    from gongshi.model.kinds import KINDS

    ds = load(data, 1)
    rng = random.Random(20)
    for kind in KINDS:
        for rec in ds.of(kind):
            twin = dataclasses.replace(rec, data=_written_out(rec.data, rng))
            for r in (rec, twin):
                leaks = [[list(map(str, lk.keys)), *_match(lk.match)] for lk in scan_record(r, ds.policy)]
                yield json.dumps([os.path.relpath(r.file, data), leaks], ensure_ascii=False)


def dump(sets: list[str], out: Path) -> None:
    """Write each input set's lines to out/<set>.jsonl (a set: a corpus, or label=data folder)."""
    for name in sets:
        key, _, folder = name.partition("=")
        lines = corpus_lines(name) if name in CORPORA else record_lines(folder)
        (out / f"{key}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def digests(sets: list[str] | None = None) -> dict[str, str]:
    """sha256 of the findings of each corpus and of the demo data (the pinned test's figures)."""
    out = {}
    for name in sets or [*CORPORA, "data"]:
        lines = corpus_lines(name) if name in CORPORA else record_lines(str(ROOT / name))
        out[name] = hashlib.sha256("".join(line + "\n" for line in lines).encode("utf-8")).hexdigest()
    return out


def _run_dump(plugins: Path, sets: list[str], out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(plugins), GONGSHI_PROGRESS="0")
    subprocess.run([sys.executable, __file__, "--dump", str(out), "--plugins", str(plugins), "--", *sets],
                   check=True, env=env)


def compare(rev: str, synth: int) -> int:
    with tempfile.TemporaryDirectory(prefix="same-findings-") as tmp:
        base = Path(tmp)
        old = base / "old"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "plugins"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        sets = [*CORPORA, f"demo={ROOT / 'data'}"]
        if synth:
            sys.path.insert(0, str(ROOT / "plugins"))
            from gongshi_tools import synth as gen

            gen.generate(str(base / "synth"), decisions=synth, seed=7)
            sets.append(f"synth={base / 'synth'}")
        results = {}
        for label, plugins in (("old", old / "plugins"), ("new", ROOT / "plugins")):
            (base / label / "out").mkdir(parents=True)
            _run_dump(plugins, sets, base / label / "out")
            results[label] = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (base / label / "out").iterdir()}
        status = 0
        for name in sorted(results["old"]):
            a, b = results["old"][name], results["new"].get(name, [])
            diff = [k for k in range(max(len(a), len(b))) if a[k:k + 1] != b[k:k + 1]]
            print(f"{name}: {len(a)} inputs, {len(diff)} differ")
            for k in diff[:5]:
                print(f"  old: {a[k] if k < len(a) else '-'}\n  new: {b[k] if k < len(b) else '-'}")
            status |= bool(diff)
        return status


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rev", help="compare this tree's findings with this git revision's")
    ap.add_argument("--synth", type=int, default=0, help="with --rev: also N synthetic decisions")
    ap.add_argument("--digest", action="store_true", help="print the findings' sha256 per input set")
    ap.add_argument("--write-digest", action="store_true", help=f"write them to {DIGESTS.relative_to(ROOT)}")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--plugins", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("sets", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(args.plugins or ROOT / "plugins"))
    if args.dump:
        dump(args.sets, args.dump)
        return 0
    if args.rev:
        return compare(args.rev, args.synth)
    found = digests()
    text = "".join(f"{v}  {k}\n" for k, v in found.items())
    if args.write_digest:
        DIGESTS.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
