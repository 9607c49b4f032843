"""RSS 2.0 and Atom feeds of public decisions, per site, agency and category (R-FEEDS)."""
