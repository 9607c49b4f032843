"""Train the character-level CRF name tagger (gongshi.policy.namecrf) from tests/data/names/.

Every labelled file there is used (TRAINING_FILES, in this order; the held-out sets among them are
spent: each was measured once and studied since, README there), every row in file order, as
the detector sees it: after names.blank (titles, short quotes), sentence by sentence as namecrf
tags, with every occurrence of each planted name labelled B/I and everything else O (a masked
name is O). CRFsuite's L-BFGS with fixed parameters (PARAMS) and a fixed order, so the same
files give the same model file, byte for byte (tests/policy/test_namecrf.py pins its sha256).

Run: .venv/bin/python scripts/train_names_model.py [--out PATH] [--leave-out FILE.tsv]
(default out: plugins/gongshi/policy/data/names.crfsuite; --leave-out drops one file, for
scripts/loso_names.py).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import pycrfsuite  # noqa: E402

from gongshi.policy import namecrf, names  # noqa: E402
from gongshi.policy.surnames import COMPOUND, SINGLE  # noqa: E402
from eval_names import load_corpus  # noqa: E402  (scripts/, beside this file)

DATA = ROOT / "tests" / "data" / "names"
# Every labelled names file, in a fixed order (the order is part of the model's identity).
TRAINING_FILES = (
    "corpus.tsv", "design.tsv", "design2.tsv", "tune.tsv", "tune3.tsv", "tune4.tsv", "tune5.tsv", "tune6.tsv",
    "heldout.tsv", "heldout2.tsv", "heldout3.tsv", "heldout4.tsv", "heldout6.tsv", "heldout7.tsv",
    "heldout8.tsv",
)
# L1 keeps the model small (most features weigh nothing) and the file a few hundred kB; 150
# iterations of L-BFGS converge on these ~7,000 rows (more change the fifth decimal).
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


# (id, text, planted names) of every row of a corpus file: the evaluation's own reader.
rows = load_corpus


def augmented(files: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """Clean rows of `files` with their masked names (张某某, 欧阳某) written out in full, each
    with a name planted in `files` (a fixed shuffle): a person's slot seen with many more names,
    words among them, than the planted rows hold. Rows without a masked name give nothing."""
    pool = sorted({n for f in files for _, _, planted in rows(DATA / f) for n in planted
                   if 2 <= len(n) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in n)})
    random.Random(7).shuffle(pool)
    masked = re.compile("(?:" + "|".join(COMPOUND) + "|[" + "".join(sorted(SINGLE)) + "])(?:某某|某[甲乙丙丁]?|××|×)")
    out, k = [], 0
    for f in files:
        for rid, text, planted in rows(DATA / f):
            if planted or not masked.search(text):
                continue
            used: list[str] = []

            def full(m: re.Match[str]) -> str:
                nonlocal k
                name = pool[k % len(pool)]
                k += 1
                used.append(name)
                return name
            out.append((rid + "+", masked.sub(full, text), tuple(used)))
    return out


def sequences(files: list[str], augment: bool = True) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every taggable sentence of every row of `files`, in order (then the
    augmented rows, with `augment`)."""
    names._words()
    out = []
    extra = augmented(files) if augment else []
    for name in files + ["+"]:
        for _, text, planted in (rows(DATA / name) if name != "+" else extra):
            blanked = names.blank(text)
            y = namecrf.labels(blanked, [p for p in planted if p in blanked])
            for off, s in namecrf.sentences(blanked):
                out.append((namecrf.features(s, names._freq, names._tag), y[off:off + len(s)]))
    return out


def train(files: list[str], out: Path, augment: bool = True) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in sequences(files, augment):
        trainer.append(x, y)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(namecrf.MODEL))
    ap.add_argument("--leave-out", action="append", default=[], help="a file of TRAINING_FILES not to train on")
    args = ap.parse_args()
    unknown = set(args.leave_out) - set(TRAINING_FILES)
    if unknown:
        sys.exit(f"not a training file: {', '.join(sorted(unknown))} (one of {', '.join(TRAINING_FILES)})")
    files = [f for f in TRAINING_FILES if f not in args.leave_out]
    train(files, args.out)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes, trained on {len(files)} files")


if __name__ == "__main__":
    main()
