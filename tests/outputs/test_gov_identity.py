"""Government-site norms in the footer (issue 24): the 党政机关网站标识 (image and link when
the site has one) and the 我为政府网站找错 link, from site.yml's identity, each optional; the
provenance of a record in words, its commit a link only where a public repository is named."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import DEMO_AS_OF, ROOT
from gongshi.app.build import build

BADGE = "https://bszs.conac.cn/sitename?method=show&id=0000000000"


def _footer(page: Path) -> str:
    return re.search(r'<footer class="site-footer">.*?</footer>', page.read_text(encoding="utf-8"), re.S).group()


def test_demo_footer_has_the_report_link_and_no_badge(demo_site: Path) -> None:
    footer = _footer(demo_site / "index.html")
    assert ('<a class="gov-report" href="https://zfwzzc.www.gov.cn/check_web/errorSubmit_new.jsp?'
            'site_code=3415220001" rel="noopener">我为政府网站找错</a>') in footer
    assert "gov-badge" not in footer  # the demo county has no badge: none is shown


def test_badge_with_image_and_link(data_copy: Path, tmp_path: Path) -> None:
    site = data_copy / "site.yml"
    text = site.read_text(encoding="utf-8").replace("  report_error:", f"  badge:\n    url: {BADGE}\n"
                                                    "    image: /theme/images/dzjg.png\n  report_error:")
    site.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    ds = build(str(data_copy), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py"),
               content=str(ROOT / "content"))
    assert ds.report.ok, ds.report.to_text("en")
    for page in (out / "index.html", out / "market/officers.html", out / "search.html"):
        footer = _footer(page)
        assert (f'<a class="gov-badge" href="{BADGE.replace("&", "&amp;")}" rel="noopener"><img '
                'src="/theme/images/dzjg.png" alt="党政机关网站标识" width="47" height="58"></a>') in footer, page
        assert "我为政府网站找错" in footer


def test_provenance_in_words(demo_site: Path) -> None:
    pages = sorted(demo_site.glob("*/flowcharts/*.html"))
    shown = [m for p in pages for m in re.findall(r'<p class="provenance">(.*?)</p>', p.read_text(encoding="utf-8"))]
    if not shown:  # outside a git checkout there is no provenance to show
        return
    for text in shown:
        assert re.fullmatch(r'更新于 \d{4}-\d{2}-\d{2}（<a href="https://git\.example\.gov\.cn/huoqiu/zfgs-data/commit/'
                            r'[0-9a-f]{40}" rel="noopener">查看这次修改</a>）', text), text
        assert "提交" not in text
