"""stats/<yyyy>.yml: a year's statistics as a reviewed, committed snapshot (R-ANNUAL, R-STATS).

`gongshi annual YEAR` writes it; the portal shows it instead of counting again, so the report
of a past year stays what was published, however many of that year's decisions expire, are
withdrawn or are embargoed later (the live count in portal/stats.py sees only public records).

What it counts: EVERY decision decided in the year, public or not (the dataset, not the public
views), per agency and for the site: decisions by category (permits, penalties, coercive
measures …), penalties by kind with fines and confiscations, random-inspection results per
inspection item, the on-time publication rate (stated `published` against the working-day
limit; the git first-seen day is left out so the figure does not depend on the clone), and
officers serving in the year by kind (certified or not) and by role.

Threshold: a breakdown cell about parties (a category, a penalty kind, an inspection item, an
amount) that counts 1 or 2 decisions is written "<3" (SMALL), and an amount summed over fewer
than 3 decisions is written "<3" too. With one case the cell *is* that party's decision; with
two, either party who knows their own figure learns the other's. Three is the usual minimum
frequency of statistical offices ("rule of three"). 0 identifies nobody and stays 0; totals of
decisions per agency and officer counts (the roster is public anyway) are shown as they are.

The snapshot carries the day it was made and a SHA-256 of its inputs (that year's decision files
and the rosters). `gongshi validate` recounts each committed year and warns (R-ANNUAL) when the
figures no longer match, naming the year and the cells that changed; after 31 January it warns
when last year has decisions but no snapshot.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..findings import WARNING, Finding, Msg
from ..hooks import SUMMARY, check, scoped
from ..schema import Ctx, Date, Integer, ListOf, MapOf, Number, Obj, Text
from ..yamlread import Node
from .base import RecordKind
from .officer import ROLES
from .site import CATEGORIES, PENALTY_KINDS

if TYPE_CHECKING:
    from ..dataset import Dataset

THRESHOLD = 3
SMALL = f"<{THRESHOLD}"
DUE = (1, 31)  # last year's report is due by 31 January
OFFICER_KINDS = ["持证执法人员", "未持证人员"]
FIGURES = ("decisions", "by_category", "penalty_kinds", "fines", "confiscated", "inspections",
           "on_time_rate", "officer_kinds", "officers")

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
WRONG_YEAR = Msg("R-ANNUAL", "统计文件名应为年份，而不是“{name}”，或与其中的年度 {year} 不符",
                 "a statistics file is named by its year, not '{name}', or differs from its year {year}",
                 "用 gongshi annual <年份> 生成，文件名为 stats/<年份>.yml",
                 "write it with gongshi annual <yyyy>; the file is stats/<yyyy>.yml")


class Cell(Number):
    """A count or amount, or "<3" where fewer than three decisions would show."""

    def check(self, node: Node, name: str, ctx: Ctx) -> Any:
        s = self._scalar(node, name, ctx)
        if s is None:
            return None
        if s.value == SMALL:
            return SMALL
        return super().check(node, name, ctx)

    def _schema(self) -> dict[str, Any]:
        return {"anyOf": [
            {"type": "number", "minimum": 0, "title": "数值", "description": "3 件及以上（或 0）时的件数或金额"},
            {"const": SMALL, "title": "不单独公布", "description": "1 至 2 件：为免识别出当事人，不写出具体数字"}]}


def _cells(title: str, keys: list[str] | None, what: str) -> MapOf:
    from ..schema import Choice
    key = Choice(title, keys) if keys else Text(title, what)
    return MapOf(title, key, Cell("数量", "件数，或“<3”（1 至 2 件，不单独公布）"), what)


def _figures(title: str, description: str, head: dict[str, Any]) -> Obj:
    return Obj(title, {
        **head,
        "decisions": Integer("执法决定", "该年度作出的执法决定件数（含未公开的）", required=True, minimum=0),
        "by_category": _cells("执法类别", CATEGORIES, "各执法类别的决定件数"),
        "penalty_kinds": _cells("处罚种类", PENALTY_KINDS, "各处罚种类的件数（一件决定可含多种处罚）"),
        "fines": Cell("罚款（元）", "罚款金额合计；不足 3 件时为“<3”"),
        "confiscated": Cell("没收违法所得（元）", "没收违法所得金额合计；不足 3 件时为“<3”"),
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
        "threshold": Integer("最小公布数", "少于此数的分项记为“<3”，以免识别出当事人", minimum=1),
        "agencies": ListOf("各执法主体", _figures("执法主体统计", "一个执法主体的年度数据", {
            "agency": Text("执法主体编号", "执法主体文件夹名", required=True),
            "name": Text("执法主体名称", "例如 某某市市场监督管理局"),
        }), "每个执法主体一项"),
        "total": _figures("全平台合计", "全平台的年度数据", {}),
    }, "gongshi annual 生成的年度行政执法数据统计，核对后提交；网站显示的就是它")


# ---------------------------------------------------------------------- counting


def _serving(officer: dict[str, Any], year: int) -> bool:
    cert = officer.get("certificate")
    if not cert:
        return True
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return bool(cert.get("valid_from", start) <= end and cert.get("valid_until", end) >= start)


def _blank() -> dict[str, Any]:
    return {"decisions": 0, "by_category": dict.fromkeys(CATEGORIES, 0),
            "penalty_kinds": dict.fromkeys(PENALTY_KINDS, 0), "fines": 0.0, "fined": 0,
            "confiscated": 0.0, "confiscations": 0, "inspections": {}, "on_time": 0, "counted": 0,
            "officer_kinds": dict.fromkeys(OFFICER_KINDS, 0), "officers": dict.fromkeys(ROLES, 0)}


def _small(n: int) -> int | str:
    return SMALL if 0 < n < THRESHOLD else n


def _amount(total: float, n: int) -> float | int | str:
    if 0 < n < THRESHOLD:
        return SMALL
    return int(total) if float(total).is_integer() else round(total, 2)


def _finish(raw: dict[str, Any]) -> dict[str, Any]:
    """Raw counts to published figures: small breakdown cells become "<3"."""
    out = {
        "decisions": raw["decisions"],
        "by_category": {k: _small(v) for k, v in raw["by_category"].items()},
        "penalty_kinds": {k: _small(v) for k, v in raw["penalty_kinds"].items()},
        "fines": _amount(raw["fines"], raw["fined"]),
        "confiscated": _amount(raw["confiscated"], raw["confiscations"]),
        "inspections": {k: _small(v) for k, v in sorted(raw["inspections"].items())},
        "on_time_rate": round(raw["on_time"] / raw["counted"], 4) if raw["counted"] else None,
        "officer_kinds": dict(raw["officer_kinds"]),
        "officers": dict(raw["officers"]),
    }
    if out["on_time_rate"] is None:  # nothing to count: the field is left out
        del out["on_time_rate"]
    return out


def _add(into: dict[str, Any], raw: dict[str, Any]) -> None:
    for key, value in raw.items():
        if isinstance(value, dict):
            for k, v in value.items():
                into[key][k] = into[key].get(k, 0) + v
        else:
            into[key] += value


def inputs_hash(ds: Dataset, year: int) -> str:
    """SHA-256 over the year's decision files and the rosters (path and bytes, sorted)."""
    files = {r.file for r in ds.of("decision") if _decided_in(r, year)} | {r.file for r in ds.of("officer")}
    h = hashlib.sha256()
    for path in sorted(files, key=lambda p: os.path.relpath(p, ds.root).replace(os.sep, "/")):
        h.update(os.path.relpath(path, ds.root).replace(os.sep, "/").encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read() + b"\0")
    return "sha256:" + h.hexdigest()


def _decided_in(rec: Any, year: int) -> bool:
    decided = rec.data.get("decided")
    return isinstance(decided, dt.date) and decided.year == year


def compute(ds: Dataset, year: int) -> dict[str, Any]:
    """The year's figures (without `made` and `inputs`): every decision of the year, public or not."""
    from ..rules.deadline import timeliness
    from ..rules.workdays import WorkCalendar
    policy, cal = ds.policy, WorkCalendar.from_data(ds.calendar)
    agencies = ds.agencies()
    per = {slug: _blank() for slug in agencies}
    for rec in ds.of("decision"):
        if not _decided_in(rec, year) or rec.agency not in per:
            continue
        c, d = per[rec.agency], rec.data
        c["decisions"] += 1
        c["by_category"][d.get("category")] = c["by_category"].get(d.get("category"), 0) + 1
        penalty = d.get("penalty") or {}
        for kind in dict.fromkeys(penalty.get("kinds") or []):
            c["penalty_kinds"][kind] = c["penalty_kinds"].get(kind, 0) + 1
        if penalty.get("fine"):
            c["fines"] += float(penalty["fine"])
            c["fined"] += 1
        if penalty.get("confiscated"):
            c["confiscated"] += float(penalty["confiscated"])
            c["confiscations"] += 1
        if d.get("inspection"):
            c["inspections"][str(d["inspection"])] = c["inspections"].get(str(d["inspection"]), 0) + 1
        t = timeliness(rec, policy, cal)
        if t is not None and t.limit is not None:
            c["counted"] += 1
            c["on_time"] += t.on_time
    for off in ds.of("officer"):
        if off.agency in per and _serving(off.data, year):
            c = per[off.agency]
            c["officer_kinds"][OFFICER_KINDS[0 if off.data.get("certificate") else 1]] += 1
            for role in off.data.get("roles") or []:
                c["officers"][role] = c["officers"].get(role, 0) + 1
    total = _blank()
    for raw in per.values():
        _add(total, raw)
    return {
        "year": year, "threshold": THRESHOLD,
        "agencies": [{"agency": slug, "name": agencies[slug].data.get("name", slug), **_finish(raw)}
                     for slug, raw in per.items()],
        "total": _finish(total),
    }


def snapshot(ds: Dataset, year: int, made: dt.date) -> dict[str, Any]:
    """The file `gongshi annual` writes: year, made, inputs, then the figures."""
    figures = compute(ds, year)
    return {"year": year, "made": made, "inputs": inputs_hash(ds, year), **{k: v for k, v in figures.items()
                                                                            if k != "year"}}


def _flat(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = value


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """`where: old → new` for every figure that differs (agencies by folder name)."""
    def flat(doc: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for a in doc.get("agencies") or []:
            _flat(str(a.get("agency")), {k: a.get(k) for k in FIGURES}, out)
        _flat("total", {k: (doc.get("total") or {}).get(k) for k in FIGURES}, out)
        return out
    a, b = flat(old), flat(new)
    keys = list(a) + [k for k in b if k not in a]
    return [f"{k}: {a.get(k, '—')} → {b.get(k, '—')}" for k in keys if _norm(a.get(k)) != _norm(b.get(k))]


def _norm(v: Any) -> Any:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def snapshots(ds: Dataset) -> dict[int, dict[str, Any]]:
    """The committed snapshots by year (files whose name and year agree)."""
    out: dict[int, dict[str, Any]] = {}
    for r in ds.of(StatsKind.name):
        slug = str(r.slug)
        if slug.isdigit() and r.data.get("year") == int(slug):
            out[int(slug)] = r.data
    return out


@check
@scoped(SUMMARY, reads=("decided", "published", "category", "penalty", "inspection"))  # compute()
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
        changes = differences(r.data, compute(ds, year))
        if changes:
            shown = "；".join(changes[:5]) + (f"（另有 {len(changes) - 5} 项）" if len(changes) > 5 else "")
            yield CHANGED(r.file, keys=("year",), year=year, changes=shown)
    last = as_of.year - 1
    if as_of > dt.date(as_of.year, *DUE) and last not in snapshots(ds) \
            and any(_decided_in(r, last) for r in ds.of("decision")):
        yield MISSING(os.path.join(ds.root, "stats", f"{last}.yml"), 1, 1, year=last)
