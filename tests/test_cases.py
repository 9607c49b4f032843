"""Golden cases: one positive or negative case per file under tests/cases/.

Each case file is a record with a header of comment lines:

    # path: agencies/demo/decisions/2024/x.yml   where the case goes in a copy of cases/_base
    # as-of: 2026-11-22                           optional, default 2026-11-22
    # lang: en                                    optional, default zh
    # strict: true                                optional, default false
    # expect: error R-FORMAT 12 “decided”应为 …     one line per finding, exactly
    # expect: nothing                             a positive case: no finding at all

An expectation is `severity rule line message`; `line` may be `line:column`, and a finding in
another file than the case is written `path:line`. Every finding must be expected and every
expectation found.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from conftest import CASES, DEMO_AS_OF
from gongshi.checks import validate

BASE = CASES / "_base"


def case_files() -> list[Path]:
    return sorted(p for p in CASES.rglob("*.yml") if "_base" not in p.parts)


def header(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a case file (read as bytes: a case may be GBK)."""
    out: dict[str, list[str]] = {}
    for raw in path.read_bytes().splitlines():
        line = raw.decode("utf-8", errors="replace")
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        out.setdefault(key.strip(), []).append(value.strip())
    return out


def parse_expect(text: str) -> tuple[str, str, str, int, int | None, str]:
    """`severity rule [path:]line[:col] message` as a tuple (col None when not given)."""
    severity, rule, loc, message = text.split(" ", 3)
    parts = loc.split(":")
    path = parts.pop(0) if parts[0].endswith(".yml") else ""
    line = int(parts[0])
    col = int(parts[1]) if len(parts) > 1 else None
    return severity, rule, path, line, col, message


def matches(expect: tuple, got: tuple) -> bool:
    return expect[:4] == got[:4] and expect[5] == got[5] and expect[4] in (None, got[4])


def test_base_is_clean() -> None:
    ds = validate(str(BASE), DEMO_AS_OF)
    assert [f.as_dict("en") for f in ds.report] == []


@pytest.mark.parametrize("case", case_files(), ids=lambda p: str(p.relative_to(CASES)))
def test_case(case: Path, tmp_path: Path) -> None:
    meta = header(case)
    assert "path" in meta and "expect" in meta, f"{case}: needs '# path:' and '# expect:' lines"
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    rel = meta["path"][0]
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)
    as_of = dt.date.fromisoformat(meta.get("as-of", [DEMO_AS_OF.isoformat()])[0])
    lang = meta.get("lang", ["zh"])[0]
    strict = meta.get("strict", ["false"])[0] == "true"
    ds = validate(str(root), as_of, strict=strict)
    expected = [parse_expect(e) for e in meta["expect"] if e != "nothing"]
    got = []
    for f in ds.report:
        frel = os.path.relpath(f.file, root).replace(os.sep, "/")
        got.append((f.severity, f.rule, "" if frel == rel else frel, f.line, f.column, f.message(lang)))
    missing = [e for e in expected if not any(matches(e, g) for g in got)]
    extra = [g for g in got if not any(matches(e, g) for e in expected)]
    assert (missing, extra) == ([], []), f"missing: {missing}\nunexpected: {extra}"
