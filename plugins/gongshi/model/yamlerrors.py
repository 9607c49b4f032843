"""libyaml's syntax errors as findings a clerk can act on: Chinese words, the right line, a hint.

The English message keeps libyaml's own text; a phrase missing from the tables is shown in
English inside the Chinese message.
"""
from __future__ import annotations

import yaml

from gongshi.model.findings import Finding, Msg

SYNTAX = Msg(
    "R-FORMAT",
    "YAML 语法错误：{problem_zh}",
    "YAML syntax error: {problem}",
    "{hint_zh}",
    "{hint_en}",
)

# libyaml's words for what it was doing and what went wrong, in Chinese. The English message
# keeps libyaml's own text; a phrase missing here is shown in English inside the Chinese one.
_CONTEXT_ZH = {
    "while scanning a simple key": "读取第 {line} 行第 {column} 列开始的键时",
    "while scanning a quoted scalar": "读取第 {line} 行第 {column} 列开始的带引号文字时",
    "while scanning a plain scalar": "读取第 {line} 行第 {column} 列开始的文字时",
    "while scanning a block scalar": "读取第 {line} 行第 {column} 列开始的多行文字（| 或 >）时",
    "while scanning an anchor": "读取第 {line} 行第 {column} 列的锚点（&）时",
    "while scanning an alias": "读取第 {line} 行第 {column} 列的别名（*）时",
    "while scanning a tag": "读取第 {line} 行第 {column} 列的标签（!）时",
    "while scanning a directive": "读取第 {line} 行的指令（%）时",
    "while scanning a %YAML directive": "读取第 {line} 行的 %YAML 指令时",
    "while scanning a %TAG directive": "读取第 {line} 行的 %TAG 指令时",
    "while parsing a block mapping": "读取第 {line} 行第 {column} 列开始的键值对时",
    "while parsing a block collection": "读取第 {line} 行第 {column} 列开始的列表时",
    "while parsing a flow sequence": "读取第 {line} 行第 {column} 列开始的方括号列表 [ ] 时",
    "while parsing a flow mapping": "读取第 {line} 行第 {column} 列开始的花括号映射 {{ }} 时",
    "while parsing a block node": "读取第 {line} 行第 {column} 列的值时",
    "while parsing a flow node": "读取第 {line} 行第 {column} 列的值时",
    "while parsing a node": "读取第 {line} 行第 {column} 列的值时",
    "while parsing a tag": "读取第 {line} 行第 {column} 列的标签（!）时",
    "while parsing a quoted scalar": "读取第 {line} 行第 {column} 列开始的带引号文字时",
    "while parsing a block scalar": "读取第 {line} 行第 {column} 列开始的多行文字（| 或 >）时",
    "while parsing a plain scalar": "读取第 {line} 行第 {column} 列开始的文字时",
    "while scanning for the next token": "",
    "while parsing a block sequence": "读取第 {line} 行第 {column} 列开始的列表时",
    "while parsing a flow collection": "读取第 {line} 行第 {column} 列开始的括号时",
    "while parsing a document start": "",
    "while parsing a document end": "",
}
_QUOTE_HINT = ("给含有冒号、井号等特殊符号的文字加引号；检查缩进只用空格且同级对齐",
               "quote text that contains colons, hashes or other special characters; indent with spaces only, aligned per level")
_PROBLEM_ZH: dict[str, tuple[str, str, str]] = {
    # problem: (Chinese, hint in Chinese, hint in English)
    "could not find expected ':'": (
        "缺少冒号“:”：这一行既不是“键: 值”，也没有接在上一行的值后面",
        "在键后面加上“: ”（冒号后有一个空格）；若是上一行文字的续行，请加引号或改用 |",
        "add ': ' after the key; if the line continues the text above, quote it or use |"),
    "found character that cannot start any token": (
        "这里的字符不能作为值的开头（例如 @、` 或制表符）",
        "给这个值加上引号，例如 \"@某某\"；缩进只用空格，不用制表符（Tab）",
        "put the value in quotes, e.g. \"@name\"; indent with spaces, never tabs"),
    "mapping values are not allowed in this context": (
        "这里不能出现“: ”（冒号加空格）",
        "文字中含有冒号时请给整段文字加引号，例如 note: \"时间: 上午\"；或检查上一行的缩进",
        "quote text that contains a colon, e.g. note: \"time: morning\"; or check the indentation of the line above"),
    "mapping keys are not allowed in this context": (
        "这里不能出现键", *_QUOTE_HINT),
    "block sequence entries are not allowed in this context": (
        "这里不能出现列表项“- ”",
        "列表项应另起一行并比它的键多缩进；文字以“- ”开头时请加引号",
        "put list items on lines of their own, indented under their key; quote text that starts with '- '"),
    "did not find expected key": (
        "这一行的缩进与上面的键不一致，或缺少键",
        "同一层级的键必须左对齐（只用空格缩进）；列表项以“- ”开头",
        "keys of one level must line up (indent with spaces only); list items start with '- '"),
    "did not find expected '-' indicator": (
        "这一行应是以“- ”开头的列表项，或缩进不一致",
        "列表中的每一项都以“- ”开头，并与其他项对齐",
        "start every list item with '- ', aligned with the other items"),
    "did not find expected ',' or ']'": (
        "缺少逗号“,”或右方括号“]”",
        "检查方括号是否成对，列表项之间用英文逗号分隔",
        "check that the brackets are paired and items are separated by commas"),
    "did not find expected ',' or '}'": (
        "缺少逗号“,”或右花括号“}”",
        "检查花括号是否成对，各项之间用英文逗号分隔",
        "check that the braces are paired and entries are separated by commas"),
    "did not find expected node content": (
        "这里缺少值", *_QUOTE_HINT),
    "found unexpected end of stream": (
        "文件意外结束：引号或括号没有闭合",
        "检查引号（\" 或 '）和括号是否成对",
        "check that every quote (\" or ') and bracket is closed"),
    "found unexpected document indicator": (
        "带引号的文字中出现了文档分隔线（--- 或 ...）",
        "检查引号是否成对", "check that every quote is closed"),
    "found unknown escape character": (
        "双引号中的反斜杠“\\”后面是无效的转义字符",
        "含有反斜杠的文字（例如 Windows 路径）请改用单引号，或写成两个反斜杠“\\\\”",
        "use single quotes for text with backslashes (such as Windows paths), or double the backslash"),
    "found a tab character that violates indentation": (
        "缩进中有制表符（Tab）", "缩进只能用空格；把制表符替换为空格",
        "indent with spaces only; replace the tabs with spaces"),
    "found a tab character that violate indentation": (
        "缩进中有制表符（Tab）", "缩进只能用空格；把制表符替换为空格",
        "indent with spaces only; replace the tabs with spaces"),
    "found a tab character where an indentation space is expected": (
        "缩进中有制表符（Tab）", "缩进只能用空格；把制表符替换为空格",
        "indent with spaces only; replace the tabs with spaces"),
    "did not find expected comment or line break": (
        "这里应是注释（#）或换行", *_QUOTE_HINT),
    "did not find expected whitespace or line break": (
        "这里应是空格或换行", *_QUOTE_HINT),
    "did not find expected hexdecimal number": (
        "转义序列中缺少十六进制数字", "含有反斜杠的文字请改用单引号",
        "use single quotes for text with backslashes"),
    "found invalid Unicode character escape code": (
        "无效的 Unicode 转义", "含有反斜杠的文字请改用单引号", "use single quotes for text with backslashes"),
    "found an indentation indicator equal to 0": (
        "多行文字的缩进指示符不能为 0", "把 |0 改为 | 或 |2", "write | or |2 instead of |0"),
    "did not find expected alphabetic or numeric character": (
        "& 或 * 后面缺少名称", "文字以 & 或 * 开头时请加引号", "quote text that starts with & or *"),
    "did not find expected <document start>": (
        "文档结束后还有内容", "删除多余的 --- 或 ... 分隔线", "remove the stray --- or ... separator"),
    "found incompatible YAML document": (
        "不支持的 YAML 版本", "删除文件开头的 %YAML 指令", "remove the %YAML directive at the top of the file"),
    "found duplicate %YAML directive": (
        "重复的 %YAML 指令", "删除文件开头的 % 指令", "remove the % directives at the top of the file"),
    "found duplicate %TAG directive": (
        "重复的 %TAG 指令", "删除文件开头的 % 指令", "remove the % directives at the top of the file"),
    "found undefined tag handle": (
        "未定义的标签前缀", "删除以 ! 开头的标签；需要文字时请加引号",
        "remove the tag starting with !; quote the value if it is text"),
    "did not find expected tag URI": (
        "标签不完整", "删除以 ! 开头的标签；需要文字时请加引号",
        "remove the tag starting with !; quote the value if it is text"),
    "did not find expected '>'": (
        "标签缺少“>”", "删除以 ! 开头的标签；需要文字时请加引号",
        "remove the tag starting with !; quote the value if it is text"),
    "found unknown directive name": (
        "未知的指令", "以 % 开头的文字请加引号；删除文件开头的 % 指令",
        "quote text that starts with %; remove % directives"),
    "found unexpected non-alphabetical character": (
        "指令名称中有无效字符", "以 % 开头的文字请加引号", "quote text that starts with %"),
    "could not find expected directive name": (
        "% 后面缺少指令名称", "以 % 开头的文字请加引号", "quote text that starts with %"),
}
DEFAULT_HINT = ("检查该行的缩进、冒号后的空格和引号是否成对",
                 "check the indentation, the space after each colon and that quotes are paired")
# For these problems the context mark (where the unfinished thing began) is the clerk's line.
_AT_CONTEXT = {"could not find expected ':'", "found unexpected end of stream",
               "found unexpected document indicator"}


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line)
    if len(lines) < line:
        return ""
    row = lines[line - 1]
    return row[col - 1] if 0 < col <= len(row) else ""


def syntax_finding(exc: yaml.MarkedYAMLError, text: str, file: str) -> Finding:
    """A libyaml error as a finding: Chinese words for its phrases, the clerk's line as place."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    if (problem in _AT_CONTEXT or mark is None) and exc.context_mark is not None:
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    zh, hint_zh, hint_en = _PROBLEM_ZH.get(problem, (problem, *DEFAULT_HINT))
    cmark = exc.context_mark
    tab = _PROBLEM_ZH["found a tab character that violates indentation"]
    if problem == "found character that cannot start any token" and _char_at(text, line, col) == "\t":
        zh, hint_zh, hint_en = tab
    if zh == tab[0]:
        context = ""  # where the text before the tab began says nothing about the tab
    if _CONTEXT_ZH.get(context) and cmark is not None and (cmark.line, cmark.column) != (line - 1, col - 1):
        zh = _CONTEXT_ZH[context].format(line=cmark.line + 1, column=cmark.column + 1) + "，" + zh
    elif context and context not in _CONTEXT_ZH:
        zh = f"{context}: {zh}"
    en = " ".join(p for p in (context, problem) if p) or "?"
    return SYNTAX(file, line, col, problem=en, problem_zh=zh or en, hint_zh=hint_zh, hint_en=hint_en)
