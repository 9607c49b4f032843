"""The compliance report (R-STATS): on-time publication and findings, per agency and site-wide.

A plain data API: `gongshi report` (staff) prints it over every record; the portal renders
it as a public page over the publication only (scope "public"), so a decision that is not
public on the build date changes no number and no list there.
Messages of redaction findings never contain the personal data itself (see redaction.py),
so every entry here is safe to publish.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from gongshi.model.dataset import Dataset
from gongshi.model.findings import ERROR, WARNING, Finding
from gongshi.policy.deadlines import effective_published, first_seen, timeliness
from gongshi.policy.workdays import WorkCalendar

if TYPE_CHECKING:
    from gongshi.publication import Publication

# Findings the public page explains in plain words (topic zh, en): officers and legal review.
PLAIN = {"R-TWO": ("执法人员数量", "number of officers"), "R-REVIEW": ("法制审核", "legal review"),
         "R-FIVEPCT": ("法制审核人员比例", "share of legal reviewers"),
         "R-DEADLINE": ("公开时限", "publication deadline")}
ALL, PUBLIC = "all", "public"  # the report's scope: every record (staff), or what is public
SITE = ""  # the agency key of findings outside any agency folder (site.yml, calendar.yml)


def agency_of(path: str, root: str) -> str:
    """The agency slug of a file below root/agencies/<slug>/, else ''."""
    rel = os.path.relpath(path, root).replace(os.sep, "/").split("/")
    return rel[1] if len(rel) > 2 and rel[0] == "agencies" else SITE


def _blank() -> dict[str, Any]:
    return {"decisions": 0, "published": 0, "counted": 0, "on_time": 0, "late": 0,
            "on_time_rate": None, "errors": 0, "warnings": 0, "findings_by_rule": {},
            "attention": [], "late_decisions": [], "backdated": 0, "notes": []}


def _entry(f: Finding, root: str) -> dict[str, Any]:
    # f.place: a file named with a number is shown masked (checks/scrub.py, second red-team pass)
    return {"file": os.path.relpath(f.place, root).replace(os.sep, "/"), "line": f.line,
            "column": f.column, "severity": f.severity, "rule": f.rule,
            "message_zh": f.message("zh"), "message_en": f.message("en"),
            "hint_zh": f.hint("zh"), "hint_en": f.hint("en")}


def _add_finding(stats: dict[str, Any], f: Finding, root: str) -> None:
    by_rule = stats["findings_by_rule"].setdefault(f.rule, {ERROR: 0, WARNING: 0})
    by_rule[f.severity] = by_rule.get(f.severity, 0) + 1
    stats["errors" if f.severity == ERROR else "warnings"] += 1
    stats["attention"].append(_entry(f, root))


def _finish(stats: dict[str, Any]) -> dict[str, Any]:
    if stats["counted"]:
        stats["on_time_rate"] = round(stats["on_time"] / stats["counted"], 4)
    stats["findings_by_rule"] = dict(sorted(stats["findings_by_rule"].items()))
    stats["attention"].sort(key=lambda e: (e["file"], e["line"], e["column"], e["rule"]))
    stats["late_decisions"].sort(key=lambda e: (e["decided"], e["doc_no"]))
    return stats


def compliance_report(ds: Dataset, as_of: dt.date, public: Publication | None = None) -> dict[str, Any]:
    """Per agency and site-wide: on-time publication rate, findings by rule, records to fix.

    `ds` is a validated dataset (its `report` holds the findings). Only decisions published on
    or before `as_of` count towards the rate. With `public` (the publication of `as_of`), only
    its agencies and public decisions are counted, and findings in the file of a decision
    that is not public are left out (scope "public"); else every record (scope "all").
    Deterministic: same data and date, same dict.
    Shape: {"as_of", "scope", "site": STATS, "agencies": [{"agency", "name", **STATS}]}, where STATS is
    {decisions, published, counted, on_time, late, on_time_rate (0..1 or None), errors,
    warnings, findings_by_rule: {rule: {error, warning}}, attention: [{file, line, column,
    severity, rule, message_zh, message_en, hint_zh, hint_en}]}.
    """
    policy = ds.policy
    cal = WorkCalendar.from_data(ds.calendar)
    agencies = ds.agencies() if public is None else public.agencies
    names = {slug: rec.data.get("short_name") or rec.data.get("name", slug)
             for slug, rec in agencies.items()}
    per: dict[str, dict[str, Any]] = {slug: _blank() for slug in names}
    site = _blank()
    decisions = ds.of("decision") if public is None else public.decisions
    hidden = set() if public is None else {r.file for r in ds.of("decision")} - {r.file for r in decisions}
    seen = first_seen(ds.root)  # None without git history: the stated days are taken as they are
    for rec in decisions:
        targets = [site] + ([per[rec.agency]] if rec.agency in per else [])
        published = rec.data.get("published")
        t = timeliness(rec, policy, cal, seen)
        real = effective_published(rec, policy, seen)
        for stats in targets:
            stats["decisions"] += 1
            if isinstance(published, dt.date) and published <= as_of:
                stats["published"] += 1
                if real != published:
                    stats["backdated"] += 1
                if t is not None and t.limit is not None:
                    stats["counted"] += 1
                    stats["on_time" if t.on_time else "late"] += 1
                    if not t.on_time:
                        stats["late_decisions"].append({
                            "doc_no": str(rec.data.get("doc_no") or ""), "url": getattr(rec, "url", None),
                            "category": rec.data.get("category", ""), "decided": rec.data["decided"].isoformat(),
                            "published": real.isoformat() if real else "", "workdays": t.workdays,
                            "limit": t.limit, "backdated": real != published})
    by_file = {r.file: r for r in decisions}
    for f in ds.report:
        if f.file in hidden:
            continue
        _add_finding(site, f, ds.root)
        slug = agency_of(f.file, ds.root)
        if slug in per:
            _add_finding(per[slug], f, ds.root)
        if f.rule in PLAIN:  # for the public page: the decision, a topic and the message, no path or rule id
            hit = by_file.get(f.file)
            note = {"topic_zh": PLAIN[f.rule][0], "topic_en": PLAIN[f.rule][1],
                    "doc_no": str(hit.data.get("doc_no") or "") if hit else "", "url": getattr(hit, "url", None),
                    "text_zh": f.message("zh"), "text_en": f.message("en")}
            for stats in [site] + ([per[slug]] if slug in per else []):
                stats["notes"].append(note)
    rows = [{"agency": slug, "name": names[slug], **_finish(per[slug])} for slug in sorted(per)]
    dated = [r.data["decided"] for r in decisions if isinstance(r.data.get("decided"), dt.date)]
    return {"as_of": as_of.isoformat(), "scope": ALL if public is None else PUBLIC,
            "period": [min(dated).isoformat(), max(dated).isoformat()] if dated else None,
            "backdating_checked": seen is not None,
            "site": _finish(site), "agencies": rows}
