"""The two assertions of the detectors' case tables (tests/policy/test_rules_redact_sources.py and
the rounds' files beside it): a text is stopped by exactly one finding of its kind, with that
text and mask; a text stays public (no finding but a credit code, which is public)."""
from __future__ import annotations

from gongshi.policy import detectors as d


def assert_stopped(text: str, kind: str, found: str, mask: str | None) -> None:
    matches = [m for m in d.detect(text) if m.kind == kind]
    assert [(m.text, m.mask) for m in matches] == [(found, mask)], d.detect(text)


def assert_public(text: str) -> None:
    assert [(m.kind, m.text) for m in d.detect(text) if m.kind != d.CREDIT_CODE] == []
