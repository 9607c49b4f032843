"""runtime/jobs.py: background work of a build, in a forked child or at once, same result."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongshi.runtime import jobs


def _square(n: int) -> int:
    return n * n


def _fail() -> None:
    raise ValueError("broken record")


def _die() -> None:
    os._exit(3)


@pytest.mark.parametrize("fork", [True, False])
def test_a_job_returns_its_value_either_way(fork: bool) -> None:
    assert jobs.Job("square", _square, 12, fork=fork).result() == 144


@pytest.mark.parametrize("fork", [True, False])
def test_a_failing_job_raises_with_the_childs_traceback(fork: bool) -> None:
    job = jobs.Job("fail", _fail, fork=fork)
    with pytest.raises(jobs.JobFailed, match="broken record"):
        job.result()


def test_a_job_whose_process_dies_fails_closed() -> None:
    with pytest.raises(jobs.JobFailed, match="ended without a result"):
        jobs.Job("die", _die).result()


FORK = "fork" in __import__("multiprocessing").get_all_start_methods()


def test_one_worker_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGSHI_WORKERS", "1")
    assert not jobs.parallel()
    # The environment wins over pelicanconf.py's GONGSHI_WORKERS = 2 (the bug: open data and the
    # search index forked anyway, against the README).
    assert not jobs.parallel({"GONGSHI_WORKERS": 2})
    monkeypatch.delenv("GONGSHI_WORKERS")
    assert jobs.parallel({"GONGSHI_WORKERS": 2}) is FORK
    assert not jobs.parallel({"GONGSHI_WORKERS": 1})


def test_the_worker_count_is_read_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongshi.runtime import workers
    monkeypatch.delenv("GONGSHI_WORKERS", raising=False)
    assert workers.workers() == workers.cpus() >= 1
    assert workers.workers({"GONGSHI_WORKERS": 3}) == 3
    monkeypatch.setenv("GONGSHI_WORKERS", "1")
    assert workers.workers({"GONGSHI_WORKERS": 3}) == 1
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("GONGSHI_WORKERS", bad)
        with pytest.raises(workers.BadWorkers, match="GONGSHI_WORKERS"):
            workers.workers()


def test_one_worker_in_the_environment_forks_no_output_job(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open data and the search index start their jobs with the build's settings, which carry
    pelicanconf.py's GONGSHI_WORKERS = 2; GONGSHI_WORKERS=1 in the environment still keeps
    them in the build process."""
    import os
    monkeypatch.setenv("GONGSHI_WORKERS", "1")
    job = jobs.start("open data", os.getpid, settings={"GONGSHI_WORKERS": 2})
    assert job.result() == os.getpid()


def _sleep() -> None:
    import time
    time.sleep(30)


def test_cancel_running_stops_every_job_not_waited_for() -> None:
    job = jobs.Job("sleeper", _sleep)
    jobs.cancel_running()
    with pytest.raises(jobs.JobFailed, match="cancelled"):
        job.result()
    assert not jobs._LIVE


def test_a_published_site_has_the_usual_folder_mode(tmp_path: Path) -> None:
    """The build folder is the owner's alone while the checks run (app/build.py); once they pass
    it gets the mode any new folder would have."""
    from conftest import DATA, DEMO_AS_OF, ROOT

    from gongshi.app.build import build
    out = tmp_path / "out"
    assert build(str(DATA), str(out), DEMO_AS_OF, settings_file=str(ROOT / "pelicanconf.py")).report.ok
    mask = os.umask(0o022)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~mask


@pytest.mark.slow
def test_a_build_with_one_worker_in_the_environment_forks_nothing(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's promise, end to end: pelicanconf.py says GONGSHI_WORKERS = 2, the environment
    says 1, and no process is forked (checks, open data and search index run in the build's own
    process). Before runtime/workers.py the open-data job still forked."""
    import shutil

    from conftest import CASES, DEMO_AS_OF, ROOT
    from gongshi.app.build import build
    shutil.copytree(CASES / "_base", tmp_path / "data")
    forks: list[int] = []
    real = os.fork

    def counted() -> int:
        forks.append(1)
        return real()

    monkeypatch.setattr(os, "fork", counted)
    monkeypatch.setenv("GONGSHI_WORKERS", "1")
    monkeypatch.chdir(ROOT)
    ds = build(str(tmp_path / "data"), str(tmp_path / "out"), DEMO_AS_OF, settings_file="pelicanconf.py")
    assert ds.report.ok and (tmp_path / "out" / "index.html").exists()
    assert forks == []
