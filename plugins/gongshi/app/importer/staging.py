"""Writing an import's files all at once, or not at all.

Every planned file goes into a hidden staging folder first (the loader skips hidden names), then
each is moved into place, so a kill or an error before the end leaves nothing but that folder;
staging folders left by a killed import are removed by the next one.
"""
from __future__ import annotations

import os
import shutil
import tempfile


def write_staged(data: str, agencies: set[str], pending: list[tuple[str, str]]) -> list[str]:
    """Write every (path, text) of `pending` under `data`; the paths written, in order."""
    if not pending:
        return []
    base = os.path.join(data, "agencies")
    for folder in [base] + [os.path.join(base, a, "decisions") for a in sorted(agencies)]:
        for old in os.listdir(folder) if os.path.isdir(folder) else []:
            if old.startswith(".import-"):
                shutil.rmtree(os.path.join(folder, old), ignore_errors=True)
    written: list[str] = []
    stage = tempfile.mkdtemp(prefix=".import-", dir=base)
    try:
        staged = []
        for i, (path, text) in enumerate(pending):
            tmp = os.path.join(stage, f"{i}.yml")
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.replace(tmp, path)
            written.append(path)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return written
