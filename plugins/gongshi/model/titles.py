"""A title for every decision: its own `title`, else one built from the party and what the
decision is about (violation type, the item's name, or the category), never the document number."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def record_title(data: Mapping[str, Any], item_name: str | None = None) -> str:
    """`title` if given, else party + violation type / item name / "<category>决定"."""
    if data.get("title"):
        return str(data["title"])
    party = (data.get("party") or {}).get("name") or ""
    what = data.get("violation_type") or item_name or f"{data.get('category') or '执法'}决定"
    return f"{party}{what}" if party else str(what)
