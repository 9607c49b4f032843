"""Property tests: no input makes the loader or the command raise; bad data only gives findings."""
from __future__ import annotations

import os
import shutil
import string
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES
from gongshi.model import dataset, yamlread
from gongshi.cli import main
from gongshi.model.findings import Finding

# Where a file may stand: one list kind, one single-record kind with a slug and year, site.yml.
RELS = ["agencies/demo/decisions/2024/cf-2024-0001.yml", "agencies/demo/officers.yml", "site.yml",
        "agencies/demo/flowcharts/license.yml"]

# Pieces YAML is made of, and the things clerks get wrong, to build YAML-ish text from.
TOKENS = ["doc_no", "category", "party", "type", "name", "officers", "decided", "published", "steps",
          "next", "id", "major", "fine", "penalty", "kinds", "- ", ": ", ":", "\n", "\n  ", "\n    ",
          "\n- ", "\t", " ", "[", "]", "{", "}", ",", "'", '"', "|", ">", "&a ", "*a", "!!str ", "!x ",
          "? ", "---\n", "...\n", "%YAML 1.1\n", "#", "2024-02-30", "2024-3-5", "2024-03-05", "yes",
          "true", "~", "null", "12315", "0x1F", "1e3", "-5", "行政处罚", "霍邱县", "张某某", "：", "，",
          "\\", "\\x", "\u3000", "\ufeff", "\u2028", "\x85", "\x00", "\x07", "é", "😀"]
yamlish = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)  # surrogates too


def _check(findings: list[Finding]) -> None:
    for f in findings:
        assert f.rule.startswith("R-")
        assert isinstance(f.line, int) and isinstance(f.column, int) and f.line >= 0 and f.column >= 0
        # Every placeholder filled in (a key the clerk wrote may itself hold a brace: ${).
        wanted = {name for text in (f.msg.zh, f.msg.en) for _, name, _, _ in string.Formatter().parse(text) if name}
        assert f.message("zh") and f.message("en") and wanted <= set(f.args), (f.msg.en, f.args)


@settings(max_examples=300, deadline=None)
@given(st.one_of(yamlish, any_text))
def test_parse_never_raises(text: str) -> None:
    root, findings = yamlread.parse(text, "f.yml")
    _check(findings)
    assert root is None or isinstance(root, (yamlread.YScalar, yamlread.YMap, yamlread.YSeq))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), yamlish.map(lambda s: s.encode("utf-8", "surrogatepass")),
                      yamlish.map(lambda s: s.encode("gb18030", "replace")),
                      yamlish.map(lambda s: s.encode("utf-16"))),
       rel=st.sampled_from(RELS))
def test_load_file_never_raises(tmp_path: Path, data: bytes, rel: str) -> None:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    records, findings = dataset.load_file(str(path), rel)
    _check(findings)
    assert all(r.file == str(path) for r in records)


@pytest.fixture(scope="module")
def case_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="gongshi-prop-")) / "data"
    shutil.copytree(CASES / "_base", root)
    old = os.environ.get("GONGSHI_CACHE")
    os.environ["GONGSHI_CACHE"] = "0"  # every run reads the files as they are now
    yield root
    if old is None:
        del os.environ["GONGSHI_CACHE"]
    else:
        os.environ["GONGSHI_CACHE"] = old
    shutil.rmtree(root.parent, ignore_errors=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), yamlish.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       rel=st.sampled_from(RELS), lang=st.sampled_from(["zh", "en"]), fmt=st.sampled_from(["text", "json"]))
def test_cli_never_prints_a_traceback(case_root: Path, capsys: pytest.CaptureFixture[str], data: bytes,
                                      rel: str, lang: str, fmt: str) -> None:
    path = case_root / rel
    backup = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        code = main(["validate", str(case_root), "--as-of", "2026-11-22", "--lang", lang, "-o", fmt])
    finally:
        if backup is None:
            os.remove(path)
        else:
            path.write_bytes(backup)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Traceback" not in out + err and "内部错误" not in err
