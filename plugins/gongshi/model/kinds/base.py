"""Record and RecordKind: what every record kind shares."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from gongshi.model.findings import Finding, Msg
from gongshi.model.schema import Ctx, Either, Field, ListOf, Obj
from gongshi.model.yamlread import Node, YMap, YSeq

EMPTY_FILE = Msg("R-FORMAT", "文件为空", "the file is empty",
                 "按 docs/format.md 填写内容，或删除该文件", "fill it in as docs/format.md shows, or delete the file")
ROOT_NOT_MAPPING = Msg("R-FORMAT", "文件内容应为“键: 值”形式的一条{title}记录，而不是列表或单个值",
                       "the file should hold one {title_en} as 'key: value' lines, not a list or a single value",
                       "每行写一个“键: 值”，顶格书写，不以“- ”开头；参见 docs/format.md#types",
                       "write one 'key: value' per line, starting at the left margin without '- '; see docs/format.md#types")
ROOT_NOT_LIST = Msg("R-FORMAT", "文件内容应为{title}列表，每项以“- ”开头", "the file should be a list of {title_en} entries, each starting with '- '",
                    "每一项以“- ”开头另起一行，参见 docs/format.md#types", "start each entry with '- ' on a line of its own; see docs/format.md#types")


class RecordLike(Protocol):
    """What the policy reads of a record: its file and data. A `Record` is one, and so is the
    publication's frozen view of it (publication.PublicRecord), which policy must not import."""

    @property
    def file(self) -> str: ...

    @property
    def data(self) -> Any: ...


@dataclass
class Record:
    """One record: a whole file, or one item of a list file (officers, items, inspections)."""

    kind: str
    file: str
    data: dict[str, Any]
    agency: str | None = None
    slug: str | None = None
    index: int | None = None  # position in a list file, for key paths
    year: int | None = None   # the decisions/<yyyy>/ folder
    mtime: float = 0.0

    def keys(self, *path: Any) -> tuple[Any, ...]:
        """A key path inside the file, prefixed with the list index for list items."""
        return path if self.index is None else (self.index, *path)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def uid(self) -> str:
        """A stable identity: kind, agency and slug (or id/code)."""
        return f"{self.kind}:{self.agency or ''}:{self.slug or ''}"


@dataclass(frozen=True)
class Section:
    """A section page listing one kind's public records: `<agency>/<name>.html` per agency and
    `<first part of name>.html` site-wide, rendered with `template` (context: agency, groups)."""

    name: str              # e.g. "guides/index"
    template: str          # e.g. "gongshi_guides"
    label: str = ""        # menu label; a labelled section is added to the agency menu
    kind: str = ""         # filled in from the kind that declares it


@dataclass(frozen=True)
class Table:
    """A kind's open-data table: data/<stem>.json|csv (and per agency), the columns the build
    computes in front of the record's public fields (key, title, description)."""

    stem: str
    computed: tuple[tuple[str, str, str], ...] = (("agency", "执法主体编号", "执法主体文件夹名"),)


class RecordKind:
    """A content kind: where its files live, whether a file holds a list, and its fields.

    Its public face is declared here too (publication.py reads it, no output names a kind):
    `url` (a page per record, named parts {agency} {year} {slug}), `template` (that page's),
    `sections` (list pages per agency and site-wide), `table` (open data), and `public`, the
    allow-list of the schema fields the public sees (fail closed: a field added to the schema
    reaches no page, feed or data file until it is listed here).
    """

    name: ClassVar[str]
    title: ClassVar[str]          # Chinese name, e.g. 执法决定
    title_en: ClassVar[str]
    pattern: ClassVar[str]        # path under data/ with * for agency, year, slug
    # The same path with named parts, e.g. agencies/{agency}/decisions/{year}/{slug}.yml;
    # by default agencies/* is {agency} and a * in the file name is {slug}.
    path: ClassVar[str | None] = None
    many: ClassVar[bool] = False  # the file is a list of records
    key: ClassVar[str | None] = None  # identifying field of list items (id, code)
    # How a message names a record of this kind when another names it (`ref=` fields, checks/refs.py):
    # in Chinese the referring field's title, in English this, e.g. "officer id".
    ref_en: ClassVar[str] = ""
    schema: ClassVar[Obj]
    published: ClassVar[bool] = False       # has a public face at all (site, calendar: no)
    url: ClassVar[str | None] = None        # e.g. {agency}/decisions/{year}/{slug}.html
    template: ClassVar[str | None] = None   # the page of one record
    sections: ClassVar[tuple[Section, ...]] = ()
    table: ClassVar[Table | None] = None
    # The public fields as dotted paths through objects and lists of objects ("party.name",
    # "history.date"); an object is public field by field, so each of its fields is listed.
    public: ClassVar[tuple[str, ...]] = ()
    # How `gongshi new` names a new record (app/templates.py): a file named by a slug is numbered
    # `<new_slug>-NNNN` when this is set ("{prefix}-{year}" gives cf-2026-0001: prefix from the category, see decision.py), else --slug is needed;
    # an entry appended to a list file gets the key `<new_key>-NNNN` when this is set (o-0009).
    new_slug: ClassVar[str | None] = None
    new_key: ClassVar[str | None] = None

    @classmethod
    def public_fields(cls) -> dict[str, Any]:
        """`public` as a tree: key -> True (a public value) or the tree of a public object's
        fields (for a list of objects, of its items). Raises ValueError on a path the schema
        does not have, or on an object listed without its fields."""
        cached: dict[str, Any] | None = cls.__dict__.get("_public_tree")
        if cached is None:
            cached = public_tree(cls.schema, cls.public, cls.name)
            cls._public_tree = cached  # type: ignore[attr-defined]
        return cached

    @classmethod
    def named_path(cls) -> str:
        """`path`, or `pattern` with its stars named."""
        if cls.path:
            return cls.path
        parts = cls.pattern.split("/")
        if len(parts) > 2 and parts[0] == "agencies":
            parts[1] = "{agency}"
        parts[-1] = parts[-1].replace("*", "{slug}")
        return "/".join(parts)

    @classmethod
    def url_of(cls, parts: dict[str, Any]) -> str | None:
        """The site-relative URL of a record's page from its named parts, or None (no page)."""
        return cls.url.format(**parts) if cls.url else None

    @classmethod
    def file_schema(cls) -> dict[str, Any]:
        """JSON Schema of the whole file, for editors and the open data (draft-07, which the
        YAML language servers of editors support best; the keywords used mean the same in later drafts)."""
        body = ListOf(cls.title, cls.schema).json_schema() if cls.many else cls.schema.json_schema()
        where = f"data/{cls.pattern}"
        description = (f"{cls.title}列表（{where}），每项以“- ”开头：{cls.schema.description}" if cls.many
                       else f"{cls.schema.description}（{where}）")
        doc: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#",
                               "$id": f"{cls.name}.schema.json", "title": cls.title, "description": description}
        body.pop("title", None)
        body.pop("description", None)
        doc.update(body)
        return doc

    @classmethod
    def records(cls, root: Node | None, path: str, rel: str, mtime: float = 0.0,
                ) -> tuple[list[Record], list[Finding]]:
        """Type the file's tree and split it into records, collecting findings."""
        ctx = Ctx(path)
        agency, year, slug = cls.locate_parts(rel)
        if root is None:
            ctx.findings.append(EMPTY_FILE(path, 1, 1))
            return [], ctx.findings
        out: list[Record] = []
        if cls.many:
            if not isinstance(root, YSeq):
                ctx.add(ROOT_NOT_LIST, root, title=cls.title, title_en=cls.title_en)
                return [], ctx.findings
            for i, node in enumerate(root.items):
                data = cls.schema.check(node, f"[{i + 1}]", ctx)
                if data is None:
                    continue
                key = data.get(cls.key) if cls.key else None
                out.append(Record(cls.name, path, data, agency, key, i, year, mtime))
        else:
            if not isinstance(root, YMap):
                ctx.add(ROOT_NOT_MAPPING, root, title=cls.title, title_en=cls.title_en)
                return [], ctx.findings
            data = cls.schema.check(root, "", ctx)
            if data is not None:
                out.append(Record(cls.name, path, data, agency, slug, None, year, mtime))
        return out, ctx.findings

    @classmethod
    def locate_parts(cls, rel: str) -> tuple[str | None, int | None, str | None]:
        """Agency, year and slug from a path relative to data/."""
        parts = rel.replace(os.sep, "/").split("/")
        named = cls.named_path().split("/")
        found: dict[str, str] = {}
        if len(parts) == len(named):
            for want, got in zip(named, parts):
                m = _PART.fullmatch(os.path.splitext(want)[0])
                if m:
                    found[m.group(1)] = os.path.splitext(got)[0]
        year_text = found.get("year", "")
        year = int(year_text) if len(year_text) == 4 and year_text.isdigit() else None
        # A record named by its year (plans/<yyyy>.yml) has the year as its slug too.
        slug = found.get("slug", year_text if named[-1].startswith("{year}") else None)
        return found.get("agency"), year, slug or None


_PART = re.compile(r"\{(\w+)\}")


def _inner(spec: Field) -> Obj | None:
    """The object a path walks into: an object, a list's (or an either's) object form."""
    if isinstance(spec, ListOf):
        return _inner(spec.item)
    if isinstance(spec, Either):
        return spec.long
    return spec if isinstance(spec, Obj) else None


def public_tree(spec: Obj, paths: tuple[str, ...], kind: str = "") -> dict[str, Any]:
    """The allow-list tree of dotted `paths` into `spec` (see RecordKind.public_fields)."""
    tree: dict[str, Any] = {}
    for path in paths:
        node, obj = tree, spec
        keys = path.split(".")
        for i, key in enumerate(keys):
            sub = obj.fields.get(key)
            if sub is None:
                raise ValueError(f"{kind}: public field {path!r}: the schema has no {key!r}")
            inner = _inner(sub)
            if i == len(keys) - 1:
                if inner is not None:
                    raise ValueError(f"{kind}: public field {path!r} is an object: list its fields")
                node[key] = True
            else:
                if inner is None:
                    raise ValueError(f"{kind}: public field {path!r}: {key!r} has no fields")
                node = node.setdefault(key, {})
                obj = inner
    return tree

