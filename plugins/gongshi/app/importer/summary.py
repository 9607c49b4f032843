"""Signal over noise: the findings of one import run, repeated findings of a message as one line.

A month's sheet from a credit office repeats its gaps on every row (no officer column: "承办执法
人员只有 0 名" forty times; forty rows already imported). Forty lines hide the one that differs,
so a message found GROUP_AT times or more in one run is shown once: where it was first found,
how many times and where else (the cells, or the files written), and a hint that fixes them all
at once where there is one (--officers for a whole sheet, --update for rows already imported).
Errors are grouped too: the line names every place, which is the list of what to fix.
"""
from __future__ import annotations

import os
from typing import Iterable

from gongshi.checks.roster import NOT_ENFORCER, TOO_FEW
from gongshi.model.findings import GROUP_AT, Finding, Msg
from gongshi.app.importer.messages import DUPLICATE, NO_OFFICER

SHOWN_PLACES = 8

_OFFICERS = ("表格加“执法人员”列（姓名或编号，以“；”分隔），或用 --officers 编号,编号 给整张表格每一行指定承办人员"
             "（例如 --officers o-0003,o-0004），再加 --update 重新导入",
             "add a 执法人员 column (names or ids, separated by ；), or give every row of the sheet its officers with "
             "--officers ID,ID (e.g. --officers o-0003,o-0004), and import again with --update")
# Messages whose repeats one change fixes together: (hint in Chinese, in English).
BULK: dict[Msg, tuple[str, str]] = {
    TOO_FEW: _OFFICERS,
    NOT_ENFORCER: _OFFICERS,
    NO_OFFICER: ("把这些人员加入 officers.yml（gongshi new officer），或改写为名录中的编号、姓名或执法证号；"
                 "整张表格同一批承办人员可用 --officers 指定",
                 "add them to officers.yml (gongshi new officer) or write roster ids, names or certificate numbers; "
                 "one set of officers for the whole sheet: --officers"),
    DUPLICATE: ("这些行已导入过；要用表格补充或修改已有记录，加 --update 重新导入",
                "these rows were imported before; to fill in or change those records from the sheet, import again "
                "with --update"),
}


def _place(f: Finding, source: str) -> str:
    if os.path.abspath(f.file) == os.path.abspath(source):
        return str(f.args.get("cell") or f.line)
    return os.path.basename(f.file)


def condense(findings: Iterable[Finding], source: str) -> list[Finding]:
    """`findings` with every message found GROUP_AT times or more as one finding, in the order
    of first appearance."""
    groups: dict[tuple[Msg, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.msg, f.severity), []).append(f)
    out: list[Finding] = []
    for (msg, severity), found in groups.items():
        if len(found) < GROUP_AT:
            out.extend(found)
            continue
        first = found[0]
        places = [_place(f, source) for f in found]
        shown = "、".join(places[:SHOWN_PLACES]) + ("…" if len(places) > SHOWN_PLACES else "")
        hint_zh, hint_en = BULK.get(msg, (msg.hint_zh, msg.hint_en))
        grouped = Msg(msg.rule, msg.zh + "（本次导入共 {_n} 处：{_places}）", msg.en + " ({_n} times in this import: {_places})",
                      hint_zh, hint_en, severity)
        out.append(Finding(grouped, first.file, first.line, first.column,
                           {**first.args, "_n": len(found), "_places": shown}, severity, first.keys))
    return out
