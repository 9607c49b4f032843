"""Issue 11: hostile and broken input gives findings, never a path escape, a stale cache,
live content in an output or an internal error."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import CASES
from gongshi import dataset
from gongshi.checks import validate
from gongshi.cli import main
from gongshi.paths import safe_walk

BASE = CASES / "_base"
AS_OF = dt.date(2026, 11, 22)
SECRET = "AKIA-HUNTER2-not-for-the-log"
DECISION = (CASES / "valid" / "decision-minimal.yml").read_text(encoding="utf-8")


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GONGSHI_CACHE", "0")
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    return data


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secrets.env"
    secret.parent.mkdir()
    secret.write_text(f"doc_no: {SECRET}\nAWS_SECRET: {SECRET}\n", encoding="utf-8")
    return secret


def _validate(root: Path, capsys: pytest.CaptureFixture[str], fmt: str = "text") -> tuple[int, str]:
    code = main(["validate", str(root), "--as-of", "2026-11-22", "--lang", "en", "-o", fmt])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err
    return code, out + err


def _rules(ds: dataset.Dataset) -> list[tuple[str, str]]:
    return [(f.rule, f.message("en")) for f in ds.report]


# --- paths -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json"])
def test_symlinked_decision_outside_is_refused_and_never_read(root: Path, tmp_path: Path, fmt: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    link = root / "agencies/demo/decisions/2024/cf-2024-0001.yml"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(_secret_file(tmp_path))
    code, out = _validate(root, capsys, fmt)
    assert code == 1
    assert "agencies/demo/decisions/2024/cf-2024-0001.yml" in out and "outside the data folder" in out
    assert SECRET not in out and "HUNTER2" not in out


def test_symlinked_agency_folder_outside_is_an_error(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    shutil.copytree(BASE / "agencies/demo", outside)
    (root / "agencies/other").symlink_to(outside, target_is_directory=True)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/other' is a link to something outside the data folder; it is not read") \
        in _rules(ds)


def test_symlink_inside_the_folder_is_followed(root: Path) -> None:
    target = root / "agencies/demo/decisions/2024"
    target.mkdir(parents=True)
    (target / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    (root / "agencies/demo/decisions/2023").symlink_to(target, target_is_directory=True)
    files, findings = safe_walk(str(root))
    rels = [rel for _, rel, _ in files if rel.endswith("cf-2024-0001.yml")]
    assert len(rels) == 1  # one real folder, walked once
    assert findings == []


def test_dangling_and_looping_links(root: Path) -> None:
    (root / "agencies/demo/decisions").mkdir()
    (root / "agencies/demo/decisions/gone.yml").symlink_to(root / "nowhere.yml")
    (root / "loop.yml").symlink_to(root / "loop.yml")
    ds = validate(str(root), AS_OF)
    msgs = [m for r, m in _rules(ds)]
    assert any("'agencies/demo/decisions/gone.yml' is a link that cannot be resolved" in m for m in msgs)
    assert any("'loop.yml' is a link that cannot be resolved" in m for m in msgs)


def test_fifo_is_an_error_and_does_not_hang(root: Path) -> None:
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "cf-2024-0009.yml")
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/demo/decisions/2024/cf-2024-0009.yml' is not a regular file (a FIFO); "
            "it is not read") in _rules(ds)
    assert not ds.report.ok


def test_read_file_refuses_a_fifo(tmp_path: Path) -> None:
    from gongshi.yamlread import read_file
    fifo = tmp_path / "x.yml"
    os.mkfifo(fifo)
    tree, findings = read_file(str(fifo))
    assert tree is None and [f.rule for f in findings] == ["R-FORMAT"]


def test_device_is_an_error(root: Path) -> None:
    (root / "agencies/demo/decisions").mkdir()
    (root / "agencies/demo/decisions/null.yml").symlink_to("/dev/null")  # outside: refused as a link
    files, findings = safe_walk(str(root), within=("/dev",))  # allowed there: refused as a device
    assert [f.args.get("what_en") for f in findings] == ["a character device"]
    assert all(not rel.endswith("null.yml") for _, rel, _ in files)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_an_error_not_a_skip(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    (folder / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    folder.chmod(0)
    try:
        code, out = _validate(root, capsys)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert code == 1
    assert "cannot read the folder 'agencies/demo/decisions/2024'" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_an_error(root: Path) -> None:
    path = root / "agencies/demo/officers.yml"
    path.chmod(0)
    try:
        ds = validate(str(root), AS_OF)
    finally:
        path.chmod(0o644)
    assert any(r == "R-FORMAT" and "cannot read the file" in m for r, m in _rules(ds))


def test_officers_folder_where_a_file_belongs(root: Path) -> None:
    (root / "agencies/demo/officers.yml").unlink()
    (root / "agencies/demo/officers.yml").mkdir()
    (root / "agencies/demo/officers.yml/a.yml").write_text("x: 1\n", encoding="utf-8")
    ds = validate(str(root), AS_OF)
    rules = _rules(ds)
    assert ("R-FORMAT", "'agencies/demo/officers.yml' is a folder, but a file belongs here") in rules
    assert not any("officer" in m and "not found" in m for _, m in rules), rules


def test_decisions_file_where_a_folder_belongs(root: Path) -> None:
    (root / "agencies/demo/decisions").write_text("oops\n", encoding="utf-8")
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "'agencies/demo/decisions' is a file, but a folder belongs here") in _rules(ds)


def test_safe_walk_for_content_pages(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/a.md").write_text("# a\n", encoding="utf-8")
    (content / "pages/b.txt").write_text("b\n", encoding="utf-8")
    (content / "pages/leak.md").symlink_to(_secret_file(tmp_path))
    files, findings = safe_walk(str(content), suffixes=(".md",))
    assert [rel for _, rel, _ in files] == ["pages/a.md"]
    assert [f.args["rel"] for f in findings] == ["pages/leak.md"]


def test_folder_that_cannot_be_listed_is_an_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as chmod 000 for a user who is not root (tests may run as root)."""
    folder = root / "agencies/demo/decisions/2024"
    folder.mkdir(parents=True)
    (folder / "cf-2024-0001.yml").write_text(DECISION, encoding="utf-8")
    real = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if os.path.abspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr("gongshi.paths.os.scandir", scandir)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "cannot read the folder 'agencies/demo/decisions/2024': Permission denied; none of its "
            "records would be published") in _rules(ds)
    assert not ds.report.ok


def test_file_that_cannot_be_opened_is_an_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str) -> int:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("gongshi.yamlread.open_regular", refuse)
    ds = validate(str(root), AS_OF)
    assert ("R-FORMAT", "cannot read the file: Permission denied") in _rules(ds)
