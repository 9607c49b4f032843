"""stats/<yyyy>.yml: a year's statistics as a reviewed, committed snapshot (R-ANNUAL, R-STATS).

This module declares the record; the counting is policy/statistics.py and the check that a
committed year still matches its recount is checks/annual.py.

`gongshi annual YEAR` writes it; the portal shows it instead of counting again, so the report
of a past year stays what was published, however many of that year's decisions expire, are
withdrawn or are embargoed later (the live count in portal/stats.py sees only public records).

What it counts: EVERY decision decided in the year, public or not (the dataset, not the public
views), per agency and for the site: decisions by category (permits, penalties, coercive
measures …), penalties by kind with fines and confiscations, random-inspection results per
inspection item, the on-time publication rate (stated `published` against the working-day
limit; the git first-seen day is left out so the figure does not depend on the clone), and
officers serving in the year by kind (certified or not) and by role.

Threshold: a breakdown cell about parties (a category, a penalty kind, an inspection item) that
counts 1 or 2 decisions is written "少于3件" (SMALL), and an amount summed over 1 or 2 decisions
"不公开" (WITHHELD: "<3" beside an amount read as "under 3 yuan"). With one case the cell *is*
that party's decision; with two, either party who knows their own figure learns the other's.
Three is the usual minimum frequency of statistical offices ("rule of three"). Where a withheld
cell could be worked out from the totals, more cells are written "不公开" (secondary suppression,
policy/suppression.py). 0 identifies nobody and stays 0; officer counts (the roster is public
anyway) are shown as they are. A snapshot written before reads "<3" (LEGACY_SMALL): it is read
as 少于3件, and R-ANNUAL asks for it to be written again.

The snapshot carries the day it was made and a SHA-256 of its inputs (that year's decision files
and the rosters). `gongshi validate` recounts each committed year and warns (R-ANNUAL) when the
figures no longer match, naming the year and the cells that changed; after 31 January it warns
when last year has decisions but no snapshot.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from gongshi.model.schema import Ctx, Date, Integer, ListOf, MapOf, Number, Obj, Text
from gongshi.model.yamlread import Node
from gongshi.model.kinds.base import RecordKind
from gongshi.model.kinds.officer import ROLES
from gongshi.model.kinds.site import CATEGORIES, PENALTY_KINDS

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

THRESHOLD = 3
SMALL = f"少于{THRESHOLD}件"   # a count of 1 or 2
WITHHELD = "不公开"            # an amount over 1 or 2 decisions, or a cell withheld so that no other can be worked out
LEGACY_SMALL = f"<{THRESHOLD}"  # how snapshots wrote SMALL before
DUE = (1, 31)  # last year's report is due by 31 January
OFFICER_KINDS = ["持证执法人员", "未持证人员"]
FIGURES = ("decisions", "by_category", "penalty_kinds", "fines", "confiscated", "inspections",
           "on_time_rate", "officer_kinds", "officers")

class Cell(Number):
    """A count or amount, or "少于3件" / "不公开" where it is withheld."""

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if s.value in (SMALL, LEGACY_SMALL):
            return SMALL
        if s.value == WITHHELD:
            return WITHHELD
        return super().check(node, name, ctx)

    def _schema(self) -> dict[str, Any]:
        return {"anyOf": [
            {"type": "number", "minimum": 0, "title": "数值", "description": "3 件及以上（或 0）时的件数或金额"},
            {"const": SMALL, "title": "少于3件", "description": "1 至 2 件：为免识别出当事人，不写出具体数字"},
            {"const": WITHHELD, "title": "不公开", "description": "1 至 2 件的金额，或为免从合计推算出其他不公开的分项而不公开的数字"},
            {"const": LEGACY_SMALL, "title": "少于3件（旧写法）", "description": "旧快照的写法，同“少于3件”"}]}


def _cells(title: str, keys: list[str] | None, what: str) -> MapOf:
    from gongshi.model.schema import Choice
    key = Choice(title, keys) if keys else Text(title, what)
    return MapOf(title, key, Cell("数量", "件数，或“少于3件”（1 至 2 件），或“不公开”（为免推算出其他分项）"), what)


def _figures(title: str, description: str, head: dict[str, Any]) -> Obj:
    return Obj(title, {
        **head,
        "decisions": Cell("执法决定", "该年度作出的执法决定件数（含未公开的），或“不公开”（为免推算出不公开的分项）",
                          required=True, minimum=0),
        "by_category": _cells("执法类别", CATEGORIES, "各执法类别的决定件数"),
        "penalty_kinds": _cells("处罚种类", PENALTY_KINDS, "各处罚种类的件数（一件决定可含多种处罚）"),
        "fines": Cell("罚款（元）", "罚款金额合计；1 至 2 件或为免推算时为“不公开”"),
        "confiscated": Cell("没收违法所得（元）", "没收违法所得金额合计；1 至 2 件或为免推算时为“不公开”"),
        "inspections": _cells("随机抽查结果", None, "按抽查事项编码统计的抽查结果件数"),
        "on_time_rate": Number("按时公开率", "按时公开的决定所占比例（0 至 1）；无可统计的决定时不填", minimum=0),
        "officer_kinds": _cells("人员类别", OFFICER_KINDS, "当年在岗人员：持证执法人员和未持证人员的人数"),
        "officers": _cells("岗位角色", ROLES, "当年在岗人员按岗位角色的人数（一人可有多个角色）"),
    }, description)


class StatsKind(RecordKind):
    """One year's enforcement statistics, frozen when published (the annual report)."""

    name = "stats"
    title = "年度统计快照"
    title_en = "annual statistics snapshot"
    pattern = "stats/*.yml"
    path = "stats/{slug}.yml"
    schema = Obj("年度统计快照", {
        "year": Integer("年度", "统计的年份，与文件名一致，例如 2025", required=True, minimum=2000),
        "made": Date("生成日期", "gongshi annual 生成本快照的日期，YYYY-MM-DD", required=True),
        "inputs": Text("输入摘要", "该年度决定文件和人员名录的 SHA-256 摘要，用于核对数据是否变化", required=True),
        "threshold": Integer("最小公布数", "少于此数的分项记为“少于3件”，其金额记为“不公开”，以免识别出当事人", minimum=1),
        "agencies": ListOf("各执法主体", _figures("执法主体统计", "一个执法主体的年度数据", {
            "agency": Text("执法主体编号", "执法主体文件夹名", required=True),
            "name": Text("执法主体名称", "例如 某某市市场监督管理局"),
        }), "每个执法主体一项"),
        "total": _figures("全平台合计", "全平台的年度数据", {}),
    }, "gongshi annual 生成的年度行政执法数据统计，核对后提交；网站显示的就是它")
