"""Measure the personal-data detectors other than names on a leaks corpus (issue 20).

A corpus is a TSV with a header `id, class, secret, text` (tests/data/leaks/): `class` is the
kind of personal data planted (address, health, id_card, other_id, phone, email, bank, plate)
or `clean` for a row with none, `secret` the planted characters exactly as they stand in the
text. For each class this prints:

* caught: share of rows where one finding of `gongshi.policy.detectors.detect` covers the
  whole secret (its span starts at or before the secret and ends at or after it: a finding on
  half an ID does not count, since the mask would leave the other half readable);
* for `clean`: share of rows with any finding that blocks (every kind but a credit code's check
  digit, which is a warning).

Names are not measured here (scripts/eval_names.py does that): the figures are those of the
detectors a record's text goes through before the name model.

Run: .venv/bin/python scripts/eval_leaks.py [tests/data/leaks/tune.tsv] [-v] [-o json] [--speed]
`-v` lists the misses and false alarms. `--speed` also prints the detectors' chars/s (CPU time,
the answer cache bypassed) on realistic text (the facts, results and titles of the demo
decisions under data/, as scripts/eval_names.py reads them: mostly text with nothing to find,
like the 100,000 decisions the gate reads) and on the corpus itself (every row has a cue). Use it on tune.tsv while working; the held-out file is
measured once, for the report, and never used to change the detectors.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from gongshi.policy import detectors as d  # noqa: E402


@dataclass
class Tally:
    """Rows of one class, and how many were caught (planted) or flagged (clean)."""

    rows: int = 0
    hits: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.hits / self.rows if self.rows else 0.0


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def covered(text: str, secret: str) -> bool:
    """Whether one blocking finding covers the secret's first occurrence in the text."""
    at = text.find(secret)
    if at < 0:
        raise ValueError(f"secret {secret!r} is not in its text {text!r}")
    end = at + len(secret)
    return any(m.start <= at and end <= m.end for m in d.detect(text) if m.kind != d.CREDIT_CODE)


def flagged(text: str) -> bool:
    return any(m.kind != d.CREDIT_CODE for m in d.detect(text))


def measure(path: Path) -> dict[str, Tally]:
    """Per class, the tally of one corpus (classes in sorted order, clean last)."""
    out: dict[str, Tally] = {}
    for row in read(path):
        cls = row["class"]
        tally = out.setdefault(cls, Tally())
        tally.rows += 1
        hit = flagged(row["text"]) if cls == "clean" else covered(row["text"], row["secret"])
        tally.hits += hit
        if hit == (cls == "clean"):
            found = [(m.kind, m.text) for m in d.detect(row["text"])]
            tally.misses.append(f"{row['id']}\t{row['text']}\t{found}")
    return {k: out[k] for k in sorted(out, key=lambda c: (c == "clean", c))}


def realistic_text() -> list[str]:
    """Free-text fields of the demo decisions under data/ (the same as scripts/eval_names.py)."""
    import yaml
    out = []
    for path in sorted((ROOT / "data").glob("agencies/*/decisions/**/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out.extend(doc[k] for k in ("facts", "result", "title") if isinstance(doc.get(k), str))
    return out


def speed(texts: list[str], min_chars: int = 2_000_000) -> float:
    """chars/s of the detectors over `texts` (CPU time; the per-text answer cache bypassed)."""
    import time
    run = d._detect.__wrapped__  # type: ignore[attr-defined]
    for t in texts:  # warm-up: compiled patterns and tables
        run(t, (), frozenset(), False)
    size = sum(map(len, texts))
    reps = max(1, min_chars // max(1, size))
    t0 = time.process_time()
    for _ in range(reps):
        for t in texts:
            run(t, (), frozenset(), False)
    return reps * size / max(1e-9, time.process_time() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "data" / "leaks" / "tune.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    ap.add_argument("-o", "--output", choices=["text", "json"], default="text")
    ap.add_argument("--speed", action="store_true", help="also print chars/s on realistic text and the corpus")
    args = ap.parse_args(argv)
    result = measure(Path(args.corpus))
    if args.output == "json":
        print(json.dumps({k: {"rows": t.rows, "hits": t.hits} for k, t in result.items()}, indent=1))
        return 0
    print(f"{'class':10} {'rows':>5} {'caught':>7}   (clean: flagged)")
    for cls, t in result.items():
        print(f"{cls:10} {t.rows:5d} {t.hits:4d} = {t.share:6.1%}")
    planted = [t for c, t in result.items() if c != "clean"]
    rows, hits = sum(t.rows for t in planted), sum(t.hits for t in planted)
    print(f"{'all':10} {rows:5d} {hits:4d} = {hits / rows if rows else 0:6.1%}")
    if args.verbose:
        for cls, t in result.items():
            for miss in t.misses:
                print(f"{'FALSE ALARM' if cls == 'clean' else 'MISS'} {cls}\t{miss}")
    if args.speed:
        real, corpus = realistic_text(), [r["text"] for r in read(Path(args.corpus))]
        print(f"chars/s real {speed(real):,.0f} ({sum(map(len, real))} chars), "
              f"corpus {speed(corpus, 500_000):,.0f} ({sum(map(len, corpus))} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
