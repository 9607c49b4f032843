"""Record and RecordKind: what every record kind shares."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..findings import Finding, Msg
from ..schema import SLUG_RE, Ctx, ListOf, Obj
from ..yamlread import Node, YSeq

BAD_NAME = Msg("R-FORMAT", "文件或文件夹名“{name}”不合规：只能使用小写英文字母、数字和连字符",
               "file or folder name '{name}' is not allowed: lowercase ASCII letters, digits and hyphens only",
               "重命名为例如 food-license.yml；它将成为公开网址的一部分，发布后不可再改",
               "rename it, e.g. food-license.yml; it becomes part of the public URL and must not change once published")
EMPTY_FILE = Msg("R-FORMAT", "文件为空", "the file is empty",
                 "按 FORMAT.md 填写内容，或删除该文件", "fill it in as FORMAT.md shows, or delete the file")


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
    extra: dict[str, Any] = field(default_factory=dict)

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
        """JSON Schema for the whole file, for editors."""
        doc = ListOf(cls.title, cls.schema).json_schema() if cls.many else cls.schema.json_schema()
        doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        doc["$id"] = f"{cls.name}.schema.json"
        doc["title"] = cls.title
        doc.setdefault("description", cls.schema.description)
        return doc

    @classmethod
    def records(cls, root: Node | None, path: str, rel: str, mtime: float = 0.0,
                ) -> tuple[list[Record], list[Finding]]:
        """Type the file's tree and split it into records, collecting findings."""
        ctx = Ctx(path)
        agency, year, slug = cls.locate_parts(rel)
        for part in (agency, slug):
            if part is not None and not _slug_ok(part):
                ctx.findings.append(BAD_NAME(path, 1, 1, name=part))
        if root is None:
            ctx.findings.append(EMPTY_FILE(path, 1, 1))
            return [], ctx.findings
        out: list[Record] = []
        if cls.many:
            if not isinstance(root, YSeq):
                ListOf(cls.title, cls.schema).check(root, "", ctx)
                return [], ctx.findings
            for i, node in enumerate(root.items):
                data = cls.schema.check(node, f"[{i + 1}]", ctx)
                if data is None:
                    continue
                key = data.get(cls.key) if cls.key else None
                out.append(Record(cls.name, path, data, agency, key, i, year, mtime))
        else:
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
        if cls.name == "decision" and len(parts) >= 2 and parts[-2].isdigit():
            year = int(parts[-2])
        return agency, year, slug


_SLUG = re.compile(SLUG_RE + r"\Z")


def _slug_ok(name: str) -> bool:
    return _SLUG.match(name) is not None
