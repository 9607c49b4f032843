"""gongshi import: an agency's spreadsheet (xlsx/csv, Chinese headers) to one YAML file per row."""
from __future__ import annotations

import argparse
import os
import sys

from gongshi.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, add_lang, as_of_date

NAME = "import"
HELP = "从电子表格导入执法决定（支持双公示列名） / import decisions from a spreadsheet (双公示 columns understood)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.xlsx|csv", help="电子表格 / the spreadsheet")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--agency", help="主体文件夹名，例如 market；表格中的处罚机关须是该主体 / the agency folder; "
                                      "the sheet's 处罚机关 must be this agency")
    who.add_argument("--by-agency", action="store_true",
                     help="按每行的处罚机关（名称或统一社会信用代码）分别归档 / file each row under the agency it names")
    p.add_argument("--update", action="store_true",
                   help="已导入的决定（按文书编号）用表格补充缺少或修改了的字段，并列出差异 / fill in missing or changed "
                        "fields of decisions already imported (by document number) and show the difference")
    p.add_argument("--sheet", metavar="NAME",
                   help="要读取的工作表名，默认为打开时显示的工作表 / the worksheet to read (default: the one the workbook "
                        "opens at)")
    p.add_argument("--officers", metavar="ID,ID",
                   help="没有执法人员列或该列为空的行使用的承办人员（编号、姓名或执法证号，以逗号分隔） / the officers of every "
                        "row whose sheet names none (ids, names or certificate numbers, comma-separated)")
    p.add_argument("--kind", choices=["decision"], default="decision", help="记录类别 / record kind")
    p.add_argument("--data", default="data", help="数据文件夹 / data folder (default: data)")
    p.add_argument("--published", type=as_of_date, default=None, metavar="YYYY-MM-DD",
                   help="表格没有“公开日期”列时使用的公开日期，默认今天 / publication date when the sheet has none, default today")
    add_lang(p)


def run(args: argparse.Namespace) -> int:
    from gongshi.checks.pipeline import validate
    from gongshi.model.dataset import today_shanghai
    from gongshi.app.importer import import_file  # openpyxl
    from gongshi.app.importer.summary import condense
    from gongshi.model.findings import Report
    if not os.path.isfile(args.file):
        print(f"找不到文件 / no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    if not os.path.isdir(os.path.join(args.data, "agencies")):
        print(f"数据文件夹不存在或不含 agencies/ / no data folder with agencies/ at: {args.data}\n"
              f"提示 / hint: --data 指向含 site.yml 和 agencies/ 的文件夹 / point --data at the folder holding "
              f"site.yml and agencies/", file=sys.stderr)
        return EXIT_USAGE
    if args.agency and not os.path.isfile(os.path.join(args.data, "agencies", args.agency, "agency.yml")):
        print(f"主体不存在 / no such agency: {args.agency}", file=sys.stderr)
        return EXIT_USAGE
    day = args.published or today_shanghai()
    officers = [t.strip() for t in (args.officers or "").replace("，", ",").split(",") if t.strip()]
    imp = import_file(args.file, args.data, args.agency, day, by_agency=args.by_agency, update=args.update,
                      sheet=args.sheet, officers=officers)
    if imp.sheet_name and len(imp.sheet_names) > 1:
        print(f"读取工作表“{imp.sheet_name}”（共 {len(imp.sheet_names)} 个：{'、'.join(imp.sheet_names)}；其他用 --sheet）"
              f" / read sheet '{imp.sheet_name}' of {len(imp.sheet_names)} (--sheet for another)", file=sys.stderr)
    if imp.title_rows:
        print(f"表头在第 {imp.title_rows[-1] + 1} 行以下；第 {'、'.join(map(str, imp.title_rows))} 行是标题，未导入"
              f" / the title row(s) {', '.join(map(str, imp.title_rows))} above the headers were read past", file=sys.stderr)
    written = {os.path.abspath(p) for p in imp.written}
    if written:  # what only the whole data set can tell (officer ids, deadlines) about the new files
        ds = validate(args.data, max(day, today_shanghai()))
        imp.report.extend(f for f in ds.report if f.file in written)
    from gongshi.checks.scrub import scrub
    scrub(imp.report)  # a cell or formula quoted in a message shows no personal data (checks/scrub.py)
    report = Report(condense(imp.report, args.file))  # a rule repeated on every row: one line, with a count
    print(report.to_text(args.lang), file=sys.stderr)
    print(f"已写入 {len(imp.written)} 个文件 / {len(imp.written)} file(s) written")
    changed = {path for path, _row, _diff in imp.changes}
    for path in imp.written:
        if path not in changed:
            print(f"  {path}")
    for path, row, diff in imp.changes:
        print(f"  {path}（第 {row} 行更新 / updated from row {row}）")
        for cell, field, old, new in diff:
            print(f"    {cell} {field}: {old!r} → {new!r}" if old else f"    {cell} {field}: + {new!r}")
    return EXIT_OK if report.ok else EXIT_FINDINGS
