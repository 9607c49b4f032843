"""Tooling around Gongshi, not part of the runtime package: synthetic archives and benchmarks.

    gongshi_tools.synth        deterministic synthetic data (the demo in data/, archives of any size)
    gongshi_tools.bench        `gongshi bench`: validate and build timed on synthetic archives
    gongshi_tools.peer         the same archive built as a Hugo + Pagefind site, side by side
    gongshi_tools.rebuild      one-record rebuild, stage by stage
    gongshi_tools.searchbench  Pagefind index time and bytes per query in a browser

Nothing in `gongshi` imports this package except the `gongshi bench` command, lazily.
"""
