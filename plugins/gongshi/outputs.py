"""The built-in output generators, in build order (kept for callers of OUTPUT_MODULES; the
list itself lives in hooks.BUILTIN_OUTPUTS). Importing this module registers nothing."""
from __future__ import annotations

from .hooks import BUILTIN_OUTPUTS

OUTPUT_MODULES = [name.split(":", 1)[0] for name in BUILTIN_OUTPUTS]
