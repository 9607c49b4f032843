"""Every finding of the personal-data detectors over the corpora and the demo data, pinned.

Why: the detectors are made cheaper from time to time (lazy regular expressions, memoised
lookups, fewer passes), and such a change must not move one finding. scripts/same_findings.py
hashes every finding over every sentence of tests/data/names and tests/data/leaks (alone and five
as one text of lines) and over every record of data/ (as it is and with its masked names written
out in full) as the gate reads them; tests/policy/findings.sha256 holds the hashes. A change
that alters detection on purpose (a new rule) rewrites that file with
`scripts/same_findings.py --write-digest` and says why in its commit; `--rev main --synth 3000`
compares two revisions input by input, on synthetic decisions too.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "same_findings.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("same_findings", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pinned() -> dict[str, str]:
    lines = (Path(__file__).parent / "findings.sha256").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ") for line in lines)}


@pytest.mark.parametrize("name", sorted(pinned()))
def test_findings_are_the_pinned_ones(name: str) -> None:
    got = _script().digests([name])[name]
    assert got == pinned()[name], (
        f"the detectors' findings over {name} changed; if that is meant (a new rule), run "
        f"scripts/same_findings.py --write-digest and say why in the commit, otherwise "
        f"scripts/same_findings.py --rev main shows which inputs differ (a package missing from "
        f"requirements.lock changes them too, e.g. the medicines' table: run make venv)")
