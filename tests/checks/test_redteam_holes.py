"""Holes the red-team pass of issue 20 found that only the word-level detectors (policy/) can
close: each is written here as it was probed, expected to fail until a detector reads it.
strict=True: the day a detector learns the form, the test says so and the mark must go."""
from __future__ import annotations

import pytest

from gongshi.checks.redaction import scan_record
from gongshi.model.kinds import Record
from gongshi.policy import detectors as d


def _caught(facts: str) -> bool:
    rec = Record("decision", "x.yml", {"facts": facts, "party": {"type": "法人", "name": "霍邱县某某有限公司"}},
                 agency="demo", slug="x")
    return any(lk.match.kind not in (d.NAME, d.CREDIT_CODE) for lk in scan_record(rec, {}))


@pytest.mark.xfail(strict=True, reason="homoglyphs: Latin l for 1 and Cyrillic б for 6 read by people as digits, "
                                       "by no detector (policy/normalise.py has no confusables table)")
def test_a_phone_written_with_look_alike_letters_is_caught() -> None:
    assert _caught("经查，当事人联系电话l395731284б，无证经营。")


@pytest.mark.xfail(strict=True, reason="homoglyphs: capital O for 0 and I for 1 inside an ID number")
def test_an_id_written_with_O_and_I_is_caught() -> None:
    assert _caught("经查，当事人身份证号34I522I987O6I52O32。")


@pytest.mark.xfail(strict=True, reason="an e-mail whose domain is spelt with a Cyrillic letter (1б3.com) is no "
                                       "e-mail to the detector, but a reader types it as 163.com")
def test_an_email_with_a_look_alike_domain_is_caught() -> None:
    assert _caught("经查，当事人邮箱 liuxiaofang88@1б3.com。")


def test_what_the_red_team_found_in_other_scripts_is_caught() -> None:
    """Closed outside policy/ (checks/glyphs.py): refused as characters the detectors cannot read."""
    assert _caught("经查，当事人电话" + "".join(chr(0x660 + int(x)) for x in "13957312846") + "。")
    assert _caught("经查，当事人电话" + "\u0332".join("13957312846") + "。")
