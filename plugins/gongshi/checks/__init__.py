"""checks: every check a build or `gongshi validate` runs, one module per rule family (refs,
deadline, display, redaction, pages, roster, adjust, monthly, annual, reserved, attachments),
the pipeline that runs them (pipeline) and its cache (cache, store). A check reads the dataset
and the policy and returns findings; it never changes them. May import: runtime, model, policy."""

# A site's check module writes `from gongshi.checks import check, scoped, RECORD` (the markers
# themselves are declared in model/hookspecs.py, where a kind module can reach them too).
from gongshi.model.hookspecs import CONTEXT, RECORD, SUMMARY, check, scoped

__all__ = ["CONTEXT", "RECORD", "SUMMARY", "check", "scoped"]
