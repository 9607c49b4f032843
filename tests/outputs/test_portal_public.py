"""Fail closed: no decision that `visibility` withholds reaches any page, list, count or sitemap."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.outputs.portal import urls
from gongshi.outputs.portal.stats import all_reports
from gongshi.policy.visibility import visibility


@pytest.fixture(scope="module")
def split() -> tuple[list, list, list]:
    """(public, revoked with a notice, withheld) decisions of the demo, by visibility itself."""
    ds = validate(str(DATA), DEMO_AS_OF)
    public, notices, hidden = [], [], []
    for rec in ds.of("decision"):
        vis = visibility(rec, DEMO_AS_OF, ds.policy)
        (public if vis.public else notices if vis.notice else hidden).append(rec)
    assert hidden and notices and public
    return public, notices, hidden


@pytest.fixture(scope="module")
def pages(demo_site: Path) -> dict[str, str]:
    out = {}
    for path in demo_site.rglob("*"):
        rel = path.relative_to(demo_site).as_posix()
        if path.suffix in (".html", ".xml", ".txt") and not rel.startswith(("pagefind/", "feeds/", "data/")):
            out[rel] = path.read_text(encoding="utf-8")
    return out


def test_withheld_decisions_appear_nowhere(split: tuple, pages: dict[str, str]) -> None:
    public, notices, hidden = split
    public_text = {r.data["doc_no"] for r in public + notices} | {r.data["party"]["name"] for r in public}
    for rec in hidden:
        assert urls.decision(rec) not in pages
        needles = [urls.decision(rec), rec.data["doc_no"]]
        name = rec.data["party"]["name"]
        # Masked names (梁某) are ambiguous by design: a public decision may name another 梁某.
        needles += [name] if name not in public_text and "某" not in name else []
        needles += [rec.data["title"]] if rec.data.get("title") and rec.data["title"] not in {
            r.data.get("title") for r in public} else []
        for rel, text in pages.items():
            for needle in needles:
                assert needle not in text, (needle, rel)


def test_revoked_decisions_only_as_notices(split: tuple, pages: dict[str, str]) -> None:
    public, notices, _ = split
    for rec in notices:
        page = pages[urls.decision(rec)]
        assert rec.data["result"] not in page
        facts = (rec.data.get("facts") or "").split("\n")[0]
        for rel, text in pages.items():
            assert not facts or facts not in text, rel


def test_sitemap_lists_only_public_pages(split: tuple, pages: dict[str, str]) -> None:
    public, notices, hidden = split
    sitemap = pages["sitemap.xml"]
    for rec in public + notices:
        assert f"/{urls.decision(rec)}</loc>" in sitemap
    for rec in hidden:
        assert f"/{urls.decision(rec)}</loc>" not in sitemap


def test_counts_come_from_public_decisions_only(split: tuple, demo_site: Path) -> None:
    public, _, _ = split
    ds = validate(str(DATA), DEMO_AS_OF)
    from gongshi.publication import publish
    from gongshi.policy.statistics import snapshots
    from gongshi.model.kinds.stats import WITHHELD
    from gongshi.policy.statistics import TOTAL, count
    committed = snapshots(ds)
    ps = publish(ds, DEMO_AS_OF)
    for rep in all_reports(ps):  # counted live: public decisions only
        expected = [r for r in public if r.data["decided"].year == rep.year]
        raw = count(ps.decisions, [], ps.agencies, rep.year)[TOTAL]  # before any cell is withheld
        assert raw["decisions"] == len(expected) and rep.total.decisions in (len(expected), WITHHELD)
        assert raw["fines"] == sum(float((r.data.get("penalty") or {}).get("fine") or 0) for r in expected)
        # the page of a year with a committed snapshot shows the snapshot (every decision, issue 15)
        shown = committed[rep.year]["total"]["decisions"] if rep.year in committed else len(expected)
        html = (demo_site / urls.stats(rep.year)).read_text(encoding="utf-8")
        assert f'<tr class="total"><th scope="row">合计</th><td data-label="执法决定">{shown}</td>' in html
    listed = (demo_site / "index.html").read_text(encoding="utf-8")
    assert f"全部执法决定（{len(public)} 件）" in listed
