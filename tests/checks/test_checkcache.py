"""The check cache (issue 14, item 5): after any edit, the incremental validate gives exactly
the findings of a cold validate, and only changed decision files are checked again."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from gongshi.checks import pipeline as checks
from gongshi.model import hookspecs as hooks
from gongshi.model.findings import Finding, Msg
from gongshi.model import parsecache as cache
from gongshi.checks import cache as checkcache

AS_OF = dt.date(2026, 11, 22)
DECISIONS = Path("agencies") / "market" / "decisions" / "2024"


def _age(root: Path, seconds: int = 60) -> None:
    """Move the mtimes of files written in the last 30 s into the past, so no file counts as
    racily fresh (and files not edited keep theirs: the cache must reuse them)."""
    now = time.time_ns()
    for p in root.rglob("*.yml"):
        st = p.stat()
        if now - st.st_mtime_ns < 30 * 1_000_000_000:
            os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def _rows(findings: list[Finding]) -> list[tuple[object, ...]]:
    """What the text and JSON outputs print, in their order."""
    return [(f.file, f.line, f.column, f.severity, f.rule, f.message("en"), f.hint("en"))
            for f in sorted(findings, key=Finding.sort_key)]


def _cold(root: Path) -> list[tuple[object, ...]]:
    return _rows(list(checks.validate(str(root), AS_OF).report))


@pytest.fixture()
def cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("GONGSHI_CACHE_DIR", str(tmp_path / "cache"))
    with cache.installed():
        yield


def _first(root: Path) -> Path:
    return sorted((root / DECISIONS).glob("*.yml"))[0]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _facts(root: Path) -> None:
    _edit(_first(root), "经查，", "经查明，")


def _personal(root: Path) -> None:
    _edit(_first(root), "经查，", "经查，当事人张三华（身份证号 341522199001010036，电话 13912345678）")


def _delete(root: Path) -> None:
    _first(root).unlink()


def _duplicate(root: Path) -> None:
    files = sorted((root / DECISIONS).glob("*.yml"))
    doc_no = next(line for line in files[0].read_text(encoding="utf-8").splitlines() if line.startswith("doc_no:"))
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text("\n".join(doc_no if ln.startswith("doc_no:") else ln for ln in text.splitlines()) + "\n",
                        encoding="utf-8")


def _new_file(root: Path) -> None:
    src = _first(root)
    (src.parent / "zz-new-2024.yml").write_text(src.read_text(encoding="utf-8").replace("2024-01-15", "2024-09-30"),
                                                encoding="utf-8")


def _published(root: Path) -> None:
    _edit(_first(root), "published: 2024-01-15", "published: 2024-06-28")


def _site(root: Path) -> None:
    site = root / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def _calendar(root: Path) -> None:
    cal = root / "calendar.yml"
    cal.write_text(cal.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def _broken(root: Path) -> None:
    _first(root).write_text("doc_no: [unclosed\n", encoding="utf-8")


def _duplicate_elsewhere(root: Path) -> None:
    """A doc_no copied from a folder that stays untouched (its stored folder digests are used)."""
    other = sorted((root / "agencies" / "safety" / "decisions" / "2023").glob("*.yml"))[0]
    doc_no = next(line for line in other.read_text(encoding="utf-8").splitlines() if line.startswith("doc_no:"))
    target = _first(root)
    text = target.read_text(encoding="utf-8")
    target.write_text("\n".join(doc_no if ln.startswith("doc_no:") else ln for ln in text.splitlines()) + "\n",
                      encoding="utf-8")


def _moved(root: Path) -> None:
    """A decision moved to another year's folder: both folders change their lists of files."""
    src = _first(root)
    src.rename(root / "agencies" / "market" / "decisions" / "2023" / src.name)


def _renamed(root: Path) -> None:
    """Same number of files in the folder, one of another name."""
    src = _first(root)
    src.rename(src.parent / ("zz-" + src.name))


EDITS: list[Callable[[Path], None]] = [_facts, _personal, _delete, _duplicate, _new_file, _published, _site,
                                       _calendar, _broken, _duplicate_elsewhere, _moved, _renamed]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__.strip("_") for e in EDITS])
def test_incremental_equals_cold(data_copy: Path, cached: None, edit: Callable[[Path], None]) -> None:
    _age(data_copy)
    first = _rows(list(checkcache.validate(str(data_copy), AS_OF)))
    assert first == _cold(data_copy)
    edit(data_copy)
    _age(data_copy)
    again = _rows(list(checkcache.validate(str(data_copy), AS_OF)))
    assert again == _cold(data_copy)
    assert _rows(list(checkcache.validate(str(data_copy), AS_OF))) == again  # and once more, all cached


def test_only_the_changed_file_is_checked(data_copy: Path, cached: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _age(data_copy)
    checkcache.validate(str(data_copy), AS_OF)
    _personal(data_copy)
    _age(data_copy)
    seen: list[str] = []
    real = checks.load_checks

    def spying(extra: object = ()) -> list[checks.Check]:
        out = []
        for fn in real():
            def spy(ds: object, as_of: dt.date, fn: checks.Check = fn) -> object:
                seen.extend(r.file for r in ds.of("decision"))  # type: ignore[attr-defined]
                return fn(ds, as_of)
            spy.__module__, spy.__qualname__ = fn.__module__, fn.__qualname__
            if hooks.scope_of(fn) is not None:
                spy.gongshi_scope = hooks.scope_of(fn)  # type: ignore[attr-defined]
            out.append(spy)
        return out
    monkeypatch.setattr(checkcache, "load_checks", spying)
    report = checkcache.validate(str(data_copy), AS_OF)
    assert set(seen) == {str(_first(data_copy))}
    assert any(f.rule == "R-REDACT" and f.file == str(_first(data_copy)) for f in report)


UNSCOPED = Msg("R-FORMAT", "测试：决定 {n} 件", "test: {n} decisions")


def test_an_undeclared_check_runs_over_every_record(data_copy: Path, cached: None) -> None:
    """Fail closed: a site's check that declares no scope sees the whole dataset every time."""
    def count(ds: object, as_of: dt.date) -> Iterator[Finding]:
        yield UNSCOPED(str(data_copy / "site.yml"), 1, 1, n=len(ds.of("decision")))  # type: ignore[attr-defined]
    _age(data_copy)
    total = len(checks.validate(str(data_copy), AS_OF).of("decision"))
    for _ in range(2):
        report = checkcache.validate(str(data_copy), AS_OF, extra_checks=[count])
        assert [f.args["n"] for f in report if f.msg is UNSCOPED or f.message("en").startswith("test:")] == [total]


def test_folder_digests_written_by_an_edit_stand_later(data_copy: Path, cached: None) -> None:
    """A folder's shard rewritten after an edit carries its new folder digests: a later edit
    elsewhere that a cross-record rule sees (a doc_no copied from that folder) is judged on them."""
    _age(data_copy)
    checkcache.validate(str(data_copy), AS_OF)
    _published(data_copy)  # DECISIONS' shard rewritten (R-MONTHLY and R-ANNUAL read `published`)
    _age(data_copy)
    assert _rows(list(checkcache.validate(str(data_copy), AS_OF))) == _cold(data_copy)
    doc_no = next(ln for ln in _first(data_copy).read_text(encoding="utf-8").splitlines() if ln.startswith("doc_no:"))
    other = sorted((data_copy / "agencies" / "safety" / "decisions" / "2023").glob("*.yml"))[0]
    text = other.read_text(encoding="utf-8")
    other.write_text("\n".join(doc_no if ln.startswith("doc_no:") else ln for ln in text.splitlines()) + "\n",
                     encoding="utf-8")
    _age(data_copy)
    again = _rows(list(checkcache.validate(str(data_copy), AS_OF)))
    assert again == _cold(data_copy)
    assert any("used twice" in str(r[5]) for r in again), "the copied doc_no is reported"
