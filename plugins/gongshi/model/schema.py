"""Declarative field types: they type the YAML tree, report errors and export JSON Schema.

A record kind declares its fields as attributes built from these types (as Pelican's content
classes declare theirs); one walk over the node tree yields the typed value and every finding.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from typing import Any, Iterable

from gongshi.model.findings import Finding, Msg
from gongshi.model.yamlread import Node, YMap, YScalar, YSeq

NOT_MAPPING = Msg("R-FORMAT", "“{name}”应为键值对（映射）", "'{name}' should be a mapping of keys to values",
                  "按“键: 值”的形式逐行书写，并用缩进表示层级", "write 'key: value' lines, indented under it")
NOT_LIST = Msg("R-FORMAT", "“{name}”应为列表", "'{name}' should be a list",
               "每项以“- ”开头另起一行，或写成 [a, b]", "start each item with '- ' on its own line, or write [a, b]")
NOT_SCALAR = Msg("R-FORMAT", "“{name}”应为单个值，而不是列表或映射", "'{name}' should be a single value, not a list or mapping",
                 "把值写在冒号后面的同一行", "write the value after the colon on the same line")
UNKNOWN_KEY = Msg("R-FORMAT", "未知的键“{key}”{suggest_zh}", "unknown key '{key}'{suggest_en}",
                  "允许的键：{allowed}", "allowed keys: {allowed}")
MISSING_KEY = Msg("R-FORMAT", "缺少必填项“{key}”（{title}）", "missing required key '{key}' ({title})",
                  "添加一行“{key}: …”", "add a line '{key}: …'")
EMPTY = Msg("R-FORMAT", "“{name}”不能为空", "'{name}' must not be empty",
            "填写内容，或删除这一行（如果它不是必填项）", "fill it in, or delete the line if the key is optional")
BAD_BOOL = Msg("R-FORMAT", "“{name}”应为 true 或 false，而不是“{value}”", "'{name}' must be true or false, not '{value}'",
               "只写 true 或 false（不加引号，不用 yes/no/是/否）", "write true or false (unquoted; not yes/no/on/off)")
BAD_INT = Msg("R-FORMAT", "“{name}”应为整数，而不是“{value}”", "'{name}' must be a whole number, not '{value}'",
              "只写阿拉伯数字，不加引号、单位或千位分隔符，例如 50000", "write digits only, no quotes, units or separators, e.g. 50000")
BAD_NUMBER = Msg("R-FORMAT", "“{name}”应为数字，而不是“{value}”", "'{name}' must be a number, not '{value}'",
                 "只写数字，例如 0.05", "write a number only, e.g. 0.05")
TOO_SMALL = Msg("R-FORMAT", "“{name}”不能小于 {min}（现为 {value}）", "'{name}' must not be less than {min} (is {value})",
                "检查数值", "check the number")
BAD_DATE = Msg("R-FORMAT", "“{name}”应为 YYYY-MM-DD 格式的日期，而不是“{value}”",
               "'{name}' must be a date as YYYY-MM-DD, not '{value}'",
               "例如 2024-03-05（月、日补足两位）", "e.g. 2024-03-05 (two-digit month and day)")
BAD_DAY = Msg("R-FORMAT", "“{name}”不是真实存在的日期：{value}", "'{name}' is not a real calendar date: {value}",
              "检查月份和日期（例如 2 月没有 30 日）", "check the month and day (February has no 30th, for example)")
BAD_CHOICE = Msg("R-FORMAT", "“{name}”的值“{value}”不在允许范围内{suggest_zh}",
                 "'{name}' has the value '{value}', which is not allowed{suggest_en}",
                 "允许的值：{allowed}", "allowed values: {allowed}")
BAD_PATTERN = Msg("R-FORMAT", "“{name}”的格式不正确：“{value}”", "'{name}' is not in the right form: '{value}'",
                  "{pattern_zh}", "{pattern_en}")
BAD_DURATION = Msg("R-FORMAT", "“{name}”应为时长，例如 3y 或 6m，而不是“{value}”",
                   "'{name}' must be a duration such as 3y or 6m, not '{value}'",
                   "数字后加 y（年）或 m（月），例如 3y", "a number followed by y (years) or m (months), e.g. 3y")
QUOTED = Msg("R-FORMAT", "“{name}”的值 {value} 不能加引号，加了引号就成了文字", "'{name}' must not be quoted: \"{value}\" in quotes is text",
             "去掉引号，写成 {name_last}: {value}", "remove the quotes: {name_last}: {value}")
OUT_OF_RANGE_DATE = Msg("R-FORMAT", "“{name}”的日期 {value} 超出允许范围（{min} 至 {max}）",
                        "'{name}' is outside the dates allowed ({value}; from {min} to {max})",
                        "检查年份是否写错，例如 2024 写成了 0024 或 9999",
                        "check the year for a typo, e.g. 0024 or 9999 instead of 2024")
TOO_LARGE_NUMBER = Msg("R-FORMAT", "“{name}”的数值过大或无法表示：{value}",
                       "'{name}' is too large or not a finite number: {value}",
                       "金额以元为单位，不超过 {max}；检查是否多写了零或写成了科学计数法",
                       "amounts are in yuan and at most {max}; check for extra zeros or an exponent")
TOO_LONG_NUMBER = Msg("R-FORMAT", "“{name}”的数字过长（{digits} 位，上限 {limit} 位）",
                      "'{name}' has too many digits ({digits}, at most {limit})",
                      "检查是否粘贴错了内容；编号等文字请加引号", "check what was pasted; quote codes and other text")
TOO_FEW = Msg("R-FORMAT", "“{name}”至少需要 {min} 项（现有 {count} 项）", "'{name}' needs at least {min} item(s) (has {count})",
              "补充列表项", "add the missing items")

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # what YScalar.is_null() accepts
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
INT_RE = re.compile(r"[-+]?\d+\Z")
NUM_RE = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\Z")
DURATION_RE = re.compile(r"([1-9]\d{0,2})([ym])\Z")
# Every value in range, or a finding: the People's Republic's dates up to a horizon the working-day
# calendar can count to, amounts under a ceiling no fine reaches (10 trillion yuan), numbers short
# enough for int() (Python refuses more than 4,300 digits) and for JSON readers.
DATE_MIN = dt.date(1949, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
NUMBER_MAX = 10 ** 13
MAX_DIGITS = 18
FALSY_WORDS = {"yes", "no", "on", "off", "y", "n", "是", "否", "True", "False", "TRUE", "FALSE", "Yes", "No"}


class Ctx:
    """Where findings of one file go while its tree is typed."""

    __slots__ = ("file", "findings")

    def __init__(self, file: str) -> None:
        self.file = file
        self.findings: list[Finding] = []

    def add(self, msg: Msg, node: Node, **args: Any) -> None:
        self.findings.append(msg(self.file, node.line, node.col, **args))


def suggest(word: str, choices: list[str]) -> tuple[str, str]:
    """A 'did you mean' phrase in both languages, or empty strings."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f"，您是否想写“{close[0]}”？", f"; did you mean '{close[0]}'?"


class Field:
    """A typed field with a Chinese title and description for editors and the data dictionary."""

    json_type: str = "string"

    def __init__(self, title: str, description: str = "", *, required: bool = False,
                 example: Any = None, ref: str | None = None) -> None:
        self.title = title
        self.description = description
        self.required = required
        self.example = example
        # Whether a field reaches the public is not said here but by its kind's `public`
        # allow-list (model/kinds/base.py), so a field added later is published only once listed there.
        # The record kind a value names in the same agency (e.g. "officer" for an officer id):
        # checks/refs.py checks every field declared so (R-REF), whatever kind declares it.
        self.ref = ref

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        """Typed value of `node`, or None after adding a finding to `ctx`."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """This field as JSON Schema (draft-07) with Chinese title and description."""
        doc: dict[str, Any] = {"title": self.title}
        if self.description:
            doc["description"] = self.description
        if self.example is not None:
            doc["examples"] = [self.example]
        doc.update(self._schema())
        return doc

    def _schema(self) -> dict[str, Any]:
        return {"type": self.json_type}

    def _scalar(self, node: Node, name: str, ctx: Ctx) -> YScalar | None:
        if isinstance(node, YScalar):
            return node
        ctx.add(NOT_SCALAR, node, name=name)
        return None


class Text(Field):
    """Free text; any scalar counts, so an unquoted 12315 stays the text '12315'."""

    def __init__(self, title: str, description: str = "", *, pattern: str | None = None,
                 pattern_zh: str = "", pattern_en: str = "", markdown: bool = False,
                 scan: bool = True, disclosed: Iterable[str] = (), prose: bool = True, **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.pattern = re.compile(pattern + r"\Z") if pattern else None
        self.pattern_zh = pattern_zh
        self.pattern_en = pattern_en
        self.markdown = markdown
        # The redaction gate reads every text field: a field added later is gated without anyone
        # remembering to. scan=False is for what is never published (the allow list itself).
        self.scan = scan
        # Kinds of personal data the law publishes in this field (an officer's name, an office's
        # phone and address): the gate still looks for every other kind there.
        self.disclosed = frozenset(disclosed)
        # Whether a sentence (and so a person's name) can be written here: not in an identifier
        # such as a document number (霍环罚〔2021〕1号 begins like a name), whose digits are
        # still scanned. A field with a pattern is an identifier too.
        self.prose = prose and pattern is None

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        value = s.value
        if not value.strip():
            ctx.add(EMPTY, s, name=name)
            return None
        if self.pattern is not None and not self.pattern.match(value):
            ctx.add(BAD_PATTERN, s, name=name, value=value, pattern_zh=self.pattern_zh,
                    pattern_en=self.pattern_en)
            return None
        return value

    def _schema(self) -> dict[str, Any]:
        # A number is text too: the reader keeps the source (an unquoted 12315 or 0564-… stays
        # as written), so the editor must not flag what `gongshi validate` accepts.
        doc: dict[str, Any] = {"type": ["string", "number"], "minLength": 1}
        if self.pattern is not None:
            doc["pattern"] = "^" + self.pattern.pattern[:-2] + "$"
        if self.markdown:
            doc["contentMediaType"] = "text/markdown"
        return doc


class Integer(Field):
    json_type = "integer"

    def __init__(self, title: str, description: str = "", *, minimum: int | None = None,
                 **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.minimum = minimum

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if not (s.plain and INT_RE.match(s.value)):
            if not s.plain and INT_RE.match(s.value):
                ctx.add(QUOTED, s, name=name, value=s.value, name_last=_last(name))
            else:
                ctx.add(BAD_INT, s, name=name, value=_short(s.value))
            return None
        digits = len(s.value.lstrip("+-").lstrip("0"))
        if digits > MAX_DIGITS:
            ctx.add(TOO_LONG_NUMBER, s, name=name, digits=digits, limit=MAX_DIGITS)
            return None
        value = int(s.value)
        if self.minimum is not None and value < self.minimum:
            ctx.add(TOO_SMALL, s, name=name, min=self.minimum, value=value)
            return None
        return value

    def _schema(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            doc["minimum"] = self.minimum
        return doc


class Number(Integer):
    json_type = "number"

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if not (s.plain and NUM_RE.match(s.value)):
            if not s.plain and NUM_RE.match(s.value):
                ctx.add(QUOTED, s, name=name, value=s.value, name_last=_last(name))
            else:
                ctx.add(BAD_NUMBER, s, name=name, value=_short(s.value))
            return None
        mantissa = re.split("[eE]", s.value)[0].lstrip("+-").replace(".", "").lstrip("0")
        if len(mantissa) > MAX_DIGITS:
            ctx.add(TOO_LONG_NUMBER, s, name=name, digits=len(mantissa), limit=MAX_DIGITS)
            return None
        value = int(s.value) if INT_RE.match(s.value) else float(s.value)
        if not math.isfinite(value) or abs(value) >= NUMBER_MAX:
            ctx.add(TOO_LARGE_NUMBER, s, name=name, value=_short(s.value), max=f"{NUMBER_MAX:,}")
            return None
        if self.minimum is not None and value < self.minimum:
            ctx.add(TOO_SMALL, s, name=name, min=self.minimum, value=value)
            return None
        return value

    def _schema(self) -> dict[str, Any]:
        doc = super()._schema()
        doc["type"] = "number"
        return doc


class Boolean(Field):
    json_type = "boolean"

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if s.value in ("true", "false"):
            if s.plain:
                return s.value == "true"
            ctx.add(QUOTED, s, name=name, value=s.value, name_last=_last(name))
            return None
        ctx.add(BAD_BOOL, s, name=name, value=s.value)
        return None


class Date(Field):
    """A calendar date written YYYY-MM-DD (quoted or not)."""

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if not DATE_RE.match(s.value):
            ctx.add(BAD_DATE, s, name=name, value=_short(s.value))
            return None
        try:
            day = dt.date(int(s.value[:4]), int(s.value[5:7]), int(s.value[8:10]))
        except ValueError:
            ctx.add(BAD_DAY, s, name=name, value=s.value)
            return None
        if not DATE_MIN <= day <= DATE_MAX:
            ctx.add(OUT_OF_RANGE_DATE, s, name=name, value=s.value, min=DATE_MIN.isoformat(),
                    max=DATE_MAX.isoformat())
            return None
        return day

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


class Duration(Field):
    """A display window such as 3y or 6m, kept as (count, unit)."""

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        m = DURATION_RE.match(s.value)
        if not m:
            ctx.add(BAD_DURATION, s, name=name, value=s.value)
            return None
        return s.value

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[1-9][0-9]{0,2}[ym]$"}


class Choice(Field):
    """One of a fixed list of official terms."""

    def __init__(self, title: str, values: list[str], description: str = "", **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.values = list(values)
        self._set = frozenset(values)

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if s.value in self._set:
            return s.value
        zh, en = suggest(s.value, self.values)
        ctx.add(BAD_CHOICE, s, name=name, value=s.value, suggest_zh=zh, suggest_en=en,
                allowed="、".join(self.values))
        return None

    def _schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": self.values}


class ListOf(Field):
    json_type = "array"

    def __init__(self, title: str, item: Field, description: str = "", *, min_items: int = 0,
                 **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.item = item
        self.min_items = min_items

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        if not isinstance(node, YSeq):
            if isinstance(node, YScalar) and node.is_null() and self.min_items == 0:
                return []
            ctx.add(NOT_LIST, node, name=name)
            return None
        if len(node.items) < self.min_items:
            ctx.add(TOO_FEW, node, name=name, min=self.min_items, count=len(node.items))
        out = []
        for i, child in enumerate(node.items):
            out.append(self.item.check(child, f"{name}[{i + 1}]", ctx))
        return out

    def _schema(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            doc["minItems"] = self.min_items
        return doc


class Obj(Field):
    """A mapping with declared keys; unknown keys get a 'did you mean' hint."""

    json_type = "object"

    def __init__(self, title: str, fields: dict[str, Field], description: str = "",
                 **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.fields = fields
        self._names = list(fields)

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        if not isinstance(node, YMap):
            ctx.add(NOT_MAPPING, node, name=name)
            return None
        out: dict[str, Any] = {}
        fields = self.fields
        prefix = name + "." if name else ""
        for key, (knode, vnode) in node.items.items():
            spec = fields.get(key)
            if spec is None:
                zh, en = suggest(key, list(fields))
                ctx.add(UNKNOWN_KEY, knode, key=key, suggest_zh=zh, suggest_en=en,
                        allowed=", ".join(fields))
                continue
            if vnode.__class__ is YScalar and vnode.plain and vnode.value in _NULLS:
                if spec.required:
                    ctx.add(EMPTY, vnode, name=prefix + key)
                continue
            value = spec.check(vnode, prefix + key, ctx)
            if value is not None:
                out[key] = value
        items = node.items
        for key, spec in fields.items():
            if spec.required and key not in items:
                ctx.add(MISSING_KEY, node, key=prefix + key, title=spec.title)
        return out

    def _schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {k: f.json_schema() for k, f in self.fields.items()},
            "required": [k for k, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


class MapOf(Field):
    """A mapping whose keys are data (e.g. category names), each value of one type."""

    json_type = "object"

    def __init__(self, title: str, key: Field, value: Field, description: str = "",
                 **kw: Any) -> None:
        super().__init__(title, description, **kw)
        self.key = key
        self.value = value

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        if not isinstance(node, YMap):
            ctx.add(NOT_MAPPING, node, name=name)
            return None
        out: dict[Any, Any] = {}
        for key, (knode, vnode) in node.items.items():
            k = self.key.check(knode, name, ctx)
            v = self.value.check(vnode, _join(name, key), ctx)
            if k is not None and v is not None:
                out[k] = v
        return out

    def _schema(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"type": "object", "additionalProperties": self.value.json_schema()}
        if isinstance(self.key, Choice):
            doc["propertyNames"] = {"enum": self.key.values}
        return doc


class Either(Field):
    """A value that may be written in short form (text) or long form (a mapping)."""

    def __init__(self, short: Field, long: Obj, title: str | None = None,
                 description: str | None = None) -> None:
        super().__init__(title or long.title, description or long.description)
        self.short = short
        self.long = long

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        if isinstance(node, YMap):
            return self.long.check(node, name, ctx)
        return self.short.check(node, name, ctx)

    def _schema(self) -> dict[str, Any]:
        return {"anyOf": [self.short.json_schema(), self.long.json_schema()]}


def _short(value: str, limit: int = 40) -> str:
    """A value quoted in a message, cut so a pasted page (or 5,000 digits) is not echoed whole."""
    return value if len(value) <= limit else value[:limit] + "…"


def _join(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def _last(name: str) -> str:
    """The last key of a dotted field name, as the clerk writes it in the file."""
    return name.rsplit(".", 1)[-1].split("[", 1)[0] or name


# Fields shared by several kinds.
def legal_basis(title: str = "法律依据") -> ListOf:
    """A list of {title, article} legal references."""
    return ListOf(title, Obj("法律条文", {
        "title": Text("法律法规名称", "法律、法规或规章的全称，例如 中华人民共和国行政处罚法", required=True),
        "article": Text("条款", "具体条款，例如 第一百二十二条"),
    }, "一部法律、法规或规章，以及适用的条款"), "执法所依据的法律、法规、规章及条款")


SLUG_RE = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_ZH = "只能使用小写英文字母、数字和连字符，例如 food-license"
SLUG_EN = "use lowercase ASCII letters, digits and hyphens only, e.g. food-license"

