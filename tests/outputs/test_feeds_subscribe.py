"""Subscribe pages (issue 24): one per agency, with its feed addresses and a QR code of each
(inline SVG, nothing loaded from elsewhere), linked from the feeds page and the agency page."""
from __future__ import annotations

import re
from pathlib import Path

import segno

from gongshi.outputs.feeds.subscribe import qr_svg


def test_every_agency_has_a_subscribe_page_with_addresses_and_codes(demo_site: Path) -> None:
    agencies = sorted(p.parent.name for p in demo_site.glob("*/officers.html"))
    assert agencies
    feeds_page = (demo_site / "feeds/index.html").read_text(encoding="utf-8")
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in agencies:
        page = (demo_site / f"feeds/agency/{slug}.html").read_text(encoding="utf-8")
        urls = re.findall(r'<code class="feed-url">([^<]+)</code>', page)
        assert urls == [f"https://zfgs.example.gov.cn/feeds/agency/{slug}.atom.xml",
                        f"https://zfgs.example.gov.cn/feeds/agency/{slug}.rss.xml"], slug
        svgs = re.findall(r'<svg role="img" [^>]*><title>([^<]+)</title>', page)
        assert len(svgs) == 2 and all(t.endswith("的二维码") for t in svgs), svgs
        for url in urls:  # the code on the page is the code of the address shown beside it
            assert str(qr_svg(url, svgs[urls.index(url)])) in page
        assert f'href="/feeds/agency/{slug}.html">二维码</a>' in feeds_page
        assert f'href="/feeds/agency/{slug}.html">' in (demo_site / slug / "index.html").read_text(encoding="utf-8")
        assert f"/feeds/agency/{slug}.html</loc>" in sitemap
        assert 'class="agency-nav"' in page  # the agency's own menu, as on its other pages


def test_qr_code_encodes_the_address() -> None:
    url = "https://zfgs.example.gov.cn/feeds/agency/market.atom.xml"
    svg = str(qr_svg(url, "t"))
    code = segno.make(url, error="m", micro=False)
    assert code.designator.endswith("-M") and svg.startswith('<svg role="img" ')
    # Deterministic: the same address gives the same bytes in every build.
    assert svg == str(qr_svg(url, "t"))
