"""Disclosure policy presets (R-WINDOW): YAML files selected by site.yml's `preset:`.

The effective policy is the preset with site.yml's `policy` merged over it, key by key, so a
site changes one value without restating the rest. Presets are typed by the same schema as
site.yml's policy, so a broken preset fails its test, not a build.
"""
from __future__ import annotations

import copy
import datetime as dt
import os
from functools import lru_cache
from typing import Any

from gongshi.model.kinds.site import SiteKind
from gongshi.model.schema import Ctx
from gongshi.model.yamlread import read_file

FOLDER = os.path.dirname(os.path.abspath(__file__))
PRESETS = {"设计卡": "design-card.yml", "市场监管": "market-regulation.yml", "国家信用": "national-credit.yml",
           "信用修复2026": "credit-repair-2026.yml"}
IN_FORCE = "in_force"  # key of the effective policy: [(first day, policy)], oldest first (site.yml presets:)


class PresetError(Exception):
    """A shipped preset file does not type-check (a bug in the package, not in the data)."""


@lru_cache(maxsize=None)
def _load(name: str) -> dict[str, Any]:
    path = os.path.join(FOLDER, PRESETS[name])
    root, findings = read_file(path)
    ctx = Ctx(path)
    data: dict[str, Any] | None = (SiteKind.schema.fields["policy"].check(root, "policy", ctx)
                                   if root is not None else None)
    findings += ctx.findings
    if findings or data is None:
        raise PresetError(f"{path}: " + "; ".join(f"{f.line}: {f.message('en')}" for f in findings))
    return data


def policy_on(policy: dict[str, Any], day: Any) -> dict[str, Any]:
    """The policy in force on `day` (a decision's date): the last preset of the chain that took
    effect on or before it, the first one for earlier days; `policy` itself without a chain."""
    steps = policy.get(IN_FORCE)
    if not steps:
        return policy
    if not isinstance(day, dt.date):
        return steps[-1][1]  # type: ignore[no-any-return]
    current = steps[0][1]
    for first, step in steps:
        if first <= day:
            current = step
    return current  # type: ignore[no-any-return]


def preset(name: str) -> dict[str, Any]:
    """The typed policy of a preset, by its Chinese name (a fresh copy)."""
    return copy.deepcopy(_load(name))


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` merged into a copy of `base`: mappings key by key, anything else replaced."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def effective_policy(site: dict[str, Any]) -> dict[str, Any]:
    """site.yml's policy merged over its preset (just the policy when there is no preset).

    With `presets:` (each a preset and the day it took effect) the result is the first preset's
    policy carrying IN_FORCE: every preset with the site's policy merged over it, by first day;
    `policy_on` picks the one in force on a decision's date."""
    own = site.get("policy") or {}
    chain = sorted((p for p in site.get("presets") or [] if isinstance(p, dict) and p.get("preset") in PRESETS
                    and isinstance(p.get("from"), dt.date)), key=lambda p: p["from"])
    if chain:
        steps = [(p["from"], merge(_load(p["preset"]), own)) for p in chain]
        return dict(steps[0][1], **{IN_FORCE: steps})
    name = site.get("preset")
    if name not in PRESETS:
        return own
    return merge(_load(name), own)
