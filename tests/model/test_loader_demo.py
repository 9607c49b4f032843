"""The demo data: made by synth, complete (every kind, every state), clean, without personal data."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.checks.pipeline import validate
from gongshi.model.dataset import Dataset
from gongshi.model.kinds import KINDS
from gongshi.policy.visibility import EMBARGO, EXPIRED, MINOR, PUBLIC, REVOKED, WITHDRAWN, visibility
from gongshi_tools import synth


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return validate(str(DATA), DEMO_AS_OF)


def test_demo_is_what_synth_makes() -> None:
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_demo.py"), "--check"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, "data/ was edited by hand; change gongshi_tools/synth.py and run scripts/make_demo.py\n" + p.stderr


def test_no_errors_and_only_a_few_late_publications(demo: Dataset) -> None:
    assert demo.report.errors == [], demo.report.to_text("en")
    rules = Counter(f.rule for f in demo.report.warnings)
    assert set(rules) <= {"R-DEADLINE"}, rules
    assert rules["R-DEADLINE"] <= 0.05 * len(demo.of("decision"))


def test_every_kind_and_category(demo: Dataset) -> None:
    assert {k for k in KINDS if demo.of(k)} == set(KINDS)
    assert len(demo.agencies()) >= 3 and len(demo.of("decision")) >= 300
    categories = Counter(r.data["category"] for r in demo.of("decision"))
    assert set(categories) == {c for c, _ in synth.CATEGORY_WEIGHTS}
    parties = Counter(r.data["party"]["type"] for r in demo.of("decision"))
    assert set(parties) == {"法人", "个体工商户", "自然人"}


def test_every_state_occurs_as_of_the_demo_date(demo: Dataset) -> None:
    states: Counter[str] = Counter()
    for rec in demo.of("decision"):
        vis = visibility(rec, DEMO_AS_OF, demo.policy)
        states[vis.reason] += 1
        if vis.public and rec.data.get("status") == "已更正":
            states["corrected"] += 1
        if vis.notice:
            states["revocation notice"] += 1
    for state in (PUBLIC, EXPIRED, WITHDRAWN, EMBARGO, REVOKED, MINOR, "corrected", "revocation notice"):
        assert states[state] > 0, (state, states)
    assert states[PUBLIC] > len(demo.of("decision")) / 2


NAME = re.compile(r"^[\u4e00-\u9fff]某{1,2}$")
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def test_no_personal_data(demo: Dataset) -> None:
    for rec in demo.of("decision"):
        party = rec.data["party"]
        if party["type"] == "自然人":
            assert NAME.match(party["name"]), (rec.file, party["name"])
            assert "credit_code" not in party
        rep = party.get("legal_representative")
        assert rep is None or NAME.match(rep), (rec.file, rep)
    for path in DATA.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not ID_NUMBER.search(text) and not MOBILE.search(text), path
