"""What the live preview shows of findings: the banner on every page and the page shown instead
of a blocked record (bilingual, file:line:column, rule id and hint; none of the record's content)."""
from __future__ import annotations

import html
from typing import Iterable

from gongshi.model.findings import Finding, display_path

_STYLE = ("position:relative;z-index:9999;margin:0;padding:.8em 1em;font:14px/1.5 sans-serif;"
          "background:#fff4e5;color:#5c2b00;border-bottom:3px solid #c0392b")


def _finding_html(f: Finding) -> str:
    e = html.escape
    where = f"{display_path(f.place)}:{f.line}:{f.column}"
    hint = ""
    if f.hint("zh") or f.hint("en"):
        hint = f'<br><small>提示 / hint: {e(f.hint("zh"))} / {e(f.hint("en"))}</small>'
    return (f'<li><code>{e(where)}</code> <strong>{e(f.severity)} {e(f.rule)}</strong> '
            f'{e(f.message("zh"))}<br>{e(f.message("en"))}{hint}</li>')


def banner(files: Iterable[tuple[str, list[Finding]]], others: int, problem: str | None) -> str:
    """The findings of the saved files (and how many other files have errors), as HTML."""
    parts = []
    for path, findings in files:
        items = "".join(_finding_html(f) for f in findings)
        path = findings[0].place if findings else path  # a number in the file's name masked (scrub.py)
        parts.append(f"<p><strong>{html.escape(display_path(path))}</strong></p><ul>{items}</ul>")
    if others:
        parts.append(f"<p>另有 {others} 个文件有错误，预览中不显示其记录（运行 gongshi validate 查看） / "
                     f"{others} other file(s) have errors; their records are not shown "
                     f"(run gongshi validate)</p>")
    if problem:
        parts.append(f"<p>预览未能更新 / the preview could not be rebuilt: {html.escape(problem)}</p>")
    if not parts:
        return ""
    return f'<div id="gongshi-live-findings" role="alert" style="{_STYLE}">{"".join(parts)}</div>'


def error_page(path: str, findings: list[Finding], lang: str = "zh") -> str:
    """The page shown instead of a blocked record: its findings, none of its content."""
    items = "".join(_finding_html(f) for f in findings)
    path = findings[0].place if findings else path  # a number in the file's name masked (scrub.py)
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<title>记录有错误 / record has errors</title></head><body>'
            f'<div style="{_STYLE}"><h1>该记录有错误，未发布 / This record has errors and is not published</h1>'
            f'<p><strong>{html.escape(display_path(path))}</strong></p><ul>{items}</ul>'
            '<p>改正后保存，本页会自动刷新 / fix it and save: this page reloads by itself</p></div>'
            '</body></html>\n')
