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

CAL_OTHER_YEAR = Msg("R-DEADLINE", "{day} 不在 {year} 年内：计算工作日时不会用到它",
                     "{day} is not in {year}: working days are counted without it",
                     "把它写在 years 中 {day_year} 年的一项里（跨年的假期分成两段，各写在所属年份）",
                     "move it to the entry of {day_year} under years (a holiday across the new year is split in two, "
                     "each in its own year)", WARNING)
CAL_BACKWARDS = Msg("R-DEADLINE", "假期“{name}”从 {start} 到 {end}：开始日期晚于结束日期，这段假期不会计入",
                    "the holiday '{name}' runs from {start} to {end}: it starts after it ends and is not counted",
                    "核对 from 和 to", "check from and to", WARNING)
CAL_EMPTY = Msg("R-DEADLINE", "calendar.yml 中 {year} 年没有放假日期：该年的节假日不会计入，而且不会再提示安排未收录",
                "calendar.yml gives no holidays for {year}: none is counted, and no warning says the schedule is unknown",
                "按国务院办公厅公布的放假安排填写 holidays（和调休上班的 workdays），或删去该年",
                "fill in holidays (and the make-up workdays) as the State Council announced them, or remove the year",
                WARNING)


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


def _calendar(ds: Dataset) -> Iterator[Finding]:
    """calendar.yml as WorkCalendar reads it: a day is looked up in the entry of its own year, so a
    date written under another year, or a holiday range written backwards, is silently not
    counted (a make-up workday lost makes a late publication pass), and a year with no holidays
    counts as known. Each is said here, where the calendar is read for R-DEADLINE."""
    for r in ds.of("calendar"):
        for i, entry in enumerate(r.data.get("years") or []):
            year = (entry or {}).get("year")
            if not isinstance(year, int):
                continue
            holidays = entry.get("holidays") or []
            if not holidays:
                yield CAL_EMPTY(r.file, keys=r.keys("years", i, "year"), year=year)
            for j, h in enumerate(holidays):
                start, end = (h or {}).get("from"), (h or {}).get("to")
                if not isinstance(start, dt.date) or not isinstance(end, dt.date):
                    continue
                if start > end:
                    yield CAL_BACKWARDS(r.file, keys=r.keys("years", i, "holidays", j, "from"),
                                        name=h.get("name") or "", start=start, end=end)
                for key, day in (("from", start), ("to", end)):
                    if day.year != year:
                        yield CAL_OTHER_YEAR(r.file, keys=r.keys("years", i, "holidays", j, key), day=day,
                                             year=year, day_year=day.year)
            for j, day in enumerate(entry.get("workdays") or []):
                if isinstance(day, dt.date) and day.year != year:
                    yield CAL_OTHER_YEAR(r.file, keys=r.keys("years", i, "workdays", j), day=day, year=year,
                                         day_year=day.year)


@check
@scoped(RECORD, file_input=_first_seen_of)
def publication_deadline(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision published within its working-day limit (official calendar)."""
    policy = ds.policy
    yield from _calendar(ds)
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
