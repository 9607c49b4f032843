"""The Pagefind binary, kept for the side-by-side benchmark only (gongshi_tools/peer.py: Hugo +
Pagefind). The portal's own search index is written by search/index.py: Pagefind split
Chinese queries into single characters, needed a click for older years above 12,000 pages,
and wrote its filter and meta files in a different order on every run (upstream #638).
"""
from __future__ import annotations

import os
from pathlib import Path

BINARY_ENV = "PAGEFIND_BINARY_PATH"  # the same override the pagefind package honours


class PagefindError(RuntimeError):
    """The Pagefind binary cannot be found."""


def executable() -> Path:
    """The extended Pagefind binary: $PAGEFIND_BINARY_PATH, else the pagefind_bin_extended wheel."""
    env = os.environ.get(BINARY_ENV)
    if env:
        return Path(env)
    try:
        from pagefind_bin_extended import get_executable  # the wheel ships the binary itself
    except ImportError as exc:
        raise PagefindError("pagefind_bin_extended is not installed: it is in the bench extra (pip install -e '.[bench]', or pip install 'pagefind[extended]')") from exc
    return Path(get_executable())
