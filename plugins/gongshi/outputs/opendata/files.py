"""The data files: which exist (the plan), and writing them byte-for-byte reproducibly."""
from __future__ import annotations

import csv
import json
import os
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from gongshi.model.kinds import KINDS
from gongshi.publication import Publication
from gongshi.outputs.opendata.shuanggongshi import EXPORTS
from gongshi.outputs.opendata.tables import KIND_FILES, kind_title

ROOT = "data"  # the open data folder inside the output


@dataclass
class DataFile:
    """One downloadable file; `source` says what it holds (a kind, an export, a schema, …)."""

    href: str          # site-relative path, e.g. data/agency/market/decisions.csv
    title: str
    source: str        # record kind | "sgs:<export>" | "schema:<kind>" | "dictionary"
    scope: str         # "all" | "agency:<slug>"
    format: str        # json | csv
    size: int = 0
    sha256: str = ""

    @property
    def agency(self) -> str | None:
        return self.scope.split(":", 1)[1] if self.scope.startswith("agency:") else None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def plan(ps: Publication) -> list[DataFile]:
    """Every data file of the build: site-wide, per agency, the 双公示 exports and the schemas."""
    scopes: list[tuple[str, str, str]] = [("all", f"{ROOT}", "全部")]
    scopes += [(f"agency:{slug}", f"{ROOT}/agency/{slug}", a.data.get("name", slug))
               for slug, a in ps.agencies.items()]
    out: list[DataFile] = []
    for scope, folder, label in scopes:
        for kind, stem in KIND_FILES.items():
            for fmt in ("json", "csv"):
                out.append(DataFile(f"{folder}/{stem}.{fmt}", f"{label} {kind_title(kind)}", kind, scope, fmt))
        for name, (stem, title, *_rest) in EXPORTS.items():
            out.append(DataFile(f"{folder}/{stem}.csv", f"{label} {title}", f"sgs:{name}", scope, "csv"))
    for kind in KINDS:
        out.append(DataFile(f"{ROOT}/schemas/{kind}.schema.json", f"{KINDS[kind].title} JSON Schema",
                            f"schema:{kind}", "all", "json"))
    out.append(DataFile(f"{ROOT}/dictionary.json", "数据字典", "dictionary", "all", "json"))
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def write_json(path: str, head: dict[str, Any], records: Iterable[dict[str, Any]] | None = None) -> None:
    """JSON in UTF-8; with `records`, streamed as head + "records": [...] one per line."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        if records is None:
            fh.write(_dumps(head) + "\n")
            return
        fh.write(_dumps(head)[:-2] + ",\n \"records\": [")
        for i, rec in enumerate(records):
            fh.write(("\n  " if i == 0 else ",\n  ") + json.dumps(rec, ensure_ascii=False))
        fh.write("\n ]\n}\n")


# A cell Excel, WPS or LibreOffice would read as a formula (or as the start of one: tab and CR
# are how DDE payloads hide): OWASP's "CSV injection" advice is to prefix such text with a
# single quote, which spreadsheets show as text and do not evaluate. Numbers stay numbers (the
# schema has no negative amounts); a text cell that begins with "-" (a dash, a negative written
# as text, "-2024-03-05") gets the quote too. The data dictionary says so (dictionary.CSV_NOTE).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that cannot run as a formula: text starting with = + - @ tab or CR is quoted with '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(row: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in row]


def write_csv(path: str, rows: Iterable[list[str]]) -> None:
    """CSV in UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends, minimal quoting;
    every cell neutralised (csv_cell)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(csv_row(r) for r in rows)


class Sink:
    """One table file written record by record: JSON (head + one record a line) or CSV with a BOM.

    Records are encoded once (`encode`) and added to every file that lists them, so site-wide
    and per-agency files cost one projection per record, and nothing is held in memory.
    """

    def __init__(self, path: str, fmt: str, head: dict[str, Any] | list[str]) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.fmt = fmt
        self.count = 0
        if fmt == "json":
            self.fh = open(path, "w", encoding="utf-8", newline="\n")
            self.fh.write(_dumps(head)[:-2] + ",\n \"records\": [")
        else:
            self.fh = open(path, "w", encoding="utf-8-sig", newline="")
            self.csv = csv.writer(self.fh, lineterminator="\r\n")
            self.csv.writerow(csv_row(head))

    @staticmethod
    def encode(fmt: str, item: Any) -> Any:
        """A record as a JSON line, or a CSV row with every cell neutralised (csv_cell)."""
        return json.dumps(item, ensure_ascii=False) if fmt == "json" else csv_row(item)

    def add(self, encoded: Any) -> None:
        if self.fmt == "json":
            self.fh.write(("\n  " if self.count == 0 else ",\n  ") + encoded)
        else:
            self.csv.writerow(encoded)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.fh.write("\n ]\n}\n")
        self.fh.close()

