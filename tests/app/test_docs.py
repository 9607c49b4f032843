"""Every setting, environment variable, command and rule is documented and exercised.

As in Datasette's own suite: a setting nobody can find in the README, or a rule no golden case
exercises, is a bug.
"""
from __future__ import annotations

import re
from pathlib import Path

from conftest import CASES, ROOT, messages
from gongshi.cli import commands

README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCES = [p for p in (ROOT / "plugins" / "gongshi").rglob("*.py")] + [ROOT / "pelicanconf.py"]


def _names() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        found.update(re.findall(r"\bGONGSHI_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    return found


def test_every_setting_and_variable_is_in_the_readme() -> None:
    missing = sorted(n for n in _names() if f"`{n}" not in README)
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    missing = [m.NAME for m in commands() if f"`gongshi {m.NAME}" not in README]
    assert missing == []


def test_every_rule_id_has_a_golden_case() -> None:
    """Each R- id a message can carry is expected by at least one case under tests/cases."""
    expected = set()
    for case in CASES.rglob("*"):
        if case.is_file() and "_base" not in case.parts:
            text = case.read_bytes().decode("utf-8", errors="replace")
            expected.update(re.findall(r"# expect: \w+ (R-[A-Z]+)", text))
    # R-TRACE findings come from git history, not from a record: tests/app/test_workflow_git.py
    # exercises them on throwaway repositories.
    expected.add("R-TRACE")
    rules = {m.rule for m in messages()}
    assert sorted(rules - expected) == []


def test_every_message_has_both_languages_and_hints() -> None:
    for m in messages():
        assert m.zh and m.en and m.hint_zh and m.hint_en, m
        assert re.search(r"[\u4e00-\u9fff]", m.zh), m
