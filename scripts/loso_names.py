"""Leave-one-set-out cross-validation of the CRF name tagger's second opinion (names.py, round 7).

For each file of train_names_model.TRAINING_FILES: train the CRF on all the others, then measure
on the left-out file, as scripts/eval_names.py --gate counts (a planted name is found when its
exact span, first occurrence, is among the spans; a clean row is flagged when any span is):

* rules: gongshi.policy.names.detect (the rules alone, as on main);
* crf: the CRF's spans alone, through names.second_opinion's look-alike exceptions;
* union: the rules' spans and the CRF's that overlap none of them (names.second_opinion),
* window: the union as person_names runs it: the CRF asked only in windows around the rules'
  candidate starts (namecrf.window_spans, names.crf_slots),
* split LOW/HIGH: window at LOW, its spans outside a person's slot kept from HIGH up (round 9:
  names.CRF_WEAK_SLOT_THRESHOLD),
* wverb: window, and the CRF asked after every verb of two characters too (round 9:
  names.CRF_AFTER_VERBS),

each at every threshold of THRESHOLDS and, for crf and union, with whole sentences tagged and
the CRF's spans restricted to the rules' shapes (`shaped`: a surname or a dot) or not (`any`). The
left-out file's figures are what the model does on text it never saw; the rules were tuned on
every file, so their own figures here are not unseen ones (README of tests/data/names/).

Run: .venv/bin/python scripts/loso_names.py [--models DIR] [--reuse] [--json OUT] [--only FILE.tsv]… [--without FILE.tsv]… [--pool]
[--words] [--train-only] [--reverse]
(`--reuse`: keep a left-out model already in DIR; the models are deterministic.)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_names_model as tm  # noqa: E402

from gongshi.policy import namecrf, names  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
MODES = ("shaped", "any")
# Round 9: a low threshold in a person's slot (a role, a label, a verb that takes a person), a
# higher one elsewhere (names.CRF_WEAK_SLOT_THRESHOLD): {low: (high, …)}.
SPLIT = {0.3: (0.6, 0.7, 0.8), 0.4: (0.6, 0.7, 0.8), 0.5: (0.6, 0.7, 0.8, 0.9), 0.6: (0.7, 0.8, 0.9)}


def measure(rows: list[tuple[str, str, tuple[str, ...]]], tagger: object) -> dict[str, list[int]]:
    """Counts [found, planted, flagged, clean] per configuration."""
    out: dict[str, list[int]] = {}

    def add(key: str, got: list[tuple[int, int]], want: tuple[str, ...], text: str) -> None:
        c = out.setdefault(key, [0, 0, 0, 0])
        spans = {(text.index(n), text.index(n) + len(n)) for n in want}
        c[0] += len(spans & set(got))
        c[1] += len(spans)
        if not want:
            c[3] += 1
            c[2] += bool(got)
    for _, text, want in rows:
        rules = names.detect(text)
        add("rules", rules, want, text)
        blanked = names.blank(text)
        probs = namecrf.marginals(blanked, names._cfreq, names._tag, tagger)
        slots = names.crf_slots(blanked, rules, False)
        verb_slots = names.crf_slots(blanked, rules, True)
        for t in THRESHOLDS:
            windows = namecrf.window_spans(blanked, slots, t, names._cfreq, names._tag, tagger)
            add(f"window {t}", names.second_opinion(blanked, rules, windows), want, text)
            for weak in SPLIT.get(t, ()):
                add(f"split {t}/{weak}", names.second_opinion(blanked, rules, names.crf_slot_filter(blanked, windows, weak)), want, text)
            if verb_slots != slots:
                windows = namecrf.window_spans(blanked, verb_slots, t, names._cfreq, names._tag, tagger)
            add(f"wverb {t}", names.second_opinion(blanked, rules, windows), want, text)
            for mode in MODES:
                shaped = mode == "shaped"
                marked = namecrf.decode(probs, t)
                add(f"crf {mode} {t}", names.second_opinion(blanked, [], marked, shaped), want, text)
                add(f"union {mode} {t}", names.second_opinion(blanked, rules, marked, shaped), want, text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, default=Path("/tmp/gongshi-loso"))
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-augment", action="store_true", help="train without the augmented rows")
    ap.add_argument("--pool", action="store_true", help="augment with names drawn from a large pool (round 8's experiment)")
    ap.add_argument("--only", action="append", default=[], help="leave out only these files (repeat; default: each)")
    ap.add_argument("--without", action="append", default=[],
                    help="a file neither trained on nor measured (repeat): figures comparable with a run before it was added")
    ap.add_argument("--words", action="store_true",
                    help="with round 9's word-level features (namecrf.WORD_FEATURES; not the shipped model's)")
    ap.add_argument("--train-only", action="store_true", help="train the left-out models (missing ones, with --reuse), measure nothing")
    ap.add_argument("--reverse", action="store_true", help="the folds in reverse order (a second worker)")
    args = ap.parse_args()
    namecrf.WORD_FEATURES = args.words
    names._words()
    results: dict[str, dict[str, list[int]]] = {}
    files = [f for f in tm.TRAINING_FILES if f not in args.without]
    folds = [f for f in files if not args.only or f in args.only]
    for left in (reversed(folds) if args.reverse else folds):
        model = args.models / (left.removesuffix(".tsv") + ".crfsuite")
        if not (args.reuse and model.exists()):
            tmp = model.with_suffix(".tmp")
            tm.train([f for f in files if f != left], tmp, not args.no_augment, args.pool)
            tmp.replace(model)  # (a second worker sees a model only once it is whole)
        if args.train_only:
            print(f"{left}: trained", flush=True)
            continue
        tagger = namecrf.open_model(str(model))
        results[left] = measure(tm.rows(tm.DATA / left), tagger)
        r = results[left]["rules"]
        print(f"{left}: rules {r[0]}/{r[1]}, {r[2]}/{r[3]}", flush=True)
    if args.train_only:
        return
    pooled: dict[str, list[int]] = {}
    for per in results.values():
        for key, c in per.items():
            p = pooled.setdefault(key, [0, 0, 0, 0])
            for k in range(4):
                p[k] += c[k]
    print(f"{'configuration':<20}{'pooled recall':>14}{'flagged':>9}   per file (recall / flagged)")
    for key in pooled:
        f, n, fl, cl = pooled[key]
        per = "  ".join(f"{results[x][key][0] / max(1, results[x][key][1]):.3f}/{results[x][key][2] / max(1, results[x][key][3]):.3f}"
                        for x in folds)
        print(f"{key:<20}{f / n:>8.3f} {f:>4}/{n:<4}{fl / cl:>6.3f} {fl:>3}/{cl:<4} {per}")
    if args.json:
        args.json.write_text(json.dumps({"files": folds, "results": results}, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
