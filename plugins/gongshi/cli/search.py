"""gongshi search: the staff search over every record, public or not."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_as_of, add_lang, as_of_date

if TYPE_CHECKING:
    from gongshi.app.staffsearch import SearchResult

NAME = "search"
HELP = "内部检索全部记录（含未公开记录） / staff search over every record, public or not"
LIMIT = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help="检索词；可用字段 doc_no: party: title: agency: category: kind: / words; fields doc_no: party: title: agency: category: kind:")
    p.add_argument("--all", action="store_true", help=f"显示全部结果（默认前 {LIMIT} 条） / show every hit (default: the first {LIMIT})")
    p.add_argument("--agency", help="只看该执法主体（文件夹名，如 market） / only this agency (folder name, e.g. market)")
    p.add_argument("--category", help="只看该类别，如 行政处罚 / only this category, e.g. 行政处罚")
    p.add_argument("--from", dest="start", type=as_of_date, metavar="YYYY-MM-DD", help="决定日期不早于 / decided on or after")
    p.add_argument("--to", dest="end", type=as_of_date, metavar="YYYY-MM-DD", help="决定日期不晚于 / decided on or before")
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--index", default=None, metavar="DIR", help="索引文件夹（默认 .cache/whoosh/…） / index folder (default .cache/whoosh/…)")
    add_as_of(p)
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    add_lang(p)


def _text(result: "SearchResult", lang: str, limited: bool) -> str:
    zh = lang == "zh"
    lines = []
    for i, h in enumerate(result.hits, 1):
        vis = h.visibility
        if zh:
            mark = "公开" if vis.public else f"未公开：{vis.reason_zh}"
        else:
            mark = "public" if vis.public else f"not public: {vis.reason}"
        head = " ".join(x for x in (h.doc_no, h.title) if x) or h.file
        lines.append(f"{i}. [{mark}] {head}")
        facts = [h.party, h.agency, h.category or h.kind, h.decided.isoformat() if h.decided else ""]
        lines.append("   " + " · ".join(f for f in facts if f) + f"  {h.file}")
    shown = len(result.hits)
    if zh:
        tail = f"共 {result.total} 条结果" + (f"，显示前 {shown} 条（--all 显示全部）" if limited and shown < result.total else "")
    else:
        tail = f"{result.total} hit(s)" + (f", first {shown} shown (--all shows every hit)" if limited and shown < result.total else "")
    lines.append(tail)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from gongshi.model.dataset import today_shanghai
    from gongshi.app.staffsearch import SearchError, StaffIndex  # Whoosh and jieba: only for this command
    try:
        ix = StaffIndex(args.data, args.index)
        ix.refresh()
        result = ix.search(" ".join(args.query), as_of=args.as_of or today_shanghai(),
                           agency=args.agency, category=args.category, start=args.start,
                           end=args.end, limit=None if args.all else LIMIT)
    except SearchError as exc:
        print(f"gongshi search: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.output == "json":
        print(json.dumps({"total": result.total, "hits": [h.as_dict() for h in result.hits]},
                         ensure_ascii=False, indent=2))
    else:
        print(_text(result, args.lang, not args.all))
    return EXIT_OK if result.total else EXIT_FINDINGS
