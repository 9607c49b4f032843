"""Record and RecordKind: what every record kind shares."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, ClassVar

from ..findings import Finding, Msg
from ..schema import Ctx, ListOf, Obj
from ..yamlread import Node, YMap, YSeq

EMPTY_FILE = Msg("R-FORMAT", "文件为空", "the file is empty",
                 "按 docs/format.md 填写内容，或删除该文件", "fill it in as docs/format.md shows, or delete the file")
ROOT_NOT_MAPPING = Msg("R-FORMAT", "文件内容应为“键: 值”形式的一条{title}记录，而不是列表或单个值",
                       "the file should hold one {title_en} as 'key: value' lines, not a list or a single value",
                       "每行写一个“键: 值”，顶格书写，不以“- ”开头；参见 docs/format.md#types",
                       "write one 'key: value' per line, starting at the left margin without '- '; see docs/format.md#types")
ROOT_NOT_LIST = Msg("R-FORMAT", "文件内容应为{title}列表，每项以“- ”开头", "the file should be a list of {title_en} entries, each starting with '- '",
                    "每一项以“- ”开头另起一行，参见 docs/format.md#types", "start each entry with '- ' on a line of its own; see docs/format.md#types")


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


class RecordKind:
    """A content kind: where its files live, whether a file holds a list, and its fields."""

    name: ClassVar[str]
    title: ClassVar[str]          # Chinese name, e.g. 执法决定
    title_en: ClassVar[str]
    pattern: ClassVar[str]        # path under data/ with * for agency, year, slug
    many: ClassVar[bool] = False  # the file is a list of records
    key: ClassVar[str | None] = None  # identifying field of list items (id, code)
    schema: ClassVar[Obj]

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
        agency = parts[1] if len(parts) > 2 and parts[0] == "agencies" else None
        year = None
        slug = None
        if "*" in cls.pattern.rsplit("/", 1)[-1]:
            slug = os.path.splitext(parts[-1])[0]
        if cls.name == "decision" and len(parts) >= 2 and len(parts[-2]) == 4 and parts[-2].isdigit():
            year = int(parts[-2])
        return agency, year, slug

