"""Page: one file the portal writes, planned before any rendering so it can be split across cores."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Page:
    """Write `template` rendered with `ctx` to `path` (relative to the output folder)."""

    path: str
    template: str
    ctx: dict[str, Any] = field(default_factory=dict)
    sitemap: bool = True  # listed in sitemap.xml (public pages only; 404 is not)
    # A page that reads the checks' findings (the compliance pages): the checks run beside the
    # rendering (runtime/jobs.py), so such a page is rendered last, once they are done, with
    # `ctx` updated by `late()`.
    late: Callable[[], dict[str, Any]] | None = None

    def fill(self) -> None:
        """Once the findings are known: `ctx` gets what `late` computes (once)."""
        if self.late is not None:
            self.ctx.update(self.late())
            self.late = None
