"""The redaction gate (R-REDACT) and `gongshi redact`: detectors, masks and rewriting files."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CASES
from gongshi.checks.pipeline import validate
from gongshi.runtime.checksums import id_check_char, luhn_valid
from gongshi.cli import main
from gongshi.policy import detectors as d
from gongshi.checks.redaction import kind_fields, kind_paths
from casefiles import BASE, header, place

REDACT_CASES = sorted((CASES / "rules" / "redact").glob("*.yml"))
MANUAL = ("a natural person's health data", "the party is a natural person", "the file or folder name",
          "the attachment's file name",
          "the text holds digits of another script", "a number or Latin word holds letters that look like")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def test_scan_paths_come_from_the_schema() -> None:
    paths = kind_paths("decision")
    assert ("facts",) in paths and ("party", "name") in paths and ("history", "*", "note") in paths
    # Scanned by default: identifiers and codes too (nothing is exempt for looking like one).
    assert ("doc_no",) in paths and ("party", "credit_code") in paths and ("penalty", "license") in paths
    assert ("policy", "redaction", "allow", "*") not in kind_paths("site")  # the allow list itself


def test_every_text_field_of_every_kind_is_scanned() -> None:
    """A field added later is gated without anyone remembering to: only the gate's own policy is exempt."""
    from gongshi.model.kinds import KINDS
    from gongshi.model.schema import Text
    from gongshi.checks.redaction import scan_paths

    def all_texts(spec, prefix=()):  # every Text, scanned or not
        from gongshi.model.schema import Either, ListOf, MapOf, Obj
        if isinstance(spec, Text):
            return [prefix]
        if isinstance(spec, Obj):
            return [p for k, f in spec.fields.items() for p in all_texts(f, prefix + (k,))]
        if isinstance(spec, (ListOf, MapOf)):
            return all_texts(spec.item if isinstance(spec, ListOf) else spec.value, prefix + ("*",))
        if isinstance(spec, Either):
            return all_texts(spec.short, prefix) + all_texts(spec.long, prefix)
        return []
    for name, kind in KINDS.items():
        unscanned = set(all_texts(kind.schema)) - {p for p, _ in scan_paths(kind.schema)}
        # Only the redaction policy's own lists (public strings, reviewed files' hashes) and a
        # province's addresses of its counties' bundles are exempt: they configure the build and
        # are never published.
        exempt = {("federation", "counties", "*", "bundle")}
        assert all(p[:2] == ("policy", "redaction") or p in exempt for p in unscanned), (name, unscanned)


@pytest.mark.parametrize("text,kind,mask", [
    ("11010519491231002X", d.ID, "110105********002X"),
    ("１１０１０５１９４９１２３１００２Ｘ", d.ID, "１１０１０５********００２Ｘ"),
    ("110105-19491231-002X", d.ID, "110105-********-002X"),
    ("13912345678", d.MOBILE, "139****5678"),
    ("+86 139 1234 5678", d.MOBILE, "+86 139 **** 5678"),
    ("0564-6029876", d.LANDLINE, "0564-***9876"),
    ("zhangsan@example.com", d.EMAIL, "z***@example.com"),
    ("皖A12345", d.PLATE, "皖A***45"),
    ("341522\n19850612\n0036", d.ID, "341522\n********\n0036"),
    ("3415**22**198506120036", d.ID, "3415**22**********0036"),
    ("&#51;41522198506120036", d.ID, "&#51;41522********0036"),
    ("三四一五二二一九八五零六一二零零三六", d.ID, "三四一五二二********零零三六"),
    ("139.1234.5678", d.MOBILE, "139.****.5678"),
    ("幺三九幺二三四五六七八", d.MOBILE, "幺三九****五六七八"),
    ("皖 n 12345", d.PLATE, "皖 n ***45"),
    ("x@qq。com", d.EMAIL, "x***@qq。com"),
    ("110105194912310021", d.ID, "110105********0021"),  # a wrong check digit: a typo'd ID is still one
])
def test_detect_and_mask(text: str, kind: str, mask: str) -> None:
    [m] = d.detect(f"当事人{text}。")
    assert (m.kind, m.text, m.mask) == (kind, text, mask)


@pytest.mark.parametrize("text", [
    "霍市监罚〔2024〕15号", "2024-03-05", "人民币150000元", "340000-CF-012", "JY13415220012345",
    "订单号110105194912310021",  # an ID's shape with a wrong check digit after another number's label
    "12315", "执法证号皖B2521911", "91341522MA2N0ABCDX",
])
def test_not_personal_data(text: str) -> None:
    assert d.detect(text) == []


def test_allow_list_and_credit_codes() -> None:
    assert d.detect("举报电话0564-6021234", allow=["0564-6021234"]) == []
    assert [m.kind for m in d.detect("代码91341522MA2N0ABCD0")] == [d.CREDIT_CODE]


def test_names() -> None:
    assert d.name_masked("张某某") and d.name_masked("张某") and d.name_masked("欧阳某")
    assert not d.name_masked("张三") and not d.name_masked("某某")
    assert (d.mask_name("张三丰"), d.mask_name("欧阳修"), d.mask_name("霍邱县某某公司")) == ("张某某", "欧阳某", None)


def _id(seed: int) -> str:
    first = f"341522{1950 + seed % 60}{1 + seed % 12:02d}{1 + seed % 28:02d}{seed % 1000:03d}"
    return first + id_check_char(first)


def _card(seed: int) -> str:
    stem = f"6222{seed:011d}"[:15]
    return next(stem + str(c) for c in range(10) if luhn_valid(stem + str(c)))


pieces = st.one_of(
    st.integers(0, 10**6).map(_id),
    st.integers(0, 10**6).map(lambda s: _id(s).translate(FULL)),
    st.integers(0, 10**6).map(lambda s: f"{_id(s)[:6]} {_id(s)[6:14]} {_id(s)[14:]}"),
    st.integers(0, 10**8 - 1).map(lambda n: f"13{n % 10}{n:08d}"),
    st.integers(0, 10**8 - 1).map(lambda n: f"+86 15{n % 10} {n:08d}"[:17]),
    st.integers(0, 10**7 - 1).map(lambda n: f"0564-{2000000 + n % 8000000}"),
    st.integers(0, 10**9).map(_card),
    st.from_regex(r"[a-z]{1,8}\.[a-z]{1,5}@example\.(com|cn)", fullmatch=True),
    st.integers(10000, 99999).map(lambda n: f"皖K{n}"),
)
filler = st.sampled_from(["经查，", "当事人", "，电话", "。", " ", "于2024年1月5日", "罚款人民币5000元", "霍市监罚〔2024〕15号"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(pieces, filler), min_size=1, max_size=8))
def test_masked_text_never_matches_a_detector(parts: list[str]) -> None:
    text = "".join(parts)
    masked = text
    for _ in range(3):  # as redact --write does: a mask may uncover a number glued to another
        found = [m for m in d.detect(masked) if m.mask is not None]
        for m in sorted(found, key=lambda m: -m.start):
            masked = masked[:m.start] + m.mask + masked[m.end:]
    assert [m for m in d.detect(masked) if m.kind != d.CREDIT_CODE] == []


def _place(case: Path, root: Path) -> tuple[Path, dt.date]:
    meta = header(case)
    target = root / place(case, meta, root)  # with the files the case's header copies in
    return target, dt.date.fromisoformat(meta.get("as-of", ["2026-11-22"])[0])


@pytest.mark.parametrize("case", REDACT_CASES, ids=lambda p: p.name)
def test_redact_write_makes_every_case_pass(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target, as_of = _place(case, tmp_path / "data")
    before = target.read_bytes()
    leaks = [f for f in validate(str(tmp_path / "data"), as_of).report if f.rule == "R-REDACT" and f.severity == "error"]
    assert main(["redact", str(target)]) == (1 if leaks else 0)
    diff = capsys.readouterr().out
    assert target.read_bytes() == before  # without --write nothing changes
    # What cannot be masked (a diagnosis, a natural person's code field) is left to the clerk,
    # with the hint: it is all that remains after --write.
    manual = [f for f in leaks if f.message("en").startswith(MANUAL)]
    assert main(["redact", "--write", str(target)]) == (1 if manual else 0)
    if manual:
        assert "cannot be fixed automatically" in capsys.readouterr().err
    after = validate(str(tmp_path / "data"), as_of).report
    assert [f.as_dict("en") for f in after if f.severity == "error"] == [f.as_dict("en") for f in manual]
    changed = [(a, b) for a, b in zip(before.splitlines(), target.read_bytes().splitlines()) if a != b]
    assert len(changed) == diff.count("\n-") - diff.count("\n---")
    for old, new in changed:  # only the masked characters differ: same prefix and suffix
        assert len(old.decode()) - len(new.decode()) in range(-3, 20)


def test_redact_keeps_bom_and_crlf(tmp_path: Path) -> None:
    target, _ = _place(CASES / "rules" / "redact" / "mobile.yml", tmp_path / "data")
    text = target.read_text(encoding="utf-8").replace("\n", "\r\n")
    target.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert main(["redact", "--write", str(target)]) == 0
    expected = b"\xef\xbb\xbf" + text.replace("139-1234-5678", "139-****-5678").replace(
        "15812345678", "158****5678").encode()
    assert target.read_bytes() == expected


def test_redact_usage_errors(tmp_path: Path) -> None:
    assert main(["redact", str(tmp_path / "missing.yml")]) == 2
    other = tmp_path / "notes.csv"
    other.write_text("x")
    assert main(["redact", str(other)]) == 2


def test_redact_refuses_a_file_that_does_not_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target, _ = _place(CASES / "rules" / "redact" / "mobile.yml", tmp_path / "data")
    target.write_text("facts: [13912345678\n", encoding="utf-8")
    assert main(["redact", "--write", str(target)]) == 1
    assert "gongshi validate" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "facts: [13912345678\n"


public_bits = st.one_of(
    st.dates().map(lambda x: x.isoformat()),
    st.dates().map(lambda x: f"{x.year}年{x.month}月{x.day}日"),
    st.integers(0, 10**8).map(lambda n: f"人民币{n}元"),
    st.decimals(0, 10**7, places=2).map(lambda n: f"{n}元"),
    st.tuples(st.integers(2000, 2030), st.integers(1, 9999)).map(lambda t: f"霍市监罚〔{t[0]}〕{t[1]}号"),
    st.tuples(st.integers(110000, 659999), st.sampled_from(["XK", "CF", "JC"]), st.integers(1, 999)).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]:03d}"),
    st.integers(10**13, 10**14 - 1).map(lambda n: f"许可证编号JY{n}"),
    st.sampled_from(["，", "。", " ", "经查", "12315", "12345"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(public_bits, min_size=1, max_size=8), st.sampled_from(["，", "。", "、", " ", "，经查"]))
def test_public_figures_are_never_personal_data(parts: list[str], sep: str) -> None:
    # Written as a decision writes them: figures apart, not glued into one long digit run.
    assert d.detect(sep.join(parts)) == []


LEAKY_PAGE = "Title: 关于\nSlug: about\n\n联系人电话 13912345678。\n"


def test_build_refuses_a_markdown_page_with_personal_data(tmp_path: Path) -> None:
    """Pelican's pages are public too: a leak in content/ blocks the build, nothing is written."""
    from conftest import ROOT

    from gongshi.app.build import build
    shutil.copytree(BASE, tmp_path / "data")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    page = tmp_path / "content" / "pages" / "about.md"
    page.write_text(LEAKY_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    ds = build(str(tmp_path / "data"), str(out), dt.date(2026, 11, 22),
               settings_file=str(ROOT / "pelicanconf.py"), content=str(tmp_path / "content"))
    assert not ds.report.ok and not out.exists()
    # The checks run beside the rendering (runtime/jobs.py): what was rendered is gone too.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "data"]
    leak = next(f for f in ds.report if f.rule == "R-REDACT")
    assert (leak.file, leak.line, leak.column) == (str(page), 4, 7)


def test_validate_reads_the_content_next_to_the_data_or_given(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    elsewhere = tmp_path / "site" / "pages"
    elsewhere.mkdir(parents=True)
    (elsewhere / "about.md").write_text(LEAKY_PAGE, encoding="utf-8")
    day = "2026-11-22"
    assert main(["validate", str(tmp_path / "data"), "--as-of", day]) == 0
    assert main(["validate", str(tmp_path / "data"), "--as-of", day, "--content", str(tmp_path / "site")]) == 1
    assert "about.md:4:7" in capsys.readouterr().out
    (tmp_path / "site").rename(tmp_path / "content")  # <data>/../content: read without the option
    assert main(["validate", str(tmp_path / "data"), "--as-of", day]) == 1
    assert main(["validate", str(tmp_path / "data"), "--as-of", day, "--content", str(tmp_path / "none")]) == 2


def test_disclosed_kinds_are_kinds_the_gate_knows() -> None:
    """A typo in Text(disclosed=...) would silently disclose nothing (or the wrong thing)."""
    from gongshi.model.kinds import KINDS
    for name in KINDS:
        for path, field in kind_fields(name):
            assert field.disclosed <= set(d.WHAT), (name, path, field.disclosed - set(d.WHAT))


def test_a_list_of_numbers_is_read_number_by_number() -> None:
    # A number written with separators right after another number is read as its continuation
    # (2000-01-13 12315) only when what stands before is no whole number: after a mobile or a
    # local number (a mask's * counted as its digits, as redact --write leaves it) it is the next
    # item of a list, and is read.
    def found(text: str) -> list[tuple[str, str]]:
        return [(m.kind, m.text) for m in d.detect(text)]
    assert found("电话13912345678 0564-6021234") == [(d.MOBILE, "13912345678"), (d.LANDLINE, "0564-6021234")]
    assert found("电话0564-2002000、0564-2000000") == [(d.LANDLINE, "0564-2002000"), (d.LANDLINE, "0564-2000000")]
    assert found("电话139****5678 0564-6021234") == [(d.LANDLINE, "0564-6021234")]
    assert found("2000-01-13 12315") == []


def test_stars_that_hide_digits_mask_and_stars_put_among_digits_do_not() -> None:
    # A mask stands where digits were: the text redact leaves settles (nothing read again from
    # a mask's remains and the next number). Stars put among digits that are all still there
    # (emphasis, paired or not) hide nothing: the number is reported.
    text = "0564-2002000 0564-2000000 13000000000"
    for _ in range(2):
        for m in sorted(d.detect(text), key=lambda m: -m.start):
            text = text[:m.start] + (m.mask or "") + text[m.end:]
    assert text == "0564-***2000 0564-***0000 130****0000" and d.detect(text) == []
    for obfuscated in ("1**30**00000000", "1***3912345678", "1**3912345678"):
        assert [(m.kind, m.text) for m in d.detect(obfuscated)] == [(d.MOBILE, obfuscated)]
