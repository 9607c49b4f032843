"""plans/<yyyy>.yml: an agency's annual enforcement plan (年度行政执法计划), R-LISTS.

The whole kind is this module, its template (theme/templates/gongshi_plan.html: the plan's page
and the plans section) and its cases (tests/cases/plans/): files, schema, public face, the
references it makes (`ref=`, checked by checks/refs.py) and its own checks (`@check`, run by model/hookspecs.py).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gongshi.model.findings import Finding, Msg
from gongshi.model.hookspecs import RECORD, check, scoped
from gongshi.model.schema import Date, Integer, ListOf, Obj, Text
from gongshi.model.kinds.base import RecordKind, Section, Table

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset

NOT_A_YEAR = Msg("R-LISTS", "年度行政执法计划的文件名应为计划年份，而不是“{name}”",
                 "an annual enforcement plan's file name should be its year, not '{name}'",
                 "把文件改名为 plans/<年份>.yml，例如 plans/2026.yml",
                 "rename the file to plans/<yyyy>.yml, e.g. plans/2026.yml")
WRONG_YEAR = Msg("R-LISTS", "计划年度 {year} 与文件名 {file_year}.yml 不符",
                 "the plan's year {year} does not match its file name {file_year}.yml",
                 "一个年度一个文件：更正 year，或把文件改名为 {year}.yml",
                 "one file per year: correct year, or rename the file to {year}.yml")
APPROVED_AFTER = Msg("R-LISTS", "计划在其年度结束之后才批准（{approved}）",
                     "the plan was approved after its year had ended ({approved})",
                     "年度计划应在年初（最迟在年度内）批准并公开；检查批准日期和年度",
                     "an annual plan is approved and published at the start of its year (at the latest within it); "
                     "check the approval date and the year")

APPROVED_FUTURE = Msg("R-LISTS", "计划的批准日期 {approved} 晚于核对日期 {as_of}：尚未批准的计划不能作为已批准的计划公开",
                      "the plan's approval date {approved} is after the as-of date {as_of}: a plan not yet approved "
                      "cannot be published as approved",
                      "写实际的批准日期；计划批准后再提交", "write the day it was really approved; commit the plan once "
                      "it is approved")


class PlanKind(RecordKind):
    """What an agency means to enforce in one year: goals, key areas and the random inspections
    (of its inspections.yml) it will carry out, and when the plan was approved."""

    name = "plan"
    title = "年度行政执法计划"
    title_en = "annual enforcement plan"
    pattern = "agencies/*/plans/*.yml"
    path = "agencies/{agency}/plans/{year}.yml"
    published = True
    url = "{agency}/plans/{year}.html"
    template = "gongshi_plan"
    sections = (Section("plans/index", "gongshi_plan", label="年度行政执法计划"),)
    table = Table("plans", (("agency", "执法主体编号", "执法主体文件夹名"),
                            ("url", "网址", "年度计划在本平台上的页面地址")))
    public = ("year", "title", "goals", "areas.name", "areas.measures", "inspections", "approved",
              "approved_by")
    schema = Obj("年度行政执法计划", {
        "year": Integer("年度", "计划的年份，与文件名一致，例如 2026", required=True, minimum=2000),
        "title": Text("标题", "例如 2026年度行政执法计划"),
        "goals": ListOf("工作目标", Text("目标", "一项年度执法工作目标"), "本年度的执法工作目标",
                        required=True, min_items=1),
        "areas": ListOf("重点领域", Obj("重点领域", {
            "name": Text("领域", "例如 食品安全", required=True),
            "measures": Text("主要措施", "该领域的执法重点和措施"),
        }, "一个重点执法领域"), "本年度的重点执法领域", required=True, min_items=1),
        "inspections": ListOf("抽查计划", Text("抽查事项编码", "本主体 inspections.yml 中的抽查事项编码",
                                               ref="inspection"), "本年度实施的随机抽查事项"),
        "approved": Date("批准日期", "计划经集体讨论通过或批准的日期，YYYY-MM-DD", required=True),
        "approved_by": Text("批准机关", "例如 局务会议"),
    }, "执法主体的年度行政执法计划（事前公开）")


@check
@scoped(RECORD)  # plans only
def plan_years(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """A plan is named by its year, says the same year, and was approved by the end of it."""
    for r in ds.of(PlanKind.name):
        year = r.data.get("year")
        if r.year is None:
            yield NOT_A_YEAR(r.file, 1, 1, name=r.file.replace("\\", "/").rsplit("/", 1)[-1])
        elif isinstance(year, int) and year != r.year:
            yield WRONG_YEAR(r.file, keys=("year",), year=year, file_year=r.year)
        approved = r.data.get("approved")
        if isinstance(approved, dt.date) and isinstance(year, int) and approved.year > year:
            yield APPROVED_AFTER(r.file, keys=("approved",), approved=approved)
        # A plan is public as soon as it validates (it has no publication day): dated approval in
        # the future, it would be shown as approved before it was (cf. R-FORMAT's rule that what
        # has happened is not dated in the future, checks/refs.py).
        elif isinstance(approved, dt.date) and approved > as_of:
            yield APPROVED_FUTURE(r.file, keys=("approved",), approved=approved, as_of=as_of)
