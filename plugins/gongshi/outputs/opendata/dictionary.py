"""The data dictionary, generated from the record schemas: every field's Chinese title and meaning."""
from __future__ import annotations

from typing import Any

from gongshi.model.kinds import KINDS
from gongshi.model.schema import (
    Boolean,
    Choice,
    Date,
    Duration,
    Either,
    Field,
    Integer,
    ListOf,
    MapOf,
    Number,
    Obj,
)
from gongshi.outputs.opendata.tables import (
    ALL,
    COMPUTED,
    KIND_FILES,
    NOTICE,
    NOTICE_COLUMNS,
    PUBLIC_FIELDS,
    kind_title,
)

# What the CSV files do to cells that a spreadsheet would run as a formula (files.csv_cell);
# the dictionary page shows this text (theme/templates/data_dictionary.html, translated there).
CSV_NOTE = ("为防止公式注入，CSV 中以 =、+、-、@、制表符或回车开头的文字单元格前加一个英文单引号 '（OWASP 的建议做法），电子表格会把它当作文字显示而不会计算；去掉开头的 ' 即为原值。数字单元格不加（金额没有负数），但以“-”开头的文字（如破折号或写成文字的日期、负数）也会加 '。JSON 文件保持原值。",
            "To prevent formula injection, a CSV text cell that begins with =, +, -, @, a tab or a carriage return is prefixed with a single quote ' (as OWASP recommends): spreadsheets show it as text and do not evaluate it; remove the leading ' to get the original value. Number cells are not prefixed (amounts are never negative), but text beginning with “-” (a dash, or a date or negative number written as text) is. The JSON files keep the original values.")


def type_zh(spec: Field | None) -> str:
    """A field's type in words, as the dictionary shows it."""
    if spec is None:
        return "文本（构建时生成）"
    if isinstance(spec, Choice):
        return "可选值：" + "、".join(spec.values)
    if isinstance(spec, ListOf):
        return f"列表（{type_zh(spec.item)}）" if not isinstance(spec.item, Obj) else "对象列表"
    names = [(Boolean, "是/否"), (Date, "日期 YYYY-MM-DD"), (Duration, "时长，如 3y、6m"),
             (Number, "数字"), (Integer, "整数"), (MapOf, "映射"), (Either, "文本或对象"), (Obj, "对象")]
    for cls, name in names:
        if isinstance(spec, cls):
            return name
    return "文本（Markdown）" if getattr(spec, "markdown", False) else "文本"


def _rows(spec: Obj, allow: Any, prefix: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key, sub in spec.fields.items():
        path = f"{prefix}{key}"
        sub_allow = allow if allow is ALL else (allow or {}).get(key) if isinstance(allow, dict) else None
        out.append({"path": path, "title": sub.title, "description": sub.description,
                    "type": type_zh(sub), "required": sub.required, "published": sub_allow is not None})
        inner = sub.item if isinstance(sub, ListOf) and isinstance(sub.item, Obj) else sub
        if isinstance(inner, Obj):
            child_prefix = f"{path}[]." if inner is not sub else f"{path}."
            out += _rows(inner, sub_allow if sub_allow is not None else {}, child_prefix)
    return out


def dictionary() -> list[dict[str, Any]]:
    """Every record kind with its fields; `published` says whether the open data carries a field."""
    kinds = []
    for name, kind in KINDS.items():
        allow = PUBLIC_FIELDS.get(name)
        fields = [{"path": k, "title": t, "description": d, "type": type_zh(None), "required": k != "public_until",
                   "published": True} for k, t, d in COMPUTED.get(name, [])]
        fields += _rows(kind.schema, allow if allow is not None else {}, "")
        kinds.append({"kind": name, "title": kind.title, "title_en": kind.title_en,
                      "description": kind.schema.description, "source": f"data/{kind.pattern}",
                      "file": KIND_FILES.get(name), "schema": f"schemas/{name}.schema.json",
                      "fields": fields})
    kinds.append({"kind": NOTICE, "title": kind_title(NOTICE), "title_en": "revocation notice",
                  "description": "被撤销的执法决定只公开撤销公告：文书编号、撤销日期和原因",
                  "source": "data/agencies/*/decisions/*/*.yml（status: 已撤销）", "file": KIND_FILES[NOTICE],
                  "schema": None, "fields": [{"path": k, "title": t, "description": d, "type": type_zh(None),
                                              "required": True, "published": True}
                                             for k, t, d in NOTICE_COLUMNS]})
    return kinds
