"""Every field a page shows is searchable (issue 24): a decision's page shows its 执法事项 by
name (the record holds only the item's code), so its search document holds that name, and a
decision's result is titled as its page is."""
from __future__ import annotations

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
