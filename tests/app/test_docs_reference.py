"""The rule registry and the reference in docs/: complete, consistent and fresh.

Like tests/test_schemas.py for `schemas/`: docs/format.md and docs/rules.md are generated
(`gongshi docs`) and committed; this fails when they are stale, when a message names a rule
that is not declared in gongshi/model/ruleset.py, or when the registry says a rule lives somewhere
it does not.
"""
from __future__ import annotations

import ast
import importlib
import json
import re
from collections import defaultdict

import pytest

import gongshi
from conftest import ROOT, messages
from gongshi.model import ruleset
from gongshi.cli import main
from gongshi.model.findings import Msg
from gongshi.model.kinds import KINDS
from gongshi.app.reference import documents

DOCS = ROOT / "docs"
PACKAGE = ROOT / "plugins" / "gongshi"


def _module(path) -> str:  # type: ignore[no-untyped-def]
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _declaredmessages() -> dict[str, set[str]]:
    """Rule id -> modules whose source creates a Msg with that id (any nesting, read statically)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "Msg" and node.args and isinstance(node.args[0], ast.Constant):
                found[str(node.args[0].value)].add(_module(path))
    return found


def test_docs_are_fresh() -> None:
    for name, text in documents().items():
        path = DOCS / name
        assert path.exists(), f"{path} is missing: run gongshi docs"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run gongshi docs"


def test_docs_check_command(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["docs", "--output", str(tmp_path), "--check"]) == 1
    assert main(["docs", "--output", str(tmp_path)]) == 0
    assert main(["docs", "--output", str(tmp_path), "--check"]) == 0
    (tmp_path / "rules.md").write_text("old", encoding="utf-8")
    assert main(["docs", "--output", str(tmp_path), "--check"]) == 1
    assert "rules.md" in capsys.readouterr().err


def test_every_message_uses_a_declared_rule() -> None:
    used = _declaredmessages()
    assert used, "no Msg(...) found: the scan is broken"
    assert sorted(set(used) - set(ruleset.RULES)) == []
    assert {m.rule for m in messages()} <= set(ruleset.RULES)


def test_an_undeclared_rule_cannot_make_a_message() -> None:
    with pytest.raises(ruleset.UnknownRule, match="model/ruleset.py"):
        Msg("R-NOSUCH", "甲", "a", "乙", "b")


def test_the_registry_says_where_each_rule_lives() -> None:
    used = _declaredmessages()
    for rule in ruleset.RULES.values():
        assert re.fullmatch(r"R-[A-Z0-9]+", rule.id)
        for mod in rule.modules:
            importlib.import_module(mod)  # every module named exists
        missing = sorted(used.get(rule.id, set()) - set(rule.modules))
        assert missing == [], f"{rule.id}: messages in {missing}; add them to its modules in model/ruleset.py"
        # A check has messages; a publication duty has none (give it sort CHECK when it gets one).
        assert (rule.sort == ruleset.CHECK) == (rule.id in used), rule.id


def test_every_rule_is_documented_in_both_languages() -> None:
    severities: dict[str, set[str]] = defaultdict(set)
    for m in messages():
        severities[m.rule].add(m.severity)
    for rule in ruleset.RULES.values():
        assert rule.severity in (ruleset.ERROR, ruleset.WARNING)
        assert re.search(r"[\u4e00-\u9fff]", rule.title_zh) and rule.title_en
        assert "原因" in rule.doc_zh and "改正" in rule.doc_zh, rule.id
        assert "Why:" in rule.doc_en and "Fix:" in rule.doc_en, rule.id
        if rule.sort == ruleset.CHECK and severities[rule.id]:
            assert rule.severity in severities[rule.id], rule.id


def test_every_kind_and_rule_is_in_the_reference() -> None:
    fmt, rules = documents()["format.md"], documents()["rules.md"]
    for name, kind in KINDS.items():
        assert f'<a id="{name}"></a>' in fmt
        for key in kind.schema.fields:
            assert f"| `{key}` |" in fmt, (name, key)
    for rule in ruleset.RULES.values():
        assert f'<a id="{rule.anchor}"></a>' in rules


def test_every_link_into_docs_resolves() -> None:
    """Hints, the README and the docs themselves link to anchors that exist."""
    docs = documents()
    anchors = {name: set(re.findall(r'<a id="([^"]+)"></a>', text)) for name, text in docs.items()}
    links: list[tuple[str, str, str]] = []  # (where, target file, anchor)
    sources = list(PACKAGE.rglob("*.py")) + [ROOT / "README.md"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        links += [(path.name, f"{f}.md", a) for f, a in re.findall(r"docs/(format|rules)\.md#([\w-]+)", text)]
    for name, text in docs.items():
        links += [(name, f"{f}.md" if f else name, a) for f, a in re.findall(r"\]\((?:(format|rules)\.md)?#([\w-]+)\)", text)]
    assert any(where == "README.md" or where.endswith(".py") for where, _, _ in links)
    for where, target, anchor in links:
        assert anchor in anchors[target], (where, target, anchor)


def test_no_pointer_to_documents_outside_the_repository() -> None:
    stale = []
    for path in list(PACKAGE.rglob("*.py")) + [ROOT / "README.md"] + list((ROOT / "theme").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "FORMAT.md" in text or "REQUIREMENTS.md" in text:
            stale.append(str(path.relative_to(ROOT)))
    assert stale == []


def test_rules_command(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules", "-o", "json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in doc["rules"]] == list(ruleset.RULES)
    window = next(r for r in doc["rules"] if r["id"] == "R-WINDOW")
    assert window["modules"] == ["gongshi.checks.display"] and window["severity"] == "error"
    assert window["docs"] == "docs/rules.md#r-window" and "Why:" in window["doc"]
    assert main(["rules", "r-two"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("R-TWO  两名持证执法人员") and "gongshi.checks.roster" in out
    assert main(["rules", "R-NOSUCH"]) == 2


def test_a_new_kind_appears_without_touching_the_generator(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gongshi.model.kinds import RecordKind
    from gongshi.app.reference import format_md
    from gongshi.model.schema import Date, ListOf, Obj, Text

    class PlanKind(RecordKind):
        name = "plan-test"
        title = "年度计划"
        title_en = "annual plan"
        pattern = "agencies/*/plans/*.yml"
        schema = Obj("年度计划", {
            "year": Text("年度", "计划所属的年份", required=True),
            "goals": ListOf("目标", Text("目标", "一项目标")),
            "approved": Date("批准日期", "计划批准的日期"),
        }, "年度行政执法计划")

    # Declared through the kinds hook, as a plugin would (KINDS asks the hook again once forgotten).
    from gongshi.model import kinds
    monkeypatch.setattr(kinds, "declared_kinds", lambda: [*kinds.BUILTIN, PlanKind])
    KINDS.forget()
    try:
        text = format_md()
    finally:
        monkeypatch.undo()
        KINDS.forget()
    assert '<a id="plan-test"></a>' in text and "| `agencies/<agency>/plans/<slug>.yml` | [年度计划](#plan-test)" in text
    assert "| `year` | 文本 text | 是 | 年度 | 计划所属的年份 |" in text
    assert "| `approved` | 日期 date |  | 批准日期 |" in text
    assert "| `goals` | 列表 list（文本 text） |" in text
