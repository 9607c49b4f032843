"""The agency workflow: refresh, parse cache, git provenance and ownership, import, templates."""
