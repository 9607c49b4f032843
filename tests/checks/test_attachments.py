"""Attachments (issue 16): a guide's 示范文本 is published under files/<agency>/ and its page
links it by the material's name (issue 24) with its type and size."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import CASES, ROOT
from gongshi.checks import attachments
from gongshi.app.build import build


def test_size_labels() -> None:
    assert attachments.size_label(1) == "1 KB"
    assert attachments.size_label(120 * 1024) == "120 KB"
    assert attachments.size_label(3 * 1024 * 1024 // 2) == "1.5 MB"


def test_attachment_published_with_type_and_size(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    out = tmp_path / "out"
    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=str(ROOT / "pelicanconf.py"),
               content=str(ROOT / "content"))
    assert ds.report.ok, ds.report.to_text("en")
    src = data / "agencies/demo/files/shenqingshu.docx"
    copied = out / "files/demo/shenqingshu.docx"
    assert copied.read_bytes() == src.read_bytes()
    page = (out / "demo/guides/license-1.html").read_text(encoding="utf-8")
    kind, size = attachments.describe(str(src))
    assert (kind, size) == ("DOCX", f"{(src.stat().st_size + 1023) // 1024} KB")
    # Named by the material, not by the file (shenqingshu.docx); saved under that name too.
    assert f'files/demo/shenqingshu.docx" download="申请书.docx">申请书（示范文本）</a>（{kind}，{size}）' in page
    assert ">shenqingshu.docx<" not in page


def test_files_linked_from_a_notice_are_checked_and_published(tmp_path: Path) -> None:
    # A notice links an agency's file (/files/<agency>/<name>, kept in agencies/<agency>/files/)
    # and a site-level one (/files/<name>, kept in the data folder's files/): both pass the
    # attachment checks and are published at the address they are linked by.
    data = tmp_path / "data"
    shutil.copytree(CASES / "_base", data)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (data / "files").mkdir()
    shutil.copy(CASES / "attachments/files/clean.pdf", data / "agencies/demo/files/notice.pdf")
    shutil.copy(CASES / "attachments/files/clean.pdf", data / "files/rules.pdf")
    (content / "notices/2026-form.md").write_text(
        "Title: 申请表格更新的公告\nDate: 2026-11-01\nSlug: 2026-form\n\n"
        "新版申请表见[附件](/files/demo/notice.pdf)，办事规则见[全站附件](/files/rules.pdf)。\n", encoding="utf-8")
    links = attachments.content_links(str(content), str(data))
    assert [(x.url, x.agency) for x in links] == [("files/demo/notice.pdf", "demo"), ("files/rules.pdf", "")]
    out = tmp_path / "out"
    ds = build(str(data), str(out), dt.date(2026, 11, 22), settings_file=str(ROOT / "pelicanconf.py"),
               content=str(content))
    assert ds.report.ok, ds.report.to_text("en")
    assert (out / "files/demo/notice.pdf").read_bytes() == (data / "agencies/demo/files/notice.pdf").read_bytes()
    assert (out / "files/rules.pdf").read_bytes() == (data / "files/rules.pdf").read_bytes()
    page = (out / "notices/2026-form.html").read_text(encoding="utf-8")
    assert 'href="/files/demo/notice.pdf"' in page and 'href="/files/rules.pdf"' in page
