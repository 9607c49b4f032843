"""Git provenance and ownership (issue 7, items 3 and 4), in throwaway repositories."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CASES
from gongshi.checks.pipeline import validate
from gongshi.cli import main
from gongshi.model.kinds import Record
from gongshi.app.ownership import NOT_MAINTAINER, NOT_SIGNED, check_changes, codeowners
from gongshi.outputs.provenance import change_log, file_log, provenance

ADMIN, A, B = "admin@county.gov.cn", "a@demo.gov.cn", "b@other.gov.cn"


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    # Neither the user's git config nor a signing setup may leak into these repositories.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(repo: Path, *args: str, email: str = ADMIN, when: str = "2026-01-05T10:00:00+08:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": email.split("@")[0], "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, email: str, message: str, *extra: str, **kw: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", *extra, "-m", message, email=email, **kw)
    return git(repo, "rev-parse", "HEAD").strip()


def set_maintainers(agency_yml: Path, *people: str, key: str = "") -> None:
    text = agency_yml.read_text(encoding="utf-8").split("maintainers:")[0].rstrip("\n")
    lines = [f"- email: {p}" + (f"\n  key: \"{key}\"" if key else "") for p in people]
    agency_yml.write_text(text + "\nmaintainers:\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository whose data/ has agencies demo (maintained by A) and other (by B)."""
    root = tmp_path / "repo"
    data = root / "data"
    shutil.copytree(CASES / "_base", data)
    shutil.copytree(data / "agencies" / "demo", data / "agencies" / "other")
    set_maintainers(data / "agencies" / "demo" / "agency.yml", A)
    set_maintainers(data / "agencies" / "other" / "agency.yml", B)
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + f"maintainers:\n- email: {ADMIN}\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, ADMIN, "base")
    git(root, "tag", "base")
    return root


def touch(path: Path, text: str = "\n# 修改\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_own_agency_commit_passes(repo: Path) -> None:
    touch(repo / "data" / "agencies" / "demo" / "items.yml")
    commit(repo, A, "demo edits its own items")
    assert check_changes(str(repo / "data"), "base..HEAD").findings == []


def test_cross_agency_commit_is_rejected(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    touch(repo / "data" / "agencies" / "demo" / "items.yml")
    touch(repo / "data" / "agencies" / "other" / "officers.yml")
    sha = commit(repo, A, "demo edits other's roster")
    report = check_changes(str(repo / "data"), "base..HEAD")
    assert [(f.msg, os.path.basename(f.file), f.args["commit"]) for f in report] == \
        [(NOT_MAINTAINER, "officers.yml", sha[:10])]
    assert A in report.findings[0].message("en") and "agency 'other'" in report.findings[0].message("en")
    assert main(["check-changes", "base..HEAD", "--data", str(repo / "data"), "-o", "json"]) == 1
    assert sha[:10] in capsys.readouterr().out


def test_site_files_need_a_site_maintainer(repo: Path) -> None:
    touch(repo / "data" / "calendar.yml")
    commit(repo, A, "agency edits the calendar")
    assert [f.msg for f in check_changes(str(repo / "data"), "base..HEAD")] == [NOT_MAINTAINER]
    git(repo, "tag", "after")
    touch(repo / "data" / "site.yml")
    commit(repo, ADMIN, "site maintainer edits site.yml")
    assert check_changes(str(repo / "data"), "after..HEAD").findings == []


def test_a_commit_cannot_make_its_author_a_maintainer(repo: Path) -> None:
    set_maintainers(repo / "data" / "agencies" / "other" / "agency.yml", B, A)
    commit(repo, A, "add myself")
    touch(repo / "data" / "agencies" / "other" / "items.yml")
    commit(repo, A, "then edit")
    assert len(check_changes(str(repo / "data"), "base..HEAD").findings) == 2


def test_listed_key_requires_a_good_signature(repo: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key), "-C", A], check=True)
    fingerprint = subprocess.run(["ssh-keygen", "-lf", f"{key}.pub"], check=True, capture_output=True,
                                 text=True).stdout.split()[1]
    pub = Path(f"{key}.pub").read_text().split()
    (tmp_path / "allowed").write_text(f"{A} {pub[0]} {pub[1]}\n")
    set_maintainers(repo / "data" / "agencies" / "demo" / "agency.yml", A, key=fingerprint)
    commit(repo, ADMIN, "register A's key")
    git(repo, "tag", "keyed")
    for k, v in (("gpg.format", "ssh"), ("user.signingkey", str(key)),
                 ("gpg.ssh.allowedSignersFile", str(tmp_path / "allowed"))):
        git(repo, "config", k, v)
    touch(repo / "data" / "agencies" / "demo" / "items.yml")
    commit(repo, A, "unsigned")
    unsigned = check_changes(str(repo / "data"), "keyed..HEAD").findings
    assert [f.msg for f in unsigned] == [NOT_SIGNED]
    assert "{" not in unsigned[0].hint("en") and unsigned[0].keys is None  # the registered keys, no key path
    git(repo, "tag", "unsigned")
    touch(repo / "data" / "agencies" / "demo" / "items.yml", "\n# 再改\n")
    commit(repo, A, "signed", "-S")
    assert check_changes(str(repo / "data"), "unsigned..HEAD").findings == []


def test_bad_range_is_a_usage_error(repo: Path) -> None:
    assert main(["check-changes", "nosuch..HEAD", "--data", str(repo / "data")]) == 2


def test_codeowners(repo: Path) -> None:
    ds = validate(str(repo / "data"), dt.date(2026, 11, 22))  # site.yml's maintainers is a known key
    assert not [f for f in ds.report if f.file.endswith("site.yml")], ds.report.to_text("en")
    text = codeowners(str(repo / "data"))
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines == [f"* {ADMIN}", f"/data/ {ADMIN}", f"/data/agencies/demo/ {A}", f"/data/agencies/other/ {B}"]
    assert main(["codeowners", "--data", str(repo / "data"), "--output", str(repo / "CODEOWNERS")]) == 0
    assert (repo / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_provenance_one_pass(repo: Path) -> None:
    items = repo / "data" / "agencies" / "demo" / "items.yml"
    touch(items)
    sha = commit(repo, A, "edit items", when="2026-03-01T23:30:00+00:00")
    prov = provenance(str(repo / "data"))
    assert prov[str(items)] == {"commit": sha, "date": "2026-03-02", "time": "2026-03-02T07:30:00+08:00",
                                "author": "a"}
    assert prov[str(repo / "data" / "site.yml")]["date"] == "2026-01-05"
    assert len(file_log(str(repo / "data"))[str(items)]) == 2


def test_change_log_merges_history_and_commits(repo: Path) -> None:
    items = repo / "data" / "agencies" / "demo" / "items.yml"
    touch(items)
    sha = commit(repo, A, "correct", when="2026-02-10T09:00:00+08:00")
    rec = Record("decision", str(items), {"history": [{"date": dt.date(2026, 2, 10), "action": "更正", "note": "笔误"}]})
    log = change_log(rec, file_log(str(repo / "data")))
    assert [(e["date"], e["source"], e["commit"][:7]) for e in log] == [
        ("2026-01-05", "commit", git(repo, "rev-parse", "base").strip()[:7]),
        ("2026-02-10", "history", ""), ("2026-02-10", "commit", sha[:7])]


def test_no_git_no_provenance(tmp_path: Path) -> None:
    shutil.copytree(CASES / "_base", tmp_path / "data")
    assert provenance(str(tmp_path / "data")) == {}
    assert provenance(str(tmp_path / "missing")) == {}


def test_a_merge_cannot_hide_a_cross_agency_change(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    touch(repo / "data" / "agencies" / "demo" / "items.yml")
    commit(repo, A, "demo work")
    git(repo, "checkout", "-q", "main")
    touch(repo / "data" / "agencies" / "other" / "officers.yml")
    commit(repo, B, "other's own work")
    git(repo, "checkout", "-q", "feature")
    git(repo, "merge", "-q", "--no-commit", "--no-ff", "main", email=A)
    touch(repo / "data" / "agencies" / "other" / "items.yml", "\n# 夹带\n")
    sha = commit(repo, A, "merge main (with a sneaked edit)")
    report = check_changes(str(repo / "data"), "base..feature")
    assert [(f.args["commit"], os.path.basename(f.file)) for f in report] == [(sha[:10], "items.yml")]
