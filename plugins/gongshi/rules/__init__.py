"""The disclosure rules, one module per rule family (issue 3)."""
