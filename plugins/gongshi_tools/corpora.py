"""Reading the labelled names corpora of tests/data/names/ (README there): one reader for the
scripts that evaluate and train the name detector (scripts/eval_names.py, train_names_model.py,
loso_names.py) and for the tests that pin its figures (tests/namecorpus.py), so that a file is
read the same way wherever it is counted."""
from __future__ import annotations

from pathlib import Path


def read_names(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(id, text, planted names) of every row of a names corpus file: a header line, then
    `id<TAB>planted<TAB>text` with the planted names joined by `|` (none: a clean row)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        rid, planted, text = line.split("\t")
        rows.append((rid, text, tuple(n for n in planted.split("|") if n)))
    return rows
