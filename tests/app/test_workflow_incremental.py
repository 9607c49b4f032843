"""Incremental builds (issue 7, item 2): a rebuild that reuses unchanged pages is byte-identical,
file by file, to a cold full build of the same state.

One published site is rebuilt incrementally through a chain of changes (a changed record, a
deleted one, an added one, a template, site.yml, an as-of that ends a record's window, a
corrupt and a missing manifest, a published file edited behind the cache's back); after each,
its output is compared with a full build of the same state into a folder with no cache.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO_AS_OF, ROOT
from gongshi.app.build import build
from gongshi.outputs.search import incremental, index as search_index
from gongshi.outputs import pagecache
from test_workflow_refresh import differing, expiring, tree_hashes

pytestmark = pytest.mark.slow
# Nothing is exempt: the search index is byte-identical between builds (search/index.py).
UPSTREAM_UNSTABLE = re.compile(r"(?!)")


class Site:
    """A data copy, a theme copy and settings pointing at them; incremental and cold builds."""

    def __init__(self, tmp: Path, data: Path, extra: str = "") -> None:
        self.tmp, self.data = tmp, data
        self.theme = tmp / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.settings = tmp / "pelicanconf.py"
        self.settings.write_text(
            f"exec(open({str(ROOT / 'pelicanconf.py')!r}, encoding='utf-8').read())\n"
            f"THEME = {str(self.theme)!r}\nPATH = {str(ROOT / 'content')!r}\n{extra}", encoding="utf-8")
        self.out = tmp / "inc" / "output"
        self.as_of = DEMO_AS_OF
        self.rendered: list[int] = []
        self.cold_builds = 0
        self.patched: list[int] = []  # per incremental build: documents patched into the search index, -1: in full

    def incremental(self) -> None:
        assert build(str(self.data), str(self.out), self.as_of, settings_file=str(self.settings)).report.ok
        self.patched.append(search_index.LAST_RUNS[0].patched if search_index.LAST_RUNS else -1)

    def cold(self) -> Path:
        self.cold_builds += 1
        out = self.tmp / f"cold-{self.cold_builds}" / "output"
        assert build(str(self.data), str(out), self.as_of, settings_file=str(self.settings),
                     incremental=False).report.ok
        assert not pagecache.manifest_path(str(out)).startswith(str(self.out.parent))
        return out

    def assert_equal_to_cold(self) -> None:
        self.incremental()
        ha, hb = tree_hashes(self.out), tree_hashes(self.cold())
        assert len(ha) > 100
        assert [k for k in differing(ha, hb) if not UPSTREAM_UNSTABLE.match(k)] == []


def _site(data: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> Site:
    s = Site(tmp, data, extra)
    original = pagecache.PageCache.record

    def spy(self: pagecache.PageCache, keys: dict[str, str], rendered: int, pages: int) -> int:
        s.rendered.append(original(self, keys, rendered, pages))
        return rendered
    monkeypatch.setattr(pagecache.PageCache, "record", spy)
    s.incremental()  # the published build every step starts from
    return s


@pytest.fixture()
def site(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    return _site(data_copy, tmp_path, monkeypatch)


def first_decision(data: Path) -> Path:
    return sorted((data / "agencies" / "market" / "decisions").rglob("*.yml"))[-1]


def test_incremental_equals_cold_through_a_chain_of_changes(site: Site) -> None:
    pages = site.rendered[-1]
    site.incremental()
    assert site.rendered[-1] <= 20, "an unchanged rebuild renders only the whole-site summaries"

    decision = first_decision(site.data)
    text = decision.read_text(encoding="utf-8")
    decision.write_text(text.replace("result: ", "result: （更正）", 1), encoding="utf-8")
    site.assert_equal_to_cold()  # changed record
    assert site.rendered[-1] < pages / 4

    decision.unlink()
    site.assert_equal_to_cold()  # deleted record
    decision.write_text(text, encoding="utf-8")
    site.assert_equal_to_cold()  # added record

    template = site.theme / "templates" / "gongshi_decision.html"
    template.write_text(template.read_text(encoding="utf-8").replace("<h1>", "<h1 class=\"t\">", 1),
                        encoding="utf-8")
    site.assert_equal_to_cold()  # template change
    assert site.rendered[-1] == pages, "a template change re-renders everything"

    yml = site.data / "site.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("name: ", "name: 新", 1), encoding="utf-8")
    site.assert_equal_to_cold()  # site.yml change


def test_incremental_equals_cold_when_as_of_ends_a_window(site: Site) -> None:
    _uid, _slug, doc_no, last = expiring(site.data)
    site.as_of = last
    site.assert_equal_to_cold()
    site.as_of = last + dt.timedelta(days=1)
    site.assert_equal_to_cold()
    assert not any(doc_no in p.read_text(encoding="utf-8", errors="replace")
                   for p in site.out.rglob("*.html"))


def test_corrupt_or_missing_manifest_means_a_full_build(site: Site) -> None:
    manifest = Path(pagecache.manifest_path(str(site.out)))
    pages = site.rendered[-1]
    manifest.write_text("{not json", encoding="utf-8")
    site.assert_equal_to_cold()
    assert site.rendered[-1] == pages
    manifest.unlink()
    site.assert_equal_to_cold()
    assert site.rendered[-1] == pages
    manifest.write_text('{"version": 1, "pages": []}', encoding="utf-8")
    site.assert_equal_to_cold()
    manifest.write_text('{"version": 1, "pages": {"index.html": 5, "404.html": [1], "revocations.html": {}},'
                        ' "shards": {"pagefind": 3}, "templates": {"base.html": 5}}', encoding="utf-8")
    site.assert_equal_to_cold()


def test_a_published_file_changed_behind_the_cache_is_rendered_again(site: Site) -> None:
    page = next(site.out.glob("*/decisions/*/*.html"))
    page.write_text("tampered", encoding="utf-8")
    site.assert_equal_to_cold()
    assert "tampered" not in page.read_text(encoding="utf-8")


def test_the_search_index_follows_an_edit_and_equals_cold(data_copy: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(data_copy, tmp_path, monkeypatch)
    assert search_index.LAST_RUNS and search_index.LAST_RUNS[0].pages > 0
    decision = first_decision(site.data)
    decision.write_text(decision.read_text(encoding="utf-8").replace("result: ", "result: （更正）", 1),
                        encoding="utf-8")
    text = decision.read_text(encoding="utf-8")
    site.incremental()
    assert "（更正）" in "".join(p.read_text(encoding="utf-8") for p in (site.out / "search" / "d").glob("*.json"))
    assert 1 <= search_index.LAST_RUNS[0].patched <= 2, "an edit patches the decision (and its subject page)"
    site.assert_equal_to_cold()
    decision.unlink()  # a deleted record leaves the index
    site.assert_equal_to_cold()
    assert site.patched[-1] >= 1
    decision.write_text(text, encoding="utf-8")  # and an added one joins it
    site.assert_equal_to_cold()
    assert site.patched[-1] >= 1


def _patched_after_an_edit(site: Site) -> int:
    decision = first_decision(site.data)
    decision.write_text(decision.read_text(encoding="utf-8").replace("result: ", "result: 又", 1), encoding="utf-8")
    site.assert_equal_to_cold()  # the incremental build, then a cold one: the index is the same
    return site.patched[-1]


def test_the_search_index_is_written_in_full_when_nothing_vouches_for_a_patch(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: a published index file changed or missing since, a state lost or corrupt, or
    written by other code: the index is written in full, and equals a cold build's."""
    site = _site(data_copy, tmp_path, monkeypatch)
    assert _patched_after_an_edit(site) >= 1
    newest = max((site.out / "search" / "d").glob("*.json"), key=lambda p: int(p.stem))
    newest.write_text(newest.read_text(encoding="utf-8").replace("（", "("), encoding="utf-8")  # edited since
    assert _patched_after_an_edit(site) == -1
    assert _patched_after_an_edit(site) >= 1  # the state of that full write vouches for the next
    next(iter((site.out / "search" / "g").glob("*.json"))).unlink()  # a gram file missing
    assert _patched_after_an_edit(site) == -1
    state = Path(incremental.state_path(str(site.out)))
    state.write_bytes(b"not a pickle")
    assert _patched_after_an_edit(site) == -1
    monkeypatch.setattr(incremental, "context", lambda: "other code")
    assert _patched_after_an_edit(site) == -1