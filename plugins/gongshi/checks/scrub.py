"""Findings print no personal data: what a message quotes of a file is masked before it is shown.

Many messages quote what the clerk wrote so that it can be found: a date field's value
(`“decided”应为 YYYY-MM-DD 格式的日期，而不是“13957312846”`), a file or folder name that holds a
number, a spreadsheet formula without a cached value. Printed as written, the number that made
the record fail reaches the terminal, CI logs, `-o json` and the live preview's banner, which
are read by more people than the data folder (issue 20: "a finding must never print the secret
unmasked"; red-team pass). Every text argument of every finding goes through the number-like
detectors (the output scan's kinds: identity documents, phones, cards and accounts, e-mails,
plates, passports) and each match is replaced by its mask (a run of * where the detector
proposes none). The place is masked too (second red-team pass): a file named
`13957312846.yml` is printed as `139****2846.yml` (`Finding.shown`), since a path in a CI log is
as public as a message; the clerk finds it by the masked name's ends, and the finding's hint says
to rename it. `Finding.file` keeps the real path for the checks and the cache.

Cheap: `detectors.quiet` turns away almost every argument (dates, keys, rule names) in one
pass of a few patterns, and a mask is found again by no detector, so scrubbing twice changes
nothing: the cached validate and the build call this on every run.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from gongshi.model.findings import Finding
from gongshi.policy import detectors as d

# The kinds masked in a message: the number-like ones the output scan refuses, whose masks keep a
# message readable. A name or a diagnosis stays: their messages are about them.
KINDS = d.NUMBER_KINDS


def masked(text: str, allow: Iterable[str] = ()) -> str:
    """`text` with every number-like piece of personal data replaced by its mask."""
    if d.quiet(text):
        return text
    out = text
    for m in sorted((m for m in d.detect(text, tuple(allow), prose=False) if m.kind in KINDS),
                    key=lambda m: -m.start):
        out = out[:m.start] + (m.mask if m.mask else "*" * (m.end - m.start)) + out[m.end:]
    return out


@lru_cache(maxsize=1 << 14)
def _path(path: str, allow: tuple[str, ...]) -> str:
    """A file's path with the number-like pieces of its folder and file names masked (a run's
    thousands of findings name a few hundred files: each is read once)."""
    return masked(path, allow)


def scrub(findings: Iterable[Finding], allow: Iterable[str] = ()) -> None:
    """Mask, in place, the personal data every finding's arguments and place quote."""
    allowed = tuple(allow)
    for f in findings:
        if f.shown is None and len(f.file) >= 6:
            shown = _path(f.file, allowed)
            if shown != f.file:
                f.shown = shown
        new: dict[str, Any] = {}
        for key, value in f.args.items():
            if isinstance(value, str) and len(value) >= 6:  # a@b.cn: nothing shorter holds one
                changed = masked(value, allowed)
                if changed != value:
                    new[key] = changed
        f.args.update(new)


def allow_of(policy: dict[str, Any]) -> tuple[str, ...]:
    """The site's allow list (public numbers: a hotline, an office phone), never masked."""
    return tuple((policy.get("redaction") or {}).get("allow") or ())
