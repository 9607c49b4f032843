"""Phone numbers are tap-to-call: every telephone the portal shows (agency page, home page,
a guide's 咨询电话 and 监督电话, the footer's 联系我们) is a `tel:` link."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongshi.outputs.portal.generator import phone_links


@pytest.mark.parametrize(("text", "html"), [
    ("12315", '<a href="tel:12315">12315</a>'),
    ("0564-6021234", '<a href="tel:05646021234">0564-6021234</a>'),
    ("(0564) 602 1234", '<a href="tel:05646021234">(0564) 602 1234</a>'),
    ("+86 564 6021234", '<a href="tel:+865646021234">+86 564 6021234</a>'),
    (5646021, '<a href="tel:5646021">5646021</a>'),
    ("0564-6021234转8001；12345 热线",
     '<a href="tel:05646021234">0564-6021234</a>转8001；<a href="tel:12345">12345</a> 热线'),
    ("工作日 8:30-12:00", "工作日 8:30-12:00"),      # not a number: too few digits
    ("<b>110</b>", "&lt;b&gt;110&lt;/b&gt;"),          # escaped, and 3 digits are no link
    (None, ""),
])
def test_phone_links(text: object, html: str) -> None:
    assert str(phone_links(text)) == html


def _dd(page: str, label: str) -> list[str]:
    return re.findall(rf"<dt>{label}</dt><dd>(.*?)</dd>", page)


def test_every_phone_shown_is_a_tel_link(demo_site: Path) -> None:
    guides = sorted(p for p in demo_site.glob("*/guides/*.html") if p.name != "index.html")
    agencies = sorted(p.parent for p in demo_site.glob("*/officers.html"))
    assert guides and agencies
    shown = 0
    for path in guides:
        page = path.read_text(encoding="utf-8")
        for label in ("咨询电话", "监督电话"):
            for dd in _dd(page, label):
                assert dd == "" or '<a href="tel:' in dd, (path, label, dd)
                shown += bool(dd)
    for folder in agencies:
        page = (folder / "index.html").read_text(encoding="utf-8")
        for label in ("联系电话", "投诉举报电话"):
            (dd,) = _dd(page, label)
            assert re.fullmatch(r'<a href="tel:\+?\d+">[^<]+</a>', dd), (folder, label, dd)
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"投诉举报 <a href=\"tel:\d+\">", home)) == len(agencies)
    for path in (demo_site / "index.html", demo_site / "404.html", demo_site / "notices/platform-launch.html"):
        contact = re.search(r'<p id="contact">.*?</p>', path.read_text(encoding="utf-8")).group()
        assert re.search(r'电话 <a href="tel:\d+">', contact), (path, contact)
    assert shown >= len(guides)
