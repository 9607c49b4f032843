"""The package is built along its data flow: a module imports only from its own layer or the
layers below it, the outputs do not import one another, and no modules import each other in a
circle. No exemption list: a new upward import fails `make test`.

Layers, bottom to top (README, "Layout"; each package's charter is its `__init__` docstring):
runtime -> model -> policy -> checks -> publication -> outputs -> app -> cli (and the tools).
Imports under `if TYPE_CHECKING:` count for the direction (a type is a dependency too) but not
for circles (they never run).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"

LAYERS = ["runtime", "model", "policy", "checks", "publication", "outputs", "app", "cli"]
OUTPUTS = ("portal", "feeds", "opendata", "search")  # siblings: none imports another


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PLUGINS.rglob("*.py")):
        if "__pycache__" in path.parts or not path.relative_to(PLUGINS).parts[0].startswith("gongshi"):
            continue
        parts = list(path.relative_to(PLUGINS).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """(imported module, line, runs) for every import of a gongshi module in `path`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, runs: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                for sub in child.body:  # type: ignore[attr-defined]
                    visit_stmt(sub, False)
                for sub in child.orelse:  # type: ignore[attr-defined]
                    visit_stmt(sub, runs)
            else:
                visit_stmt(child, runs)

    def visit_stmt(node: ast.AST, runs: bool) -> None:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for a in node.names:
                full = f"{base}.{a.name}"
                targets.append(full if full in known else base)
        for t in targets:
            if t.split(".")[0] in ("gongshi", "gongshi_tools"):
                found.append((t, node.lineno, runs))  # type: ignore[attr-defined]
        visit(node, runs)

    visit(ast.parse(path.read_text(encoding="utf-8")), True)
    return found


def layer(name: str) -> int:
    parts = name.split(".")
    if parts[0] == "gongshi_tools":
        return LAYERS.index("cli")  # the benchmarks and the generator, which `gongshi bench` runs
    if len(parts) == 1:
        return len(LAYERS)  # the package's register(), which Pelican calls: above everything
    if parts[1] not in LAYERS:
        raise AssertionError(f"{name}: not in a layer package ({', '.join(LAYERS)})")
    return LAYERS.index(parts[1])


def test_every_module_is_in_a_layer() -> None:
    for name in modules():
        layer(name)


def test_no_upward_import() -> None:
    known = modules()
    bad = []
    for name, path in known.items():
        for target, line, _runs in imports(name, path, known):
            if layer(target) > layer(name):
                bad.append(f"{path.relative_to(ROOT)}:{line}: {name} imports {target} from a higher layer")
    assert not bad, "\n".join(bad)


def test_outputs_do_not_import_one_another() -> None:
    known = modules()
    bad = []
    for name, path in known.items():
        own = name.split(".")[2] if name.startswith("gongshi.outputs.") and name.count(".") >= 3 else None
        if own not in OUTPUTS:
            continue
        for target, line, _runs in imports(name, path, known):
            other = target.split(".")[2] if target.startswith("gongshi.outputs.") and target.count(".") >= 2 else None
            if other in OUTPUTS and other != own:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {name} imports {target}")
    assert not bad, "\n".join(bad)


def test_no_import_cycle() -> None:
    known = modules()
    graph = {name: sorted({t for t, _l, runs in imports(name, path, known) if runs and t in known and t != name})
             for name, path in known.items()}
    # Tarjan's strongly connected components: a component of two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    circles: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    for v in graph:
        if v not in index:
            strong(v)
    assert not circles, "\n".join(" <-> ".join(c) for c in circles)


def test_every_layer_states_its_charter() -> None:
    for name in LAYERS:
        doc = ast.get_docstring(ast.parse((PLUGINS / "gongshi" / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import:" in doc, name


def test_the_import_reader_sees_relative_lazy_and_type_only_imports(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text("from ..feeds import render\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                 "    from gongshi.app import plugin\ndef f():\n    import gongshi.outputs.search.index\n",
                 encoding="utf-8")
    known = modules()
    found = {(t, runs) for t, _line, runs in imports("gongshi.outputs.opendata.m", f, known)}
    assert found == {("gongshi.outputs.feeds.render", True), ("gongshi.app.plugin", False),
                     ("gongshi.outputs.search.index", True)}
