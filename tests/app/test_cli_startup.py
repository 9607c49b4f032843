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
