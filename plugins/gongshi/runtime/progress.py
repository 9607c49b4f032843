"""A progress bar for long commands: rich.progress on stderr, and only when stderr is a terminal."""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

# Below this many steps a bar would only flicker.
MIN_STEPS = 200


def enabled() -> bool:
    """Whether to draw bars: stderr is a TTY and GONGSHI_PROGRESS is not 0."""
    if os.environ.get("GONGSHI_PROGRESS") == "0":
        return False
    return sys.stderr.isatty()


def track(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """Yield `items`, drawing a bar labelled `label` on stderr when that is worth it."""
    if total < MIN_STEPS or not enabled():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
