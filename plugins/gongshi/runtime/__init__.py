"""runtime: the machinery every layer may lean on and that knows nothing of records: forked jobs
(jobs), progress bars (progress), the git history of a folder (gitlog), check digits and hashing
(checksums), regular expressions compiled on first use from a cache of their code (lazyre).
May import: nothing of gongshi."""
