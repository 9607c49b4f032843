"""What changed between two builds: newly public, expired, withdrawn, revoked, corrected.

A build's state is a snapshot of its publication (decision uid -> visibility reason and the
date of its last update); the change list is the difference of two snapshots. Both come
from the build's `publication.publish` views, so they agree with every page and feed of it.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from typing import Any

from gongshi.publication import Publication
from gongshi.policy import visibility as vis

STATE_VERSION = 1
CATEGORIES = ("published", "restored", "corrected", "revoked", "expired", "withdrawn", "removed", "hidden")
# Only these name records in the public changes.json: the others are no longer public, and
# their identity must vanish from every output with them (fail closed).
PUBLIC_CATEGORIES = ("published", "restored", "corrected", "revoked")
TITLES = {"published": ("新公开", "newly public"), "restored": ("恢复公示", "shown again"),
          "corrected": ("已更正", "corrected"),
          "revoked": ("已撤销", "revoked"), "expired": ("公示期届满", "expired"),
          "withdrawn": ("提前撤下", "withdrawn"), "removed": ("已删除", "removed"),
          "hidden": ("不再公开（其他原因）", "hidden for another reason")}


def snapshot(pub: Publication) -> dict[str, dict[str, Any]]:
    """uid -> what a later build needs to tell what changed, for every decision of the build:
    public ones and revocation notices from their views, withheld ones by identity and reason."""
    out: dict[str, dict[str, Any]] = {}
    for rec in pub.decisions + pub.notices:
        out[rec.uid] = {"reason": pub.status[rec.uid].reason,
                        "updated": rec.updated.isoformat() if rec.updated else "",
                        "agency": rec.agency or "", "slug": rec.slug or "", "year": rec.year,
                        "doc_no": rec.data.get("doc_no", ""),
                        "title": "" if rec.notice else rec.data.get("title", "")}
    for w in pub.withheld:
        out.setdefault(w.uid, {"reason": w.reason, "updated": "", "agency": w.agency, "slug": w.slug,
                               "year": w.year, "doc_no": w.doc_no, "title": ""})
    return dict(sorted(out.items()))


def _shown(entry: dict[str, Any] | None) -> bool:
    # A revocation notice is on the site too, so leaving it is a change worth reporting.
    return entry is not None and entry["reason"] in (vis.PUBLIC, vis.REVOKED)


def _category(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str | None:
    if after is not None and after["reason"] == vis.PUBLIC:
        if before is not None and before["reason"] == vis.EXPIRED:
            # Back on the site after its window had ended: the refresh date went back before the
            # previous one (or the policy lengthened the window). It was public before: not 新公开.
            return "restored"
        if before is None or before["reason"] != vis.PUBLIC:
            return "published"
        # A correction moves the last update forward; an earlier date is the clock going back.
        return "corrected" if after["updated"] > before["updated"] else None
    if after is not None and after["reason"] == vis.REVOKED:
        return "revoked" if before is None or before["reason"] != vis.REVOKED else None
    if not _shown(before):
        return None
    if after is None:
        return "removed"
    return {vis.EXPIRED: "expired", vis.WITHDRAWN: "withdrawn"}.get(after["reason"], "hidden")


def diff(before: dict[str, Any] | None, after: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """The change list from state `before` (None: first build) to snapshot `after`."""
    changes: dict[str, list[dict[str, Any]]] = {c: [] for c in CATEGORIES}
    prev = before["records"] if before else None
    if prev is not None:
        for uid in sorted(set(prev) | set(after)):
            cat = _category(prev.get(uid), after.get(uid))
            if cat is not None:
                entry = after.get(uid) or prev[uid]
                changes[cat].append({"uid": uid, **{k: entry[k] for k in ("agency", "year", "slug", "doc_no", "title")},
                                     "reason": (after.get(uid) or {}).get("reason", "deleted")})
    return {"as_of": as_of.isoformat(), "previous_as_of": before["as_of"] if before else None,
            "first_build": before is None,
            "clock_backwards": bool(before and before.get("as_of") and as_of.isoformat() < before["as_of"]), "counts": {c: len(v) for c, v in changes.items()},
            "changes": changes}


def public_view(report: dict[str, Any]) -> dict[str, Any]:
    """The part of a change list that may be published: public records named, others counted."""
    return {**report, "changes": {c: report["changes"][c] for c in PUBLIC_CATEGORIES}}


def load_state(path: str) -> dict[str, Any] | None:
    """The previous build's state, or None when there is none (or it is unreadable)."""
    try:
        with open(path, encoding="utf-8") as fh:
            state = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return None
    return state


def write_text(path: str, text: str) -> None:
    """Write `text` atomically: a kill leaves the old file, never half of the new one."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; the web server must read changes.json
    os.replace(tmp, path)


def write_json(path: str, doc: Any) -> None:
    """Write `doc` as sorted, indented JSON atomically."""
    write_text(path, json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def summary(report: dict[str, Any], lang: str = "zh") -> str:
    """A short text of the change list for the terminal."""
    head = (f"刷新 {report['as_of']}（上次 {report['previous_as_of'] or '无'}）" if lang == "zh"
            else f"refresh {report['as_of']} (previous {report['previous_as_of'] or 'none'})")
    lines = [head]
    if report.get("clock_backwards"):
        lines.append("注意：本次日期早于上次刷新的日期，按本次日期重新判断公示状态" if lang == "zh" else
                     "note: this date is earlier than the previous refresh; visibility is judged as of this date")
    if report["first_build"]:
        lines.append("首次构建：没有可比较的上次状态" if lang == "zh" else "first build: no previous state to compare")
    for cat in CATEGORIES:
        items = report["changes"][cat]
        if not items:
            continue
        zh, en = TITLES[cat]
        lines.append(f"{zh if lang == 'zh' else en}: {len(items)}")
        for e in items[:20]:
            lines.append(f"  {e['agency']}/{e['year']}/{e['slug']} {e['doc_no']}")
        if len(items) > 20:
            lines.append(f"  … +{len(items) - 20}")
    return "\n".join(lines)
