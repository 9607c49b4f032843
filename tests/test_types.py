"""The runtime package type-checks: mypy, strict, configured in pyproject.toml ([tool.mypy])."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_strict_on_the_package() -> None:
    p = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr


def test_runtime_does_not_import_the_tooling() -> None:
    """gongshi_tools (synthetic data, benchmarks) stays outside the runtime: only `gongshi bench`
    imports it, lazily, inside its run()."""
    import re
    users = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "plugins" / "gongshi").rglob("*.py")
                   if re.search(r"^\s*(from|import) gongshi_tools", p.read_text(encoding="utf-8"), re.M))
    assert users == ["plugins/gongshi/cli/bench.py"]
    text = (ROOT / "plugins" / "gongshi" / "cli" / "bench.py").read_text(encoding="utf-8")
    assert not re.search(r"^(from|import) gongshi_tools", text, re.M)  # never at module level
