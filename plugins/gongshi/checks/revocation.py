"""R-REVOKE: a decision's status agrees with its history of corrections and revocations.

The portal decides what is public from `status` and `history` together (policy/visibility.py:
a decision is shown as revoked, a notice only, once `status` is 已撤销, from its first 撤销 in
history). A record that contradicts itself would be published wrongly: a 撤销 in history with
`status: 有效` keeps a revoked decision online as if it stood. The seeds require a working
mechanism to publish, revoke and update decisions so that what is shown is true (000 §二(一)3
"健全完善执法决定信息公开、撤销和更新机制，及时对已发生变化的信息进行动态调整"; 004 §二(一)3
"建立健全执法决定信息公开发布、撤销和更新机制，确保执法信息实时有效"), so each contradiction is an
error: the build stops until the record says one thing.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gongshi.checks.mandatory import written
from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.kinds import Record

REVOKED = "已撤销"
CORRECTED = "已更正"

STILL_STANDING = Msg("R-REVOKE", "history 中 {date} 已撤销该决定，但 status 是“{status}”：网站会把被撤销的决定当作有效决定公示",
                     "history revokes this decision on {date}, but its status is '{status}': the portal would show a "
                     "revoked decision as if it stood",
                     "把 status 改为 已撤销（自撤销之日起只公开撤销公告）；撤销本身被撤销的，删去该撤销记录并用 action: 变更 说明",
                     "set status: 已撤销 (from the revocation on only a notice is public); if the revocation itself was "
                     "undone, remove it and record a 变更 that says so")
NO_REVOCATION = Msg("R-REVOKE", "status 是“已撤销”，但 history 中没有撤销记录：撤销的日期和原因不明（网站自公开日期起只公开撤销公告）",
                    "status is 已撤销 but history records no revocation: its date and reason are unknown (the portal "
                    "shows only a revocation notice from the publication day)",
                    "在 history 中记下撤销：{date: YYYY-MM-DD, action: 撤销, note: 撤销的原因}",
                    "record the revocation under history: {date: YYYY-MM-DD, action: 撤销, note: why}")
NO_CORRECTION = Msg("R-REVOKE", "status 是“已更正”，但 history 中没有更正或变更记录",
                    "status is 已更正 but history records no correction or change",
                    "在 history 中记下更正：{date: YYYY-MM-DD, action: 更正, note: 更正的内容}",
                    "record the correction under history: {date: YYYY-MM-DD, action: 更正, note: what changed}")
TWICE = Msg("R-REVOKE", "该决定已于 {first} 撤销，不能在 {date} 再次撤销",
            "this decision was revoked on {first} and cannot be revoked again on {date}",
            "删去重复的撤销记录；撤销之后的更改用 action: 变更 记录",
            "remove the repeated revocation; record a later change of it with action: 变更")
BEFORE_DECISION = Msg("R-REVOKE", "{action}日期 {date} 早于决定日期 {decided}：决定作出之前不能{action}",
                      "the {action_en} dated {date} is before the decision ({decided}), which did not exist yet",
                      "核对 history 中的日期和 decided", "check the date in history and decided")
ORDER = Msg("R-REVOKE", "history 应按时间先后排列：{date} 排在 {previous} 之后",
            "history must be in date order: {date} comes after {previous}",
            "按日期从早到晚重新排列 history 中的记录", "reorder the entries of history from oldest to newest")

_ACTION_EN = {"撤销": "revocation", "更正": "correction", "变更": "change"}


def _refused(rec: Record, key: str) -> bool:
    """Whether the file writes `key` but the reader refused its value (R-FORMAT says why): a
    second finding about the same key would only repeat it. Reads the file again: call it only
    once a finding is about to be made."""
    return key not in rec.data and rec.index is None and written(rec.file, (key,))


def _history(rec: Record) -> Iterator[Finding]:
    data = rec.data
    decided, status = data.get("decided"), data.get("status")
    first: dt.date | None = None
    previous: dt.date | None = None
    corrected = skipped = False
    for i, h in enumerate(data.get("history") or []):
        if not isinstance(h, dict) or not isinstance(h.get("date"), dt.date):
            skipped = True  # R-FORMAT reports the entry; it may be the revocation status speaks of
            continue
        date, action = h["date"], h.get("action")
        if isinstance(decided, dt.date) and date < decided:
            yield BEFORE_DECISION(rec.file, keys=rec.keys("history", i, "date"), action=action or "更正",
                                  action_en=_ACTION_EN.get(str(action), "change"), date=date, decided=decided)
        if previous is not None and date < previous:
            yield ORDER(rec.file, keys=rec.keys("history", i, "date"), date=date, previous=previous)
        previous = date
        if action == "撤销":
            if first is not None:
                yield TWICE(rec.file, keys=rec.keys("history", i, "action"), first=first, date=date)
            else:
                first = date
                if status != REVOKED and not _refused(rec, "status"):
                    keys = rec.keys("status") if "status" in data else rec.keys("history", i, "action")
                    yield STILL_STANDING(rec.file, keys=keys, date=date, status=status or "—")
        elif action in ("更正", "变更"):
            corrected = True
    # Read the file again only in these rare cases: a refused history is R-FORMAT's finding.
    if status == REVOKED and first is None and not skipped and not _refused(rec, "history"):
        yield NO_REVOCATION(rec.file, keys=rec.keys("status"))
    if status == CORRECTED and not corrected and not skipped and not _refused(rec, "history"):
        yield NO_CORRECTION(rec.file, keys=rec.keys("status"))


@check
@scoped(RECORD)  # each decision on its own
def revocation_and_correction(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision's status agrees with its history, and its history is in order."""
    for rec in ds.of("decision"):
        yield from _history(rec)
