"""What the public sees of each kind is an allow-list next to its schema (`RecordKind.public`),
fail closed: a field added to a schema reaches no page, feed or data file until its kind lists
it. The redaction gate is separate: it scans every Text field, public or not."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from conftest import DATA, DEMO_AS_OF
from gongshi.checks.pipeline import validate
from gongshi.model.kinds import KINDS
from gongshi.model.kinds.base import public_tree
from gongshi.publication import NonPublicField, publish
from gongshi.checks.redaction import scan_paths
from gongshi.model.schema import Obj, Text

# The fields each kind publishes, pinned: changing what the public sees is a decision, and this
# list is where a reviewer sees it. A published kind missing here fails the test.
# The fields each kind publishes, pinned in tests/cases/public/<kind>.fields (one dotted path a
# line): changing what the public sees is a decision, and that file is where a reviewer sees
# it. A published kind without its file fails the test; a new kind brings its own.
PUBLIC_CASES = Path(__file__).parents[1] / "cases" / "public"


def pinned(kind: str) -> set[str] | None:
    path = PUBLIC_CASES / f"{kind}.fields"
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


# Fields the public must never see (a kind's allow-list may not name them).
WITHHELD = {"agency": {"maintainers"}, "decision": {"party.minor", "withdrawn"}}


def _leaves(spec: Obj, prefix: str = "") -> set[str]:
    from gongshi.model.kinds.base import _inner
    out: set[str] = set()
    for key, sub in spec.fields.items():
        inner = _inner(sub)
        out |= _leaves(inner, f"{prefix}{key}.") if inner is not None else {prefix + key}
    return out


@pytest.mark.parametrize("name", [k for k, kind in KINDS.items() if kind.published])
def test_each_kind_publishes_exactly_its_pinned_fields(name: str) -> None:
    kind = KINDS[name]
    assert set(kind.public) == pinned(name), f"{name}: public fields changed; update tests/cases/public/{name}.fields if that was decided"
    withheld = {p for p in _leaves(kind.schema) if any(p == w or p.startswith(w + ".") for w in WITHHELD.get(name, ()))}
    assert withheld and not withheld & set(kind.public) if name in WITHHELD else True


def test_unpublished_kinds_declare_nothing() -> None:
    assert {k: kind.public for k, kind in KINDS.items() if not kind.published and kind.public} == {}


def test_a_new_field_is_invisible_until_its_kind_lists_it() -> None:
    ds = validate(str(DATA), DEMO_AS_OF)
    kind = KINDS["decision"]
    schema = copy.copy(kind.schema)
    schema.fields = {**schema.fields, "internal_note": Text("内部备注")}
    raw = ds.of("decision")[0]
    raw.data = {**raw.data, "internal_note": "不公开"}
    from gongshi.publication.projection import project
    tree = public_tree(schema, kind.public, "decision")
    view = project(schema, raw.data, tree)
    assert "internal_note" not in view
    with pytest.raises(NonPublicField):
        view["internal_note"]
    listed = project(schema, raw.data, public_tree(schema, kind.public + ("internal_note",), "decision"))
    assert listed["internal_note"] == "不公开"


def test_an_unknown_or_half_listed_field_fails_at_declaration() -> None:
    spec = KINDS["decision"].schema
    with pytest.raises(ValueError, match="no 'nope'"):
        public_tree(spec, ("nope",))
    with pytest.raises(ValueError, match="is an object"):
        public_tree(spec, ("party",))  # an object is public field by field


def test_non_public_fields_are_withheld_from_every_view() -> None:
    pub = publish(validate(str(DATA), DEMO_AS_OF), DEMO_AS_OF)
    for view in pub.decisions:
        assert "withdrawn" not in view.data and "minor" not in view.data["party"]
    for view in pub.agencies.values():
        assert "maintainers" not in view.data


def test_redaction_scans_text_fields_whether_public_or_not() -> None:
    """scan=/disclosed=/prose= belong to the redaction gate: the allow-list changes none of them,
    and a withheld Text field (a withdrawal's reason) is scanned like a public one."""
    scanned = {path for path, _f in scan_paths(KINDS["decision"].schema)}
    assert ("withdrawn", "reason") in scanned and ("facts",) in scanned
    assert {path for path, _f in scan_paths(KINDS["agency"].schema)} >= {("maintainers", "*", "email")}
