"""The compliance report: data API and `gongshi report`."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES, DATA, DEMO_AS_OF
from gongshi.checks import validate
from gongshi.cli import main
from gongshi.rules.compliance import compliance_report
from test_cases import BASE


def test_demo_report_is_deterministic_and_consistent() -> None:
    first = compliance_report(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    second = compliance_report(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    site = first["site"]
    assert [a["agency"] for a in first["agencies"]] == ["ecology", "market", "safety", "transport"]
    assert site["decisions"] == sum(a["decisions"] for a in first["agencies"])
    assert site["on_time"] + site["late"] == site["counted"] <= site["published"] <= site["decisions"]
    assert site["late"] == site["findings_by_rule"]["R-DEADLINE"]["warning"] == len(site["attention"])
    assert 0.9 < site["on_time_rate"] < 1
    assert site["errors"] == 0


def test_attention_lists_files_and_both_languages(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    folder = root / "agencies" / "demo" / "decisions" / "2026"
    folder.mkdir(parents=True)
    shutil.copyfile(CASES / "rules" / "deadline" / "spring-festival-late.yml", folder / "late.yml")
    shutil.copyfile(CASES / "rules" / "redact" / "mobile.yml", folder / "leak.yml")
    day = dt.date(2026, 3, 10)  # the deadline case's as-of: decided 2026-02-13, published 2026-03-03
    report = compliance_report(validate(str(root), day), day)
    demo = report["agencies"][0]
    assert (demo["agency"], demo["published"], demo["late"], demo["on_time_rate"]) == ("demo", 2, 1, 0.5)
    rules = {e["rule"] for e in demo["attention"]}
    assert {"R-DEADLINE", "R-REDACT"} <= rules
    leak = next(e for e in demo["attention"] if e["rule"] == "R-REDACT")
    assert leak["file"] == "agencies/demo/decisions/2026/leak.yml" and leak["severity"] == "error"
    # the public page shows these messages: never the personal data itself
    assert "1234-5678" not in json.dumps(report, ensure_ascii=False)
    assert "139-****-5678" in leak["message_zh"] and leak["message_en"]


def test_report_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(DATA), "--as-of", DEMO_AS_OF.isoformat(), "-o", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["as_of"] == "2026-11-22" and len(doc["agencies"]) == 4
    assert main(["report", str(DATA), "--as-of", DEMO_AS_OF.isoformat(), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Compliance report as of 2026-11-22") and "R-DEADLINE" in text
