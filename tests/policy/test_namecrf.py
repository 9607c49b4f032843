"""gongshi.policy.namecrf: the character-level CRF name tagger (round 7 of issue 20, part 3).

The model file is the package's (policy/data/names.crfsuite), written by
scripts/train_names_model.py from every labelled file of tests/data/names/: its sha256 is pinned
here, so a model is changed on purpose only (retrain, then update MODEL_SHA256 and say why), and
the trainer's input list is checked against the folder, so a new labelled file is not left out
silently. A new held-out set is measured once before it is added (tests/data/names/README.md).
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from gongshi.policy import namecrf, names

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data" / "names"
MODEL_SHA256 = "aa8582268da8a75d9a5d4dbbf88c4b6b5f10cfdd76c5bd35f1f6f67bac2c4ce5"


def _trainer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_names_model
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return train_names_model


def test_model_is_the_pinned_one() -> None:
    assert hashlib.sha256(Path(namecrf.MODEL).read_bytes()).hexdigest() == MODEL_SHA256


def test_model_is_small_and_opens() -> None:
    assert Path(namecrf.MODEL).stat().st_size < 3_000_000
    assert namecrf.available()


def test_trainer_reads_every_labelled_file_in_a_fixed_order() -> None:
    tm = _trainer()
    assert sorted(tm.TRAINING_FILES) == sorted(p.name for p in DATA.glob("*.tsv"))
    assert len(set(tm.TRAINING_FILES)) == len(tm.TRAINING_FILES)
    assert tm.DATA == DATA


def test_labels_mark_every_occurrence_and_no_mask() -> None:
    text = "证人王五华证实，王五华与张某某同行。"
    assert "".join(namecrf.labels(text, ["王五华"])) == "OOBIIOOOBIIOOOOOOO"


def test_decode_reads_spans_from_marginals() -> None:
    probs = [(0.0, 0.0), (0.9, 0.05), (0.02, 0.8), (0.01, 0.7), (0.1, 0.2), (0.6, 0.0)]
    assert namecrf.decode(probs, 0.5) == [(1, 4, 0.7)]
    assert namecrf.decode(probs, 0.85) == []  # (0.8 inside: the run stops at one character)


def test_sentences_skip_text_no_name_can_start_in() -> None:
    assert list(namecrf.sentences("１２３。当事人张三称。")) == [(4, "当事人张三称。")]


def test_second_opinion_keeps_the_look_alike_exceptions() -> None:
    names._words()
    text = "李先生与周大福珠宝专柜的王*华。"
    marked = [(0, 3, 1.0), (4, 9, 1.0), (12, 15, 1.0)]  # 李先生, 周大福珠宝, 王*华 marked with certainty
    assert names.second_opinion(text, [], marked) == []


def test_second_opinion_reads_no_name_where_a_condition_stands() -> None:
    """Round 8: after 患有/确诊为 the CRF's span is a condition's name (an eponym's
    transliteration), whatever its score."""
    names._words()
    text = "经鉴定，其父亲患有亨廷顿舞蹈症。"
    a = text.index("亨")
    assert names.second_opinion(text, [], [(a, a + 3, 1.0)]) == []
    assert names.person_names("经查，当事人的外婆患有阿尔茨海默病。") == []


def test_second_opinion_adds_what_the_rules_rejected() -> None:
    names._words()
    text = "高山经营的小店。"
    assert names.second_opinion(text, [], [(0, 2, 0.9)]) == [(0, 2)]
    assert names.second_opinion(text, [(0, 3)], [(0, 2, 0.9)]) == [(0, 3)]  # the rules' span stands


def test_a_missing_model_fails_closed(monkeypatch, tmp_path: Path, capsys) -> None:
    """A broken installation (no model file) stops the check with one readable line; it never
    lets the gate run quietly without its second opinion."""
    import pytest

    from gongshi.cli import main
    from gongshi.policy import names

    monkeypatch.setattr(namecrf, "MODEL", str(tmp_path / "gone.crfsuite"))
    namecrf._opened.cache_clear()
    try:
        with pytest.raises(namecrf.ModelMissing):
            names.person_names("经查，当事人王建国于2024年3月销售过期食品。")
        data = tmp_path / "data"
        data.mkdir()
        (data / "site.yml").write_text("name: x\nurl: https://x.example\nregion: 某县\n", encoding="utf-8")
        assert main(["validate", str(data)]) == 2
        err = capsys.readouterr().err
        assert "configuration error" in err and "gone.crfsuite" in err and "Traceback" not in err
    finally:
        namecrf._opened.cache_clear()


def test_words_are_jiebas_route() -> None:
    """Round 9: the CRF's word features read jieba's own segmentation (`jieba.cut(s, HMM=False)`,
    the dictionary's most probable route) from lexicon.py's cache, without loading jieba."""
    import jieba

    names._words()
    for s in ("询问当事人签字确认", "委托满仓为代理人", "经营者甘露在其店内销售", "高峰时段客流较大", "本机关将告知书送达当事人"):
        got = [s[a:b] for a, b in namecrf.words(s, names._cfreq)]
        assert got == list(jieba.cut(s, HMM=False))


def test_word_features_name_the_words_around(monkeypatch) -> None:
    """Round 9's experiment (off in the shipped model): a character that starts a word carries the
    word before it, one that ends a word the word after it (the verb before a name, what follows
    it), with the word's own position, tag and frequency band."""
    names._words()
    assert not any(x.startswith("jw=") for x in namecrf.features("当事人姚二牛驾驶", names._cfreq, names._tag)[0])
    monkeypatch.setattr(namecrf, "WORD_FEATURES", True)
    f = namecrf.features("当事人姚二牛驾驶", names._cfreq, names._tag)
    assert "lw=当事人" in f[3] and "rw=驾驶" in f[5]
    assert [x for x in f[0] if x.startswith("jw=")] == ["jw=B3"]
