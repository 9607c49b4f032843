"""discretion.yml: an agency's penalty discretion standards (行政处罚裁量基准), R-LISTS and R-DISCRETION.

A discretion standard says, for one type of violation, which circumstances (轻微, 一般, 较重,
严重 …) lead to which penalty, and within which fine band. The rules require the standards to
be drawn up and published (R-LISTS); publishing them as structured records, not as a linked
file, lets the portal show them as a table and lets a check compare every decision that names
its standard and circumstance (`discretion:` of a decision) with the band: a fine outside it is
a warning naming both (R-DISCRETION), not an error, since a decision may depart from the
standard for reasons it gives (a reduced or mitigated penalty under the Penalty Law).

The whole kind is this module, its template (theme/templates/gongshi_discretion.html: the
agency's table and the site-wide one) and its cases (tests/cases/discretion/): files, schema,
public face, the references it makes (`ref=`, checked by checks/refs.py), its own check, and
one line in the built-in list of model/kinds/__init__.py (the `gongshi_kinds` hook).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.model.hookspecs import RECORD, check, scoped
from gongshi.model.kinds.base import RecordKind, Section, Table
from gongshi.model.schema import Choice, Date, ListOf, Number, Obj, Text, legal_basis

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

# The circumstance levels of the provincial standards (most use four; 不予处罚 and 减轻 are the
# Penalty Law's first-offence and mitigation cases, which many standards list as levels too).
LEVELS = ["不予处罚", "减轻", "轻微", "一般", "较重", "严重"]
CODE = r"[0-9A-Za-z][0-9A-Za-z-]*"

OUT_OF_BAND = Msg("R-DISCRETION",
                  "罚款 {fine} 元不在裁量基准 {code}（{violation}）“{level}”情形的罚款幅度（{band}）之内",
                  "the fine of {fine} yuan is outside the band {band_en} of discretion standard {code} "
                  "({violation}) for the circumstance '{level}'",
                  "核对罚款金额、裁量基准编号和情形；确需偏离基准的（如依法减轻处罚），在决定中说明理由",
                  "check the fine, the standard's code and the circumstance; a decision that departs from the "
                  "standard on purpose (a mitigated penalty, for instance) says why in its text",
                  WARNING)
NO_LEVEL = Msg("R-DISCRETION",
               "裁量基准 {code}（{violation}）没有“{level}”情形，它的情形为：{levels}",
               "discretion standard {code} ({violation}) has no circumstance '{level}'; its circumstances: {levels}",
               "改为基准中列出的情形之一，或在 discretion.yml 中为该基准补上这一情形",
               "use one of the standard's circumstances, or add this one to the standard in discretion.yml",
               WARNING)
BAD_BAND = Msg("R-DISCRETION", "罚款幅度的下限 {low} 元高于上限 {high} 元",
               "the band's lowest fine of {low} yuan is above its highest of {high} yuan",
               "交换 fine_min 和 fine_max，或更正其中一个", "swap fine_min and fine_max, or correct one of them",
               WARNING)


class DiscretionKind(RecordKind):
    """One discretion standard: a violation type, its legal basis and the penalty and fine band
    of each circumstance level."""

    name = "discretion"
    title = "裁量基准"
    title_en = "discretion standard"
    pattern = "agencies/*/discretion.yml"
    many = True
    key = "code"
    ref_en = "discretion standard code"
    published = True
    sections = (Section("discretion", "gongshi_discretion", label="行政处罚裁量基准"),)
    table = Table("discretion")
    public = ("code", "violation", "item", "basis.title", "basis.article", "levels.level",
              "levels.circumstances", "levels.penalty", "levels.fine_min", "levels.fine_max", "effective")
    schema = Obj("裁量基准", {
        "code": Text("基准编号", "本主体内唯一，例如 SP-001；决定的 discretion.standard 写这个编号", required=True,
                     pattern=CODE, pattern_zh="字母、数字和连字符", pattern_en="letters, digits and hyphens",
                     prose=False),
        "violation": Text("违法行为", "违法行为的类型，例如 销售超过保质期的食品", required=True),
        "item": Text("执法事项编码", "可选：本主体 items.yml 中对应的执法事项编码", ref="item"),
        "basis": legal_basis("处罚依据"),
        "levels": ListOf("裁量阶次", Obj("裁量阶次", {
            "level": Choice("情形", LEVELS, "裁量阶次，例如 轻微、一般、较重、严重", required=True),
            "circumstances": Text("适用情形", "适用这一阶次的情节，例如 首次违法且货值金额不足1000元", required=True),
            "penalty": Text("处罚内容", "这一阶次的处罚，例如 警告，并处五千元以上二万元以下罚款；"
                                        "按货值金额倍数的也写在这里（例如 货值金额五倍以上十倍以下）"),
            "fine_min": Number("罚款下限（元）", "这一阶次罚款的最低金额，以元为单位；不罚款的写 0", minimum=0),
            "fine_max": Number("罚款上限（元）", "这一阶次罚款的最高金额，以元为单位", minimum=0),
        }, "一个裁量阶次：情形、处罚和罚款幅度"), "从轻到重排列的裁量阶次", required=True, min_items=1),
        "effective": Date("施行日期", "裁量基准开始施行的日期，YYYY-MM-DD"),
    }, "行政处罚裁量基准中的一项：一种违法行为按情形划分的处罚幅度")


def _yuan(value: Any) -> str:
    return f"{value:,.0f}" if isinstance(value, (int, float)) else "—"


def band_text(level: dict[str, Any]) -> tuple[str, str]:
    """The fine band of a level as text, in Chinese and English ('5,000–20,000 元')."""
    low, high = level.get("fine_min"), level.get("fine_max")
    if high is None:
        return f"{_yuan(low)} 元以上", f"of at least {_yuan(low)} yuan"
    return f"{_yuan(low or 0)}–{_yuan(high)} 元", f"{_yuan(low or 0)}–{_yuan(high)} yuan"


def _in_band(fine: float, level: dict[str, Any]) -> bool:
    low, high = level.get("fine_min"), level.get("fine_max")
    return (low is None or fine >= low) and (high is None or fine <= high)


@check
@scoped(RECORD)  # a decision against the standards of its agency (discretion.yml: context)
def discretion_bands(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """A standard's bands are ordered low to high; a decision's fine lies in the band of the
    circumstance it states (a missing standard is R-REF's, through `ref=`)."""
    standards: dict[tuple[str, str], Any] = {}
    for r in ds.of(DiscretionKind.name):
        standards[(r.agency or "", str(r.data.get("code")))] = r
        for i, level in enumerate(r.data.get("levels") or ()):
            low, high = level.get("fine_min"), level.get("fine_max")
            if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
                yield BAD_BAND(r.file, keys=r.keys("levels", i, "fine_min"), low=_yuan(low), high=_yuan(high))
    for d in ds.of("decision"):
        named = d.data.get("discretion")
        if not isinstance(named, dict):
            continue
        std = standards.get((d.agency or "", str(named.get("standard"))))
        if std is None:
            continue
        levels = {lv.get("level"): lv for lv in std.data.get("levels") or ()}
        args = {"code": std.data.get("code"), "violation": std.data.get("violation"), "level": named.get("level")}
        level = levels.get(named.get("level"))
        if level is None:
            yield NO_LEVEL(d.file, keys=d.keys("discretion", "level"), levels="、".join(map(str, levels)), **args)
            continue
        fine = (d.data.get("penalty") or {}).get("fine")
        if isinstance(fine, (int, float)) and not _in_band(fine, level):
            zh, en = band_text(level)
            yield OUT_OF_BAND(d.file, keys=d.keys("penalty", "fine"), fine=_yuan(fine), band=zh, band_en=en, **args)
