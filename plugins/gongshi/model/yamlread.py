"""The strict YAML reader: libyaml events into a small tree that remembers lines.

Why not yaml.safe_load: it accepts yes/no as booleans, anchors, aliases, tags and duplicate
keys, and forgets where each value stood. Clerks need file:line:column on every finding, so
the tree keeps the position of every node, and typing is left to the schema (model/schema.py).

Speed matters (a county archive holds 100,000 decisions): events come straight from
libyaml's C parser (`yaml._yaml.CParser`, no Python loader classes around it), and a node
keeps the parser's mark object and turns it into line and column only when a finding asks.
"""
from __future__ import annotations

import codecs
import os
import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Protocol, Union

import yaml
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent,
                         ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent)

from gongshi.model.findings import Finding, Msg
from gongshi.model.paths import open_regular
from gongshi.model.yamlerrors import DEFAULT_HINT, SYNTAX, syntax_finding

try:  # the C parser; the pure-Python one gives the same events, only slower
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - libyaml is in the locked PyYAML wheels
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 16

NOT_UTF8_GBK = Msg(
    "R-FORMAT",
    "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（从第 {at_line} 行第 {at_column} 列起）",
    "the file is not UTF-8; it looks like GBK/GB18030 (from line {at_line}, column {at_column})",
    "用编辑器“另存为”并选择 UTF-8 编码，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件",
    "save it as UTF-8 in your editor, or run: iconv -f GB18030 -t UTF-8 old > new",
)
NOT_UTF8_UTF16 = Msg(
    "R-FORMAT",
    "文件是 UTF-16 编码（记事本的“Unicode”），不是 UTF-8",
    "the file is UTF-16 (Notepad's 'Unicode'), not UTF-8",
    "用编辑器“另存为”并选择 UTF-8 编码，或运行：iconv -f UTF-16 -t UTF-8 原文件 > 新文件",
    "save it as UTF-8 in your editor, or run: iconv -f UTF-16 -t UTF-8 old > new",
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
CONTROL_CHAR = Msg(
    "R-FORMAT",
    "文件中有不允许的控制字符 {char}",
    "the file contains a control character that is not allowed ({char})",
    "删除该字符（常见于从 Word、网页或表格复制的文字），或重新输入这一行",
    "delete the character (it often comes with text copied from Word, web pages or spreadsheets), or retype the line",
)
BAD_CHAR = Msg(
    "R-FORMAT",
    "文件中有无法保存为 UTF-8 的字符 {char}",
    "the file contains a character that cannot be encoded as UTF-8 ({char})",
    "删除该字符，或重新输入这一行",
    "delete the character, or retype the line",
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

# Characters YAML does not allow in a stream (YAML 1.1 c-printable).
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


class _Pos:
    """A position made up by the reader (line and column 0-based, as libyaml's marks are)."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class _Mark(Protocol):
    """A parser's mark (PyYAML's or libyaml's): line and column from 0."""

    line: int
    column: int


class YNode:
    """A node of the tree; `mark` is the parser's, so line and column cost nothing until asked."""

    __slots__ = ("mark",)
    mark: _Mark

    @property
    def line(self) -> int:
        return self.mark.line + 1

    @property
    def col(self) -> int:
        return self.mark.column + 1


class YScalar(YNode):
    """A scalar keeps its source text; `plain` is False when it was quoted or a block."""

    __slots__ = ("value", "plain")

    def __init__(self, value: str, plain: bool, mark: Any) -> None:
        self.value = value
        self.plain = plain
        self.mark = mark

    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


class YMap(YNode):
    __slots__ = ("items",)

    def __init__(self, mark: Any) -> None:
        self.mark = mark
        self.items: dict[str, tuple[YScalar, Node]] = {}


class YSeq(YNode):
    __slots__ = ("items",)

    def __init__(self, mark: Any) -> None:
        self.mark = mark
        self.items: list[Node] = []


Node = Union[YScalar, YMap, YSeq]
_NO_KEY = YScalar("", True, _Pos(0, 0))  # stands for a key that is not plain text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of byte `offset` (bytes before it decoded leniently)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    return line, len(data[line_start:offset].decode("utf-8", errors="replace")) + 1


def _looks_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def decode(data: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 text of `data` (a BOM is allowed), or a finding that says how to convert it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        bad = exc.start
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [NOT_UTF8_UTF16(file, 1, 1)]
    line, column = _position(data, bad)
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        gbk = ""
    if _looks_chinese(gbk):
        return None, [NOT_UTF8_GBK(file, line, column, at_line=line, at_column=column)]
    return None, [NOT_UTF8(file, line, column, offset=bad)]


def read_file(path: str, file: str | None = None) -> tuple[Node | None, list[Finding]]:
    """Read and parse one YAML file; findings instead of exceptions."""
    file = file or path
    try:
        with open(open_regular(path), "rb") as fh:  # never a FIFO or a device
            data = fh.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                size = os.fstat(fh.fileno()).st_size
                return None, [TOO_LARGE(file, 1, 1, size=max(size, len(data)), limit=MAX_BYTES)]
    except OSError as exc:
        return None, [UNREADABLE(file, 1, 1, problem=exc.strerror or str(exc))]
    text, findings = decode(data, file)
    if text is None:
        return None, findings
    return parse(text, file)


def parse(text: str, file: str) -> tuple[Node | None, list[Finding]]:
    """Parse YAML text into a node tree, collecting every structural finding; never raises."""
    findings: list[Finding] = []
    try:
        parser = _Parser(text)
        try:
            root = _build(parser.get_event, file, findings)
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as exc:
        findings.append(syntax_finding(exc, text, file))
        return None, findings
    except yaml.reader.ReaderError:
        findings.append(_bad_character(text, file))
        return None, findings
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is one of the above
        problem = (str(exc).splitlines() or ["?"])[0]
        findings.append(SYNTAX(file, 1, 1, problem=problem, problem_zh=problem,
                               hint_zh=DEFAULT_HINT[0], hint_en=DEFAULT_HINT[1]))
        return None, findings
    except UnicodeEncodeError as exc:  # a lone surrogate: only text built in memory has one
        line, col = _text_position(text, exc.start)
        findings.append(BAD_CHAR(file, line, col, char=f"U+{ord(text[exc.start]):04X}"))
        return None, findings
    return root, findings


def _text_position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _bad_character(text: str, file: str) -> Finding:
    m = _NOT_PRINTABLE.search(text)
    index = m.start() if m else 0
    line, col = _text_position(text, index)
    char = f"U+{ord(text[index]):04X}" if m else "?"
    return CONTROL_CHAR(file, line, col, char=char)


def _build(get_event: Callable[[], Any], file: str, findings: list[Finding]) -> Node | None:
    """The tree of the parser's events (`get_event` until the stream ends), findings on the way."""
    # A stack of open collections; for a mapping `keys` holds its pending key (None: none yet).
    stack: list[Node] = []
    keys: list[YScalar | None] = []
    root: Node | None = None
    docs = 0
    Scalar, MapStart, SeqStart, End = ScalarEvent, MappingStartEvent, SequenceStartEvent, StreamEndEvent
    while True:
        ev = get_event()
        cls = ev.__class__
        if cls is Scalar:
            if ev.anchor is not None:
                findings.append(ANCHOR(file, ev.start_mark.line + 1, ev.start_mark.column + 1,
                                       what="&" + ev.anchor))
            tag = ev.tag
            if tag is not None and tag != "!":
                findings.append(TAG(file, ev.start_mark.line + 1, ev.start_mark.column + 1, tag=tag))
            node: Node = YScalar(ev.value, not ev.style, ev.start_mark)  # C: "" plain, Python: None
        elif cls is MapStart or cls is SeqStart:
            mark = ev.start_mark
            if ev.anchor is not None:
                findings.append(ANCHOR(file, mark.line + 1, mark.column + 1, what="&" + ev.anchor))
            if ev.tag is not None:
                findings.append(TAG(file, mark.line + 1, mark.column + 1, tag=ev.tag))
            if len(stack) >= MAX_DEPTH:
                findings.append(TOO_DEEP(file, mark.line + 1, mark.column + 1, limit=MAX_DEPTH))
                return None
            stack.append(YMap(mark) if cls is MapStart else YSeq(mark))
            keys.append(None)
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            node = stack.pop()
            keys.pop()
        elif cls is AliasEvent:
            mark = ev.start_mark
            findings.append(ANCHOR(file, mark.line + 1, mark.column + 1, what="*" + str(ev.anchor)))
            node = YScalar("", True, mark)
        elif cls is DocumentStartEvent:
            docs += 1
            if docs > 1:
                mark = ev.start_mark
                findings.append(MULTI_DOC(file, mark.line + 1, mark.column + 1))
                return root
            continue
        elif cls is End:
            return root
        else:
            continue
        if not stack:
            root = node
            continue
        parent = stack[-1]
        if parent.__class__ is YSeq:
            parent.items.append(node)
            continue
        key = keys[-1]
        if key is None:
            if node.__class__ is not YScalar:
                findings.append(COMPLEX_KEY(file, node.line, node.col))
                node = _NO_KEY  # its value is dropped: one finding is enough
            keys[-1] = node
            continue
        keys[-1] = None
        if key is _NO_KEY:
            continue
        items: dict[str, tuple[YScalar, Node]] = parent.items  # type: ignore[union-attr,assignment]
        first = items.get(key.value)
        if first is not None:
            findings.append(DUPLICATE_KEY(file, key.line, key.col, key=key.value, first=first[0].line))
        else:
            items[key.value] = (key, node)


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
def _cached_tree(data: bytes, path: str) -> Node | None:
    text, _ = decode(data, path)
    return parse(text, path)[0] if text is not None else None


def locate(path: str, keys: Iterable[Any]) -> tuple[int, int]:
    """Line and column of a key path in a file, re-reading it (only findings need this).

    The tree is cached by the file's bytes themselves, so a long-running process (a watcher,
    a test session) never answers from a file that has changed since, even when an edit kept
    its modification time and size.
    """
    try:
        with open(open_regular(path), "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        tree = _cached_tree(data, path) if len(data) <= MAX_BYTES else None
    except OSError:
        tree = None
    node = find(tree, keys)
    return (node.line, node.col) if node is not None else (1, 1)
