"""Issue 11, item 4: no input makes a command print an internal error.

Hypothesis writes decisions whose values are drawn from the edges (dates from year 1 to 9999,
amounts of any size, 1e999, thousands of digits, every line-ending convention, control and
surrogate-adjacent characters) and raw bytes, then runs `gongshi validate` (text and JSON) and
`gongshi import` on them; every run must end in findings, never a traceback or an "internal
error". About 20 s on a laptop core; GONGSHI_FUZZ_EXAMPLES raises the count for a longer hunt.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES
from gongshi.cli import main

EXAMPLES = int(os.environ.get("GONGSHI_FUZZ_EXAMPLES", "120"))
REL = "agencies/demo/decisions/2024/cf-2024-0001.yml"
TEMPLATE = "\n".join(line for line in (CASES / "valid/decision-minimal.yml").read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#"))
FIELDS = {"decided": "2024-03-05", "published": "2024-03-08", "fine": "5000", "doc_no": "霍市监罚〔2024〕1号",
          "facts": "经查，当事人销售超过保质期的饼干，货值金额共计人民币320元。", "major": "false"}

dates = st.one_of(st.dates().map(lambda d: d.isoformat()),
                  st.from_regex(r"\A[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}\Z"), st.sampled_from(["9999-12-31", "0001-01-01",
                                                                                            "1948-12-31", "2101-01-01"]))
numbers = st.one_of(st.integers(min_value=-10**30, max_value=10**30).map(str),
                    st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.sampled_from(["1e999", "-1e999", "1e-999", ".5", "5.", "0x1F", "1_000", "nan", "inf", "9" * 5000,
                                     "0." + "0" * 4000 + "1", "1" + "0" * 30 + ".5"]),
                    st.integers(min_value=1, max_value=6000).map(lambda n: "7" * n))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80).map(
    lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"')
endings = st.sampled_from(["\n", "\r\n"])  # CR-only: test_hardening (the redaction locator's open bug)


@pytest.fixture(scope="module")
def root() -> Iterator[Path]:
    data = Path(tempfile.mkdtemp(prefix="gongshi-fuzz-")) / "data"
    shutil.copytree(CASES / "_base", data)
    (data / REL).parent.mkdir(parents=True, exist_ok=True)
    old = os.environ.get("GONGSHI_CACHE")
    os.environ["GONGSHI_CACHE"] = "0"
    yield data
    if old is None:
        del os.environ["GONGSHI_CACHE"]
    else:
        os.environ["GONGSHI_CACHE"] = old
    shutil.rmtree(data.parent, ignore_errors=True)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(args)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Traceback" not in out + err and "内部错误" not in err and "internal error" not in err, err


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({"decided": dates, "published": dates, "fine": numbers, "doc_no": texts,
                                     "facts": texts, "major": st.one_of(st.just("false"), numbers, dates)}),
       ending=endings, fmt=st.sampled_from(["text", "json"]), lang=st.sampled_from(["zh", "en"]),
       review=st.one_of(st.none(), dates))
def test_records_with_values_at_the_edges(root: Path, capsys: pytest.CaptureFixture[str], values: dict[str, str],
                                         ending: str, fmt: str, lang: str, review: str | None) -> None:
    text = TEMPLATE
    for key, value in values.items():
        old = f"{key}: {FIELDS[key]}" if key != "fine" else f"fine: {FIELDS['fine']}"
        text = text.replace(old, f"{key}: {value}", 1)
    if review is not None:
        text += f"\nlegal_review: {{reviewer: o-0001, date: {review}, opinion: 同意}}"
    (root / REL).write_bytes((text.replace("\n", ending) + ending).encode("utf-8"))
    _run(["validate", str(root), "--as-of", "2026-11-22", "--lang", lang, "-o", fmt], capsys)


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=500),
                      st.text(max_size=300).map(lambda t: (TEMPLATE[:200] + t).encode("utf-8", "surrogatepass"))),
       rel=st.sampled_from([REL, "agencies/demo/officers.yml", "site.yml", "calendar.yml"]))
def test_raw_bytes_anywhere(root: Path, capsys: pytest.CaptureFixture[str], data: bytes, rel: str) -> None:
    path = root / rel
    backup = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        _run(["validate", str(root), "--as-of", "2026-11-22", "-o", "json"], capsys)
    finally:
        if backup is not None:
            path.write_bytes(backup)


@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400),
                      st.lists(st.lists(st.one_of(texts, numbers, dates), max_size=14), max_size=4).map(
                          lambda rows: ("行政处罚决定书文号,罚款金额（万元）,处罚决定日期,行政相对人代码,违法事实\n" + "\n".join(
                              ",".join(c.replace(",", "，") for c in r) for r in rows)).encode("utf-8", "surrogatepass"))))
def test_import_of_any_csv(root: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
                           data: bytes) -> None:
    src = tmp_path_factory.mktemp("sheet") / "s.csv"
    src.write_bytes(data)
    target = tmp_path_factory.mktemp("import") / "data"
    shutil.copytree(CASES / "_base", target)
    _run(["import", str(src), "--agency", "demo", "--data", str(target), "--published", "2026-11-05"], capsys)
