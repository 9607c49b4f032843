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

from casefiles import BASE, PAGES, case_files, header, matches, parse_expect, place  # noqa: F401
def test_base_is_clean() -> None:
    ds = validate(str(BASE), DEMO_AS_OF)
    assert [f.as_dict("en") for f in ds.report] == []


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
