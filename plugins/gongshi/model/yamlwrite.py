"""YAML as a clerk writes it: keys in the given order, multi-line text as literal blocks.

Used by `gongshi import` (and by the synthetic-data tooling) to write records.
"""
from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


class Dumper(_Dumper):
    """Multi-line text as literal blocks, as a clerk would write it."""


def _str(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def dump(data: Any) -> str:
    """YAML text of `data`, keys in the given order."""
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
