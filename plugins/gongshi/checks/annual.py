"""R-ANNUAL: each committed year's statistics still match a recount of its data, and last
year's exist once they are due (31 January).

A recount is compared twice: figure by figure, and by the snapshot's `inputs` digest (what the
figures are counted from, policy/statistics.py inputs_hash). The digest catches what the
figures cannot show: a decision moved between two withheld cells, or a fine changed inside a
withheld amount, leaves every published figure the same."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from gongshi.model.dataset import Dataset
from gongshi.model.findings import ERROR, WARNING, Finding, Msg
from gongshi.model.hookspecs import SUMMARY, check, scoped
from gongshi.model.kinds.stats import DUE, StatsKind
from gongshi.policy.statistics import (READS, compute, decided_in, differences, inputs_hash, legacy_inputs_hash,
                                       snapshots)

MISSING = Msg("R-ANNUAL", "{year} 年度行政执法数据统计尚未定稿：没有 stats/{year}.yml",
              "the {year} annual statistics have no committed snapshot: stats/{year}.yml is missing",
              "上年度统计应在 1 月 31 日前公开：运行 gongshi annual {year}，核对后提交 data/stats/{year}.yml",
              "last year's figures are due by 31 January: run gongshi annual {year}, review and commit "
              "data/stats/{year}.yml", WARNING)
CHANGED = Msg("R-ANNUAL", "{year} 年度统计已公布，但该年度的数据此后有变化：{changes}",
              "the {year} annual statistics were published, but that year's data changed since: {changes}",
              "网站继续显示已公布的统计。确属更正的，运行 gongshi annual {year} 重新生成，核对后提交并说明更正原因",
              "the site keeps showing the published figures. If this is a correction, run gongshi annual "
              "{year}, review and commit it, and say why it was corrected", WARNING)
INPUTS = Msg("R-ANNUAL", "{year} 年度统计已公布，但该年度的数据此后有变化：公布的数字不变，变化在不公开的分项内"
              "（输入摘要 {old} → {new}）",
              "the {year} annual statistics were published, but that year's data changed since: every published "
              "figure is the same, the change is inside a withheld cell (inputs digest {old} → {new})",
              "网站继续显示已公布的统计。确属更正的，运行 gongshi annual {year} 重新生成（摘要随之更新），核对后提交并说明更正原因",
              "the site keeps showing the published figures. If this is a correction, run gongshi annual "
              "{year} (which updates the digest), review and commit it, and say why it was corrected", WARNING)
OUTDATED = Msg("R-ANNUAL", "{year} 年度统计快照由旧版 gongshi 生成（“<3”的写法，未做防推算的补充隐藏）：数据未变，但公布的数字可能被推算出不公开的分项",
                "the {year} annual statistics snapshot was written by an older gongshi ('<3' cells, no secondary "
                "suppression): the data is the same, but a withheld cell may be worked out from the published totals",
                "运行 gongshi annual {year} 重新生成（made 日期改为今天），核对后提交",
                "run gongshi annual {year} again (its made day becomes today), review and commit it", WARNING)
WRONG_YEAR = Msg("R-ANNUAL", "统计文件名应为年份，而不是“{name}”，或与其中的年度 {year} 不符",
                 "a statistics file is named by its year, not '{name}', or differs from its year {year}",
                 "用 gongshi annual <年份> 生成，文件名为 stats/<年份>.yml",
                 "write it with gongshi annual <yyyy>; the file is stats/<yyyy>.yml")
FUTURE = Msg("R-ANNUAL", "{year} 年度统计的生成日期 {made} 晚于核对日期 {as_of}",
             "the {year} statistics are dated {made}, after {as_of}",
             "made 应是运行 gongshi annual 的日期；请重新生成后提交", "`made` is the day gongshi annual ran: write "
             "the file again and commit it", ERROR)
NOT_OVER = Msg("R-ANNUAL", "{year} 年度尚未结束（核对日期 {as_of}），不能提交该年度的统计",
               "the year {year} is not over on {as_of}: its statistics cannot be committed yet",
               "年度结束后运行 gongshi annual {year}，核对后提交", "run gongshi annual {year} once the year is over, "
               "review and commit", ERROR)


@check
@scoped(SUMMARY, reads=READS)  # compute() and inputs_hash() read these fields of a decision
def annual_snapshots(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Last year's snapshot exists after 31 January; each snapshot still matches its year's data."""
    for r in ds.of(StatsKind.name):
        year, slug = r.data.get("year"), str(r.slug)
        if not slug.isdigit() or (isinstance(year, int) and year != int(slug)):
            yield (WRONG_YEAR(r.file, keys=("year",), name=slug, year=year) if isinstance(year, int)
                   else WRONG_YEAR(r.file, 1, 1, name=slug, year=year))
            continue
        if not isinstance(year, int):
            continue
        made = r.data.get("made")
        if year >= as_of.year:
            yield NOT_OVER(r.file, keys=("year",), year=year, as_of=as_of)
            continue
        if isinstance(made, dt.date) and made > as_of:
            yield FUTURE(r.file, keys=("made",), year=year, made=made, as_of=as_of)
            continue
        digest = inputs_hash(ds, year)
        if r.data.get("inputs") != digest and r.data.get("inputs") == legacy_inputs_hash(ds, year):
            yield OUTDATED(r.file, keys=("inputs",), year=year)
            continue
        changes = differences(r.data, compute(ds, year))
        if changes:
            shown = "；".join(changes[:5]) + (f"（另有 {len(changes) - 5} 项）" if len(changes) > 5 else "")
            yield CHANGED(r.file, keys=("year",), year=year, changes=shown)
            continue
        if r.data.get("inputs") != digest:
            yield INPUTS(r.file, keys=("inputs",), year=year, old=_short(r.data.get("inputs")), new=_short(digest))
    # Every year whose report is due (31 January after it) and missing, not only last year's: on
    # 1 January a year two back that was never reported is as overdue as before.
    last = as_of.year - 1 if as_of > dt.date(as_of.year, *DUE) else as_of.year - 2
    done = snapshots(ds)
    years = {r.data["decided"].year for r in ds.of("decision") if isinstance(r.data.get("decided"), dt.date)}
    for year in sorted(y for y in years if y <= last and y not in done):
        yield MISSING(os.path.join(ds.root, "stats", f"{year}.yml"), 1, 1, year=year)


def _short(digest: object) -> str:
    """The first 12 hex digits: enough to tell two digests apart in a message."""
    text = str(digest)
    return text.split(":", 1)[-1][:12] if text.startswith("sha256:") else text[:20]
