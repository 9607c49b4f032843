"""The search page of a portal built in English (GONGSHI_LANG = "en"), in Chromium: the page's
words and the ones search.js writes while searching (status, counts, result labels) are the
catalogue's English, not the source's Chinese. The records themselves stay as written."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import DESKTOP, open_page, serve
from conftest import DATA, DEMO_AS_OF, ROOT

pytestmark = pytest.mark.browser

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def english_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo portal built with the English interface, served on localhost."""
    from gongshi.app.build import build
    root = tmp_path_factory.mktemp("english")
    settings = root / "pelicanconf.py"
    settings.write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8") + "\n".join((
        "", f"THEME = {str(ROOT / 'theme')!r}", f"PATH = {str(ROOT / 'content')!r}",
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]", 'GONGSHI_LANG = "en"', "")), encoding="utf-8")
    ds = build(str(DATA), str(root / "output"), DEMO_AS_OF, settings_file=str(settings))
    assert ds.report.ok, ds.report.to_text("en")
    httpd, url = serve(root / "output")
    yield url
    httpd.shutdown()


@pytest.fixture()
def english_page(browser: object, english_url: str) -> Iterator[Any]:
    yield from open_page(browser, DESKTOP, english_url)


def _search(page: Any, q: str) -> str:
    page.fill("#search-q", q)
    page.press("#search-q", "Enter")
    page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                           " return s && s !== 'Searching…'; }")
    return str(page.text_content("#search-status"))


def test_search_page_and_its_messages_are_in_english(english_page: Any, english_url: str) -> None:
    page = english_page
    page.goto(english_url + "/search.html")
    assert page.get_attribute("html", "lang") == "en"
    assert page.text_content("h1") == "Search the enforcement disclosures"
    assert page.get_attribute("#search-q", "placeholder") == "Document no., company name, credit code, violation"
    assert page.text_content("#search-form button[type=submit]") == "Search"

    status = _search(page, "霍邱县")
    assert re.fullmatch(r"Disclosures matching “霍邱县”: \d+\.", status), status
    titles = page.eval_on_selector_all(".search-result-meta [title]", "spans => spans.map(s => s.title)")
    assert titles and set(titles) <= {"Type", "Number", "Certificate no.", "Party", "Agency"}, titles
    page.click("#search-fold > summary")
    page.focus("#search-agency")  # the counts come with the facets, fetched on the form's focus
    page.wait_for_function("() => [...document.querySelectorAll('#search-agency option')].slice(1)"
                           ".every(o => / \\(\\d+\\)$/.test(o.textContent))")
    options = page.eval_on_selector_all("#search-agency option", "o => o.map(x => x.textContent)")
    assert options[0] == "All" and len(options) > 1, options

    # Placeholders are filled once: a query holding "{n}" is shown as typed.
    assert _search(page, "{n}䶮{q}") == "No disclosure matches “{n}䶮{q}”."
    assert page.outside_requests == []


def test_search_box_in_every_page_header_is_in_english(english_page: Any, english_url: str) -> None:
    page = english_page
    page.goto(english_url + "/index.html")
    box = page.text_content("form.search-box")
    assert "Search disclosures" in box and not HAN.search(box), box
