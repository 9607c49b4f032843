"""Golden site: the portal built from tests/cases/_base + tests/golden_data equals tests/golden/
byte for byte (regenerate with `.venv/bin/python scripts/update_golden.py` after a deliberate change)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def _script():
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "scripts" / "update_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_golden_site(tmp_path: Path) -> None:
    files = _script().build_golden(tmp_path / "site")
    expected = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert files == expected, "file list differs; run scripts/update_golden.py if intended"
    differ = [rel for rel in files if (tmp_path / "site" / rel).read_bytes() != (GOLDEN / rel).read_bytes()]
    assert differ == [], f"{len(differ)} files differ, e.g. {differ[:5]}; run scripts/update_golden.py if intended"


def test_english_interface(tmp_path: Path) -> None:
    _script().build_golden(tmp_path / "en", lang="en")
    html = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Skip to content" in html and "Before enforcement" in html
    decision = (tmp_path / "en" / "demo/decisions/2026/cf-2026-0001.html").read_text(encoding="utf-8")
    assert "Document no." in decision and "霍市监罚〔2026〕1号" in decision
