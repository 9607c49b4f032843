"""The list of output modules; importing one appends its generator to plugin.GENERATORS."""
from __future__ import annotations

import importlib

OUTPUT_MODULES = [
    "gongshi.workflow.provenance",  # first: fills the context the page generators read
    "gongshi.portal.generator",
    "gongshi.feeds.generator",
    "gongshi.opendata.generator",
    "gongshi.search.page",
    "gongshi.search.pagefind",
]

for _name in OUTPUT_MODULES:
    importlib.import_module(_name)
