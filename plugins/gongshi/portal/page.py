"""Page: one file the portal writes, planned before any rendering so it can be split across cores."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Page:
    """Write `template` rendered with `ctx` to `path` (relative to the output folder)."""

    path: str
    template: str
    ctx: dict[str, Any] = field(default_factory=dict)
    sitemap: bool = True  # listed in sitemap.xml (public pages only; 404 is not)
