"""One searchable page, as the index job and the subject pages' documents make it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Doc:
    """One searchable page (or row of a list page)."""

    kind: str
    url: str
    title: str
    agency: str = ""          # agency name
    category: str = ""
    year: int | None = None
    date: str = ""            # ISO date, "" when none
    doc_no: str = ""
    sub: str = ""             # a second line: party and violation, role, item …
    key: list[str] = field(default_factory=list)    # fields an exact hit ranks first in
    body: list[str] = field(default_factory=list)   # every other shown text, one field a line

    def text(self) -> str:
        """What a snippet is cut from: one field a line, the shown fields first."""
        return "\n".join(dict.fromkeys(t for t in [*self.body, *self.key] if t))
