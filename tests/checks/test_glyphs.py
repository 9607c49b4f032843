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
