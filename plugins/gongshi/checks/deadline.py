"""R-DEADLINE: decisions are published within the policy's working days of the decision."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from gongshi.model.dataset import Dataset
from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.model.hookspecs import RECORD, check, scoped
from gongshi.policy.deadlines import backdating_days, effective_published, first_seen, timeliness
from gongshi.policy.windows import in_force as in_force_of
from gongshi.policy.workdays import WorkCalendar

LATE = Msg("R-DEADLINE", "公开迟延：决定日期 {decided} 至公开日期 {published} 共 {days} 个工作日，超过 {limit} 个工作日的时限",
           "published late: {days} working days from decision {decided} to publication {published}, over the limit of {limit}",
           "{category}决定应在作出决定之日起 {limit} 个工作日内公开；请说明原因并加快公开流程",
           "{category} decisions must be published within {limit} working days of the decision; record why, and speed up publication",
           WARNING)
UNKNOWN_YEAR = Msg("R-DEADLINE", "{year} 年的节假日安排尚未收录，工作日只按周末计算",
                   "the holiday schedule of {year} is not known yet; working days were counted by weekends only",
                   "国务院办公厅公布放假安排后，把它加入 data/calendar.yml",
                   "add the year to data/calendar.yml once the State Council announces it", WARNING)

NO_LIMIT = Msg("R-DEADLINE", "公示政策没有规定{category}决定的公开时限，无法检查是否按时公开",
               "the policy sets no publication deadline for {category} decisions, so timeliness cannot be checked",
               "在 site.yml 的 policy.deadline_workdays 中设置该类别或 default（实施方案：行政许可、行政处罚 7 个工作日，"
               "其他执法决定 20 个工作日）",
               "set the category or default under policy.deadline_workdays in site.yml (the implementation plans: 7 "
               "working days for permits and penalties, 20 for other decisions)", WARNING)


BACKDATED = Msg("R-DEADLINE", "公开日期 {published} 比该记录首次提交到 git 的日期 {first} 早 {days} 天（允许 {limit} 天）：按首次出现的日期计，"
                "公开用了 {workdays} 个工作日",
                "the stated publication day {published} is {days} days before the record first appeared in git on {first} "
                "(tolerance {limit} days): counted from its first appearance, publication took {workdays} working days",
                "published 应是记录实际公开的日期；如确实已在其他渠道按时公开，请在 remark 中说明",
                "`published` must be the day the record really went public; if it was published elsewhere on time, "
                "say so in remark", WARNING)


def _first_seen_of(ds: Dataset) -> dict[str, dt.date]:
    """The one input of a decision's deadline findings that is not in its file: the day git
    first saw it, by absolute path (empty outside git; files of the first day are absent)."""
    return first_seen(ds.root) or {}


@check
@scoped(RECORD, file_input=_first_seen_of)
def publication_deadline(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision published within its working-day limit (official calendar)."""
    policy = ds.policy
    cal = WorkCalendar.from_data(ds.calendar)
    seen = first_seen(ds.root)  # None in a plain folder: the backdating check is skipped
    for rec in ds.of("decision"):
        t = timeliness(rec, policy, cal)
        if t is None:
            continue  # undated, or published before decided: R-FORMAT's findings
        if t.limit is None:
            # Every decision has a deadline in the seeds (001 §二(一)4, 004 §二(一)3: 7 working days
            # for permits and penalties, 20 for the others): a policy without one cannot be checked,
            # which must be said, not passed.
            yield NO_LIMIT(rec.file, keys=rec.keys("category"), category=rec.data.get("category", ""))
            continue
        real = effective_published(rec, policy, seen)
        if real is not None and real != rec.data["published"]:
            late = timeliness(rec, policy, cal, seen)
            yield BACKDATED(rec.file, keys=rec.keys("published"), published=rec.data["published"], first=real,
                            days=(real - rec.data["published"]).days, limit=backdating_days(in_force_of(rec, policy)),
                            workdays=late.workdays if late else 0)
        for year in t.unknown_years:
            yield UNKNOWN_YEAR(rec.file, keys=rec.keys("published"), year=year)
        if not t.on_time:
            yield LATE(rec.file, keys=rec.keys("published"), days=t.workdays, limit=t.limit,
                       decided=rec.data["decided"], published=rec.data["published"],
                       category=rec.data.get("category", ""))
