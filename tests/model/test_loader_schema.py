"""JSON Schema for editors: committed, complete in Chinese, wired to VS Code, true to the loader."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import CASES, DATA, ROOT
from gongshi.model import dataset, yamlread
from gongshi.cli import main
from gongshi.cli.schema import documents, editor_globs
from gongshi.model.kinds import KINDS

SCHEMAS = ROOT / "schemas"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _no_parse_cache_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` installs the parse cache for the whole process; undo it after each test."""
    monkeypatch.setattr(dataset, "RUNNER", None)


def test_committed_schemas_are_current() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == documents(), "schemas/ is stale: run `gongshi schema`"


def test_schema_command_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s"
    assert main(["schema", "--output", str(out), "--check"]) == 1
    assert main(["schema", "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)
    assert main(["schema", "--output", str(out), "--check"]) == 0
    (out / "decision.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--output", str(out), "--check"]) == 1
    assert "decision.schema.json" in capsys.readouterr().err


def fields(doc: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (sub)schema that describes a field, list item or value, with its path."""
    yield path, doc
    for key, sub in doc.get("properties", {}).items():
        yield from fields(sub, f"{path}.{key}")
    if isinstance(doc.get("items"), dict):
        yield from fields(doc["items"], f"{path}[]")
    if isinstance(doc.get("additionalProperties"), dict):
        yield from fields(doc["additionalProperties"], f"{path}{{}}")
    for i, sub in enumerate(doc.get("anyOf", [])):
        yield from fields(sub, f"{path}|{i}")


@pytest.mark.parametrize("name", list(KINDS))
def test_every_field_has_a_chinese_title_and_description(name: str) -> None:
    doc = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    missing = [path for path, sub in fields(doc, name)
               if not CJK.search(sub.get("title", "")) or not CJK.search(sub.get("description", ""))]
    assert missing == []


def test_vscode_maps_the_data_folders_to_the_schemas() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_globs()
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file()
    # Every demo file is covered by exactly the glob of its kind.
    for path in DATA.rglob("*.yml"):
        rel = path.relative_to(DATA).as_posix()
        kind = dataset.kind_for(rel)
        assert kind is not None, rel
        assert settings["yaml.schemas"][f"./schemas/{kind.name}.schema.json"] == [f"data/{kind.pattern}"]


def test_readme_documents_the_modeline() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=" in readme and "gongshi schema" in readme


def as_editor_sees_it(node: yamlread.Node | None) -> Any:
    """A node typed as YAML 1.2's core schema types it (what yaml-language-server validates)."""
    if node is None:
        return None
    if isinstance(node, yamlread.YMap):
        return {k: as_editor_sees_it(v) for k, (_, v) in node.items.items()}
    if isinstance(node, yamlread.YSeq):
        return [as_editor_sees_it(v) for v in node.items]
    text = node.value
    if not node.plain:
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    return text


def _validator(name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("root", [DATA, CASES / "_base"], ids=["demo", "case-base"])
def test_data_validates_against_the_exported_schemas(root: Path) -> None:
    validators = {name: _validator(name) for name in KINDS}
    errors = []
    for path in sorted(root.rglob("*.yml")):
        kind = dataset.kind_for(path.relative_to(root).as_posix())
        tree, findings = yamlread.read_file(str(path))
        assert kind is not None and findings == []
        for err in validators[kind.name].iter_errors(as_editor_sees_it(tree)):
            errors.append(f"{path.relative_to(root)}: {list(err.absolute_path)}: {err.message}")
    assert errors == []


@pytest.mark.parametrize("case", ["format/yes-is-not-boolean.yml", "format/unknown-key-suggests.yml",
                                  "format/date-not-padded.yml", "format/bad-choice-suggests.yml",
                                  "format/missing-required-key.yml", "format/quoted-number.yml"])
def test_the_editor_flags_what_the_loader_rejects(case: str) -> None:
    validator = _validator("decision")
    tree, _ = yamlread.read_file(str(CASES / case))
    assert list(validator.iter_errors(as_editor_sees_it(tree))), case


@pytest.mark.parametrize("case", sorted(p.relative_to(CASES).as_posix()
                                        for p in (CASES / "valid").glob("*.yml")))
def test_the_editor_accepts_what_the_loader_accepts(case: str) -> None:
    path = CASES / case
    rel = next(line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8-sig").splitlines()
               if line.startswith("# path:"))
    kind = dataset.kind_for(rel)
    assert kind is not None
    tree, _ = yamlread.read_file(str(path))
    assert [e.message for e in _validator(kind.name).iter_errors(as_editor_sees_it(tree))] == []
