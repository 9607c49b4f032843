"""The compliance report: data API and `gongshi report`."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES, DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.publication.compliance import compliance_report
from casefiles import BASE


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


def _late(folder: Path, name: str, doc: str, **changes: str) -> None:
    """The spring-festival case (published late: an R-DEADLINE warning) under another number."""
    text = (CASES / "rules" / "deadline" / "spring-festival-late.yml").read_text(encoding="utf-8")
    text = text.replace("11643号", doc)
    for old, new in changes.items():
        text = text.replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")


def test_public_scope_counts_only_public_decisions(tmp_path: Path) -> None:
    """A minor party's or an embargoed decision changes no number and no list of the public page."""
    from gongshi.outputs.portal.pages_site import compliance
    from gongshi.publication import publish
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    folder = root / "agencies" / "demo" / "decisions" / "2026"
    folder.mkdir(parents=True)
    _late(folder, "late.yml", "11643号")
    day = dt.date(2026, 3, 10)

    def reports() -> tuple[dict, dict]:
        ds = validate(str(root), day)
        return compliance(ds, publish(ds, day)), compliance_report(ds, day)

    public_before, staff_before = reports()
    assert public_before["scope"] == "public" and staff_before["scope"] == "all"
    assert public_before["site"]["decisions"] == public_before["site"]["late"] == 1
    _late(folder, "minor.yml", "11644号", **{"type: 法人": "type: 法人\n  minor: true"})
    _late(folder, "embargo.yml", "11645号", **{"published: 2026-03-03": "published: 2026-04-01"})
    public_after, staff_after = reports()
    assert public_after == public_before
    # staff still see both hidden decisions, and the embargoed one's late publication
    assert staff_after["site"]["decisions"] == 3
    assert {e["file"] for e in staff_after["site"]["attention"]} >= {
        "agencies/demo/decisions/2026/embargo.yml", "agencies/demo/decisions/2026/late.yml"}


def test_public_page_says_what_it_counts(demo_site: Path) -> None:
    from gongshi.publication import publish
    html = (demo_site / "compliance.html").read_text(encoding="utf-8")
    assert "统计范围：当日在本网站公示的执法决定" in html
    ps = publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    assert f"<dt>公示中的执法决定</dt><dd>{len(ps.decisions)}</dd>" in html


def test_staff_report_says_it_counts_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(DATA), "--as-of", DEMO_AS_OF.isoformat()]) == 0
    assert "统计范围：全部记录，含未公开的决定" in capsys.readouterr().out
    assert main(["report", str(DATA), "--as-of", DEMO_AS_OF.isoformat(), "-o", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["scope"] == "all"


def test_the_staff_report_names_a_file_called_by_a_number_masked() -> None:
    """Second red-team pass: `gongshi report` lists findings by file; a file named with a phone
    number is listed as its findings print it (Finding.place, masked by checks/scrub.py)."""
    from gongshi.checks.redaction import FILE_NAME
    from gongshi.checks.scrub import scrub
    from gongshi.publication.compliance import _entry
    f = FILE_NAME("/d/agencies/a/decisions/2025/13957312846.yml", 1, 1, name="13957312846", what="手机号码",
                  what_en="mobile number")
    scrub([f])
    entry = _entry(f, "/d")
    assert entry["file"] == "agencies/a/decisions/2025/139****2846.yml" and "13957312846" not in str(entry)
