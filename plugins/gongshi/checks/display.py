"""R-WINDOW: display windows within the policy, and no early removal before the minimum."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

from gongshi.checks.pipeline import RECORD, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.kinds import Record
from gongshi.policy import windows
from gongshi.policy.visibility import revoked_on

OUTSIDE = Msg("R-WINDOW", "公示期限 {display} 不在政策允许的范围 {low} 至 {high} 之内",
              "display window {display} is outside the policy's range {low} to {high}",
              "把 display 改为 {low} 到 {high} 之间的期限，或删除它以使用默认的 {default}",
              "set display between {low} and {high}, or delete it to use the default {default}")
EARLY = Msg("R-WINDOW", "在最短公示期限 {min} 届满前撤下（{date}）：应至少公示至 {last}（含当日）",
            "withdrawn on {date}, before the minimum window of {min} ends (must stay online through {last})",
            "最短公示期届满后才能撤下；如果决定已被撤销或确认违法，请在 reason 中写明",
            "remove it only after the minimum window; if the decision was overturned, say so in the reason")
NO_WINDOW = Msg("R-WINDOW", "公示政策没有规定行政处罚的公示期限，无法检查该决定的公示期限（没有 display 的会一直公示下去，超过最长五年）",
                "the policy sets no display window for 行政处罚, so this decision's window cannot be checked (without "
                "its own display it would stay online for good, beyond the five-year maximum)",
                "在 site.yml 的 policy.display 中为 行政处罚 设置期限，例如 {default: 3y, min: 1y, max: 5y}，或选用政策预设（preset）",
                "set a window for 行政处罚 under policy.display in site.yml, e.g. {default: 3y, min: 1y, max: 5y}, or "
                "choose a policy preset (preset)")
POLICY_RANGE = Msg("R-WINDOW", "“{category}”的公示期限设置矛盾：{problem}",
                   "the display window of '{category}' contradicts itself: {problem_en}",
                   "应满足 min ≤ default ≤ max", "min <= default <= max must hold")

# Early removal is lawful at any time when the decision itself no longer stands
# (Administrative Penalty Law art. 48: overturned decisions are withdrawn within 3 working days).
# The reason must say the decision fell (撤销, 撤回, 确认违法/无效), not merely name a proceeding or
# the party's conduct: 复议/诉讼/判决 may uphold it ("经行政复议，维持原处罚决定"), and "当事人已纠正"
# is exactly the minor case whose window the seed shortens but never below the minimum (004
# §二(一)3 "当事人已及时纠正的行政处罚，适当缩短公示时限，但最短不得少于1年"). "撤销公示"/"申请撤销"
# ask for the disclosure's removal and prove nothing about the decision.
OVERTURNED = re.compile(r"(?<!不予)(?<!未)(?<!申请)(?<!请求)(?:撤销|撤回)(?!公示|公开|信息)|确认(?:违法|无效)|决定无效|"
                        r"overturn|revok|annul|quash", re.I)
# ... nor that the party dropped its own appeal ("当事人撤回复议申请": the decision stands).
UPHELD = re.compile(r"维持|驳回|不予撤销|未撤销|未被撤销|撤回(?:行政)?(?:复议|诉讼|起诉|上诉|申请)|upheld|dismiss", re.I)


def _overturned(rec: Record, date: dt.date, reason: str) -> bool:
    """Whether the withdrawal follows the decision's own fall: its record says it was revoked by
    then (status 已撤销, the 撤销 in history), or the reason says so and not the opposite."""
    revoked = revoked_on(rec)
    if revoked is not None and revoked <= date:
        return True
    return bool(OVERTURNED.search(reason)) and not UPHELD.search(reason)


def _range(win: dict[str, Any]) -> tuple[str, str]:
    return win.get("min") or win["default"], win.get("max") or win["default"]


def _check_display(rec: Record, policy: dict[str, Any]) -> Iterator[Finding]:
    own = rec.data.get("display")
    win = windows.policy_window(rec, policy)
    if win is None and rec.data.get("category") == "行政处罚":
        # Without a policy window a penalty is shown until revoked (or for its own `display`,
        # which nothing bounds): seed 004 §二(一)3 "行政处罚结果信息在互联网上公示时间最长为5年，
        # ……最短不得少于1年". A window that cannot be checked must stop the build, not pass.
        yield NO_WINDOW(rec.file, keys=rec.keys("category"))
        return
    if not own or not win:
        return
    low, high = _range(win)
    if not windows.months(low) <= windows.months(own) <= windows.months(high):
        yield OUTSIDE(rec.file, keys=rec.keys("display"), display=own, low=low, high=high,
                      default=win["default"])


def _check_withdrawn(rec: Record, policy: dict[str, Any]) -> Iterator[Finding]:
    withdrawn = rec.data.get("withdrawn") or {}
    date, reason = withdrawn.get("date"), withdrawn.get("reason", "")
    win = windows.policy_window(rec, policy)
    start = windows.window_start(rec, policy)
    if not isinstance(date, dt.date) or not win or not win.get("min") or start is None:
        return
    last = windows.window_end(start, win["min"])
    if date <= last and not _overturned(rec, date, str(reason)):
        yield EARLY(rec.file, keys=rec.keys("withdrawn", "date"), date=date, min=win["min"], last=last)


def _check_policy(ds: Dataset) -> Iterator[Finding]:
    site = ds.of("site")
    if not site:
        return
    rec = site[0]
    own = (rec.data.get("policy") or {})
    from gongshi.model.presets import IN_FORCE
    steps = [p for _first, p in ds.policy.get(IN_FORCE) or [(None, ds.policy)]]  # every preset in a chain
    seen = set()
    for policy in steps:
        for section in ("display", "penalty_display", "credit_display"):
            for category, win in sorted((policy.get(section) or {}).items()):
                low, high = _range(win)
                m_low, m_def, m_high = (windows.months(x) for x in (low, win["default"], high))
                if m_low <= m_def <= m_high or (section, category, low, win["default"], high) in seen:
                    continue
                seen.add((section, category, low, win["default"], high))
                keys = ("policy", section, category) if category in (own.get(section) or {}) else ("preset",)
                yield POLICY_RANGE(rec.file, keys=rec.keys(*keys), category=category,
                                   problem=f"min {low}、default {win['default']}、max {high}",
                                   problem_en=f"min {low}, default {win['default']}, max {high}")


@check
@scoped(RECORD)  # each decision against the policy; the policy itself (site.yml)
def display_windows(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every decision's window lies within policy, and no withdrawal precedes the minimum."""
    policy = ds.policy
    yield from _check_policy(ds)
    for rec in ds.of("decision"):
        if windows.never_published(rec, policy):
            continue  # no window to keep: the policy in force never publishes it (e.g. 轻微, 简易程序)
        yield from _check_display(rec, policy)
        yield from _check_withdrawn(rec, policy)
