"""Background jobs of a build: work that needs only what is already in memory runs in a forked
child while the parent goes on, so both cores stay busy (issue 14).

A build has three long parts that do not depend on each other once the records are loaded:
the checks (they read the dataset, never change it), the portal's pages, and the search index
(both read the publication). Run one after another they leave a core idle most of the time;
as jobs they overlap: the checks run beside the rendering, the index beside the pages.

Why fork and not threads: the work is pure Python (the GIL would serialise threads), and a fork
child sees the parent's dataset and publication without pickling them; only the result crosses
the pipe. Where fork is unavailable, or `GONGSHI_WORKERS=1`, a job runs at once in the caller
(`start` computes it eagerly), so the result is the same either way.

Fail closed: a job that raises, dies or is killed makes `result()` raise `JobFailed`; the build
then publishes nothing (app/build.py discards its folder).
"""
from __future__ import annotations

import multiprocessing
import traceback
from multiprocessing.connection import Connection
from typing import Any, Callable, Generic, TypeVar, cast

from gongshi.runtime.workers import workers

T = TypeVar("T")


class JobFailed(RuntimeError):
    """A background job raised or died; the text is the child's traceback or exit status."""


def parallel(settings: dict[str, Any] | None = None) -> bool:
    """Whether jobs run in children: two workers or more (runtime/workers.py: the environment
    variable, else the setting, else the cores), and fork available."""
    return workers(settings) >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        value = fn(*args)
    except BaseException:  # noqa: BLE001 - every failure goes back to the parent, as text
        conn.send(("error", traceback.format_exc()))
    else:
        conn.send(("ok", value))
    finally:
        conn.close()


class Job(Generic[T]):
    """`fn(*args)` computed in a forked child (or at once, when not `parallel`)."""

    def __init__(self, name: str, fn: Callable[..., T], *args: Any, fork: bool = True) -> None:
        self.name = name
        self._value: tuple[str, Any] | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        if not fork:
            try:
                self._value = ("ok", fn(*args))
            except Exception:  # noqa: BLE001 - raised again by result(), as a forked job's would be
                self._value = ("error", traceback.format_exc())
            return
        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_child, args=(child_end, fn, args), name=f"gongshi-{name}",
                                    daemon=True)
        self._process.start()
        child_end.close()
        _LIVE.add(self)

    def result(self) -> T:
        """Wait for the job; its value, or JobFailed with the child's traceback."""
        if self._value is None:
            assert self._conn is not None and self._process is not None
            try:
                self._value = self._conn.recv()  # before join: a large result would fill the pipe
            except EOFError:
                self._value = ("error", "the job's process ended without a result")
            finally:
                self._conn.close()
                self._process.join()
                _LIVE.discard(self)
            if self._value[0] == "ok" and self._process.exitcode not in (0, None):
                self._value = ("error", f"the job's process exited with {self._process.exitcode}")
        status, value = self._value
        if status != "ok":
            raise JobFailed(f"gongshi: background job '{self.name}' failed:\n{value}")
        return cast(T, value)

    def cancel(self) -> None:
        """Stop a job whose result is no longer wanted (the build failed elsewhere)."""
        if self._process is not None and self._value is None:
            self._process.kill()
            self._process.join()
            if self._conn is not None:
                self._conn.close()
            self._value = ("error", "cancelled")
        _LIVE.discard(self)


_LIVE: set[Job[Any]] = set()  # forked jobs not yet waited for


def cancel_running() -> None:
    """Stop every job still running: the build failed, and a job left alone would go on
    writing into the folder the build is deleting."""
    for job in list(_LIVE):
        job.cancel()


def start(name: str, fn: Callable[..., T], *args: Any, settings: dict[str, Any] | None = None) -> Job[T]:
    """Run `fn(*args)` beside the caller when `parallel(settings)`, else at once."""
    return Job(name, fn, *args, fork=parallel(settings))
