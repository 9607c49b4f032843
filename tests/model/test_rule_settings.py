"""A site's rule settings (site.yml `rules:`, as yamllint's configuration) and the severities a
rule declares. The cases in tests/cases/site-rules/ show the findings; these pin the registry."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongshi.checks.pipeline import configured, load_checks
from gongshi.model import hookspecs as hooks, ruleset
from gongshi.model.findings import WARNING, Msg


def test_a_message_cannot_carry_a_severity_its_rule_does_not_declare() -> None:
    with pytest.raises(ruleset.WrongSeverity, match="R-TWO"):
        Msg("R-TWO", "x", "x", severity="error")
    Msg("R-REDACT", "x", "x", severity=WARNING)  # declared: R-REDACT's `also`


def test_the_locked_rules_are_the_ones_that_guard_what_is_published() -> None:
    assert {r.id for r in ruleset.checks() if r.locked} == {"R-FORMAT", "R-REDACT", "R-WINDOW", "R-REVOKE", "R-TRACE"}
    assert all(r.severity == ruleset.ERROR and r.locked_en for r in ruleset.checks() if r.locked)


def test_settings_keep_only_what_may_apply() -> None:
    got = ruleset.settings({"R-MONTHLY": "disable", "R-DEADLINE": {"level": "error"}, "R-TWO": "enable",
                            "R-REDACT": "disable", "R-WINDOW": {"level": "warning"}, "R-FORMAT": {"level": "error"},
                            "R-SUBJ": "disable", "R-NOPE": "disable", "R-ADJUST": "off"})
    # Raising a locked rule to error is allowed: it turns its few declared warnings into errors.
    assert got == {"R-MONTHLY": ruleset.Setting(enabled=False), "R-DEADLINE": ruleset.Setting(level="error"),
                   "R-FORMAT": ruleset.Setting(level="error")}
    assert ruleset.settings(None) == {} == ruleset.settings(["R-MONTHLY"])


def test_a_configured_check_keeps_its_name_and_scope() -> None:
    for fn in load_checks():
        assert getattr(fn, "gongshi_configured", False)
        assert hooks.scope_of(fn) == hooks.scope_of(fn.__wrapped__)  # type: ignore[attr-defined]
        assert fn.__name__ == fn.__wrapped__.__name__  # type: ignore[attr-defined]
        assert configured(fn) is fn


def test_a_disabled_rule_drops_only_its_own_findings() -> None:
    class DS:
        site = {"rules": {"R-TWO": "disable", "R-REVIEW": {"level": "error"}}}

    two = Msg("R-TWO", "two", "two", severity=WARNING)
    review = Msg("R-REVIEW", "review", "review", severity=WARNING)

    def roster(ds: object, as_of: dt.date) -> list[object]:
        return [two("a.yml"), review("a.yml"), two("b.yml")]

    found = list(configured(roster)(DS(), dt.date(2026, 1, 1)))  # type: ignore[arg-type]
    assert [(f.rule, f.severity) for f in found] == [("R-REVIEW", "error")]


def test_the_check_cache_follows_a_changed_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gongshi validate` keeps findings between runs (checks/cache.py), keyed by the bytes of
    site.yml among the rest: a rule turned off, then raised to error, shows at once."""
    import os
    import shutil
    import time

    from conftest import CASES
    from gongshi.checks import cache as checkcache
    from gongshi.model import parsecache
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    (data / "agencies/demo/decisions/2024").mkdir(parents=True)
    shutil.copy(CASES / "site-rules" / "late-decision.yml", data / "agencies/demo/decisions/2024/cf-2024-0301.yml")
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    site = data / "site.yml"
    base = site.read_text(encoding="utf-8")
    seen = []
    with parsecache.installed():
        for rules in ("", "rules:\n  R-DEADLINE: disable\n", "rules:\n  R-DEADLINE: {level: error}\n", ""):
            site.write_text(base + rules, encoding="utf-8")
            old = time.time_ns() - 60 * 10**9  # not racily fresh: the cache may keep what it checks
            for p in data.rglob("*.yml"):
                os.utime(p, ns=(old, old))
            report = checkcache.validate(str(data), dt.date(2024, 4, 1))
            seen.append([(f.rule, f.severity) for f in report if f.rule == "R-DEADLINE"])
    assert seen == [[("R-DEADLINE", "warning")], [], [("R-DEADLINE", "error")], [("R-DEADLINE", "warning")]]
