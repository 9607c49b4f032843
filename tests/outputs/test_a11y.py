"""axe-core on every page template, at phone and desktop width: no serious or critical violation."""
from __future__ import annotations

import pytest

from portal_pages import PAGE_KINDS

pytestmark = pytest.mark.browser


def _violations(p) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(p)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


CARE = "localStorage.setItem('gongshi-display', 'care')"  # the 适老化/无障碍 mode


@pytest.mark.parametrize("mode", ["plain", "care"])
@pytest.mark.parametrize("name,path,text", PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS])
def test_axe_desktop(page, site_url: str, name: str, path: str, text: str, mode: str) -> None:
    if mode == "care":
        page.context.add_init_script(CARE)
    page.goto(f"{site_url}/{path}")
    assert page.evaluate("document.documentElement.classList.contains('care')") == (mode == "care")
    assert _violations(page) == []
    assert page.outside_requests == []


PHONE = [(name, path) for name, path, _ in PAGE_KINDS if name in ("home", "decision", "stats", "flowchart")]


@pytest.mark.parametrize("mode", ["plain", "care"])
@pytest.mark.parametrize("name,path", PHONE, ids=[k[0] for k in PHONE])
def test_axe_phone(phone, site_url: str, name: str, path: str, mode: str) -> None:
    if mode == "care":
        phone.context.add_init_script(CARE)
    phone.goto(f"{site_url}/{path}")
    assert _violations(phone) == []
