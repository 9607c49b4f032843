"""Every page kind in a real Chromium at phone (375 px) and desktop (1280 px) width: the page
shows its content, nothing is requested from outside the site, and nothing overflows sideways."""
from __future__ import annotations

from pathlib import Path

import pytest

from portal_pages import PAGE_KINDS

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"
SCREENSHOTS = {"home", "decision", "stats", "flowchart"}


def _check(p, site_url: str, name: str, path: str, text: str, width: int) -> None:
    response = p.goto(f"{site_url}/{path}")
    assert response is not None and response.ok, path
    assert text in p.inner_text("main"), (name, text)
    assert p.locator("h1").count() == 1, name
    # Wide tables scroll inside their own box; the page itself must fit the screen.
    assert p.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
    assert p.outside_requests == [], p.outside_requests
    if name in SCREENSHOTS:
        ARTIFACTS.mkdir(exist_ok=True)
        p.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("name,path,text", PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS])
def test_page_kind_on_phone(phone, site_url: str, name: str, path: str, text: str) -> None:
    _check(phone, site_url, name, path, text, 375)


@pytest.mark.parametrize("name,path,text", PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS])
def test_page_kind_on_desktop(page, site_url: str, name: str, path: str, text: str) -> None:
    _check(page, site_url, name, path, text, 1280)


def test_decisions_browse_without_javascript(browser, site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        p = ctx.new_page()
        p.goto(f"{site_url}/index.html")
        p.get_by_role("link", name="执法决定").first.click()
        p.get_by_role("link", name="下一页").first.click()
        assert p.url.endswith("/decisions/page-2.html")
        p.locator("table.list tbody a").first.click()
        assert "/decisions/" in p.url and p.locator("article.decision").count() == 1
    finally:
        ctx.close()


def _path(kind: str) -> str:
    return next(path for name, path, _ in PAGE_KINDS if name == kind)


def test_decision_prints_without_navigation(page, site_url: str) -> None:
    page.goto(f"{site_url}/{_path('decision')}")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("article.decision h1").is_visible()


def test_flowchart_svg_is_labelled(page, site_url: str) -> None:
    page.goto(f"{site_url}/{_path('flowchart')}")
    svg = page.locator("svg.flowchart")
    assert svg.get_attribute("role") == "img"
    title_id = svg.get_attribute("aria-labelledby")
    assert page.locator(f"#{title_id}").text_content() == page.locator("h1").inner_text()
    steps = page.locator("ol.steps > li").count()
    assert steps == page.locator("svg.flowchart g.fc-node").count() > 0


# Every element that is painted lies inside the viewport, and every table cell is at least two
# characters (2em of its own font) wide: tables turn into cards on phones instead of squeezing.
# The one exception is by design: on a phone the menus and the breadcrumb trail are one row
# that scrolls sideways
# (issue 24, so that the first screen shows the page's content); an entry further along that
# row lies past the edge inside its scrolling row, which itself must fit.
_LAYOUT_PROBLEMS = """(width) => {
  const out = [];
  const hidden = (el) => { for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.clip === 'rect(0px, 0px, 0px, 0px)') return true; }
    return false; };
  const inScrollingMenu = (el) => { const row = el.closest('nav ul, nav ol');
    return row && row !== el && ['auto', 'scroll'].includes(getComputedStyle(row).overflowX); };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || hidden(el) || inScrollingMenu(el)) continue;
    const where = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className : '');
    if (r.right > width + 0.5) out.push(`overflows: ${where} right=${Math.round(r.right)}`);
    if ((el.tagName === 'TD' || el.tagName === 'TH') && r.width < 2 * parseFloat(getComputedStyle(el).fontSize))
      out.push(`narrow cell: ${where} ${Math.round(r.width)}px "${el.textContent.trim().slice(0, 12)}"`);
  }
  return out.slice(0, 8);
}"""
MORE_PAGES = [("feeds", "feeds/index.html"), ("data", "data/index.html"),
              ("dictionary", "data/dictionary.html"), ("search", "search.html")]


CARE = "localStorage.setItem('gongshi-display', 'care')"  # the 适老化/无障碍 mode, as the toggle leaves it


# 640 px is a 1280 px window at 200% zoom.
@pytest.mark.parametrize("mode", ["plain", "care"])
@pytest.mark.parametrize("width", [320, 375, 640])
def test_every_page_fits_a_phone(browser, site_url: str, width: int, mode: str) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 700})
    if mode == "care":
        ctx.add_init_script(CARE)
    try:
        p = ctx.new_page()
        problems = {}
        for name, path in [(k[0], k[1]) for k in PAGE_KINDS] + MORE_PAGES:
            p.goto(f"{site_url}/{path}")
            found = p.evaluate(_LAYOUT_PROBLEMS, width)
            if found or p.evaluate("document.documentElement.scrollWidth") > width:
                problems[name] = found
        assert problems == {}
    finally:
        ctx.close()


def test_narrowest_phone_320(browser, site_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        p = ctx.new_page()
        for kind in ("home", "agency", "officers", "decision", "decisions", "stats", "flowchart", "guide"):
            p.goto(f"{site_url}/{_path(kind)}")
            assert p.evaluate("document.documentElement.scrollWidth") <= 320, kind
    finally:
        ctx.close()


def test_display_mode_is_remembered_and_optional(browser, site_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 375, "height": 700})
    try:
        p = ctx.new_page()
        p.goto(f"{site_url}/index.html")
        toggle = p.locator("#display-toggle")
        assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
        size = p.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        p.goto(f"{site_url}/{_path('officers')}")  # another page: the mode is remembered on the device
        assert p.evaluate("document.documentElement.classList.contains('care')")
        assert p.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 1.2 * size
        p.locator("#display-toggle").click()
        p.reload()
        assert not p.evaluate("document.documentElement.classList.contains('care')")
    finally:
        ctx.close()
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 700})
    try:
        p = ctx.new_page()
        p.goto(f"{site_url}/index.html")
        assert not p.locator("#display-toggle").is_visible()  # without JavaScript: the plain page
        assert "网站标识码" in p.inner_text("footer")
    finally:
        ctx.close()


def test_footer_names_the_site_and_its_contact(page, site_url: str) -> None:
    page.goto(f"{site_url}/{_path('decision')}")
    footer = page.locator("footer.site-footer")
    text = footer.inner_text()
    for label in ("主办单位", "承办单位", "网站标识码", "联系我们"):
        assert label in text
    assert footer.locator("a[href^='tel:']").count() == 1
