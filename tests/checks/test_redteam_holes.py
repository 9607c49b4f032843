"""Holes the red-team pass of issue 20 found, each written as it was probed. Letters written for
digits (l or б for 1 and 6, O and I inside an ID, 1б3.com) were xfails left to the detectors;
they are refused since as look-alikes (checks/glyphs.py `look_alikes`), like digits of other
scripts: a reader reads the number, the detectors would not."""
from __future__ import annotations

from gongshi.checks.redaction import scan_record
from gongshi.model.kinds import Record
from gongshi.policy import detectors as d


def _caught(facts: str) -> bool:
    rec = Record("decision", "x.yml", {"facts": facts, "party": {"type": "法人", "name": "霍邱县某某有限公司"}},
                 agency="demo", slug="x")
    return any(lk.match.kind not in (d.NAME, d.CREDIT_CODE) for lk in scan_record(rec, {}))


def test_a_phone_written_with_look_alike_letters_is_caught() -> None:
    assert _caught("经查，当事人联系电话l395731284б，无证经营。")


def test_an_id_written_with_O_and_I_is_caught() -> None:
    assert _caught("经查，当事人身份证号34I522I987O6I52O32。")


def test_an_email_with_a_look_alike_domain_is_caught() -> None:
    assert _caught("经查，当事人邮箱 liuxiaofang88@1б3.com。")


def test_what_the_red_team_found_in_other_scripts_is_caught() -> None:
    """Closed outside policy/ (checks/glyphs.py): refused as characters the detectors cannot read."""
    assert _caught("经查，当事人电话" + "".join(chr(0x660 + int(x)) for x in "13957312846") + "。")
    assert _caught("经查，当事人电话" + "\u0332".join("13957312846") + "。")
