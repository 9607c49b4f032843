"""Every part of an attachment is read by the gate, and what is published is a sanitised copy
(issue 20, checks/attachparts.py). The attachments are made here (tests/attachmaker.py)."""
from __future__ import annotations

import datetime as dt
import random
import shutil
import time
import zipfile
import io
from pathlib import Path

import pytest

from attachmaker import DOCX_PARTS, MAKERS, bomb
from conftest import CASES, DEMO_AS_OF, ROOT
from gongshi.checks import attachments, attachparts
from gongshi.checks.pipeline import validate
from gongshi_tools import attachfiles
from test_outscan import KINDS, _digits

SECRET = "13912345678"
CASES_OF = [(ext, part) for ext, (_make, parts) in MAKERS.items() for part in parts]
# Parts of the document itself (what a reader sees on the page): read by the gate, published.
VISIBLE = {("docx", "header"), ("docx", "footnote"), ("xlsx", "hidden"), ("xlsx", "header"), ("xlsx", "formula"),
           # kept in the copy too (a document inside the document, the zip's own names, what a
           # screen reader reads of a PDF): read by the gate, which refuses them
           ("docx", "embedded-xlsx"), ("docx", "embedded-docx"), ("docx", "altchunk"), ("docx", "ole-utf16"),
           ("docx", "member-name"), ("docx", "xml-other-name"), ("xlsx", "printer-settings"), ("pdf", "struct-alt"), ("pdf", "page-labels"),
           ("pdf", "uri")}


def _data_with(tmp_path: Path, ext: str, body: bytes) -> Path:
    """_base with the guide's 申请书 template replaced by `body` as files/form.<ext>."""
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    (data / "agencies/demo/files" / f"form.{ext}").write_bytes(body)
    guide = data / "agencies/demo/guides/license-1.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("template: files/shenqingshu.docx", f"template: files/form.{ext}"), encoding="utf-8")
    assert f"files/form.{ext}" in guide.read_text(encoding="utf-8")
    return data


@pytest.mark.parametrize("ext, part", CASES_OF)
def test_every_part_is_read_by_the_gate(tmp_path: Path, ext: str, part: str) -> None:
    make, _ = MAKERS[ext]
    data = _data_with(tmp_path, ext, make(part, SECRET))
    ds = validate(str(data), DEMO_AS_OF)
    leaks = [f for f in ds.report.errors if f.rule == "R-REDACT" and f.file.endswith(f"form.{ext}")
             and f.msg is not attachments.UNREVIEWED]
    assert leaks, ds.report.to_text("en")
    assert all("139" in f.message("en") for f in leaks)


def test_a_comment_is_reported_with_its_part(tmp_path: Path) -> None:
    data = _data_with(tmp_path, "docx", MAKERS["docx"][0]("comment", SECRET))
    found = [f for f in validate(str(data), DEMO_AS_OF).report.errors if f.msg is attachments.PART_LEAK]
    assert [f.message("zh") for f in found] == [
        "附件“form.docx”的 word/comments.xml 中有未作隐私处理的手机号码（建议写作“139****5678”）"]
    assert [f.message("en") for f in found] == [
        "attachment 'form.docx' holds an unredacted mobile number in word/comments.xml (proposed masking: '139****5678')"]


@pytest.mark.parametrize("ext, part", CASES_OF)
def test_the_published_copy_keeps_no_metadata(ext: str, part: str) -> None:
    make, _ = MAKERS[ext]
    original = make(part, SECRET)
    copy = attachparts.sanitised(ext, original)
    assert attachparts.sanitised(ext, original) == copy  # deterministic
    texts, why = attachments.every_text(ext, copy)
    assert texts is not None, why
    if (ext, part) in VISIBLE:  # the page itself: kept, and the gate refuses it
        assert any(SECRET in t for t in texts)
        return
    assert SECRET.encode() not in copy and not any(SECRET in t for t in texts)
    inflated = b""
    if ext in ("docx", "xlsx"):
        with zipfile.ZipFile(io.BytesIO(copy)) as zf:
            assert zf.testzip() is None
            inflated = b"".join(zf.read(n) for n in zf.namelist())
            assert not any(n.startswith("word/comments") or n.startswith("xl/comments") for n in zf.namelist())
        assert SECRET.encode() not in inflated
    if ext == "pdf":
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(copy))
        assert reader.metadata is None and "/AcroForm" not in reader.trailer["/Root"]
        assert "申请人签名" in reader.pages[0].extract_text()


def test_docx_tracked_changes_are_accepted_in_the_copy() -> None:
    copy = attachparts.sanitised("docx", MAKERS["docx"][0]("deletion", SECRET))
    with zipfile.ZipFile(io.BytesIO(copy)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
        assert "（已删除）" in xml and "w:ins" not in xml and "w:del" not in xml
        assert "docProps/custom.xml" not in zf.namelist()
        assert "<dc:creator/>" in zf.read("docProps/core.xml").decode("utf-8")


def test_a_file_with_nothing_to_remove_is_published_unchanged() -> None:
    for ext, body in (("docx", attachfiles.docx(["申请书"])), ("pdf", attachfiles.pdf(["申请书"]))):
        assert attachparts.sanitised(ext, body) == body


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    body = bomb()
    assert len(body) < 200 * 1024
    data = _data_with(tmp_path, "xlsx", body)
    started = time.perf_counter()
    ds = validate(str(data), DEMO_AS_OF)
    assert time.perf_counter() - started < 30
    found = [f for f in ds.report.errors if f.msg is attachments.REFUSED]
    assert [f.message("zh") for f in found] == [
        "附件“files/form.xlsx”不能读取：解压后有 68157528 字节，超过 33554432 字节的上限（可能是压缩炸弹）"]
    assert [f.message("en") for f in found] == [
        "attachment 'files/form.xlsx' is refused: it inflates to 68157528 bytes, over the limit of 33554432 bytes "
        "(a zip bomb?)"]
    with pytest.raises(attachparts.Refused):
        attachparts.sanitised("xlsx", body)
    assert attachments.every_text("xlsx", body)[0] is None


def test_parsing_has_a_time_limit() -> None:
    with pytest.raises(attachparts.Refused) as err:
        attachparts.within(0.05, time.sleep, 2)
    assert err.value.en == "parsing took longer than 0.05 s"


# ------------------------------------------------------------------ the property, through the build

@pytest.mark.slow  # builds a whole site, twice
@pytest.mark.parametrize("seed", [2, 6, 9, 14, 16, 23])  # docx, jpg, png, pdf; two visible parts
def test_personal_data_in_an_attachment_part_never_leaves(seed: int, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Random personal data of a random kind in a random part of a random type: with the gate
    the build fails and the published site is unchanged; with the attachment gate off the
    published bytes still never hold it (the copy is sanitised, or the output scan refuses)."""
    from gongshi.app.build import build
    r = random.Random(seed)
    ext, part = r.choice(CASES_OF)
    value = KINDS[r.choice(sorted(KINDS))](r)
    data = _data_with(tmp_path, ext, MAKERS[ext][0](part, value))
    out = tmp_path / "output"
    settings = str(ROOT / "pelicanconf.py")

    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=settings, content=str(ROOT / "content"))
    assert not ds.report.ok and not out.exists(), (ext, part, value)

    monkeypatch.setattr(attachments, "scan", lambda *a, **k: ([], None))  # the source gate misses it
    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=settings, content=str(ROOT / "content"))
    published = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file()) if out.exists() else b""
    assert value.encode("utf-8") not in published, (ext, part, value)
    if len(_digits(value)) >= 7:
        assert _digits(value).encode() not in published, (ext, part, value)
    if ds.report.ok:  # published: the part was one the copy drops
        assert (ext, part) not in VISIBLE
    else:
        assert any(f.rule == "R-REDACT" for f in ds.report.errors)
