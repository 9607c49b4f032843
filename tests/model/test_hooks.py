"""The hooks as pluggy specifications (model/hookspecs.py): built-ins are plugins, a site's
plugin adds a kind through the same hook, and an implementation that fits no specification is
refused with a message naming it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gongshi.model import hookspecs as hooks
from gongshi.model.kinds import BUILTIN, KINDS, KindError, validated

ROOT = Path(__file__).resolve().parents[2]


def _dist(tmp_path: Path, module: str, source: str, group: str = "gongshi") -> None:
    (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
    dist = tmp_path / f"{module}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{group}]\n{module} = {module}\n", encoding="utf-8")


def test_the_builtins_are_plugins_of_the_declared_hooks() -> None:
    pm = hooks.manager()
    assert {pm.get_name(p) for p in pm.get_plugins()} >= set(hooks.BUILTIN_PLUGINS)
    assert sorted(pm.hook.__dict__) == ["gongshi_checks", "gongshi_kinds", "gongshi_outputs"]
    assert list(KINDS.values()) == list(BUILTIN)
    assert "discretion" in KINDS and "plan" in KINDS


def test_a_plugin_adds_a_kind_through_the_hook(tmp_path: Path) -> None:
    """In a subprocess: KINDS is read once per process."""
    _dist(tmp_path, "pressplugin", (
        "from gongshi.model.hookspecs import hookimpl\n"
        "from gongshi.model.kinds.base import RecordKind\n"
        "from gongshi.model.schema import Obj, Text\n"
        "class PressKind(RecordKind):\n"
        "    name = 'press'; title = '新闻发布'; title_en = 'press release'\n"
        "    pattern = 'agencies/*/press/*.yml'\n"
        "    schema = Obj('新闻发布', {'title': Text('标题', required=True)}, '新闻发布')\n"
        "@hookimpl\n"
        "def gongshi_kinds():\n"
        "    return [PressKind]\n"))
    code = ("import sys; sys.path[:0] = [sys.argv[1], 'plugins']\n"
            "from gongshi.model.kinds import KINDS\n"
            "from gongshi.app.templates import new_kinds\n"
            "assert list(KINDS)[-1] == 'press', list(KINDS)\n"
            "assert 'press' in new_kinds()\n")
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, check=True)


def test_an_implementation_of_no_hook_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "typoplugin", "from gongshi.model.hookspecs import hookimpl\n"
                                  "@hookimpl\ndef gongshi_kind():\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(hooks.PluginError, match="gongshi_kind"):
        hooks.checks()


def test_an_implementation_with_an_unknown_argument_is_refused(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "argplugin", "from gongshi.model.hookspecs import hookimpl\n"
                                 "@hookimpl\ndef gongshi_checks(dataset):\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(hooks.PluginError, match="argplugin|dataset"):
        hooks.checks()


def test_a_kind_that_does_not_fit_is_named() -> None:
    from gongshi.model.kinds.plan import PlanKind

    class Twin(PlanKind):
        pass

    class Leaky(PlanKind):
        name = "leaky"
        public = ("year", "secret")

    with pytest.raises(KindError, match="the kind name 'plan' is taken"):
        validated([PlanKind, Twin])
    with pytest.raises(KindError, match="schema has no 'secret'"):
        validated([Leaky])
    with pytest.raises(KindError, match="RecordKind subclasses"):
        validated([dict])


def test_a_misfit_plugin_is_a_configuration_error_not_a_traceback(tmp_path: Path) -> None:
    _dist(tmp_path, "typoplugin", "from gongshi.model.hookspecs import hookimpl\n"
                                  "@hookimpl\ndef gongshi_kind():\n    return []\n")
    code = ("import sys; sys.path[:0] = [sys.argv[1], 'plugins']\n"
            "from gongshi.cli import main\n"
            "sys.exit(main(['validate', 'tests/cases/_base', '--as-of', '2026-11-22']))\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "configuration error" in done.stderr and "gongshi_kind" in done.stderr and "Traceback" not in done.stderr
