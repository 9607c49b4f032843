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

import ctypes
import multiprocessing
import os
import pickle
import signal
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


class Beside(Generic[T]):
    """`fn(*args)` computed in a child made by `os.fork` while the caller goes on (or at once,
    when `fork` is false); `result()` waits for it.

    For a job that splits its own work: multiprocessing will not let a job's (daemonic) process
    have children, a plain fork may. The child dies with its parent (PR_SET_PDEATHSIG), so a
    cancelled job (`cancel_running`) leaves nothing writing into the folder the build deletes;
    it exits without running the parent's exit handlers. The value comes back pickled through
    a pipe, read whole before the child is reaped. Fail closed, as a Job: an exception, a death
    or a kill makes `result()` raise JobFailed."""

    def __init__(self, name: str, fn: Callable[..., T], *args: Any, fork: bool = True) -> None:
        self.name = name
        self._value: tuple[str, Any] | None = None
        self._pid = 0
        self._fd = -1
        if not fork:
            try:
                self._value = ("ok", fn(*args))
            except Exception:  # noqa: BLE001 - raised again by result(), as a forked child's would be
                self._value = ("error", traceback.format_exc())
            return
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, exit
            code = 0
            try:
                os.close(read)
                _die_with_parent(parent)
                try:
                    out: tuple[str, Any] = ("ok", fn(*args))
                except BaseException:  # noqa: BLE001 - every failure goes back, as text
                    out = ("error", traceback.format_exc())
                data = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(data)
                while view:
                    view = view[os.write(write, view):]
            except BaseException:  # noqa: BLE001 - not even the answer could be sent
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> T:
        """Wait for the child; its value, or JobFailed with its traceback or exit status."""
        if self._value is None:
            chunks = []
            try:
                while True:
                    chunk = os.read(self._fd, 1 << 20)
                    if not chunk:
                        break
                    chunks.append(chunk)
            finally:
                os.close(self._fd)
                _pid, status = os.waitpid(self._pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code != 0 or not chunks:
                self._value = ("error", f"the child process exited with {code} without a result")
            else:
                self._value = pickle.loads(b"".join(chunks))
        status_, value = self._value
        if status_ != "ok":
            raise JobFailed(f"gongshi: background work '{self.name}' failed:\n{value}")
        return cast(T, value)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG); where that
    is unavailable, nothing. A parent that died before the request: exit now."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def beside(name: str, fn: Callable[..., T], *args: Any) -> Beside[T]:
    """Run `fn(*args)` in a forked child beside the caller when `parallel()`, else at once."""
    return Beside(name, fn, *args, fork=parallel() and hasattr(os, "fork"))
