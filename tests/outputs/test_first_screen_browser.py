"""The first screen on a phone (issue 24), in Chromium at 375×800 and 320×640, in the plain and
the 适老化/无障碍 display mode: the search page shows one search box and the first results
without scrolling (its help and filters folded), and every page kind shows its own heading and
the start of its content, not only the header and menus."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from portal_pages import PAGE_KINDS

pytestmark = pytest.mark.browser

CARE = "localStorage.setItem('gongshi-display', 'care')"  # the mode as the toggle leaves it
SCREENS = [(375, 800), (320, 640)]
ITEM = "危险化学品"  # an 执法事项 name: decisions are found by the item they name (issue 24)


@pytest.fixture(params=[(w, h, m) for w, h in SCREENS for m in ("plain", "care")],
                ids=lambda p: f"{p[0]}x{p[1]}-{p[2]}")
def screen(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, int, str]]:
    width, height, mode = request.param
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    if mode == "care":
        ctx.add_init_script(CARE)
    try:
        yield ctx.new_page(), height, mode
    finally:
        ctx.close()


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return {"top": box["y"], "bottom": box["y"] + box["height"]}


def test_search_box_and_first_results_on_the_first_screen(screen: tuple[Any, int, str], site_url: str) -> None:
    page, height, mode = screen
    page.goto(f"{site_url}/search.html?q={ITEM}")
    page.wait_for_function("() => /^找到 \\d+ 条/.test(document.getElementById('search-status').textContent)")
    assert page.evaluate("document.documentElement.classList.contains('care')") == (mode == "care")
    # One search box on the search page: the header leaves its own out.
    assert page.locator("input[type=search]").count() == 1
    # Help and filters folded (one row of two summaries), so the results come up under the box.
    assert page.evaluate("[...document.querySelectorAll('.search details')].every(d => !d.open)")
    assert not page.locator("#search-kind").is_visible()
    box, status = _box(page, "#search-q"), _box(page, "#search-status")
    first_title = _box(page, ".search-result h2 a")
    assert box["bottom"] <= height / 2, (box, height)
    assert status["bottom"] <= first_title["top"] and first_title["bottom"] <= height, (first_title, height)
    if mode == "plain":  # plain text: the whole first result, snippet included
        assert _box(page, ".search-result")["bottom"] <= height
    # The 执法事项 name finds the decisions that name the item, not only the item itself.
    kinds = page.eval_on_selector_all(".search-result", "items => items.map(li => li.dataset.kind)")
    assert "decision" in kinds, kinds
    # The filters, once opened, fit the width too.
    page.click("#search-fold > summary")
    assert page.locator("#search-kind").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("kind", ["home", "agency", "decision", "decisions", "officers", "guide", "flowchart"])
def test_each_page_shows_its_own_content_on_the_first_screen(screen: tuple[Any, int, str], site_url: str,
                                                             kind: str) -> None:
    page, height, _mode = screen
    path = next(p for name, p, _ in PAGE_KINDS if name == kind)
    page.goto(f"{site_url}/{path}")
    heading = _box(page, "main h1")
    # Header and menus take under half the screen; the heading and what follows it show.
    assert heading["top"] <= 0.45 * height, (kind, heading, height)
    after = page.evaluate("""() => { const h = document.querySelector('main h1');
        let e = h.nextElementSibling; while (e && e.getBoundingClientRect().height === 0) e = e.nextElementSibling;
        return e ? e.getBoundingClientRect().top : null; }""")
    assert after is not None and after < height - 40, (kind, after, height)
    # Every menu entry stays reachable: the menu row scrolls sideways instead of wrapping.
    assert page.evaluate("[...document.querySelectorAll('.nav a')].length") == 8
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
