"""The province reads every county decision with its own redaction gate before showing it.

A county's bundle is what its own gate let through, under its own policy: a county whose
site.yml says `natural_person_name: keep`, an older gongshi, a hand-edited or hostile bundle
(its hashes made right) can carry a name, a home address, a health condition, or a number cut
over table cells. The province's output scan looks for the number-like kinds only, so in the
second red-team pass a bundle row holding 证人李秀英, 患有肺结核 and `| 139573 | 12846 |` reached the
province's search documents. Here each row is read as the decision it is (its fields are the
record's) by `checks.redaction.scan_record` under the province's policy and allow list — the
same reading `gongshi validate` gives a county's record — and a county with any finding is not
shown at all (fail closed, as a county whose hashes fail).

The reason names the row's document number and the kind, and a mask only where the gate
proposes one (王某某, 139****2846): the reason is printed and shown on the province's pages, so
it never quotes what it found. Cost: only counties whose bundle changed are harvested (parts
are cached by the manifest's digest and this module's code), one gate pass per decision row.
"""
from __future__ import annotations

from typing import Any

from gongshi.checks.redaction import scan_record
from gongshi.model.kinds import Record
from gongshi.policy import detectors as d

# How many rows a reason names (the rest are counted).
SHOWN = 3


def problems(records: list[Any], policy: dict[str, Any], source: str, kind: str = "decision") -> list[tuple[str, str]]:
    """(zh, en) of each row of `records` (of a record kind: decisions, agencies) the gate
    refuses: document number or name, kind, mask."""
    out: list[tuple[str, str]] = []
    for row in records:
        if not isinstance(row, dict):
            continue  # the judge refuses a row of the wrong shape (judge.verdict: incomplete)
        rec = Record(kind, source, row, agency=_text(row.get("agency")), slug=_text(row.get("slug")))
        found = [lk.match for lk in scan_record(rec, policy) if lk.match.kind != d.CREDIT_CODE]
        if not found:
            continue
        m = found[0]
        zh, en = d.WHAT.get(m.kind, ("个人信息", "personal data"))
        shown = f"（{m.mask}）" if m.mask and m.kind in d.NUMBER_KINDS | {d.NAME} else ""
        doc = _text(row.get("doc_no")) or _text(row.get("slug")) or _text(row.get("agency")) or "?"
        more_zh = f"等 {len(found)} 处" if len(found) > 1 else ""
        more_en = f" and {len(found) - 1} more" if len(found) > 1 else ""
        what_zh, what_en = ("执法决定", "decision") if kind == "decision" else ("执法主体", "agency")
        out.append((f"{what_zh}“{doc}”中有未作隐私处理的{zh}{shown}{more_zh}",
                    f"{what_en} '{doc}' holds an unredacted {en}{shown.replace('（', ' (').replace('）', ')')}{more_en}"))
    return out


def reason(found: list[tuple[str, str]]) -> tuple[str, str]:
    """One sentence for the county's status: the first rows, and how many in all."""
    zh = "；".join(z for z, _ in found[:SHOWN]) + (f"；另有 {len(found) - SHOWN} 件" if len(found) > SHOWN else "")
    en = "; ".join(e for _, e in found[:SHOWN]) + (f"; {len(found) - SHOWN} more" if len(found) > SHOWN else "")
    return (f"数据包中的记录未通过省级隐私检查，该县不予显示：{zh}",
            f"the bundle's records fail the province's privacy check, so the county is not shown: {en}")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
