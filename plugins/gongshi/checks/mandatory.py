"""R-DEC: a decision fills every field the national 双公示 data standard makes mandatory for its
category (declared as data in model/kinds/decision.py, MANDATORY).

Credit platforms import the 双公示 export as it is: a 行政处罚 without 处罚依据 went out with that
mandatory column empty, and its page said "执法依据 无". A decision the policy never publishes
(a warning alone under some presets), or withholds whole (a minor's), has no 双公示 row and is
left alone."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.kinds import Record
from gongshi.model.kinds.decision import MANDATORY, DecisionKind, Mandatory
from gongshi.model.schema import _NULLS, Field, Obj
from gongshi.model.yamlread import YMap, YScalar, read_file
from gongshi.policy import windows

MISSING = Msg("R-DEC", "{category}缺少双公示必填项“{heading}”：请填写 {field}",
              "this {category} lacks '{field}', which fills the mandatory 双公示 column '{heading}'",
              "{why}例如 {example}。信用平台按全国双公示数据标准导入，此项为必填项",
              "{why_en}e.g. {example}. Credit platforms import the national 双公示 format, where this column "
              "is mandatory",
              bulk_zh="这些决定都缺少“{heading}”：从表格导入的，在表格中补上“{heading}”一列后用 gongshi import --update "
                      "重新导入；否则在每个文件中填写 {field}，{why}例如 {example}",
              bulk_en="none of these decisions has '{heading}': if they came from a spreadsheet, add its "
                      "'{heading}' column and import it again with gongshi import --update; otherwise fill in "
                      "{field} in each file, {why_en}e.g. {example}")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not (value.strip() if isinstance(value, str)
                                                                           else value))


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _applies(need: Mandatory, data: dict[str, Any]) -> bool:
    if need.kinds:
        kinds = _get(data, ("penalty", "kinds"))
        if not isinstance(kinds, list) or not set(need.kinds) & set(kinds):
            return False
    return not need.parties or _get(data, ("party", "type")) in need.parties


def _why(need: Mandatory) -> tuple[str, str]:
    if need.kinds:
        kinds = "、".join(need.kinds)
        return f"处罚种类含{kinds}时须填写。", f"required when penalty.kinds includes {kinds}. "
    if need.parties:
        parties = "、".join(need.parties)
        return f"当事人为{parties}时须填写。", f"required when the party is a {parties}. "
    return "", ""


def _schema_requires(path: tuple[str, ...], data: Any) -> bool:
    """Whether R-FORMAT already reports the field missing: the schema requires it and its
    parent is there (`result`; `penalty.kinds` once there is a `penalty`)."""
    spec: Field = DecisionKind.schema
    for key in path:
        if not isinstance(spec, Obj) or key not in spec.fields:
            return False
        spec = spec.fields[key]
    return bool(spec.required) and (len(path) == 1 or isinstance(_get(data, path[:-1]), dict))


def written(path: str, keys: tuple[str, ...]) -> bool:
    """Whether the file writes a value at `keys`: then the value was refused (R-FORMAT says why)
    and a second finding saying it is missing would only repeat it. Read again only for a record
    that lacks a mandatory field, which is rare."""
    node: Any = read_file(path)[0]
    for key in keys:
        if not isinstance(node, YMap) or key not in node.items:
            return False
        node = node.items[key][1]
    return not (isinstance(node, YScalar) and node.plain and node.value in _NULLS)


def missing(rec: Record) -> Iterator[Finding]:
    """The mandatory fields of the record's category that are absent or empty."""
    data = rec.data
    category = data.get("category")
    for need in MANDATORY.get(category if isinstance(category, str) else "", ()):
        if not _applies(need, data) or not _empty(_get(data, need.path)) or _schema_requires(need.path, data):
            continue
        parent = _get(data, need.path[:-1]) if len(need.path) > 1 else data
        refused = not isinstance(parent, dict) or need.path[-1] not in parent
        if refused and rec.index is None and written(rec.file, need.path):
            continue
        # Point at the nearest key that is there: the parent object, else the category.
        at = need.path[:-1] if len(need.path) > 1 and isinstance(parent, dict) else ("category",)
        why, why_en = _why(need)
        yield MISSING(rec.file, keys=rec.keys(*at), category=category, heading=need.column, field=need.field,
                      example=need.example, why=why, why_en=why_en)


@check
@scoped(RECORD)  # each decision on its own, against the policy (which ones are ever published)
def mandatory_fields(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision has the 双公示 mandatory fields of its category."""
    policy = ds.policy
    for rec in ds.of("decision"):
        if isinstance(rec.data.get("category"), str) and rec.data["category"] in MANDATORY \
                and not (rec.data.get("party") or {}).get("minor") and not windows.never_published(rec, policy):
            yield from missing(rec)
