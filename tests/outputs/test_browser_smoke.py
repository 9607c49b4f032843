"""The browser fixtures work: the home page opens in Chromium with nothing loaded from outside."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_opens(page, site_url: str) -> None:
    page.goto(site_url + "/index.html")
    assert page.title()
    assert page.outside_requests == []
