"""Gongshi (公示): a Pelican plugin and command-line tool for enforcement disclosure portals.

Pelican loads this package through PLUGIN_PATHS/PLUGINS and calls `register()`.
"""
from __future__ import annotations

__version__ = "0.1.0"


def register() -> None:
    """Connect the disclosure generators to Pelican's signals."""
    from gongshi.app.plugin import register as _register
    _register()
