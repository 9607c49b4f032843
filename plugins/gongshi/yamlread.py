"""The strict YAML reader: libyaml events into a small tree that remembers lines.

Why not yaml.safe_load: it accepts yes/no as booleans, anchors, aliases, tags and duplicate
keys, and forgets where each value stood. Clerks need file:line:column on every finding, so
the tree keeps the position of every node, and typing is left to the schema (schema.py).
"""
from __future__ import annotations

import codecs
from functools import lru_cache
from typing import Any, Iterable, Union

import yaml

from .findings import Finding, Msg

try:  # the C parser; the pure-Python one gives the same events, only slower
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the locked PyYAML wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 16

NOT_UTF8_GBK = Msg(
    "R-FORMAT",
    "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码",
    "the file is not UTF-8; it looks like GBK/GB18030",
    "用编辑器“另存为 UTF-8”，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件",
    "save it as UTF-8 in your editor, or run: iconv -f GB18030 -t UTF-8 old > new",
)
NOT_UTF8 = Msg(
    "R-FORMAT",
    "文件不是 UTF-8 编码（第 {offset} 字节无法解码）",
    "the file is not UTF-8 (byte {offset} cannot be decoded)",
    "用编辑器以 UTF-8 编码重新保存该文件",
    "save the file again with UTF-8 encoding",
)
TOO_LARGE = Msg(
    "R-FORMAT",
    "文件过大（{size} 字节，上限 {limit} 字节）",
    "file too large ({size} bytes, limit {limit})",
    "一条记录一个文件；把多条记录拆分到各自的文件中",
    "one record per file; split the records into files of their own",
)
SYNTAX = Msg(
    "R-FORMAT",
    "YAML 语法错误：{problem}",
    "YAML syntax error: {problem}",
    "检查该行的缩进、冒号后的空格和引号是否成对",
    "check the indentation, the space after each colon and that quotes are paired",
)
UNREADABLE = Msg(
    "R-FORMAT",
    "无法读取文件：{problem}",
    "cannot read the file: {problem}",
    "确认文件存在且可读",
    "make sure the file exists and can be read",
)
ANCHOR = Msg(
    "R-FORMAT",
    "不允许使用 YAML 锚点或别名（{what}）",
    "YAML anchors and aliases are not allowed ({what})",
    "把内容直接写出来，不要用 & 和 * 引用",
    "write the value out in full instead of using & and *",
)
TAG = Msg(
    "R-FORMAT",
    "不允许使用 YAML 标签 {tag}",
    "YAML tags are not allowed ({tag})",
    "删除以 ! 开头的标签；需要文字时请加引号",
    "remove the tag starting with !; quote the value if it is text",
)
DUPLICATE_KEY = Msg(
    "R-FORMAT",
    "重复的键“{key}”（第一次出现在第 {first} 行）",
    "duplicate key '{key}' (first at line {first})",
    "删除或合并重复的键，每个键只能出现一次",
    "remove or merge the duplicate; each key may appear once",
)
COMPLEX_KEY = Msg(
    "R-FORMAT",
    "键必须是简单文字",
    "a key must be plain text",
    "把键写成一个单词，例如 name:",
    "write the key as a single word, such as name:",
)
TOO_DEEP = Msg(
    "R-FORMAT",
    "嵌套层级过深（超过 {limit} 层）",
    "nesting too deep (more than {limit} levels)",
    "检查缩进是否错误",
    "check the indentation",
)
MULTI_DOC = Msg(
    "R-FORMAT",
    "一个文件只能包含一个 YAML 文档",
    "a file may hold only one YAML document",
    "删除文件中的 --- 分隔线，把其余记录放到单独的文件",
    "remove the --- separator and put other records into files of their own",
)


class YNode:
    __slots__ = ("line", "col")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col


class YScalar(YNode):
    """A scalar keeps its source text; `plain` is False when it was quoted or a block."""

    __slots__ = ("value", "plain")

    def __init__(self, value: str, plain: bool, line: int, col: int) -> None:
        super().__init__(line, col)
        self.value = value
        self.plain = plain

    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


class YMap(YNode):
    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.items: dict[str, tuple[YScalar, Node]] = {}


class YSeq(YNode):
    __slots__ = ("items",)

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.items: list[Node] = []


Node = Union[YScalar, YMap, YSeq]


def decode(data: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 text of `data` (a BOM is allowed), or a finding that says how to convert it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return None, [NOT_UTF8(file, line, 1, offset=exc.start)]
        return None, [NOT_UTF8_GBK(file, line, 1)]


def read_file(path: str, file: str | None = None) -> tuple[Node | None, list[Finding]]:
    """Read and parse one YAML file; findings instead of exceptions."""
    file = file or path
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [UNREADABLE(file, 0, 0, problem=exc.strerror or str(exc))]
    if len(data) > MAX_BYTES:
        return None, [TOO_LARGE(file, 1, 1, size=f">{MAX_BYTES}", limit=MAX_BYTES)]
    text, findings = decode(data, file)
    if text is None:
        return None, findings
    return parse(text, file)


def parse(text: str, file: str) -> tuple[Node | None, list[Finding]]:
    """Parse YAML text into a node tree, collecting every structural finding."""
    findings: list[Finding] = []
    try:
        root = _build(yaml.parse(text, Loader=_Loader), file, findings)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "?"
        findings.append(SYNTAX(file, line, col, problem=problem))
        return None, findings
    except yaml.YAMLError as exc:
        findings.append(SYNTAX(file, 0, 0, problem=str(exc).splitlines()[0]))
        return None, findings
    return root, findings


def _build(events: Iterable[Any], file: str, findings: list[Finding]) -> Node | None:
    # A stack of open collections; for a mapping we also hold the pending key.
    stack: list[list[Any]] = []
    root: Node | None = None
    docs = 0
    for ev in events:
        cls = ev.__class__
        if cls is yaml.ScalarEvent or cls is yaml.AliasEvent:
            mark = ev.start_mark
            line, col = mark.line + 1, mark.column + 1
            if cls is yaml.AliasEvent:
                findings.append(ANCHOR(file, line, col, what="*" + str(ev.anchor)))
                node: Node = YScalar("", True, line, col)
            else:
                if ev.anchor is not None:
                    findings.append(ANCHOR(file, line, col, what="&" + ev.anchor))
                if ev.tag is not None and ev.tag != "!":
                    findings.append(TAG(file, line, col, tag=ev.tag))
                node = YScalar(ev.value, not ev.style, line, col)  # C parser: "", Python: None
        elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            mark = ev.start_mark
            line, col = mark.line + 1, mark.column + 1
            if ev.anchor is not None:
                findings.append(ANCHOR(file, line, col, what="&" + ev.anchor))
            if ev.tag is not None:
                findings.append(TAG(file, line, col, tag=ev.tag))
            if len(stack) >= MAX_DEPTH:
                findings.append(TOO_DEEP(file, line, col, limit=MAX_DEPTH))
                return None
            coll: Node = YMap(line, col) if cls is yaml.MappingStartEvent else YSeq(line, col)
            stack.append([coll, None])
            continue
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            node = stack.pop()[0]
        elif cls is yaml.DocumentStartEvent:
            docs += 1
            if docs > 1:
                mark = ev.start_mark
                findings.append(MULTI_DOC(file, mark.line + 1, mark.column + 1))
                return root
            continue
        else:
            continue
        if not stack:
            root = node
            continue
        top = stack[-1]
        parent = top[0]
        if parent.__class__ is YSeq:
            parent.items.append(node)
        elif top[1] is None:
            if node.__class__ is not YScalar:
                findings.append(COMPLEX_KEY(file, node.line, node.col))
                node = YScalar("?", True, node.line, node.col)
            top[1] = node
        else:
            key: YScalar = top[1]
            top[1] = None
            first = parent.items.get(key.value)
            if first is not None:
                findings.append(DUPLICATE_KEY(file, key.line, key.col, key=key.value,
                                              first=first[0].line))
            else:
                parent.items[key.value] = (key, node)
    return root


def to_python(node: Node | None) -> Any:
    """Untyped plain value of a node: scalars stay text (the schema types them)."""
    if node is None:
        return None
    if isinstance(node, YScalar):
        return None if node.is_null() else node.value
    if isinstance(node, YSeq):
        return [to_python(n) for n in node.items]
    return {k: to_python(v) for k, (_, v) in node.items.items()}


def find(node: Node | None, keys: Iterable[Any]) -> Node | None:
    """The deepest node on the key path `keys` (a missing key stops at its parent)."""
    for k in keys:
        if isinstance(node, YMap) and k in node.items:
            pair = node.items[k]
            node = pair[1]
        elif isinstance(node, YSeq) and isinstance(k, int) and 0 <= k < len(node.items):
            node = node.items[k]
        else:
            break
    return node


@lru_cache(maxsize=256)
def _cached_tree(path: str) -> Node | None:
    return read_file(path)[0]


def locate(path: str, keys: Iterable[Any]) -> tuple[int, int]:
    """Line and column of a key path in a file, re-reading it (only findings need this)."""
    node = find(_cached_tree(path), keys)
    return (node.line, node.col) if node is not None else (1, 1)
