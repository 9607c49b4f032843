"""What a sheet's rows are resolved against: the portal's agencies, their rosters, and the
decisions (document numbers, file names) they already have, each folder listed once a run.

An import may name its agency by slug, name, short name or credit code, and officers by id, name
(when no namesake) or certificate number; new files take the next free number of their year
folder, which is listed once, not once a row.
"""
from __future__ import annotations

import os
import re
from typing import Any


class Directory:
    """The agencies (one, or with by_agency all) and what each already holds."""

    def __init__(self, data: str, agency: str | None, by_agency: bool) -> None:
        self.data, self.agency, self.by_agency = data, agency, by_agency
        self.agencies = self._agencies()
        self.rosters: dict[str, list[dict[str, Any]]] = {}
        # File names of every year folder, listed once (not once per row): (agency/)year -> names.
        self.taken: dict[str, set[str]] = {}
        self.known: dict[str, str] = {}  # document number -> its file
        self.listed: set[str] = set()
        for slug in (self.agencies if by_agency else [agency] if agency else []):
            self.read_folder(slug)

    def _agencies(self) -> dict[str, dict[str, Any]]:
        import yaml
        out: dict[str, dict[str, Any]] = {}
        base = os.path.join(self.data, "agencies")
        # Only the named agency unless rows are filed by the agency they name (listed once).
        slugs = sorted(os.listdir(base)) if self.by_agency and os.path.isdir(base) else [self.agency or ""]
        for slug in slugs:
            path = os.path.join(base, slug, "agency.yml")
            if slug.startswith(".") or not os.path.isfile(path):
                continue
            try:
                with open(path, encoding="utf-8") as fh:
                    data = yaml.safe_load(fh) or {}
            except (OSError, yaml.YAMLError):
                data = {}
            out[slug] = data if isinstance(data, dict) else {}
        return out

    def agency_of(self, value: str) -> str | None:
        """The agency whose slug, name, short name or credit code `value` is."""
        v = value.strip().upper()
        for slug, a in self.agencies.items():
            names = {slug, str(a.get("name") or ""), str(a.get("short_name") or ""), str(a.get("credit_code") or "")}
            if v in {n.strip().upper() for n in names if n}:
                return slug
        return None

    def read_folder(self, slug: str) -> None:
        """The agency's decision files and document numbers, listed once."""
        from gongshi.model.paths import safe_walk
        if slug in self.listed:
            return
        self.listed.add(slug)
        folder = os.path.join(self.data, "agencies", slug, "decisions")
        files, _refused = safe_walk(folder, suffixes=(".yml",))  # validate reports what it refuses
        for path, rel, _mtime in files:
            self.taken.setdefault(f"{slug}/{os.path.dirname(rel)}", set()).add(os.path.basename(rel))
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    m = re.search(r"^doc_no:\s*(.+?)\s*$", fh.read(), re.M)
            except OSError:
                continue
            if m:
                self.known[m.group(1).strip("'\"")] = path

    def roster(self, slug: str) -> list[dict[str, Any]]:
        import yaml
        if slug not in self.rosters:
            try:
                with open(os.path.join(self.data, "agencies", slug, "officers.yml"), encoding="utf-8") as fh:
                    people = yaml.safe_load(fh) or []
            except (OSError, yaml.YAMLError):
                people = []
            self.rosters[slug] = [p for p in people if isinstance(p, dict)] if isinstance(people, list) else []
        return self.rosters[slug]

    def officer(self, slug: str, token: str, by_certificate: bool) -> str | None:
        """An officer's id from an id, a name (when no namesake) or a certificate number."""
        roster = self.roster(slug)
        if by_certificate:
            found = [p for p in roster if str((p.get("certificate") or {}).get("number") or "").upper() == token.upper()]
        else:
            found = [p for p in roster if str(p.get("id")) == token] or [p for p in roster if str(p.get("name")) == token]
        return str(found[0]["id"]) if len(found) == 1 else None
