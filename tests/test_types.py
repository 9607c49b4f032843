"""The runtime package type-checks: mypy, strict, configured in pyproject.toml ([tool.mypy])."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_strict_on_the_package() -> None:
    p = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
