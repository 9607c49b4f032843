"""jieba's dictionary as the name detector reads it: word frequencies and part-of-speech tags,
from a small cache instead of jieba itself.

Why: the name detector (names.py) asks jieba's dictionary a handful of questions per record
(is 周边 a frequent word? is 进行 a verb?), but answering the first one cost ~0.7 s: importing
jieba (which imports pkg_resources), unmarshalling its 580,000-entry prefix dictionary, then
parsing dict.txt again for the tagger's word tags. That was most of a pre-commit `gongshi
validate` after a one-file edit (issue 14). This module parses jieba's own dict.txt once, the
way jieba does (`Tokenizer.gen_pfdict` for frequencies, `POSTokenizer.load_word_tag` for tags:
a line is "word freq tag", a later line wins), and pickles what the detector can ask: every
word of one or two characters, and longer words only when their frequency reaches `min_freq`
(names.py asks a longer word's tag only after its frequency passed that threshold). Loading it
takes ~35 ms. The answers are jieba's, word for word (tests/policy/test_rules_names.py compares them);
jieba's tokenizer is still loaded when a candidate needs the tagger itself (names._confirm).

The cache file is `<GONGSHI_CACHE_DIR or ~/.cache/gongshi>/gongshi-lexicon-<key>.pickle` (the
user's own folder, not the shared temp folder where anyone could plant one), keyed by
dict.txt's path, size and mtime_ns, `min_freq` and this module's format; it holds a dict, str
and int only, and is read with an unpickler that refuses every class. Anything unexpected (no
jieba, a line jieba would refuse, more tags than fit, a cache that is not what we wrote) gives
a parse of dict.txt again or None, and then the caller loads jieba itself (fail closed).
"""
from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
import tempfile
from dataclasses import dataclass

FORMAT = b"gongshi-lexicon 1\n"
_TAG_BITS = 6  # a word's entry is freq << 6 | tag number: one small int, one dict lookup


@dataclass(frozen=True)
class Lexicon:
    """Word -> packed (frequency, tag); `tags` numbers the tags."""

    words: dict[str, int]
    tags: tuple[str, ...]

    def freq(self, word: str) -> int:
        """jieba's frequency of `word` (0 when not a dictionary word, as jieba's prefixes are)."""
        v = self.words.get(word)
        return v >> _TAG_BITS if v else 0

    def tag(self, word: str) -> str:
        """jieba's dictionary tag of `word` ('' when it is not in the dictionary)."""
        v = self.words.get(word)
        return self.tags[v & ((1 << _TAG_BITS) - 1)] if v is not None else ""


def dict_file() -> str | None:
    """jieba's default dictionary, found without importing jieba (None when not installed)."""
    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
    return path if os.path.isfile(path) else None


def parse(path: str, min_freq: int) -> Lexicon | None:
    """dict.txt read as jieba reads it, kept as described in the module docstring."""
    freq: dict[str, int] = {}
    tag: dict[str, str] = {}
    try:
        with open(path, "rb") as fh:
            for raw in fh:
                line = raw.strip().decode("utf-8")
                if not line:
                    return None  # jieba's frequency loader would refuse it: let jieba say so
                word, f, t = line.split(" ")
                freq[word] = int(f)
                tag[word] = t
    except (OSError, ValueError):
        return None
    tags = tuple(sorted(set(tag.values())))
    if len(tags) >= 1 << _TAG_BITS:
        return None
    number = {t: i for i, t in enumerate(tags)}
    words = {w: freq[w] << _TAG_BITS | number[tag[w]] for w in freq
             if len(w) <= 2 or freq[w] >= min_freq}
    if any(v < 0 for v in words.values()):
        return None  # a negative frequency would not survive the packing
    return Lexicon(words, tags)


def _cache_path(path: str, st: os.stat_result, min_freq: int) -> str:
    key = hashlib.sha1(repr((path, st.st_size, st.st_mtime_ns, min_freq)).encode("utf-8", "surrogatepass")
                       + FORMAT).hexdigest()[:16]
    base = os.environ.get("GONGSHI_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gongshi")
    return os.path.join(base, f"gongshi-lexicon-{key}.pickle")


def load(min_freq: int) -> Lexicon | None:
    """The lexicon of jieba's dictionary, from the cache (written when missing); None when
    jieba's dictionary cannot be read this way or caches are off (GONGSHI_CACHE=0)."""
    if os.environ.get("GONGSHI_CACHE", "1") == "0":
        return None
    path = dict_file()
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    cache = _cache_path(path, st, min_freq)
    enabled = gc.isenabled()
    gc.disable()  # 150,000 small acyclic objects: the collector would only walk them
    try:
        with open(cache, "rb") as fh:
            if fh.read(len(FORMAT)) == FORMAT:
                got = _Plain(fh).load()
                if (isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], dict)
                        and isinstance(got[1], tuple) and all(isinstance(t, str) for t in got[1])):
                    return Lexicon(got[0], got[1])
    except Exception:
        pass  # missing or torn: built again below
    finally:
        if enabled:
            gc.enable()
    found = parse(path, min_freq)
    if found is not None:
        _write(cache, found)
    return found


class _Plain(pickle.Unpickler):
    """Dicts, tuples, str and int need no class: a planted cache file cannot run code."""

    def find_class(self, module: str, name: str):  # type: ignore[no-untyped-def]
        raise pickle.UnpicklingError(f"foreign global {module}.{name}")


def _write(cache: str, lexicon: Lexicon) -> None:
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cache), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(FORMAT)
            pickle.dump((lexicon.words, lexicon.tags), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        return
