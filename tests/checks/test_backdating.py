"""Issue 15, item 5: a `published` day well before the record first appeared in git is reported
(R-DEADLINE) and counted from its first appearance; without git history the check is skipped."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CASES
from gongshi.checks.pipeline import validate
from gongshi.publication.compliance import compliance_report
from gongshi.checks.deadline import BACKDATED

DECISION = """doc_no: 霍示罚〔2026〕{n}号
category: 行政处罚
party: {{type: 法人, name: 霍邱县福源食品有限公司, credit_code: 91341522MA2N0ABCDX, legal_representative: 李某}}
violation_type: 销售超过保质期的食品
facts: 经查，当事人销售超过保质期的饼干。
basis: [{{title: 中华人民共和国食品安全法, article: 第一百二十四条}}]
result: 罚款人民币伍仟元整。
penalty: {{kinds: [罚款], fine: 5000}}
decided: {decided}
published: {published}
officers: [o-0003, o-0004]
major: false
status: 有效
"""


def git(repo: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@x", "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _write(data: Path, n: int, decided: str, published: str) -> None:
    folder = data / "agencies/demo/decisions/2026"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"cf-2026-{n:04d}.yml").write_text(DECISION.format(n=n, decided=decided, published=published),
                                                 encoding="utf-8")


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "repo" / "data"
    shutil.copytree(CASES / "_base", data)
    git(data.parent, "init", "-q", "-b", "main", when="2026-01-05T10:00:00+08:00")
    git(data.parent, "add", "-A", when="2026-01-05T10:00:00+08:00")
    git(data.parent, "commit", "-q", "-m", "base", when="2026-01-05T10:00:00+08:00")
    _write(data, 1, "2026-03-05", "2026-03-10")  # stated on time, first committed in December
    _write(data, 2, "2026-11-25", "2026-11-27")  # committed 4 days later: within the 3-day tolerance? no: 4 > 3
    _write(data, 3, "2026-11-26", "2026-11-28")  # committed 3 days later: tolerated
    git(data.parent, "add", "-A", when="2026-12-01T10:00:00+08:00")
    git(data.parent, "commit", "-q", "-m", "late", when="2026-12-01T10:00:00+08:00")
    return data


def test_backdated_publication_is_reported_and_counted_late(repo: Path) -> None:
    ds = validate(str(repo), dt.date(2026, 12, 2))
    found = sorted((Path(f.file).name, f.message("en")) for f in ds.report if f.msg is BACKDATED)
    assert [name for name, _m in found] == ["cf-2026-0001.yml", "cf-2026-0002.yml"]
    assert "2026-03-10 is 266 days before the record first appeared in git on 2026-12-01" in found[0][1]
    report = compliance_report(ds, dt.date(2026, 12, 2))
    late = {e["doc_no"]: e for e in report["site"]["late_decisions"]}
    assert late["霍示罚〔2026〕1号"]["backdated"] and late["霍示罚〔2026〕1号"]["published"] == "2026-12-01"
    assert report["site"]["backdated"] == 2 and report["backdating_checked"]
    # the tolerance is a setting
    site = repo / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("policy:\n", "policy:\n  backdating_days: 300\n", 1),
                    encoding="utf-8")
    assert not [f for f in validate(str(repo), dt.date(2026, 12, 2)).report if f.msg is BACKDATED]


def test_without_git_the_check_is_skipped(repo: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    ds = validate(str(plain), dt.date(2026, 12, 2))
    assert not [f for f in ds.report if f.msg is BACKDATED] and ds.report.errors == []
    assert compliance_report(ds, dt.date(2026, 12, 2))["backdating_checked"] is False


def test_the_first_commit_is_exempt_not_its_whole_day(tmp_path: Path) -> None:
    """Issue 21, item 5: a record committed hours after the migration, on the same day, is judged
    like any other (the first day used to exempt it); the migration's own records stay exempt."""
    data = tmp_path / "repo" / "data"
    shutil.copytree(CASES / "_base", data)
    _write(data, 1, "2026-03-05", "2026-03-10")  # migrated: stated day believed
    git(data.parent, "init", "-q", "-b", "main", when="2026-12-01T09:00:00+08:00")
    git(data.parent, "add", "-A", when="2026-12-01T09:00:00+08:00")
    git(data.parent, "commit", "-q", "-m", "migration", when="2026-12-01T09:00:00+08:00")
    _write(data, 2, "2026-06-01", "2026-06-03")  # the same afternoon, stated six months back
    git(data.parent, "add", "-A", when="2026-12-01T15:00:00+08:00")
    git(data.parent, "commit", "-q", "-m", "later that day", when="2026-12-01T15:00:00+08:00")
    ds = validate(str(data), dt.date(2026, 12, 2))
    assert [Path(f.file).name for f in ds.report if f.msg is BACKDATED] == ["cf-2026-0002.yml"]
