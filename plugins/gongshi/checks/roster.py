"""Roster and review rules: R-TWO (two certified officers), R-REVIEW (legal review of major
decisions) and R-FIVEPCT (enough legal reviewers). Compliance findings: warnings.

Unknown officer ids are R-REF errors (checks/refs.py); these rules only judge officers that exist.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Iterator

from gongshi.checks.mandatory import written
from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import WARNING, Finding, Msg
from gongshi.model.kinds import Record

ENFORCER = "执法人员"
REVIEWER = "法制审核人员"
DEFAULT_RATIO = 0.05  # R-FIVEPCT, when the policy names no ratio

TOO_FEW = Msg("R-TWO", "承办执法人员只有 {count} 名，应至少两名", "only {count} enforcement officer(s) acted; at least two must",
              "在 officers 中列出至少两名持有效执法证件的执法人员编号",
              "list at least two certified enforcement officers' ids under officers", WARNING,
              bulk_zh="这些决定都缺少承办执法人员：从表格导入的，在表格的“承办执法人员”一列填写人员编号"
                      "（如 o-0003、o-0004）后用 gongshi import --update 重新导入；否则在每个文件的 officers 中列出",
              bulk_en="none of these decisions names its officers: if they came from a spreadsheet, fill its "
                      "承办执法人员 column with officer ids (e.g. o-0003、o-0004) and import it again with "
                      "gongshi import --update; otherwise list them under officers in each file")
NOT_ENFORCER = Msg("R-TWO", "{officer}（{name}）不具有执法人员身份，不能单独计入承办人员",
                   "{officer} ({name}) is not an enforcement officer and does not count as one of the two",
                   "执法辅助人员不能独立执法；请列出具有执法人员角色的人员",
                   "auxiliary staff cannot enforce on their own; list officers with the 执法人员 role", WARNING)
NO_CERTIFICATE = Msg("R-TWO", "{officer}（{name}）没有执法证件记录", "{officer} ({name}) has no enforcement certificate on record",
                     "在 officers.yml 中为其填写 certificate", "add the certificate to officers.yml", WARNING)
CERT_INVALID = Msg("R-TWO", "{officer}（{name}）的执法证件在决定日期 {decided} 无效（有效期 {valid_from} 至 {valid_until}）",
                   "{officer} ({name})'s certificate was not valid on the decision date {decided} (valid {valid_from} to {valid_until})",
                   "核对决定日期和证件有效期；证件过期的人员不能执法",
                   "check the decision date and the certificate; an expired certificate does not allow enforcement", WARNING)
NO_REVIEW = Msg("R-REVIEW", "重大执法决定缺少法制审核记录", "a major decision has no legal review on record",
                "填写 legal_review：审核人员、审核日期（不晚于决定日期）和审核意见",
                "add legal_review: reviewer, date (on or before the decision) and opinion", WARNING)
CATALOGUED = Msg("R-REVIEW", "执法事项 {item} 列入重大执法决定法制审核目录清单，决定未写明 major，应按重大执法决定经法制审核，但缺少法制审核记录",
                 "item {item} is in the catalogue of major decisions needing legal review and the decision does not "
                 "say major, so it is judged as a major decision: it has no legal review on record",
                 "填写 legal_review（审核人员、不晚于决定日期的审核日期和审核意见）；确属目录清单范围之外的，写明 major: false",
                 "add legal_review (reviewer, a date on or before the decision, opinion); if the decision is outside "
                 "the catalogue's scope, say major: false", WARNING)
REVIEW_LATE = Msg("R-REVIEW", "法制审核日期 {date} 晚于决定日期 {decided}", "the legal review ({date}) is after the decision ({decided})",
                  "法制审核应在作出决定之前完成", "the legal review must come before the decision", WARNING)
NOT_REVIEWER = Msg("R-REVIEW", "审核人员 {officer}（{name}）不具有法制审核人员身份",
                   "reviewer {officer} ({name}) does not hold the legal reviewer role",
                   "由具有“法制审核人员”角色的人员审核", "the review must be done by an officer with the 法制审核人员 role", WARNING)
NOT_AGREED = Msg("R-REVIEW", "法制审核意见为“{opinion}”，未经审核同意不得作出决定",
                 "the legal review opinion is '{opinion}'; without agreement the decision must not be made",
                 "审核意见为纠正或移送的，应按意见处理后重新审核", "after a 纠正 or 移送 opinion, act on it and review again", WARNING)
FEW_REVIEWERS = Msg("R-FIVEPCT", "法制审核人员 {reviewers} 名，不足执法人员 {enforcers} 名的 {percent}（至少应有 {needed} 名）",
                    "{reviewers} legal reviewer(s) are fewer than {percent} of {enforcers} enforcement officers (at least {needed} needed)",
                    "增配法制审核人员，或在 officers.yml 中补录", "appoint more legal reviewers, or add them to officers.yml", WARNING)


def _roster(ds: Dataset) -> dict[tuple[str, str], Record]:
    return ds.index("officer")


def _check_officers(rec: Record, roster: dict[tuple[str, str], Record]) -> Iterator[Finding]:
    decided = rec.data.get("decided")
    ids = rec.data.get("officers") or []
    if len({i for i in ids if i}) < 2:
        keys = rec.keys("officers") if "officers" in rec.data else rec.keys()
        yield TOO_FEW(rec.file, keys=keys, count=len({i for i in ids if i}))
    for i, oid in enumerate(ids):
        officer = roster.get((rec.agency or "", oid or ""))
        if officer is None:
            continue
        data, keys = officer.data, rec.keys("officers", i)
        name = data.get("name", "")
        if ENFORCER not in (data.get("roles") or []):
            yield NOT_ENFORCER(rec.file, keys=keys, officer=oid, name=name)
            continue
        cert = data.get("certificate")
        if not cert:
            yield NO_CERTIFICATE(rec.file, keys=keys, officer=oid, name=name)
        elif isinstance(decided, dt.date) and not (
                cert.get("valid_from", dt.date.min) <= decided <= cert.get("valid_until", dt.date.max)):
            yield CERT_INVALID(rec.file, keys=keys, officer=oid, name=name, decided=decided,
                               valid_from=cert.get("valid_from", "?"), valid_until=cert.get("valid_until", "?"))


def _catalogued(rec: Record, items: dict[tuple[str, str], Record]) -> bool:
    """Whether the decision leaves `major` unsaid while its item is in the agency's catalogue of
    major decisions (items.yml major_review: true). The seeds make the catalogue the scope of
    legal review (000 §二(三)2 "制定或修订重大执法决定法制审核目录清单"; 001 §二(三)3 "根据重大执法决定
    法制审核目录清单……应当进行法制审核"), so a decision that says nothing is judged as major: a
    missing answer must not pass as "not major". An explicit `major: false` is the clerk's
    statement that the case is outside the catalogue's criteria (amount, kind), and stands."""
    if "major" in rec.data or not rec.data.get("item"):
        return False
    item = items.get((rec.agency or "", rec.data["item"]))
    if item is None or item.data.get("major_review") is not True:
        return False
    # Said after all when the file writes a value the reader refused (R-FORMAT's finding, not a
    # silence); the file is read again only in this rare case.
    return not written(rec.file, ("major",))


def _check_review(rec: Record, roster: dict[tuple[str, str], Record],
                  items: dict[tuple[str, str], Record]) -> Iterator[Finding]:
    catalogued = _catalogued(rec, items)
    review = rec.data.get("legal_review")
    if rec.data.get("major") is not True and not catalogued and not review:
        return
    # A review on record is judged even when the decision is not major: a decision made after a
    # late, unqualified or failed review is not lawful either (000 §二(三) "未经法制审核或者审核未通过的，
    # 不得作出决定"; 001 §二(三)3 reviews every 一般程序 penalty), and publishing it as reviewed would mislead.
    if not review:
        if catalogued:
            yield CATALOGUED(rec.file, keys=rec.keys("item"), item=rec.data["item"])
        else:
            yield NO_REVIEW(rec.file, keys=rec.keys("major"))
        return
    decided, date = rec.data.get("decided"), review.get("date")
    if isinstance(decided, dt.date) and isinstance(date, dt.date) and date > decided:
        yield REVIEW_LATE(rec.file, keys=rec.keys("legal_review", "date"), date=date, decided=decided)
    officer = roster.get((rec.agency or "", review.get("reviewer", "")))
    if officer is not None and REVIEWER not in (officer.data.get("roles") or []):
        yield NOT_REVIEWER(rec.file, keys=rec.keys("legal_review", "reviewer"), officer=review["reviewer"],
                           name=officer.data.get("name", ""))
    opinion = review.get("opinion")
    if opinion and opinion != "同意":
        yield NOT_AGREED(rec.file, keys=rec.keys("legal_review", "opinion"), opinion=opinion)


def _on_duty(officers: list[Record], role: str) -> int:
    return sum(1 for o in officers if role in (o.data.get("roles") or []) and o.data.get("status") == "在岗")


def _check_ratio(ds: Dataset, policy: dict[str, Any]) -> Iterator[Finding]:
    ratio = policy.get("legal_reviewer_ratio", DEFAULT_RATIO)
    for agency, officers in sorted(ds.by_agency("officer").items()):
        enforcers, reviewers = _on_duty(officers, ENFORCER), _on_duty(officers, REVIEWER)
        # Rounded to 6 places first so 0.05 * 20 is 1, not 1.0000000000000002 -> 2.
        needed = math.ceil(round(enforcers * ratio, 6))
        if enforcers and reviewers < needed:
            yield FEW_REVIEWERS(officers[0].file, 1, 1, reviewers=reviewers, enforcers=enforcers,
                                percent=f"{ratio:.0%}", needed=needed)


@check
@scoped(RECORD)  # each decision against its agency's officers.yml and items.yml (context)
def roster_and_review(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Two certified officers per decision, legal review of major ones, enough reviewers."""
    roster, items = _roster(ds), ds.index("item")
    for rec in ds.of("decision"):
        yield from _check_officers(rec, roster)
        yield from _check_review(rec, roster, items)
    yield from _check_ratio(ds, ds.policy)
