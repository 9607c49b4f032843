"""checks/glyphs.py: digits the detectors cannot read are refused (red-team pass of issue 20)."""
from __future__ import annotations

import sys
import unicodedata

from gongshi.checks import glyphs


def test_the_digit_table_is_this_pythons_unicode() -> None:
    digits = {c for c in range(0x80, sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd"}
    assert digits == {z + i for z in glyphs._ZEROS for i in range(10)}


def test_what_the_view_reads_is_not_reported() -> None:
    assert glyphs.unread("电话１３９①②，José，café，正常文字123") == []  # full-width, circled, é composed
    assert glyphs.unread("Jose\u0301") == []  # e + combining acute: é, a letter


def test_other_scripts_and_marks_are_reported_once_per_number_by_code_point() -> None:
    arabic = "".join(chr(0x660 + int(c)) for c in "13957312846")
    found = glyphs.unread("电话" + arabic + "。")
    assert [(m.start, m.end) for m in found] == [(2, 13)]
    assert glyphs.code_points(found[0].text) == "U+0661 U+0663 U+0669 …"
    assert len(glyphs.unread("\u0332".join("13957312846") + "\u0332")) == 1
    assert len(glyphs.unread("".join(chr(0x1D7CE + int(c)) for c in "15955218830"))) == 1


def test_letters_written_for_digits_are_reported_whole_when_they_spell_a_number() -> None:
    found = glyphs.unread("电话l386420551б，身份证号34I5222OO1O3O71234，邮箱wangxq77@1З9.com。")
    assert [(m.kind, m.text) for m in found] == [(glyphs.LOOK_ALIKE, "l386420551б"),
                                                 (glyphs.LOOK_ALIKE, "34I5222OO1O3O71234"),
                                                 (glyphs.LOOK_ALIKE, "wangxq77@1З9.com")]
    assert [glyphs.letters_for_digits(m.text) for m in found] == ["U+0431", "I O", "U+0417"]


def test_codes_words_and_russian_names_are_no_look_alikes() -> None:
    # A batch whose letters give no number, a word before digits, a standard, a Russian firm.
    assert glyphs.unread("批号20240315ll，Hello12345678，ISO9001，GB2760-2014，IP68，供货商ООО Восток。") == []


def test_greek_letters_of_science_are_no_look_alikes() -> None:
    assert glyphs.unread("血尿酸420μmol/L，β2受体激动剂，α-生育酚，γ射线。") == []
