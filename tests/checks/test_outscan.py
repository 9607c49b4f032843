"""What leaves is read too (issue 20, checks/outscan.py): every file a build wrote is scanned for
the number-like kinds of personal data before the folder goes online; a hit keeps the published
site as it was and names the output file (and the record, where the build knows it)."""
from __future__ import annotations

import json

import gzip
import html
import os
import random
import shutil
import string
from pathlib import Path

import pytest
import yaml

from conftest import DATA, DEMO_AS_OF, ROOT
from gongshi.checks import outscan
from gongshi.model.dataset import load
from gongshi.runtime.checksums import id_check_char, luhn_valid


# ------------------------------------------------------------------ random personal data

def _id(r: random.Random) -> str:
    first = f"{r.choice([11, 31, 34, 44, 51])}{r.randint(1, 99):02d}{r.randint(1, 99):02d}" \
            f"{r.randint(1950, 2005)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
    return first + id_check_char(first)


def _card(r: random.Random) -> str:
    body = "62" + "".join(r.choice(string.digits) for _ in range(r.choice([13, 14, 16])))
    return next(body + c for c in string.digits if luhn_valid(body + c))


def _spaced(r: random.Random, number: str) -> str:
    """The number as a clerk might write it: plain, in groups of four, or with dashes."""
    sep = r.choice(["", " ", "-"])
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4)) if sep else number


KINDS = {
    "id": lambda r: "身份证号码" + _spaced(r, _id(r)),
    "mobile": lambda r: "联系电话" + _spaced(r, "1" + r.choice("3456789") + "".join(r.choice(string.digits) for _ in range(9))),
    "landline": lambda r: f"电话0{r.randint(10, 99)}-{r.randint(2, 9)}{r.randint(0, 9999999):07d}",
    "card": lambda r: "银行卡" + _spaced(r, _card(r)),
    "account": lambda r: "银行账号" + "".join(r.choice(string.digits) for _ in range(r.randint(10, 19))),
    "email": lambda r: "".join(r.choice(string.ascii_lowercase) for _ in range(7)) + "@" + r.choice(["qq.com", "163.com", "example.cn"]),
    "plate": lambda r: "车牌皖" + r.choice("ABCDEFGHJK") + "".join(r.choice("0123456789ABCDEFGHJK") for _ in range(4)) + r.choice(string.digits),
    "passport": lambda r: "护照号码E" + "".join(r.choice(string.digits) for _ in range(8)),
}


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


# ------------------------------------------------------------------ the scanner on files

def _scan(folder: Path, **kw: object) -> outscan.Outcome:
    return outscan.scan(str(folder), load(str(DATA)), workers=1, **kw)  # type: ignore[arg-type]


@pytest.mark.slow  # builds a whole site
def test_the_demo_site_holds_nothing(demo_site: Path) -> None:
    found = outscan.scan(str(demo_site), load(str(DATA)))
    assert found.findings == [] and found.read > 1000


@pytest.mark.parametrize("rel, body", [
    ("a.html", "<p>联系 139 1234 5678</p>"),
    ("b.html", '<a href="tel:13912345678">电话</a>'),               # an attribute
    ("c.html", '<p data-x="13912345678">x</p>'),
    ("d.html", "<p>1391<b>234</b>5678</p>"),                        # split by inline markup
    ("d2.html", "<p>x</p><!-- 联系 13912345678 --><p>y</p>"),        # inside an HTML comment
    ("d3.html", "<p>x</p><!--<b>1391234</b>5678--><p>y</p>"),       # a comment's tags
    ("e.html", "<p>&#49;3912345678</p>"),                           # an entity
    ("f.json", '{"x": ["a", {"y": "手机13912345678"}]}'),
    ("g.json", '{"x": 13912345678}'),                               # a number, not a string
    ("h.csv", "名称,电话\n某,13912345678\n"),
    ("i.xml", "<rss><item><description>&lt;p&gt;13912345678&lt;/p&gt;</description></item></rss>"),
    ("13912345678.html", "<p>x</p>"),                               # the file's name
    ("search/g/0.json", '{"13912345678": "1,2"}'),                  # a gram file's keys
    ("robots.txt", "# 13912345678\n"),
    ("theme/font.woff", b"wOFF\x00\x01\x00Copyright 13912345678\x00\x00"),  # a binary's text runs
    ("p.html.gz", gzip.compress(b"<p>13912345678</p>", mtime=0)),  # a page stored compressed
])
def test_a_number_in_any_output_is_found(tmp_path: Path, rel: str, body: str | bytes) -> None:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    found = _scan(tmp_path).findings
    assert [f.args["out"] for f in found] == [rel]
    assert found[0].rule == "R-REDACT"
    mask = found[0].args["mask"]
    assert html.unescape(mask).replace(" ", "") == "139****5678"
    assert found[0].message("en") == (f"the generated file '{rel}' holds an unredacted mobile number ({mask}); "
                                      "the site was not updated")
    assert found[0].message("zh") == f"生成的文件“{rel}”中有未作隐私处理的手机号码（{mask}），网站没有更新"


def test_every_number_like_kind_is_found(tmp_path: Path) -> None:
    r = random.Random(7)
    for i, (kind, make) in enumerate(sorted(KINDS.items())):
        (tmp_path / f"{i}.html").write_text(f"<p>{make(r)}</p>", encoding="utf-8")
    (tmp_path / "bracketed.html").write_text("<p>电话（0564）6021299</p>", encoding="utf-8")
    found = _scan(tmp_path).findings
    assert sorted(f.args["what_en"] for f in found) == [
        "bank account number", "bank card number", "e-mail address", "landline number", "landline number",
        "mobile number", "passport or travel-permit number", "resident ID number", "vehicle plate"]


@pytest.mark.parametrize("corpus", ["tune.tsv", "heldout.tsv", "tune2.tsv", "heldout3.tsv", "tune3.tsv"])
def test_the_cues_let_through_every_number_the_detectors_find(corpus: str) -> None:
    """The scan asks the detectors only about texts with a cue (outscan.suspect): over the leak
    corpora, written by people who had not read the detectors, no number-like match is lost."""
    import csv
    from gongshi.policy import detectors as d
    rows = list(csv.DictReader((Path(__file__).parent.parent / "data" / "leaks" / corpus).open(encoding="utf-8"),
                               delimiter="\t"))
    found = [r["text"] for r in rows if {m.kind for m in d.detect(r["text"])} & outscan.KINDS_SCANNED]
    assert len(found) >= (15 if corpus == "tune3.tsv" else 30)  # tune2.tsv: 34 number-like rows; tune3.tsv 16
    assert [t for t in found if not outscan.suspect(t)] == []
    assert set(outscan.suspects(found)) == set(found)


def test_other_identity_documents_are_found(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>台湾身份证A123456789</p><p>联系电话 6021234</p><p>驾驶证号 3415221985</p>"
                                     "<p>zhang#qq.com</p>", encoding="utf-8")
    assert sorted(f.args["what_en"] for f in _scan(tmp_path).findings) == [
        "e-mail address", "identity document number", "identity document number", "landline number"]


def test_disclosed_numbers_digests_and_masks_are_no_leak(tmp_path: Path) -> None:
    # The agencies' published phones (as text and as tel: links), the allow list, a SHA-256
    # that begins with digits, and masked numbers.
    (tmp_path / "a.html").write_text(
        '<p>0564-6021234 <a href="tel:05646021234">12315</a> 341522********0036 139****5678</p>'
        '<p>0752756474cfa348bbaac0c90bffb74e89a6fbce44fb39a8b2daf5f265b503ec</p>', encoding="utf-8")
    assert _scan(tmp_path).findings == []


def test_an_unreadable_output_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>\xff\xfe</p>")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.html.br").write_bytes(b"\x8b\x0b\xff\xfe")  # a type it cannot read
    (tmp_path / "d.html.gz").write_bytes(b"\x1f\x8b broken")
    found = _scan(tmp_path).findings
    assert [(f.args["out"], f.msg is outscan.UNREADABLE) for f in found] == [
        ("a.html", True), ("b.json", True), ("c.html.br", True), ("d.html.gz", True)]
    assert found[0].message("en").startswith("the generated file 'a.html' cannot be read (UnicodeDecodeError")


def test_files_linked_from_the_published_build_are_skipped_only_when_safe(tmp_path: Path) -> None:
    published, new = tmp_path / "out", tmp_path / "out.tmp"
    published.mkdir()
    new.mkdir()
    (published / "old.html").write_text("<p>13912345678</p>", encoding="utf-8")  # as if allowed then
    os.link(published / "old.html", new / "old.html")
    (new / "fresh.html").write_text("<p>x</p>", encoding="utf-8")
    first = _scan(new, published=str(published))
    assert first.skipped == 0 and len(first.findings) == 1  # no state: everything is read
    outscan.save_state(str(published), first.state)
    again = _scan(new, published=str(published))
    assert (again.read, again.skipped, again.findings) == (1, 1, [])
    # A different context (another allow list, other code) reads everything again ...
    outscan.save_state(str(published), outscan.State("other", first.state.since_ns))
    assert _scan(new, published=str(published)).skipped == 0
    # ... and so does a linked file changed after the published build's scan.
    outscan.save_state(str(published), first.state)
    os.utime(new / "old.html", ns=(first.state.since_ns + 10**9, first.state.since_ns + 10**9))
    assert _scan(new, published=str(published)).skipped == 0
    # A copy with the same bytes (open data is written afresh) counts as the published file;
    # one byte changed, it is read.
    os.utime(published / "old.html", ns=(first.state.since_ns - 10**9,) * 2)
    (new / "old.html").unlink()
    (new / "old.html").write_text("<p>13912345678</p>", encoding="utf-8")
    assert _scan(new, published=str(published)).skipped == 1
    (new / "old.html").write_text("<p>13912345679</p>", encoding="utf-8")
    assert _scan(new, published=str(published)).skipped == 0


def test_two_workers_find_what_one_finds(tmp_path: Path) -> None:
    for i in range(400):
        (tmp_path / f"p{i}.html").write_text(f"<p>第{i}页</p>" + ("<p>13912345678</p>" if i == 333 else ""),
                                             encoding="utf-8")
    one = _scan(tmp_path).findings
    two = outscan.scan(str(tmp_path), load(str(DATA)), workers=2).findings
    assert [f.args for f in one] == [f.args for f in two] and len(one) == 1


def test_a_public_credit_code_is_no_cue_but_a_number_beside_it_is_read() -> None:
    code = "9134152210C106G4AU"  # an organisation's: a letter in it, its check character right
    assert outscan.suspect(code) and outscan.suspects([f"当事人代码 {code}"]) == []
    assert outscan.suspects([f"{code} 电话13912345678"]) == [f"{code} 电话13912345678"]
    assert outscan.suspects(["9134152210C106G4AX"]) == ["9134152210C106G4AX"]  # a wrong check: still a cue


def test_licences_and_officers_certificates_are_no_cue_and_the_detectors_find_nothing_in_them() -> None:
    """outscan._PUBLIC_FORMS: the cues read these shapes as blanks, which is safe only while the
    detectors find no number-like kind in them, whatever stands after them that cannot join
    their digits; and a number beside them is still read."""
    from gongshi.policy import detectors as d
    r = random.Random(20)
    provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

    def digits(n: int, lead: str = "") -> str:
        return (lead + "".join(r.choice(string.digits) for _ in range(n)))[:n]
    after = ["", "\n听证", "\n一般程序", "\n一审", "。", "、", "，罚款", "\n\n行政检查", " 吊销"]
    texts = []
    for i in range(600):
        lead = r.choice(["", "1", "13", "139", "0", "0564", "62", "34", "9"])  # phone-, card-, ID-like digits
        licence = "JY" + digits(14, lead)
        cert = r.choice(provinces) + r.choice(string.ascii_uppercase) + digits(7, lead)
        tail = r.choice(after)
        texts += [f"许可证（编号 {licence}）{tail}", f"王某（证号 {cert}）{tail}", f"王某（执法证号 {cert}）{tail}",
                  f"许可证（编号 {licence}）\n张某（证号 {cert}）{tail}"]
    assert [t for t in texts if {m.kind for m in d.detect(t)} & outscan.KINDS_SCANNED] == []
    assert outscan.suspects(texts) == []
    joined = ["许可证（编号 JY49860426765757）1", "许可证（编号 JY49860426765757）\n二〇二四",
              "王某（证号 皖D5095694）13912345678", "王某（证号 皖D5095694） 123", "王某（证号 皖D5095694）\n一二三",
              "编号 JY49860426765757"]
    assert outscan.suspects(joined) == sorted(joined, key=joined.index)


def test_pages_and_documents_read_in_batches_name_the_file_of_each_hit(tmp_path: Path) -> None:
    # More files than a batch holds, pages and search documents mixed, one of each kind of
    # problem: a number in a page, a number in a document, a document that is not JSON, a
    # number only in a file's name; each is found at its own file.
    (tmp_path / "search" / "d").mkdir(parents=True)
    for i in range(150):
        (tmp_path / f"p{i}.html").write_text(f"<main><p>第{i}页</p>{'<p>139 1234 5678</p>' if i == 70 else ''}</main>",
                                             encoding="utf-8")
        (tmp_path / "search" / "d" / f"{i}.json").write_text(
            '{"t": "第%d条", "x": "%s"}' % (i, "手机13812345678" if i == 99 else "无"), encoding="utf-8")
    (tmp_path / "search" / "d" / "150.json").write_text('{"t": "断了', encoding="utf-8")
    (tmp_path / "13712345678.html").write_text("<p>x</p>", encoding="utf-8")
    found = _scan(tmp_path).findings
    assert sorted((f.args["out"], f.args.get("what_en") or "unreadable") for f in found) == [
        ("13712345678.html", "mobile number"), ("p70.html", "mobile number"),
        ("search/d/150.json", "unreadable"), ("search/d/99.json", "mobile number")]


# ------------------------------------------------------------------ the build

def _plant(data: Path, seed: int) -> dict[str, str]:
    """One random number of every kind, each in the facts of another public decision: record file -> text."""
    from gongshi.publication import publish
    r = random.Random(seed)
    ds = load(str(data))
    files = sorted(v.file for v in publish(ds, DEMO_AS_OF).decisions)
    r.shuffle(files)
    planted = {}
    for (kind, make), file in zip(sorted(KINDS.items()), files):
        value = make(r)
        with open(file, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
        doc["facts"] = f"{doc['facts']}\n当事人{value}。"
        with open(file, "w", encoding="utf-8") as fh:
            yaml.safe_dump(doc, fh, allow_unicode=True, sort_keys=False)
        planted[file] = value
    return planted


@pytest.mark.slow  # builds a whole site
@pytest.mark.parametrize("seed", [1, 2])
def test_planted_numbers_the_gate_did_not_see_never_leave(seed: int, tmp_path: Path, data_copy: Path,
                                                          demo_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Property: with the source gate off (a field it does not read), random numbers of every
    kind planted in records never reach a published byte, and the build fails naming each."""
    from gongshi.app.build import build
    from gongshi.checks import redaction
    monkeypatch.setattr(redaction, "scan_record", lambda rec, policy: [])
    out = tmp_path / "output"
    shutil.copytree(demo_site, out, symlinks=True)  # the published site
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    planted = _plant(data_copy, seed)
    ds = build(str(data_copy), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"))
    leaks = [f for f in ds.report.errors if f.msg is outscan.LEAK]
    assert {f.file for f in leaks} == set(planted), ds.report.to_text("en")
    assert all("来自记录" in f.message("zh") and ", from record " in f.message("en") for f in leaks)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # nothing was swapped in
    assert not list(tmp_path.glob("output.tmp-*"))
    published = b"".join(after.values())
    for value in planted.values():
        assert _digits(value).encode() not in published or len(_digits(value)) < 7
        assert value.encode("utf-8") not in published


@pytest.mark.slow  # builds a whole site
def test_a_rebuild_reads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongshi.app.build import build
    from conftest import CASES
    seen: list[outscan.Outcome] = []
    real = outscan.scan

    def spy(*a: object, **k: object) -> outscan.Outcome:
        seen.append(real(*a, **k))  # type: ignore[arg-type]
        return seen[-1]
    monkeypatch.setattr(outscan, "scan", spy)
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    out = tmp_path / "output"
    for _ in range(2):
        ds = build(str(data), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"),
                   content=str(ROOT / "content"))
        assert ds.report.ok, ds.report.to_text("en")
    first, second = seen
    assert first.skipped == 0 and second.skipped > 0
    assert second.read + second.skipped == first.read and second.read < first.read
    assert outscan.load_state(str(out)) == second.state


def test_search_meta_columns_are_codes_not_text() -> None:
    """The search page's filter columns are one base-36 code a document; a run of them is no
    phone number (a province of few counties writes "0201…0444…0101"), while a name in the meta
    is read as any text is."""
    from gongshi.checks.outscan import texts
    meta = json.dumps({"agency": {"names": ["甲县 13912345678"], "col": "02011014014140301010400110404440440444040101"}})
    found = texts("search/meta.json", meta.encode("utf-8"))
    assert "甲县 13912345678" in found
    assert not any("0444" in t for t in found)


def test_a_segmented_build_names_its_new_files_and_known_contents_are_not_parsed(tmp_path: Path) -> None:
    """The entry point for builds that reuse output files (`only`, `previous`): only the files
    named are read; one whose content (type and bytes) was scanned clean before, under the same
    context, is not parsed again, though its path still is; a scan with findings records nothing."""
    (tmp_path / "a.html").write_text("<p>第一页</p>", encoding="utf-8")
    (tmp_path / "reused.html").write_text("<p>13912345678</p>", encoding="utf-8")  # not named: not read
    first = _scan(tmp_path, only=["a.html"])
    assert (first.read, first.skipped, first.findings) == (1, 0, []) and set(first.state.files) == {"a.html"}
    # The same content under other names: not parsed; a number in the name is still found.
    (tmp_path / "copy.html").write_bytes((tmp_path / "a.html").read_bytes())
    (tmp_path / "13912345678.html").write_bytes((tmp_path / "a.html").read_bytes())
    again = _scan(tmp_path, only=["copy.html", "13912345678.html"], previous=first.state)
    assert (again.read, again.skipped) == (0, 2)
    assert [f.args["out"] for f in again.findings] == ["13912345678.html"] and again.state.files == {}
    # The same bytes as another type are read as that type; another context reads everything.
    (tmp_path / "a.json").write_bytes((tmp_path / "a.html").read_bytes())
    other = _scan(tmp_path, only=["copy.html", "a.json"], previous=outscan.State("other", 0, first.state.files))
    assert other.read == 2 and [f.args["out"] for f in other.findings] == ["a.json"]  # not JSON: unreadable
    # A content changed under a known name is read.
    (tmp_path / "a.html").write_text("<p>13912345678</p>", encoding="utf-8")
    assert len(_scan(tmp_path, only=["a.html"], previous=first.state).findings) == 1


def test_the_state_keeps_every_files_digest_for_the_next_build(tmp_path: Path) -> None:
    published, new = tmp_path / "out", tmp_path / "out.tmp"
    published.mkdir()
    new.mkdir()
    (published / "old.html").write_text("<p>旧</p>", encoding="utf-8")
    first = _scan(published)
    outscan.save_state(str(published), first.state)
    assert outscan.load_state(str(published)) == first.state
    assert outscan.load_state(str(published)).files == first.state.files == {"old.html": outscan.digest("old.html", (published / "old.html").read_bytes())}
    os.link(published / "old.html", new / "old.html")
    (new / "moved.html").write_bytes((published / "old.html").read_bytes())  # same bytes, another name
    second = _scan(new, published=str(published))
    assert (second.read, second.skipped) == (0, 2)
    assert second.state.files == {"old.html": first.state.files["old.html"], "moved.html": first.state.files["old.html"]}


def test_json_lines_read_before_are_not_read_again_and_new_ones_are(tmp_path: Path) -> None:
    """The open-data tables repeat their rows (one a line) in the whole set and in each agency's
    part: a line read before is not parsed again, a new line in the same file is."""
    row = '  {"name": "某某商店", "code": "91341522MA2N0000X1"},'
    (tmp_path / "data").mkdir()
    (tmp_path / "data/all.json").write_text(f'{{"records": [\n{row}\n  {{"name": "x"}}\n]}}\n', encoding="utf-8")
    (tmp_path / "data/part.json").write_text(f'{{"records": [\n{row}\n  {{"tel": "13912345678"}}\n]}}\n',
                                             encoding="utf-8")
    found = _scan(tmp_path).findings
    assert [(f.args["out"], f.args["what_en"]) for f in found] == [("data/part.json", "mobile number")]
    scanner = outscan.Scanner((), frozenset())
    assert scanner.content("all.json", (tmp_path / "data/all.json").read_bytes()) == []
    assert len(scanner.lines) == 5  # four lines and the empty one after the last line break


def test_search_facet_files_are_codes_not_text() -> None:
    """A large index (a province's) keeps each filter column in a file of its own,
    search/f/<facet>.json: read as meta.json's columns are (100 counties wrote 171…7171, which
    reads as a mobile number); any other file of that folder's depth stays JSON read whole."""
    from gongshi.checks.outscan import texts
    col = json.dumps({"col": "1717171717171717171717"}).encode("utf-8")
    assert not any("1717" in t for t in texts("search/f/agency.json", col))
    assert any("1717" in t for t in texts("search/d/0.json", col))


def test_a_hit_in_a_search_document_names_the_record_of_its_page(tmp_path: Path) -> None:
    """A number two fields make only where the search document joins them (a title ending in
    1395731, a party name beginning 2846) is in no field of the record: the document's "u" names
    its page, and the page its record (second red-team pass); the mask prints on one line."""
    ds = load(str(DATA))
    rec = ds.of("decision")[0]
    (tmp_path / "search" / "d").mkdir(parents=True)
    (tmp_path / "search" / "d" / "7.json").write_text(json.dumps({"u": "a/b.html", "t": "x"}), encoding="utf-8")
    hit = outscan.Hit("search/d/7.json", "mobile", "139****\n2846", "n:13957312846")
    (f,) = outscan.findings([hit], ds, str(tmp_path), {"a/b.html": rec.file}, str(tmp_path))
    assert f.file == rec.file and "来自记录" in f.message("zh") and "139****⏎2846" in f.message("zh")
