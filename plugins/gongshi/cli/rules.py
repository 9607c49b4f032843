"""gongshi rules: every rule id, where it is implemented, its severity and documentation."""
from __future__ import annotations

import argparse
import json

from gongshi.cli import EXIT_OK, EXIT_USAGE, add_lang

NAME = "rules"
HELP = "列出全部规则及其说明 / list every rule and its documentation"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="*", metavar="RULE", help="只显示这些规则，例如 R-WINDOW / only these rules, e.g. R-WINDOW")
    p.add_argument("-o", "--output", choices=["text", "json"], default="text", help="输出格式 / output format")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    import sys

    from gongshi.model.ruleset import CHECK, RULES
    wanted = [i.upper() for i in args.ids]
    unknown = [i for i in wanted if i not in RULES]
    if unknown:
        print(f"gongshi rules: 没有这些规则 / no such rule: {', '.join(unknown)}; "
              f"可用 / known: {', '.join(RULES)}", file=sys.stderr)
        return EXIT_USAGE
    rules = [RULES[i] for i in wanted] if wanted else list(RULES.values())
    zh = args.lang == "zh"
    if args.output == "json":
        doc = {"rules": [r.as_dict(args.lang) for r in rules]}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    out: list[str] = []
    for r in rules:
        if r.sort == CHECK:
            sort = ("检查，默认" if zh else "check, default ") + r.severity
        else:
            sort = "公开义务" if zh else "publication duty"
        out.append(f"{r.id}  {r.title(args.lang)}  ({sort})")
        out.append(f"  {'实现' if zh else 'modules'}: {', '.join(r.modules)}")
        if r.locked:
            out.append(f"  {'锁定（site.yml 不能关闭或降级）' if zh else 'locked (site.yml cannot turn it off)'}: "
                       f"{r.locked_zh if zh else r.locked_en}")
        out.append(f"  {r.doc(args.lang)}")
        if r.source:
            out.append(f"  {'依据' if zh else 'source'}: {r.source}")
        out.append(f"  {'详见' if zh else 'see'}: {r.link}")
        out.append("")
    out.append(f"共 {len(rules)} 条规则。" if zh else f"{len(rules)} rule(s).")
    print("\n".join(out))
    return EXIT_OK
