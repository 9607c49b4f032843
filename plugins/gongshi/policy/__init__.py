"""policy: what the disclosure rules say about a record, as pure functions that checks and
publication both read: which records are public on a day (visibility, windows), working days and
deadlines (workdays, deadlines), the yearly statistics (statistics), and the personal-data
engine (normalise, detectors, names with its data surnames, namecues and givenchars, lexicon, prose,
owners, locate). May import: runtime, model."""
