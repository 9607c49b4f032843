"""Golden cases: one positive or negative case per file under tests/cases/.

Each case file is a record with a header of comment lines:

    # path: agencies/demo/decisions/2024/x.yml   where the case goes in a copy of cases/_base
    #                                             (../content/pages/x.md: a page of any extension
    #                                             Pelican reads, .md .markdown .html …, placed
    #                                             without its header; its lines count from there)
    # as-of: 2026-11-22                           optional, default 2026-11-22
    # lang: en                                    optional, default zh
    # strict: true                                optional, default false
    # copy: valid/decision-minimal.yml -> agencies/demo/decisions/2024/cf-2024-0001.yml
    #                                             optional: another case file put in place too
    # remove: site.yml                            optional: a file of the base taken away
    # pad: 1000001                                optional: comment lines appended up to N bytes
    # size: agencies/demo/files/big.pdf 10485761  optional: a copied file grown to N bytes (zeros)
    # expect: error R-FORMAT 12 “decided”应为 …     one line per finding, exactly
    # expect: nothing                             a positive case: no finding at all

An expectation is `severity rule line message`; `line` may be `line:column`, and a finding in
another file than the case is written `path:line`. Every finding must be expected and every
expectation found. A case may be in another encoding than UTF-8 (that is what it tests): its
header lines are read as UTF-8, else as GB18030 (a file with a UTF-16 BOM as UTF-16).
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from conftest import CASES, DEMO_AS_OF
from gongshi.checks.pipeline import validate

BASE = CASES / "_base"
# Page cases: every extension Pelican reads as a page or article (checks/pages.py).
PAGES = (".md", ".markdown", ".mkd", ".mdown", ".htm", ".html", ".rst", ".txt")


def case_files() -> list[Path]:
    """Record cases (*.yml) and Markdown page cases (*.md, placed in ../content of the copy)."""
    return sorted(p for p in CASES.rglob("*") if p.suffix in (".yml",) + PAGES and "_base" not in p.parts)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def header(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a case file (read as bytes: a case may be GBK)."""
    out: dict[str, list[str]] = {}
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16").encode("utf-8")
    for raw in data.splitlines():
        line = _decode(raw.lstrip(codecs.BOM_UTF8))
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        out.setdefault(key.strip(), []).append(value.strip())
    return out


def parse_expect(text: str) -> tuple[str, str, str, int, int | None, str]:
    """`severity rule [path:]line[:col] message` as a tuple (col None when not given)."""
    severity, rule, loc, message = text.split(" ", 3)
    parts = loc.split(":")
    path = parts.pop(0) if not parts[0].isdigit() else ""
    line = int(parts[0])
    col = int(parts[1]) if len(parts) > 1 else None
    return severity, rule, path, line, col, message


def matches(expect: tuple, got: tuple) -> bool:
    return expect[:4] == got[:4] and expect[5] == got[5] and expect[4] in (None, got[4])


def test_base_is_clean() -> None:
    ds = validate(str(BASE), DEMO_AS_OF)
    assert [f.as_dict("en") for f in ds.report] == []


def place(case: Path, meta: dict[str, list[str]], root: Path) -> str:
    """Copy the base and the case (and what its header asks for) into `root`; the case's path."""
    shutil.copytree(BASE, root)
    for rel in meta.get("remove", []):
        (root / rel).unlink()
    for spec in meta.get("copy", []):
        src, _, dst = (s.strip() for s in spec.partition("->"))
        (root / dst).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CASES / src, root / dst)
    rel = meta["path"][0]
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.suffix in PAGES:  # a page would publish its header: it is placed without it
        lines = case.read_bytes().splitlines(keepends=True)
        target.write_bytes(b"".join(lines[sum(len(v) for v in meta.values()):]))
    else:
        shutil.copyfile(case, target)
    if "pad" in meta:
        size = int(meta["pad"][0])
        with open(target, "ab") as fh:
            line = b"# " + b"x" * 77 + b"\n"
            missing = size - target.stat().st_size
            fh.write(line * (missing // len(line) + 1))
    for spec in meta.get("size", []):
        name, _, size = spec.rpartition(" ")
        with open(root / name, "ab") as fh:
            fh.truncate(int(size))
    return rel


@pytest.mark.parametrize("case", case_files(), ids=lambda p: str(p.relative_to(CASES)))
def test_case(case: Path, tmp_path: Path) -> None:
    meta = header(case)
    assert "path" in meta and "expect" in meta, f"{case}: needs '# path:' and '# expect:' lines"
    root = tmp_path / "data"
    rel = place(case, meta, root)
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
    if case.relative_to(CASES).parts[0] in ("format", "refs"):  # the loader's and R-REF's own
        # Every finding says how to fix it, in the case's language.
        assert all(f.hint(lang) for f in ds.report), [f.message(lang) for f in ds.report if not f.hint(lang)]
