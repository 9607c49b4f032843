"""Start-up: building the `gongshi` parser imports no search engine, Pelican or feed library."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

HEAVY = ("jieba", "whoosh", "pelican", "feedgen", "openpyxl", "markdown")
PROBE = """
import json, sys
import gongshi.cli
gongshi.cli.parser()
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_parser_imports_no_heavy_library() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True, timeout=60).stdout
    loaded = set(json.loads(out))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_every_command_still_has_its_help() -> None:
    from gongshi import cli
    names = [m.NAME for m in cli.commands()]
    assert {"build", "validate", "search", "report", "redact", "refresh", "bench"} <= set(names)
    for name in names:
        try:
            cli.parser().parse_args([name, "--help"])
        except SystemExit as exc:
            assert exc.code == 0, name


def test_each_command_module_is_named_for_its_command() -> None:
    """`gongshi validate` imports cli/validate.py alone (cli.command_of): that holds only while
    every module is named for its command."""
    import pkgutil

    from gongshi import cli
    for info in pkgutil.iter_modules(cli.__path__):
        if not info.name.startswith("_"):
            assert [m.NAME for m in cli.commands(cli.command_of(info.name))] == [cli.command_of(info.name)]


def test_a_named_command_imports_no_other_command() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    probe = PROBE.replace("gongshi.cli.parser()", "gongshi.cli.parser(['validate', 'data'])").replace(
        'm.split(".")[0] for m in sys.modules', "m for m in sys.modules")
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                                           check=True, timeout=60).stdout))
    assert {m for m in loaded if m.startswith("gongshi.cli.")} == {"gongshi.cli.validate"}
    assert "http.server" not in loaded
