"""Findings: what a check says about a record, in Chinese and English, and the result object."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator

from gongshi.model import ruleset

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Msg:
    """A message template: its rule id, default severity and the text in both languages."""

    rule: str
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""
    severity: str = ERROR
    # How to fix many at once, for the text report's grouped line (see Report.to_text): a
    # spreadsheet column, an option for the whole import. The hint stands in when there is none.
    bulk_zh: str = ""
    bulk_en: str = ""

    def __post_init__(self) -> None:
        # Every message belongs to a declared rule (UnknownRule otherwise) and carries a severity
        # that rule declares (WrongSeverity otherwise: see ruleset.Rule.also).
        ruleset.check_severity(self.rule, self.severity)

    def __call__(self, file: str, line: int = 0, column: int = 0, *,
                 keys: tuple[Any, ...] | None = None, severity: str | None = None,
                 **args: Any) -> "Finding":
        """A finding of this message at file:line:column (or at the key path `keys`)."""
        return Finding(self, file, line, column, args, severity or self.severity, keys)


@dataclass
class Finding:
    """One thing wrong (or worth attention) in one file."""

    msg: Msg
    file: str
    line: int = 0
    column: int = 0
    args: dict[str, Any] = field(default_factory=dict)
    severity: str = ERROR
    # A key path inside the file, resolved to line/column lazily (see yamlread.locate).
    keys: tuple[Any, ...] | None = None
    # The path as printed, when it differs from `file`: a file named with a phone or ID number
    # (13957312846.yml) is printed with that number masked (checks/scrub.py sets it), while
    # `file` stays the real path the checks, the cache and the live preview work with.
    shown: str | None = None

    @property
    def place(self) -> str:
        """The file's path as messages print it (masked where it holds personal data)."""
        return self.shown or self.file

    @property
    def rule(self) -> str:
        return self.msg.rule

    def message(self, lang: str = "zh") -> str:
        """The message text in `lang`."""
        return _fill(self.msg.en if lang == "en" else self.msg.zh, self.args)

    def hint(self, lang: str = "zh") -> str:
        """How to fix it, in `lang`."""
        return _fill(self.msg.hint_en if lang == "en" else self.msg.hint_zh, self.args)

    def as_dict(self, lang: str = "zh", relative_to: str | None = None) -> dict[str, Any]:
        """The JSON form of issue 2: severity, rule, file, line, column, message, hint."""
        return {
            "severity": self.severity,
            "rule": self.rule,
            "file": display_path(self.place, relative_to),
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


class _SafeDict(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, args: dict[str, Any]) -> str:
    return template.format_map(_SafeDict(args)) if args else template


def display_path(path: str, relative_to: str | None = None) -> str:
    """`path` relative to the current directory (or `relative_to`) when it lies below it."""
    return _display_path(path, relative_to or os.getcwd())


@lru_cache(maxsize=1 << 14)
def _display_path(path: str, base: str) -> str:
    """(a run's thousands of findings name a few hundred files: each is made relative once)"""
    try:
        rel = os.path.relpath(path, base)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


@dataclass
class Report:
    """Every finding of one run, collected; nothing stops at the first error."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def strict(self) -> None:
        """Turn every warning into an error (`--strict`)."""
        for f in self.findings:
            f.severity = ERROR

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def to_json(self, lang: str = "zh") -> str:
        """The `-o json` document."""
        doc = {"findings": [f.as_dict(lang) for f in self.sorted()]}
        return json.dumps(doc, ensure_ascii=False, indent=2)

    def to_text(self, lang: str = "zh") -> str:
        """Findings grouped by file, `path:line:col: severity rule message` plus a hint; then one
        line for each message repeated GROUP_AT times or more (see `_grouped`)."""
        zh = lang == "zh"
        repeated, single = _repeats(self.sorted())
        out: list[str] = []
        current = None
        for f in single:
            path = display_path(f.place)
            if path != current:
                if current is not None:
                    out.append("")
                out.append(path)
                current = path
            out.append(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message(lang)}")
            hint = f.hint(lang)
            if hint:
                out.append(("  提示: " if zh else "  hint: ") + hint)
        for group in repeated:
            if out:
                out.append("")
            out += _grouped(group, lang)
        n_err, n_warn = len(self.errors), len(self.warnings)
        if out:
            out.append("")
        if zh:
            out.append(f"共 {n_err} 个错误，{n_warn} 个警告。")
        else:
            out.append(f"{n_err} error(s), {n_warn} warning(s).")
        return "\n".join(out)


# Signal over noise (issue 21, item 6): 85 identical warnings after one import hid the one error
# that mattered. A message (one rule's template, one severity) found this often in one run is
# shown once, with the count, where it was found and how to fix them all; `-o json` still lists
# every finding.
GROUP_AT = 3  # repeats of one message shown as one line (here and in app/importer/summary.py)
SHOWN_PLACES = 12


def _repeats(findings: list[Finding]) -> tuple[list[list[Finding]], list[Finding]]:
    """The findings split into groups of a repeated message (in the order each first appears)
    and the rest (in their order)."""
    by_msg: dict[tuple[Msg, str], list[Finding]] = defaultdict(list)
    for f in findings:
        by_msg[(f.msg, f.severity)].append(f)
    groups = [g for g in by_msg.values() if len(g) >= GROUP_AT]
    grouped = {id(f) for g in groups for f in g}
    return groups, [f for f in findings if id(f) not in grouped]


def _grouped(group: list[Finding], lang: str) -> list[str]:
    """One line for a repeated message: severity, rule, the message (the first one's, marked as
    an example when they differ), the count and the places; then the bulk hint."""
    zh = lang == "zh"
    first = group[0]
    messages = {f.message(lang) for f in group}
    text = first.message(lang)
    if len(messages) > 1:
        text = ("例如：" if zh else "e.g. ") + text
    files = list(dict.fromkeys(display_path(file) for file in dict.fromkeys(f.place for f in group)))
    places = [f"{display_path(f.place)}:{f.line}" for f in group[:SHOWN_PLACES]]
    shown = "，".join(places) if zh else ", ".join(places)
    more = len(group) - SHOWN_PLACES
    if zh:
        where = f"共 {len(group)} 处，{len(files)} 个文件：{shown}" + (f" 等（另 {more} 处，-o json 逐条列出）" if more > 0 else "")
    else:
        where = (f"{len(group)} times in {len(files)} file(s): {shown}"
                 + (f" and {more} more (-o json lists each)" if more > 0 else ""))
    line = f"{first.severity} {first.rule} ×{len(group)} {text}（{where}）" if zh else \
        f"{first.severity} {first.rule} ×{len(group)} {text} ({where})"
    bulk = _fill(first.msg.bulk_zh if zh else first.msg.bulk_en, first.args) or first.hint(lang)
    return [line] + ([("  提示: " if zh else "  hint: ") + bulk] if bulk else [])
