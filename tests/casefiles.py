"""Reading the case files of tests/cases/: where the base dataset is, each case's header (its
expectations) and where a case file is placed in a copy of the base. Shared by the tests of
every layer that run a case (checks, policy, publication, outputs)."""
from __future__ import annotations

import codecs
import datetime as dt
import os
import shutil
from pathlib import Path

from conftest import CASES, DEMO_AS_OF

BASE = CASES / "_base"
# Page cases: every extension Pelican reads as a page or article (checks/pages.py).
PAGES = (".md", ".markdown", ".mkd", ".mdown", ".htm", ".html", ".rst", ".txt")


def case_files() -> list[Path]:
    """Record cases (*.yml) and Markdown page cases (*.md, placed in ../content of the copy)."""
    return sorted(p for p in CASES.rglob("*") if p.suffix in (".yml",) + PAGES and "_base" not in p.parts)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def header(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a case file (read as bytes: a case may be GBK)."""
    out: dict[str, list[str]] = {}
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16").encode("utf-8")
    for raw in data.splitlines():
        line = _decode(raw.lstrip(codecs.BOM_UTF8))
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        out.setdefault(key.strip(), []).append(value.strip())
    return out


def parse_expect(text: str) -> tuple[str, str, str, int, int | None, str]:
    """`severity rule [path:]line[:col] message` as a tuple (col None when not given)."""
    severity, rule, loc, message = text.split(" ", 3)
    parts = loc.split(":")
    path = parts.pop(0) if not parts[0].isdigit() else ""
    line = int(parts[0])
    col = int(parts[1]) if len(parts) > 1 else None
    return severity, rule, path, line, col, message


def matches(expect: tuple, got: tuple) -> bool:
    return expect[:4] == got[:4] and expect[5] == got[5] and expect[4] in (None, got[4])


def place(case: Path, meta: dict[str, list[str]], root: Path) -> str:
    """Copy the base and the case (and what its header asks for) into `root`; the case's path."""
    shutil.copytree(BASE, root)
    for rel in meta.get("remove", []):
        (root / rel).unlink()
    for spec in meta.get("copy", []):
        src, _, dst = (s.strip() for s in spec.partition("->"))
        (root / dst).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CASES / src, root / dst)
    rel = meta["path"][0]
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.suffix in PAGES:  # a page would publish its header: it is placed without it
        lines = case.read_bytes().splitlines(keepends=True)
        target.write_bytes(b"".join(lines[sum(len(v) for v in meta.values()):]))
    else:
        shutil.copyfile(case, target)
    if "pad" in meta:
        size = int(meta["pad"][0])
        with open(target, "ab") as fh:
            line = b"# " + b"x" * 77 + b"\n"
            missing = size - target.stat().st_size
            fh.write(line * (missing // len(line) + 1))
    for spec in meta.get("size", []):
        name, _, size = spec.rpartition(" ")
        with open(root / name, "ab") as fh:
            fh.truncate(int(size))
    return rel
