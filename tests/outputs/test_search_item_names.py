"""Every field a page shows is searchable (issue 24): a decision's page shows its 执法事项 and
its officers by name (the record holds only their codes and ids), so its search document holds
those names, and a decision's result is titled as its page is."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.model.titles import record_title
from gongshi.outputs.search.index import documents, fold
from gongshi.publication import Publication, publish


@pytest.fixture(scope="module")
def ps() -> Publication:
    ds = validate(str(DATA), DEMO_AS_OF)
    return publish(ds, DEMO_AS_OF)


def test_a_decision_is_found_by_the_name_of_its_item(ps: Publication) -> None:
    names = {(r.agency, r.slug): r.data["name"] for r in ps.of("item")}
    docs = {d.url: d for d in documents(ps) if d.kind == "decision"}
    named = [r for r in ps.decisions if (r.agency, r.data.get("item")) in names]
    assert len(named) > 20
    for r in named:
        name = names[(r.agency, r.data["item"])]
        doc = docs[r.url or ""]
        assert name in doc.text(), r.uid
        assert doc.title == record_title(r.data, name), r.uid  # the page's own title
    # What a reader types: 危险化学品 finds every decision whose item is named so.
    shown = {r.url for r in named if "危险化学品" in names[(r.agency, r.data["item"])]}
    assert shown and shown <= {u for u, d in docs.items() if fold("危险化学品") in fold(d.text())}


def test_a_decision_is_found_by_the_officers_its_page_names(ps: Publication) -> None:
    officers = {(r.agency, r.slug): r.data for r in ps.of("officer")}
    docs = {d.url: d for d in documents(ps) if d.kind == "decision"}
    checked = 0
    for r in ps.decisions:
        for oid in r.data.get("officers") or []:
            o = officers.get((r.agency, oid))
            if o is not None:
                assert o["name"] in docs[r.url or ""].text(), (r.uid, oid)
                cert = (o.get("certificate") or {}).get("number")
                assert not cert or cert in docs[r.url or ""].text(), (r.uid, oid)
                checked += 1
    assert checked > 20


def test_staff_search_follows_a_renamed_item(data_copy: Path, tmp_path: Path) -> None:
    # The clerks' index resolves the same names; renaming the item re-indexes its decisions.
    from gongshi.app.staffsearch import StaffIndex
    items = data_copy / "agencies/safety/items.yml"
    text = items.read_text(encoding="utf-8")
    assert "危险化学品经营许可" in text
    index = StaffIndex(str(data_copy), str(tmp_path / "whoosh"))
    index.refresh()

    def decisions(q: str) -> set[str]:
        found = index.search(q, as_of=DEMO_AS_OF, limit=None)
        return {h.file for h in found.hits if h.kind == "decision"}

    code = re.search(r"- code: (\S+)\n  category: \S+\n  name: 危险化学品经营许可\n", text).group(1)
    naming = {p.relative_to(data_copy).as_posix() for p in (data_copy / "agencies/safety/decisions").rglob("*.yml")
              if f"item: {code}\n" in p.read_text(encoding="utf-8")}
    before = decisions("危险化学品经营许可") & naming
    assert before == naming and naming
    items.write_text(text.replace("危险化学品经营许可", "危险品仓储经营许可"), encoding="utf-8")
    refreshed = index.refresh()
    assert refreshed.added >= len(before)
    assert before <= decisions("危险品仓储经营许可")
