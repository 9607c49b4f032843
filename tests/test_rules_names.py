"""gongshi.policy.names: unmasked full names of natural persons in free text.

The corpus (tests/data/names/corpus.tsv, written by scripts/make_names_corpus.py) has half its
sentences with planted names and half with look-alikes only; scripts/eval_names.py compares models.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from gongshi.policy.names import person_names

CORPUS = Path(__file__).parent / "data" / "names" / "corpus.tsv"


def _rows() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        rid, planted, text = line.split("\t")
        rows.append((rid, text, tuple(n for n in planted.split("|") if n)))
    return rows


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in person_names(text)]


def test_corpus_is_balanced_and_large_enough() -> None:
    rows = _rows()
    named = [r for r in rows if r[2]]
    assert len(rows) >= 320
    assert abs(len(named) - (len(rows) - len(named))) <= len(rows) // 10
    assert sum(1 for r in rows if r[0].startswith("h-")) >= 60


def test_recall_and_false_alarms_on_the_corpus() -> None:
    planted = found = clean = flagged = 0
    for _, text, want in _rows():
        got = set(person_names(text))
        spans = {(text.index(n), text.index(n) + len(n)) for n in want}
        planted += len(spans)
        found += len(spans & got)
        if not want:
            clean += 1
            flagged += bool(got)
    assert found / planted >= 0.95
    assert flagged / clean <= 0.05


@pytest.mark.parametrize(("text", "names"), [
    ("经查，当事人张三于2024年3月在其经营场所销售过期食品。", ["张三"]),
    ("证人王五证实当事人多次销售。", ["王五"]),
    ("店员李四华称其不知情。", ["李四华"]),
    ("欧阳娜娜（女，1990年生）系该店负责人。", ["欧阳娜娜"]),
    ("收银员禤丽娟、冼志刚当场出示了收款记录。", ["禤丽娟", "冼志刚"]),
    ("**当事人**：孙丽娟，女，汉族，1982年5月生。", ["孙丽娟"]),
    ("当事人彭某某的妻子郑秀兰\n在店内负责收银。", ["郑秀兰"]),
    ("当事人张某某在店内销售。", []),
    ("罚款人民币伍仟元整。", []),  # financial numerals, not 伍某
    ("当事人霍邱县天和商行未按规定建立台账。", []),  # a shop, not 商某
    ("罚款 <b>陆佰</b> 元", []),
    ("当事人王某甲、欧阳某到场。", []),
    ("当事人在王家湾村经营。", []),
    ("当事人马记面馆未公示许可证。", []),
    ("李四华水果店未明码标价。", []),
    ("违反了《中华人民共和国食品安全法》第三十四条的规定。", []),
    ("当事人销售老干妈辣椒酱和王老吉凉茶。", []),
    ("执法人员在周边巡查，局长到场，涉案金额三万元。", []),
    ("当事人高度重视，立即下架全部商品。", []),
    ("", []),
])
def test_exact_spans(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_spans_index_the_original_text() -> None:
    text = "经查：\n\n当事人张三于2024年3月……证人王五证实。"
    assert [(a, b) for a, b in person_names(text)] == [(text.index("张三"), text.index("张三") + 2),
                                                        (text.index("王五"), text.index("王五") + 2)]


def test_importing_does_not_load_jieba() -> None:
    import subprocess
    import sys

    code = ("import sys; import gongshi.policy.names as n; "
            "print('jieba' in sys.modules, n._dictionary.cache_info().currsize + n._tagger.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


def test_lexicon_answers_as_jieba(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached lexicon gives jieba's frequency and tag for every word the detector may ask
    about (every word of one or two characters, and longer ones from the threshold up)."""
    from gongshi.policy import lexicon, names

    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path))
    built = lexicon.load(20)
    cached = lexicon.load(20)  # from the file just written
    assert built is not None and cached is not None and cached.words == built.words
    assert list(tmp_path.glob("gongshi-lexicon-*.pickle"))
    freq, tags = names._dictionary(), names._tagger().word_tag_tab
    for word in set(freq) | set(tags) | {"", "张", "张三丰", "法人"}:
        f = freq.get(word) or 0
        if len(word) <= 2 or f >= 20:
            assert (cached.freq(word), cached.tag(word)) == (f, tags.get(word, "")), word
        else:
            assert (cached.freq(word), cached.tag(word)) == (0, ""), word
    assert 20 <= min(names._COMMON, names._WORD)


def test_lexicon_refuses_planted_classes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import pickle

    from gongshi.policy import lexicon

    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path))
    path = lexicon.dict_file()
    assert path is not None
    cache = lexicon._cache_path(path, os.stat(path), 20)
    with open(cache, "wb") as fh:
        fh.write(lexicon.FORMAT + pickle.dumps((os.system, ("echo planted",))))
    got = lexicon.load(20)  # refused, parsed again from dict.txt
    assert got is not None and got.freq("周边") > 200


def test_detector_with_lexicon_is_detector_with_jieba(tmp_path: Path) -> None:
    """person_names over the corpus: the same spans with the cached lexicon as with jieba's
    tables (jieba loaded first makes names.py ask jieba)."""
    import subprocess
    import sys

    code = ("import sys, json{pre}; from gongshi.policy import names; "
            "rows = [l.split('\\t')[2] for l in open(sys.argv[1], encoding='utf-8').read().splitlines()[1:]]; "
            "print(type(names._words()).__name__, json.dumps([names.person_names(t) for t in rows]))")
    env = {**__import__("os").environ, "GONGSHI_CACHE_DIR": str(tmp_path)}
    outs = [subprocess.run([sys.executable, "-c", code.format(pre=pre), str(CORPUS)], capture_output=True,
                           text=True, check=True, env=env).stdout.split(" ", 1) for pre in ("", ", jieba")]
    assert [o[0] for o in outs] == ["Lexicon", "_JiebaWords"]
    assert outs[0][1] == outs[1][1]
