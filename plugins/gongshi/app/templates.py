"""Templates for clerks: a commented skeleton of a record kind, written from its schema.

Every key carries its Chinese title and description as a comment (the same text the editor
shows on hover through the `$schema` line). Required keys are left empty, so an unfilled
template fails validation and names each blank; optional scalars may stay empty; optional
groups are commented out.
"""
from __future__ import annotations

import os
import re
from typing import Any

from gongshi.model.kinds.decision import slug_prefix
from gongshi.model.findings import Msg, Report
from gongshi.model.kinds import KINDS
from gongshi.model.schema import (
    SLUG_RE,
    Boolean,
    Choice,
    Date,
    Duration,
    Either,
    Field,
    Integer,
    ListOf,
    MapOf,
    Obj,
)
from gongshi.app.changes import write_text
from gongshi.checks.scrub import masked
from gongshi.policy import detectors as d

AGENCY_DIR = "agencies/{agency}/"


def new_kinds() -> list[str]:
    """The kinds `gongshi new` writes: every kind kept in an agency's folder (its declared path
    begins agencies/{agency}/), but agency.yml itself, which makes the folder."""
    return [name for name, kind in KINDS.items()
            if kind.named_path().startswith(AGENCY_DIR) and kind.named_path() != AGENCY_DIR + "agency.yml"]


def needs_slug(kind: str) -> bool:
    """Whether `gongshi new KIND` needs --slug: its file is named by a slug it does not number."""
    cls = KINDS[kind]
    return not cls.many and "{slug}" in cls.named_path() and not cls.new_slug


def _note(f: Field) -> str:
    parts = [f.title + ("（必填）" if f.required else "（可选）")]
    if f.description:
        parts.append(f.description)
    if isinstance(f, Choice):
        parts.append("可选值：" + " | ".join(f.values))
    elif isinstance(f, Date):
        parts.append("格式 YYYY-MM-DD")
    elif isinstance(f, Boolean):
        parts.append("true 或 false")
    elif isinstance(f, Duration):
        parts.append("例如 3y 或 6m")
    elif isinstance(f, Integer):
        parts.append("只写数字")
    if f.example is not None:
        parts.append(f"例如 {f.example}")
    return "；".join(p.rstrip("。") for p in parts)


def _item_lines(item: Field, indent: int, off: bool) -> list[str]:
    """One list item of `item` at `indent`, its first live line starting with '- '."""
    if isinstance(item, Either):
        item = item.long
    if not isinstance(item, Obj):
        return [("# " if off else "") + " " * indent + "-"]
    lines = obj_lines(item, indent + 2, off)
    inner, dash = " " * (indent + 2), " " * indent + "- "
    for i, line in enumerate(lines):
        if line.startswith(inner) and not line[len(inner)].isspace():
            lines[i] = dash + line[len(inner):]
            return lines
    lines[0] = "# " + dash + lines[0][2 + len(inner):]  # every field optional: all commented
    return lines


def obj_lines(obj: Obj, indent: int = 0, off: bool = False) -> list[str]:
    """Commented YAML lines for the fields of `obj` (commented out entirely when `off`)."""
    lines: list[str] = []
    pad = " " * indent
    for key, f in obj.fields.items():
        if isinstance(f, Either):
            f = f.long
        group = isinstance(f, (Obj, MapOf)) or (isinstance(f, ListOf) and isinstance(f.item, (Obj, Either)))
        child_off = off or (group and not f.required)
        lead = "# " if child_off else ""
        note = f"  # {_note(f)}"
        if isinstance(f, Obj):
            lines.append(f"{lead}{pad}{key}:{note}")
            lines.extend(obj_lines(f, indent + 2, child_off))
        elif isinstance(f, ListOf) and group:
            lines.append(f"{lead}{pad}{key}:{note}")
            lines.extend(_item_lines(f.item, indent, child_off))
        elif isinstance(f, ListOf):
            lines.append(f"{lead}{pad}{key}: []{note}")
        elif isinstance(f, MapOf):
            lines.append(f"{lead}{pad}{key}: {{}}{note}")
        else:
            lines.append(f"{lead}{pad}{key}:{note}")
    return lines


def schema_link(path: str, data: str, kind: str) -> str:
    """The editor line pointing from `path` to <repo>/schemas/<kind>.schema.json."""
    schemas = os.path.join(os.path.dirname(os.path.abspath(data)), "schemas", f"{kind}.schema.json")
    rel = os.path.relpath(schemas, os.path.dirname(os.path.abspath(path))).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}"


def template(kind: str, path: str, data: str, values: dict[str, Any] | None = None) -> str:
    """The text of a new `kind` record at `path` (for officer: one list item to append)."""
    cls = KINDS[kind]
    values = values or {}
    if cls.many:
        lines = _item_lines(cls.schema, 0, False)
    else:
        lines = obj_lines(cls.schema)
    for key, value in values.items():  # known values (an officer's id) filled in
        pattern = re.compile(rf"^(- |)({re.escape(key)}):(\s)")
        lines = [pattern.sub(rf"\g<1>\g<2>: {value}\g<3>", ln, count=1) for ln in lines]
    head = [schema_link(path, data, kind),
            f"# {cls.title}：由 gongshi new 生成。填写所有“必填”项，不需要的可选项可以删除；",
            f"# 填好后运行 gongshi validate {data} 检查。/ {cls.title_en} template: fill in every 必填 (required) key."]
    return "\n".join(head + lines) + "\n"


def place(kind: str, data: str, agency: str, slug: str = "", year: int = 0) -> str:
    """Where a new record of `kind` goes (its declared path)."""
    return os.path.join(data, KINDS[kind].named_path().format(agency=agency, slug=slug, year=year))


def next_slug(folder: str, prefix: str) -> str:
    """`prefix-NNNN` after the highest such name in `folder` (0001 when there is none)."""
    taken = [int(m.group(1)) for n in (os.listdir(folder) if os.path.isdir(folder) else [])
             if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)\.yml", n))]
    return f"{prefix}-{max(taken, default=0) + 1:04d}"


def next_key(text: str, key: str = "id", prefix: str = "o") -> str:
    """`prefix-NNNN` after the highest such `key` already in a list file (o-0009 in officers.yml)."""
    taken = [int(n) for n in re.findall(rf"^-?\s*{re.escape(key)}:\s*{re.escape(prefix)}-(\d+)\s*$", text, re.M)]
    return f"{prefix}-{max(taken, default=0) + 1:04d}"



NO_AGENCY = Msg("R-FORMAT", "主体“{agency}”不存在（没有 {path}）", "agency '{agency}' does not exist (no {path})",
                "检查 --agency，可用的主体：{known}", "check --agency; known agencies: {known}")
EXISTS = Msg("R-FORMAT", "文件已存在，不会覆盖：{path}", "the file exists and is not overwritten: {path}",
             "换一个 --slug，或直接编辑该文件", "choose another --slug, or edit that file")
BAD_SLUG = Msg("R-FORMAT", "编号“{slug}”不合规：只能使用小写英文字母、数字和连字符",
               "'{slug}' is not a valid slug: lowercase ASCII letters, digits and hyphens only",
               "例如 food-license；它将成为公开网址的一部分", "e.g. food-license; it becomes part of the public URL")


PERSONAL_SLUG = Msg("R-REDACT", "编号“{slug}”中有{what}：它会成为文件名和公开网址的一部分，未生成模板",
                    "the slug '{slug}' holds a {what_en}: it would become the file's name and part of the public "
                    "address; no template was written",
                    "换一个不含个人信息的 --slug，例如 food-license", "choose a --slug without personal data, e.g. food-license")


def _personal(slug: str) -> str:
    """The number-like kind of personal data a slug holds, or ""."""
    return next((m.kind for m in d.detect(slug, prose=False) if m.kind in d.NUMBER_KINDS), "")


def new_record(kind: str, data: str, agency: str, slug: str = "", year: int = 0,
               category: str = "") -> tuple[str, Report]:
    """Write a template of `kind` for `agency`; the path written and any problem found."""
    report = Report()
    agency_file = os.path.join(data, "agencies", agency, "agency.yml")
    if not os.path.isfile(agency_file):
        folder = os.path.join(data, "agencies")
        known = ", ".join(sorted(os.listdir(folder))) if os.path.isdir(folder) else "—"
        report.add(NO_AGENCY(agency_file, 0, 0, agency=agency, path=agency_file, known=known))
        return "", report
    cls = KINDS[kind]
    named = "{slug}" in cls.named_path()
    if named and cls.new_slug and not slug:
        prefix = cls.new_slug.format(year=year, agency=agency, prefix=slug_prefix(category))
        slug = next_slug(os.path.dirname(place(kind, data, agency, "x", year)), prefix)
    elif named and not slug:
        slug = f"new-{kind}"
    if named and not re.fullmatch(SLUG_RE, slug):
        report.add(BAD_SLUG(data, 0, 0, slug=slug))
        return "", report
    if named and _personal(slug):
        # The slug is the file's name and the public address: a phone or ID in it would be refused
        # by validate after the template is written (second red-team pass); refused here, masked.
        zh, en = d.WHAT[_personal(slug)]
        report.add(PERSONAL_SLUG(data, 0, 0, slug=masked(slug), what=zh, what_en=en))
        return "", report
    path = place(kind, data, agency, slug, year)
    if cls.many:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        filled: dict[str, Any] = {cls.key: next_key(old, cls.key, cls.new_key)} if cls.key and cls.new_key else {}
        text = template(kind, path, data, filled)
        if old:  # appended to the list: the schema line is already at its top
            text = old.rstrip("\n") + "\n" + "\n".join(text.splitlines()[1:]) + "\n"
        write_text(path, text)
        return path, report
    if os.path.exists(path):
        report.add(EXISTS(path, 0, 0, path=path))
        return "", report
    given = {"category": category} if category and "category" in getattr(cls.schema, "fields", {}) else {}
    write_text(path, template(kind, path, data, given))
    return path, report
