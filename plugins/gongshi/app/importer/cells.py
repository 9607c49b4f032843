"""A cell's text as a record value: dates, 万元 amounts, legal bases, lists; and record paths.

Cells come as a spreadsheet holds them (a date cell, a float for a number typed into a numeric
cell, text with full-width punctuation); a value that cannot be read is None, and the caller
reports it at its cell.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from gongshi.model.schema import NUMBER_MAX, Obj
from gongshi.outputs.opendata.files import FORMULA_START

DATES = ("decided", "published", "legal_review.date", "permit.valid_from", "permit.valid_until")
SPLIT = re.compile(r"[；;、，,\n]+")
DATE_FORMS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
              re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
              re.compile(r"(\d{4})(\d{2})(\d{2})"))


def unguard(value: Any) -> Any:
    """A cell without the open-data CSV guard: the export writes text that begins like a formula
    (= + - @ tab CR) with a leading ' (outputs/opendata/files.csv_cell); read back, the quote is
    not data, so export -> import gives the value exported ("-", not "'-")."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


def to_date(value: Any) -> dt.date | None:
    """A cell as a date: a date cell or text like 2024-03-05, 2024/3/5, 2024年3月5日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for form in DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                return None
    return None


def to_yuan(value: Any) -> int | float | None:
    """A 万元 amount as yuan."""
    text = str(value).strip().replace(",", "")
    if len(text) > 40:  # no amount needs more: thousands of digits are a paste, not a fine
        return None
    try:
        amount = Decimal(text) * 10000
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount) >= NUMBER_MAX:  # nan, inf, 1e999: the schema's ceiling
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def parse_basis(text: str) -> list[dict[str, str]]:
    """《法律名称》第X条；… as [{title, article}]."""
    out = []
    for part in re.split(r"[；;\n]+", text):
        m = re.match(r"\s*《?([^》]+?)》?\s*(第.+)?\s*$", part)
        if m and m.group(1).strip():
            out.append({"title": m.group(1).strip(), **({"article": m.group(2).strip()} if m.group(2) else {})})
    return out


def ordered(doc: dict[str, Any], obj: Obj) -> dict[str, Any]:
    """`doc` with its keys in the schema's order, as a clerk would read them in docs/format.md."""
    out: dict[str, Any] = {}
    for key, f in obj.fields.items():
        if key in doc:
            out[key] = ordered(doc[key], f) if isinstance(f, Obj) and isinstance(doc[key], dict) else doc[key]
    return out


def set_path(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for p in parents:
        doc = doc.setdefault(p, {})
    doc[last] = value


def get_path(doc: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(doc, dict):
            return None
        doc = doc.get(part)  # type: ignore[assignment]
    return doc


def shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "；".join(shown(v) for v in value)
    if isinstance(value, dict):
        return "".join(shown(v) for v in value.values())
    return "" if value is None else str(value)


def make_title(doc: dict[str, Any]) -> str | None:
    """A case title from the party and the violation (某某公司销售过期食品案), for rows without one."""
    name = str(get_path(doc, "party.name") or "")
    if not name:
        return None
    if doc.get("violation_type"):
        return f"{name}{doc['violation_type']}案"
    if doc.get("category") == "行政许可":
        return f"{name}{get_path(doc, 'permit.certificate') or '行政许可'}"
    return None

