"""A learned second opinion on names: a character-level CRF tagger (issue 20, part 3, round 7).

Why: six rounds of rules (names.py) lifted each set they studied to ~0.98 and text written after
them by a point or two; the issue asks for "a segmenter or tagger as evidence rather than
gatekeeper, cues as boosters". This module is that tagger, learned instead of written: a linear
chain CRF (CRFsuite, through `python-crfsuite`) that labels every character B (a name starts), I
(inside one) or O, trained by scripts/train_names_model.py on every labelled row of
tests/data/names/ (all of them spent as held-out sets, so learning from them costs nothing).

Its evidence is the rules' evidence, as features rather than decisions, so that the model weighs
it: the character and its neighbours (±3) and bigrams; whether a surname of surnames.py
(single, compound) starts here; how often names use the character (givenchars.py, in buckets);
the word of jieba's dictionary that covers it by a forward longest match (its position B/M/E/S,
its length, its tag: nr is evidence, v or n against) — read from lexicon.py's cache, the same
answers as jieba's, so jieba itself is never loaded for this; a cue of namecues.py (a role or a
preposition ending right before, a person's predicate or description starting right after); a
masked name (某, *, ×) nearby; a middle dot, Latin letters, digits, a clause start.

Round 8 tried to make the model learn slots rather than names and measured it by the same
leave-one-set-out validation (names.py's docstring has the figures): rows written again with
names drawn from a large pool (scripts/train_names_model.py --pool) and two more features (the
kind of surname: common, rare, traditional; the use-in-names buckets of the two characters after
a surname). The CRF alone generalised better (0.858 → 0.876 recall at marginal 0.8, fewer false
alarms), but the gate, the union with the rules, gained nothing (5056 → 5055 of 5116 names, 80 →
92 of 3831 clean rows flagged at 0.6), so the shipped model is trained as in round 7 and the
features were left out. The training order is fixed (labels: names by length, then by text),
so the model is byte-identical whatever the hash seed.

Round 9 tried word-level evidence, measured by the same validation (each fold's model trained on
the 17 other files with and without them, on the eight folds both had in the time; names.py's
docstring has the figures):
jieba's own segmentation (`words`: the dictionary's most probable route, as `jieba.cut(s,
HMM=False)` reads it, computed from lexicon.py's cache so that jieba is never loaded) giving
each character its word's position, length, tag and frequency band, the tags of the words
before and after, and at a word's edge the neighbouring word itself (the verb or preposition
before a name, 询问/委托/租给; the word after it, 签字/驾驶), learned from the data rather than
listed (`_word_features`). The CRF alone and the gate moved by a name or two either way per file
(heldout11 +1, heldout8 -1, design2 -1, the others equal), and the features cost the gate 10-18%
of its speed (more strings per character for CRFsuite to read), so they are off
(WORD_FEATURES, `scripts/loso_names.py --words` and `scripts/train_names_model.py --words` to
measure them again) and the model is trained as in round 7, now on 19 files.

A span starts where P(B) ≥ t and runs while P(I) ≥ t; its score is the smallest of those
marginals. names.py decides what to do with them (the look-alike exceptions still apply there).

The model is trained sentence by sentence (split after 。；！？ and newlines; only sentences
holding something a name could start with: a surname character, a middle dot, a capital Latin
letter, a minority name's first syllable). The gate does not tag whole sentences: tagging costs
~6 µs a character in Python and C, twice the rules' whole cost on decisions' text (a cold check
of 10,000 synthetic decisions took 2.4 times main's CPU so). `window_spans` tags only a window
of a few characters around the places the rules say a name can begin (a surname after a clause
start, a role or a preposition: names._CANDIDATE_RE), merged where they overlap and never across
a sentence's end, and remembers a window's answer (set phrases recur). Measured by the same
leave-one-set-out validation, the windows keep all but five of the whole sentences' gains and
six fewer false alarms.

The model is a package file (policy/data/names.crfsuite), opened once per process on first use
(CRFsuite maps it; a few ms). Missing, unreadable, or `python-crfsuite` not installed is a broken
installation, and the gate fails closed on it: `ModelMissing`, which the command line reports in
one line and which stops validate and the build, rather than a quietly weaker gate (names.py's
CRF_THRESHOLD = None is the one way to run the rules alone).
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from gongshi.policy import givenchars
from gongshi.policy.namecues import CLAUSE_START, PERSON_PREDICATE_RE, PREPOSITIONS, ROLES, STRONG_RIGHT
from gongshi.policy.surnames import COMPOUND, DOTS, JAPANESE, RUN_START, SINGLE
from gongshi.runtime import lazyre as re

Span = tuple[int, int]
Lookup = Callable[[str], int]
TagLookup = Callable[[str], str]

MODEL = os.path.join(os.path.dirname(__file__), "data", "names.crfsuite")
LABELS = ("B", "I", "O")
_MASK = frozenset("某×xX＊*○〇Ｘ□■")
_FILL = "\x00"  # names.blank's filler (titles, short quotes, public strings)
_SENTENCE_RE = re.compile(r"[^。；;！？!?\n]*[。；;！？!?\n]?")
_COMPOUND = frozenset(COMPOUND) | frozenset(JAPANESE)
_DOTS = frozenset(DOTS + ".")
# What a span the rules would read begins with: a surname or a compound one (names.second_opinion's
# `shaped`; a minority name's first syllable too read 阿尔茨海默病 as a name).
STARTS = SINGLE | {c[0] for c in _COMPOUND}
# Sentences worth tagging (and training on): a minority name's first syllable too.
_STARTS = STARTS | RUN_START | frozenset(DOTS)
_ROLE_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, ROLES), key=len, reverse=True)) + ")")
_PREP_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, PREPOSITIONS), key=len, reverse=True)) + ")")
_WORD = 20  # jieba frequency from which a string is a word (names._WORD)
# Round 9: the word-level features of jieba's segmentation (_word_features). Off: by
# leave-one-set-out validation they changed the gate by a name or two either way on each file and
# cost the gate ~15% of its speed (the module's docstring); kept as the trainer's switch
# (scripts/loso_names.py --words) for the next round. The shipped model is trained without them,
# so turning them on needs a model trained with them.
WORD_FEATURES = False


@lru_cache(maxsize=1 << 14)
def _kind(ch: str) -> str:
    """A character's class: Han, mask, digit, Latin, dot, filler, clause start or other."""
    if ch in _MASK and not ch.isascii() or ch in "*＊×":
        return "M"
    if "\u3400" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "U" if ch.isupper() else "L"
    if ch in DOTS or ch == ".":
        return "."
    if ch == _FILL:
        return "F"
    if ch in CLAUSE_START:
        return "P"
    return "X"


@lru_cache(maxsize=1 << 14)
def _bucket(ch: str) -> str:
    """How often given names use the character, on a log scale (givenchars.py)."""
    n = givenchars.uses(ch)
    if n is None:
        return "?"
    return str(min(6, int(math.log10(n + 1))))


def _segment(s: str, freq: Lookup, tag: TagLookup) -> list[tuple[str, int, str]]:
    """Per character: its position in the dictionary word that covers it by a forward longest
    match (B, M, E, or S for a single character), the word's length and its tag."""
    out: list[tuple[str, int, str]] = []
    i, n = 0, len(s)
    while i < n:
        for k in (4, 3, 2):
            w = s[i:i + k]
            if len(w) == k and freq(w) >= _WORD:
                t = tag(w)[:2] or "-"
                out.append(("B", k, t))
                out.extend(("M", k, t) for _ in range(k - 2))
                out.append(("E", k, t))
                i += k
                break
        else:
            out.append(("S", 1, "-"))
            i += 1
    return out


# jieba's dictionary total (dict.txt's frequencies summed: jieba.dt.total), the denominator of
# its word probabilities; a constant, so that the route needs no pass over the dictionary.
_LOG_TOTAL = math.log(60_101_967)
_ROUTE_MAX = 4  # the longest word the route tries (longer ones are names of organisations, laws)


def words(s: str, freq: Lookup) -> list[tuple[int, int]]:
    """(start, end) of the words of jieba's own segmentation without its HMM (`jieba.cut(s,
    HMM=False)`): the route through the dictionary's words that maximises the product of their
    probabilities, read backwards as jieba's `Tokenizer.calc` does (a tie goes to the longer
    word), over the words of lexicon.py's cache (`freq` answers single characters too) up to
    four characters. Round 9: the word a character stands in, and the words around it, as the
    CRF's evidence (a forward longest match, `_segment`, reads 询问王|国强 where jieba reads
    询问|王国强)."""
    n = len(s)
    best = [0.0] * (n + 1)
    end = list(range(1, n + 2))
    for i in range(n - 1, -1, -1):
        one = _logp(freq, s[i])
        top, stop = (one if one is not None else -_LOG_TOTAL) + best[i + 1], i + 1
        for k in range(2, min(_ROUTE_MAX, n - i) + 1):
            lp = _logp(freq, s[i:i + k])
            if lp is not None:
                v = lp + best[i + k]
                if v >= top:
                    top, stop = v, i + k
        best[i], end[i] = top, stop
    out = []
    i = 0
    while i < n:
        out.append((i, end[i]))
        i = end[i]
    return out


@lru_cache(maxsize=1 << 16)
def _logp(freq: Lookup, w: str) -> float | None:
    """log P(w) as jieba weighs a word on its route; None for a string of two characters or more
    that is no word (a single character always stands, with frequency 1 when unknown)."""
    f = freq(w)
    if f <= 0:
        return None if len(w) > 1 else -_LOG_TOTAL
    return math.log(f) - _LOG_TOTAL


@lru_cache(maxsize=1 << 16)
def _band(freq: Lookup, w: str) -> str:
    """The word's frequency in jieba's dictionary, on a log scale."""
    return str(min(7, int(math.log10(freq(w) + 1))))


def _word_features(s: str, freq: Lookup, tag: TagLookup) -> list[list[str]]:
    """Per character, the word-level evidence of round 9 (words()): its position in its word (B,
    M, E, S) with the word's length, the word's tag and frequency band, the tags of the words
    before and after it, and at a word's edge the neighbouring word itself when it has two
    characters or more (the verb or preposition before a name: 询问, 委托, 租给; what follows
    it: 签字, 证实, 驾驶), learned from the data rather than listed."""
    ws = [s[a:b] for a, b in words(s, freq)]
    tags = [tag(w)[:2] or "-" for w in ws]
    out: list[list[str]] = []
    last = len(ws) - 1
    for k, w in enumerate(ws):
        t = tags[k]
        band = _band(freq, w)
        prev = ws[k - 1] if k else ""
        nxt = ws[k + 1] if k < last else ""
        pt = tags[k - 1] if k else "^"
        nt = tags[k + 1] if k < last else "$"
        n = len(w)
        for i in range(n):
            pos = "S" if n == 1 else "B" if i == 0 else "E" if i == n - 1 else "M"
            f = ["jw=" + pos + str(n), "jt=" + pos + t, "jf=" + pos + band, "jp=" + pt, "jn=" + nt]
            if i == 0 and len(prev) >= 2:
                f.append("lw=" + prev)
            if i == n - 1 and len(nxt) >= 2:
                f.append("rw=" + nxt)
            out.append(f)
    return out


def features(s: str, freq: Lookup, tag: TagLookup) -> list[list[str]]:
    """The feature strings of every character of one sentence (see the module's docstring)."""
    n = len(s)
    pad = "^^^" + s + "$$$"
    kinds = [_kind(c) for c in s]
    seg = _segment(s, freq, tag)
    wf = _word_features(s, freq, tag) if WORD_FEATURES else [[] for _ in s]
    role_end: set[int] = {m.end() for m in _ROLE_RE.finditer(s)}
    prep_end: set[int] = {m.end() for m in _PREP_RE.finditer(s)}
    pred_at: set[int] = set()
    for k in range(1, n):
        if kinds[k - 1] == "H" and (PERSON_PREDICATE_RE.match(s, k) or STRONG_RIGHT.match(s, k)):
            pred_at.add(k)
    buckets = [_bucket(c) for c in s]
    out = []
    for i in range(n):
        c = s[i]
        p = i + 3
        w = pad[p - 3:p + 4]
        pos, wl, wt = seg[i]
        f = [
            "c=" + c, "k=" + kinds[i], "g=" + buckets[i],
            "c-1=" + w[2], "c+1=" + w[4], "c-2=" + w[1], "c+2=" + w[5], "c-3=" + w[0], "c+3=" + w[6],
            "b-1=" + w[2:4], "b+1=" + w[3:5], "b-2=" + w[1:3], "b+2=" + w[4:6],
            "t=" + w[2:5],
            "w=" + pos + str(wl), "wt=" + pos + wt,
            "k-1=" + (kinds[i - 1] if i else "^"), "k+1=" + (kinds[i + 1] if i + 1 < n else "$"),
            "g+1=" + (buckets[i + 1] if i + 1 < n else "$"), "g-1=" + (buckets[i - 1] if i else "^"),
        ]
        if c in SINGLE:
            f.append("sur")
        if s[i:i + 2] in _COMPOUND:
            f.append("sur2")
        if i and s[i - 1] in SINGLE:
            f.append("sur-1")
        if i > 1 and s[i - 2] in SINGLE:
            f.append("sur-2")
        if i in role_end:
            f.append("role<")
        if i in prep_end:
            f.append("prep<")
        for d in (1, 2, 3, 4):
            if i + d in pred_at:
                f.append(f"pred>{d}")
        if (i + 1 < n and kinds[i + 1] == "M") or (i + 2 < n and kinds[i + 2] == "M"):
            f.append("mask>")
        if (i and kinds[i - 1] == "M") or (i > 1 and kinds[i - 2] == "M"):
            f.append("mask<")
        out.append(f + wf[i])
    return out


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) of every sentence worth tagging: one that holds a character a name can
    start with (a surname, a minority name's first syllable, a dot, a capital Latin letter)."""
    for m in _SENTENCE_RE.finditer(text):
        s = m.group()
        if len(s) < 2:
            continue
        if any(c in _STARTS for c in s) or any("A" <= c <= "Z" for c in s):
            yield m.start(), s


def labels(text: str, names: Iterator[str] | list[str] | tuple[str, ...]) -> list[str]:
    """BIO labels of `text` with every occurrence of each planted name labelled (training)."""
    y = ["O"] * len(text)
    for name in sorted(set(names), key=lambda x: (-len(x), x)):  # a fixed order, not a set's
        start = text.find(name)
        while start >= 0:
            if all(v == "O" for v in y[start:start + len(name)]):
                y[start] = "B"
                for k in range(start + 1, start + len(name)):
                    y[k] = "I"
            start = text.find(name, start + 1)
    return y


class ModelMissing(RuntimeError):
    """The names model or its library is missing: the installation is broken (fail closed)."""


@lru_cache(maxsize=1)
def _opened() -> Any:
    """The CRFsuite tagger over the package's model, opened once; ModelMissing when it cannot be."""
    tagger = open_model(MODEL)
    if tagger is None:
        raise ModelMissing(
            f"姓名识别模型 {MODEL} 或 python-crfsuite 无法打开，个人信息检查不能完整进行；请重新安装（make venv） / "
            f"the names model {MODEL} or python-crfsuite cannot be opened, so the personal-data check "
            "cannot run in full; reinstall (make venv)")
    return tagger


def open_model(path: str) -> Any:
    """A CRFsuite tagger over the model file at `path`, or None (no file, no library)."""
    try:
        import pycrfsuite  # type: ignore[import-untyped]
    except ImportError:
        return None
    if not os.path.exists(path):
        return None
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except (OSError, ValueError):
        return None
    return tagger


def available() -> bool:
    """The model and the library are there (ModelMissing otherwise: never a quiet False)."""
    return _opened() is not None


def marginals(text: str, freq: Lookup, tag: TagLookup, tagger: Any = None) -> list[tuple[float, float]]:
    """(P(B), P(I)) of every character of `text` (0, 0 in sentences not tagged)."""
    tagger = tagger if tagger is not None else _opened()
    out = [(0.0, 0.0)] * len(text)
    if tagger is None:
        return out
    for off, s in sentences(text):
        tagger.set(features(s, freq, tag))
        for k in range(len(s)):
            out[off + k] = (tagger.marginal("B", k), tagger.marginal("I", k))
    return out


def decode(probs: list[tuple[float, float]], threshold: float) -> list[tuple[int, int, float]]:
    """Spans (start, end, score) read from the marginals: a start where P(B) ≥ threshold, running
    on while P(I) ≥ threshold; the score is the smallest of those marginals. Two characters at
    least (a surname alone is no name)."""
    out = []
    n = len(probs)
    for a in range(n):
        pb = probs[a][0]
        if pb < threshold:
            continue
        b, score = a + 1, pb
        while b < n and probs[b][1] >= threshold:
            score = min(score, probs[b][1])
            b += 1
        if b - a >= 2:
            out.append((a, b, score))
    return out


def window_spans(text: str, at: list[int], threshold: float, freq: Lookup, tag: TagLookup, tagger: Any = None,
                 before: int = 4, after: int = 8) -> list[tuple[int, int, float]]:
    """Spans that begin at one of the positions `at` (sorted), as spans() finds them, with each
    position tagged in a window of its sentence (`before` characters before it, `after` from it;
    overlapping windows merged) rather than the whole sentence: the work follows the places a
    name can stand, not the length of the text."""
    tagger = tagger if tagger is not None else _opened()
    if tagger is None or not at:
        return []
    out: list[tuple[int, int, float]] = []
    ends = {m.end() for m in _SENTENCE_RE.finditer(text)}
    k = 0
    while k < len(at):
        lo = max(0, at[k] - before)
        hi = min(len(text), at[k] + after)
        group = [at[k]]
        k += 1
        while k < len(at) and at[k] - before <= hi:
            hi = min(len(text), at[k] + after)
            group.append(at[k])
            k += 1
        # (a window does not cross a sentence's end: the model was trained on sentences)
        lo = max([lo] + [e for e in ends if e <= group[0]])
        hi = min([hi] + [e for e in ends if e > group[-1]])
        window = text[lo:hi]
        starts = frozenset(i - lo for i in group)
        out.extend((lo + a, lo + b, p) for a, b, p in _window(tagger, window, starts, threshold, freq, tag))
    return out


@lru_cache(maxsize=1 << 13)
def _window(tagger: Any, s: str, starts: frozenset[int], threshold: float, freq: Lookup,
            tag: TagLookup) -> tuple[tuple[int, int, float], ...]:
    tagger.set(features(s, freq, tag))
    n = len(s)
    out = []
    for a in sorted(starts):
        score = tagger.marginal("B", a)
        if score < threshold:
            continue
        b = a + 1
        while b < n:
            pi = tagger.marginal("I", b)
            if pi < threshold:
                break
            score = min(score, pi)
            b += 1
        if b - a >= 2:
            out.append((a, b, score))
    return tuple(out)
