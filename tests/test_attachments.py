"""Attachments (issue 16): a guide's 示范文本 is published under files/<agency>/ and its page
links it with its type and size."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import CASES, ROOT
from gongshi import attachments
from gongshi.build import build


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
    assert f'files/demo/shenqingshu.docx" download>shenqingshu.docx</a>（{kind}，{size}）' in page
