"""gongshi report: the compliance report per agency and for the site (R-STATS)."""
from __future__ import annotations

import argparse
import json
from typing import Any

from gongshi.cli import EXIT_OK, add_as_of, add_lang

NAME = "report"
HELP = "各执法主体和全平台的合规报告 / compliance report per agency and for the site"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("data", nargs="?", default="data", metavar="DATA_DIR", help="数据文件夹 / data folder (default: data)")
    add_as_of(p)
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    add_lang(p)


def _rate(stats: dict[str, Any]) -> str:
    rate = stats["on_time_rate"]
    return "—" if rate is None else f"{rate:.1%}"


def _rules(stats: dict[str, Any]) -> str:
    return ", ".join(f"{rule} {c['error'] + c['warning']}" for rule, c in stats["findings_by_rule"].items()) or "—"


def to_text(report: dict[str, Any], lang: str = "zh") -> str:
    """The report as a table per agency, then the records that need attention."""
    zh = lang == "zh"
    if report.get("scope") == "public":
        head = (f"合规报告（核对日期 {report['as_of']}；统计范围：公示中的记录）" if zh
                else f"Compliance report as of {report['as_of']} (records on public display)")
    else:  # staff: every record counts, including decisions the portal does not show
        head = (f"合规报告（核对日期 {report['as_of']}；统计范围：全部记录，含未公开的决定）" if zh
                else f"Compliance report as of {report['as_of']} (every record, public or not)")
    cols = ("主体", "决定", "已公开", "按时", "迟延", "按时率", "错误", "警告") if zh else (
        "agency", "decisions", "published", "on time", "late", "rate", "errors", "warnings")
    rows = [(a["name"], a) for a in report["agencies"]] + [("全平台" if zh else "site", report["site"])]
    out = [head, "", " | ".join(cols)]
    for name, s in rows:
        out.append(" | ".join(str(x) for x in (name, s["decisions"], s["published"], s["on_time"], s["late"],
                                              _rate(s), s["errors"], s["warnings"])))
    out += ["", ("按规则统计：" if zh else "findings by rule: ") + _rules(report["site"])]
    attention = report["site"]["attention"]
    if attention:
        out += ["", "需要处理的记录：" if zh else "records needing attention:"]
        key = "message_zh" if zh else "message_en"
        out += [f"{e['file']}:{e['line']}:{e['column']}: {e['severity']} {e['rule']} {e[key]}" for e in attention]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from gongshi.checks.pipeline import validate
    from gongshi.model.dataset import today_shanghai
    from gongshi.publication.compliance import compliance_report
    as_of = args.as_of or today_shanghai()
    ds = validate(args.data, as_of)
    report = compliance_report(ds, as_of)
    if args.output == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        print(to_text(report, args.lang))
    return EXIT_OK
