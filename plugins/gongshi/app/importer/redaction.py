"""The site's redaction policy applied to a row before anything is written (issue 21, item 2).

An import writes what the gate would let through, with the gate's own reading
(checks.redaction.scan_record over the row typed as a decision, the site's allow list and
`natural_person_name` policy):

- names of natural persons are masked as the policy says (罗丽华 -> 罗某某), counted, and the run
  says so in one line;
- any other personal data (a phone, an address, an e-mail …) refuses the row at its cell, as a
  resident ID already does: the data folder never holds it, not even for a commit;
- with --update, a value the data already holds masked is canonical: a sheet that still has
  the unmasked original (罗丽华 where the record says 罗某某) leaves it as it is.

Messages show masks only, never the value found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongshi.model.kinds import Record
from gongshi.policy import detectors as d
from gongshi.checks.encoded import ENCODED
from gongshi.checks.glyphs import LOOK_ALIKE, UNREAD
from gongshi.checks.layout import SPLIT
from gongshi.checks.redaction import masks_names, scan_record

# What a mask is made of: the gate's masks (*) and the 某 of a masked name.
MASK_CHARS = "*某"
_MASK_RUN = re.compile(f"[{re.escape(MASK_CHARS)}]+")


def masked_form_of(masked: Any, plain: Any) -> bool:
    """Whether `masked` is `plain` with some of its characters masked (罗某某 of 罗丽华,
    139****1234 of 13912341234): every run of mask characters stands for one or more characters,
    everything else is the same. Equal values are no masked form."""
    if not isinstance(masked, str) or not isinstance(plain, str) or masked == plain:
        return False
    if not _MASK_RUN.search(masked):
        return False
    parts: list[str] = []
    last = 0
    for m in _MASK_RUN.finditer(masked):
        parts.append(re.escape(masked[last:m.start()]))
        parts.append(".+?")
        last = m.end()
    parts.append(re.escape(masked[last:]))
    return re.fullmatch("".join(parts), plain, re.S) is not None


def get_keys(doc: Any, keys: tuple[Any, ...]) -> Any:
    """The value at a key path (dict keys and list indexes), None when absent."""
    for k in keys:
        if isinstance(doc, dict):
            doc = doc.get(k)
        elif isinstance(doc, list) and isinstance(k, int) and 0 <= k < len(doc):
            doc = doc[k]
        else:
            return None
    return doc


def set_keys(doc: Any, keys: tuple[Any, ...], value: Any) -> None:
    for k in keys[:-1]:
        doc = doc[k]
    doc[keys[-1]] = value


@dataclass
class Refusal:
    """Personal data the row may not bring in: where (key path), what and its proposed mask."""

    keys: tuple[Any, ...]
    kind: str
    mask: str


@dataclass
class Protected:
    """What the policy did to one row: names masked (key path, mask), what refuses the row."""

    masked: list[tuple[tuple[Any, ...], str]] = field(default_factory=list)
    kept: list[tuple[Any, ...]] = field(default_factory=list)   # masked values of the data kept
    refused: list[Refusal] = field(default_factory=list)


def protect(doc: dict[str, Any], policy: dict[str, Any], old: dict[str, Any] | None = None,
            skip: tuple[str, ...] = (d.ID, d.ID15)) -> Protected:
    """Apply the policy to `doc` in place (names masked; with `old`, masked values of the record
    kept) and say what refuses the row. Kinds in `skip` are reported elsewhere (the ID check of
    every cell, known column or not)."""
    out = Protected()
    leaks = scan_record(Record("decision", "<sheet>", doc), policy)
    edits: dict[tuple[Any, ...], list[d.Match]] = {}
    for leak in leaks:
        keys, m = leak.keys, leak.match
        if m.kind == d.CREDIT_CODE or m.kind in skip:
            continue
        if old is not None and masked_form_of(get_keys(old, keys), get_keys(doc, keys)):
            if keys not in out.kept:
                out.kept.append(keys)
            continue
        if m.kind == d.NAME and m.mask and masks_names(policy):
            edits.setdefault(keys, []).append(m)
            continue
        out.refused.append(Refusal(keys, m.kind, m.mask or ""))
    for keys in out.kept:
        set_keys(doc, keys, get_keys(old, keys))
    for keys, matches in edits.items():
        if keys in out.kept:
            continue
        value = get_keys(doc, keys)
        if not isinstance(value, str):
            continue
        end = len(value) + 1
        for m in sorted(matches, key=lambda m: -m.start):
            if m.end > end or value[m.start:m.end] != m.text:
                continue  # overlapping spans are masked once
            value = value[:m.start] + (m.mask or "") + value[m.end:]
            end = m.start
            out.masked.append((keys, m.mask or ""))
        set_keys(doc, keys, value)
    return out


# The gate's own kinds that are no detector's (checks/layout.py, encoded.py, glyphs.py): named
# for what the clerk sees in the cell, so the message says what to change.
_OTHER = {SPLIT: ("被表格、列表或换行拆开的号码", "a number split over table cells, list items or line breaks"),
          ENCODED: ("藏在编码或注释中的号码", "a number hidden in an encoding or a comment"),
          UNREAD: ("其他文字的数字", "digits of another script"),
          LOOK_ALIKE: ("形似数字的字母", "letters written for digits")}


def what(kind: str) -> tuple[str, str]:
    """The kind of personal data in Chinese and English."""
    return d.WHAT.get(kind) or _OTHER.get(kind, ("个人信息", "personal data"))


def shown_name(name: str, party: dict[str, Any], policy: dict[str, Any]) -> str:
    """A party's name as a message may show it: a natural person's masked as the policy says."""
    if party.get("type") == "自然人" and masks_names(policy):
        return d.mask_name(name) or "（自然人）"
    return name
