"""OFD attachments (GB/T 33190, issue 20): every part is read by the gate — the pages' text,
DocInfo (Author, Keywords, CustomDatas), annotations, custom tags, signatures and attached files —
and what is published is a sanitised copy without DocInfo's personal entries, annotations,
attachments, custom tags and signatures; a zip bomb is refused before it is inflated. The OFD
files are made by hand in attachmaker.ofd."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from attachmaker import OFD_PARTS, STAMP, ofd
from conftest import DEMO_AS_OF
from gongshi.checks import attachments, attachparts
from gongshi.checks.pipeline import validate
from test_attachparts import _data_with

ID = "341522198501011236"  # a resident ID with a valid check digit
SECRET = "13912345678"


def _inflated(body: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        assert zf.testzip() is None
        return b"".join(zf.read(n) for n in zf.namelist())


@pytest.mark.parametrize("part", OFD_PARTS)
def test_every_part_of_an_ofd_is_read_by_the_gate(tmp_path: Path, part: str) -> None:
    data = _data_with(tmp_path, "ofd", ofd(part, ID))
    report = validate(str(data), DEMO_AS_OF).report
    leaks = [f for f in report.errors if f.rule == "R-REDACT" and f.file.endswith("form.ofd")]
    assert leaks, report.to_text("en")
    assert all("341522" in f.message("en") for f in leaks), report.to_text("en")
    assert not [f for f in leaks if f.msg is attachments.UNREVIEWED]  # its text was read: no review asked


def test_a_page_is_read_as_text_and_reported_at_its_page(tmp_path: Path) -> None:
    data = _data_with(tmp_path, "ofd", ofd("text", ID))
    found = [f for f in validate(str(data), DEMO_AS_OF).report.errors if f.file.endswith("form.ofd")]
    assert [(f.line, f.column, f.message("en")) for f in found] == [
        (1, 4, "unredacted resident ID number: it must not be published; proposed masking: '341522********1236'")]
    assert attachments.text_units("ofd", ofd("text", ID))[0] == [f"当事人{ID}\n申请人签名"]


def test_a_name_in_a_page_or_in_docinfo_never_leaves(tmp_path: Path) -> None:
    data = _data_with(tmp_path, "ofd", ofd("text", "张三丰"))
    found = [f for f in validate(str(data), DEMO_AS_OF).report.errors if f.file.endswith("form.ofd")]
    assert [f.rule for f in found] == ["R-REDACT"] and "张某某" in found[0].message("zh")
    copy = attachparts.sanitised("ofd", ofd("author", "张三丰"))
    assert "张三丰".encode("utf-8") not in _inflated(copy)


def test_a_clean_ofd_needs_no_review(tmp_path: Path) -> None:
    data = _data_with(tmp_path, "ofd", ofd("text", "某某"))
    assert not [f for f in validate(str(data), DEMO_AS_OF).report.errors if f.file.endswith("form.ofd")]


@pytest.mark.parametrize("part", OFD_PARTS)
def test_the_published_ofd_keeps_only_its_pages(part: str) -> None:
    original = ofd(part, SECRET)
    copy = attachparts.sanitised("ofd", original)
    assert attachparts.sanitised("ofd", original) == copy  # deterministic
    texts, why = attachments.every_text("ofd", copy)
    assert texts is not None, why
    with zipfile.ZipFile(io.BytesIO(copy)) as zf:
        assert zf.namelist() == ["OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"]
        info = zf.read("OFD.xml").decode("utf-8")
        assert "<ofd:Title>申请书</ofd:Title>" in info and "Author" not in info and "Signatures" not in info
        assert "Annotations" not in zf.read("Doc_0/Document.xml").decode("utf-8")
    assert attachments.text_units("ofd", copy)[0] == attachments.text_units("ofd", original)[0]
    if part == "text":  # the page itself: kept, and the gate refuses it
        assert any(SECRET in t for t in texts)
        return
    assert SECRET.encode() not in _inflated(copy) and not any(SECRET in t for t in texts)


def test_pictures_inside_an_ofd_lose_their_metadata() -> None:
    from attachmaker import jpg
    original = ofd("text", "某某", {"Doc_0/Res/photo.jpg": jpg("exif", SECRET)})
    assert any(SECRET in t for _p, t, _prose in attachparts.parts("ofd", original))
    copy = attachparts.sanitised("ofd", original)
    with zipfile.ZipFile(io.BytesIO(copy)) as zf:
        assert SECRET.encode() not in zf.read("Doc_0/Res/photo.jpg")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, body in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return buf.getvalue()


def test_an_ofd_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    body = ofd("text", "某某", {"Doc_0/Res/font.ttf": b" " * (40 * 1024 * 1024)})
    assert len(body) < 200 * 1024
    data = _data_with(tmp_path, "ofd", body)
    found = [f for f in validate(str(data), DEMO_AS_OF).report.errors if f.msg is attachments.REFUSED]
    assert [f.message("en") for f in found] == [
        f"attachment 'files/form.ofd' is refused: it inflates to {41943040 + len(_inflated(ofd('text', '某某')))} "
        "bytes, over the limit of 33554432 bytes (a zip bomb?)"]
    with pytest.raises(attachparts.Refused):
        attachparts.sanitised("ofd", body)
    assert attachments.every_text("ofd", body)[0] is None


def test_zips_attached_inside_an_ofd_share_its_bound() -> None:
    inner = _zip({"word/document.xml": b" " * (20 * 1024 * 1024)})
    body = ofd("text", "某某", {"Doc_0/Attachs/a.docx": inner, "Doc_0/Attachs/b.docx": inner})
    with pytest.raises(attachparts.Refused) as err:
        attachparts.parts("ofd", body)
    assert err.value.en == "its embedded files inflate beyond the limit of 33554432 bytes (a zip bomb?)"
    texts, why = attachments.every_text("ofd", body)
    assert texts is None and "zip bomb" in why


@pytest.mark.slow  # builds a whole site, twice
def test_an_ofd_is_published_as_its_sanitised_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the build: an ID in an annotation stops it; with the attachment gate off, the
    published file is the copy without the annotation, and the ID is in no published byte."""
    import datetime as dt

    from conftest import ROOT
    from gongshi.app.build import build
    data = _data_with(tmp_path, "ofd", ofd("annotation", ID))
    out = tmp_path / "output"
    settings = str(ROOT / "pelicanconf.py")
    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=settings, content=str(ROOT / "content"))
    assert not ds.report.ok and not out.exists()

    monkeypatch.setattr(attachments, "scan", lambda *a, **k: ([], None))  # the source gate misses it
    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=settings, content=str(ROOT / "content"))
    assert ds.report.ok, ds.report.to_text("en")
    published = out / "files/demo/form.ofd"
    assert published.read_bytes() == attachparts.sanitised("ofd", ofd("annotation", ID))
    assert ID.encode() not in b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert ID.encode() not in _inflated(published.read_bytes())
