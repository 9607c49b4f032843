"""The site's rules an import applies: the policy of data/site.yml (windows, redaction).

Read once a run, as `gongshi validate` reads it (the preset merged under the site's own policy),
so the import writes what the gate would let through and computes the windows the build will.
"""
from __future__ import annotations

import os
from typing import Any


def site_policy(data: str) -> dict[str, Any]:
    """The effective policy of `data`/site.yml; {} (every rule's fail-closed default) without one."""
    from gongshi.model.dataset import load_file
    from gongshi.model.presets import effective_policy
    path = os.path.join(data, "site.yml")
    if not os.path.isfile(path):
        return {}
    records, _findings = load_file(os.path.abspath(path), "site.yml")
    return effective_policy(records[0].data) if records else {}
