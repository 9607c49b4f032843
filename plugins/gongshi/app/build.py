"""Running Pelican with the plugin: load, check beside the rendering, build into a fresh folder,
swap it in only when the checks found no error.

A build that fails or is killed leaves the published output as it was; a successful one
replaces it whole, so a record that stopped being public cannot linger in a stale file.
"""
from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import glob
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from typing import Any, Callable

from gongshi.checks import cache as check_cache, outscan
from gongshi.checks.pipeline import default_content, run_checks
from gongshi.model.dataset import Dataset, load
from gongshi.model.findings import Report
from gongshi.runtime import jobs
from gongshi.runtime.collector import rare_full_collections
from gongshi.runtime.workers import workers
from gongshi.outputs import pagecache
from gongshi.app import websub

log = logging.getLogger("gongshi")


def pelican_settings(settings_file: str | None, overrides: dict[str, Any]) -> dict[str, Any]:
    """Pelican settings from pelicanconf.py (when present) with our overrides."""
    from pelican.settings import read_settings
    path = settings_file if settings_file and os.path.exists(settings_file) else None
    settings: dict[str, Any] = read_settings(path, override=overrides)
    return settings


def site_plugins(plugins: Any) -> list[Any]:
    """The PLUGINS a build runs: the site's own (pelicanconf.py's PLUGINS, in their order) plus
    "gongshi" when the site does not list it. Without a PLUGINS setting only gongshi runs: Pelican
    would otherwise load every installed namespace plugin (pelican.plugins.*)."""
    out = list(plugins or [])
    if not any(getattr(p, "__name__", p) in ("gongshi", "gongshi.app.plugin") for p in out):
        out.append("gongshi")
    return out


def build(data: str, output: str, as_of: dt.date, *, settings_file: str | None = "pelicanconf.py",
          content: str | None = None, strict: bool = False, dataset: Dataset | None = None,
          before_swap: Callable[[str, Dataset], None] | None = None, incremental: bool = True) -> Dataset:
    """Validate `data`; when there is no error, build the portal into `output`.

    `incremental`: pages whose inputs did not change since the published build are linked
    from it rather than rendered (outputs/pagecache.py; byte-identical to a full build).

    `before_swap(folder, ds)` may add files to the finished build before it goes live
    (refresh writes changes.json there), so they appear with the site, atomically.
    """
    with rare_full_collections(), _frozen_heap() as freeze:
        return _build(data, output, as_of, settings_file=settings_file, content=content, strict=strict,
                      dataset=dataset, before_swap=before_swap, incremental=incremental, freeze=freeze)


@contextlib.contextmanager
def _frozen_heap() -> Iterator[bool]:
    """Every object alive once the records are loaded moved out of the cyclic collector's sight
    for the build (gc.freeze), unless the caller froze the heap already (the live preview).

    The loaded records are millions of small objects that live through the build and make no
    cycles; every collection of the oldest generation walked them again while the build made
    its views, pages and keys (at 10,000 decisions planning the pages took 0.51 s of CPU with
    them in sight, 0.17 s frozen). Reference counting still frees what the build drops; the
    heap is unfrozen when the build returns, so a later collection sees it again.

    The build's own objects (the publication, the planned pages, the open data's rows) are
    not frozen, and with the records out of sight the oldest generation is small, so every
    quarter's growth of it was another full walk of all of them: `build` makes full
    collections rare as well (runtime/collector.py; thresholds are inherited by the forked
    jobs and render workers, and restored when the build returns)."""
    ours = gc.get_freeze_count() == 0
    try:
        yield ours
    finally:
        if ours:
            gc.unfreeze()


def _build(data: str, output: str, as_of: dt.date, *, settings_file: str | None,
           content: str | None, strict: bool, dataset: Dataset | None,
           before_swap: Callable[[str, Dataset], None] | None, incremental: bool, freeze: bool) -> Dataset:
    """build(); `freeze`: freeze the heap once the data is loaded (_frozen_heap)."""
    from pelican import Pelican

    from gongshi.app import plugin
    # The gate reads the Markdown Pelican will publish: --content, else the settings' PATH.
    site = pelican_settings(settings_file, {} if content is None else {"PATH": os.path.abspath(content)})
    markdown = content if content is not None else site.get("PATH")
    checking: jobs.Job[Report] | None = None
    if dataset is not None:
        ds = dataset
    else:
        seen: dict[str, os.stat_result] = {}
        kept: dict[str, tuple[list[Any], list[Any]]] = {}
        ds = load(data, workers(site), seen, kept)
        ds.content = os.path.abspath(markdown) if markdown else default_content(data)
        if freeze and ds.report.ok:
            # Before the checks job is forked, not after: the child inherits a frozen heap.
            # Otherwise every full collection in the checks walks the loaded records (and
            # writes to each one's header, copying the parent's pages into the child).
            gc.freeze()  # the loaded records (see _frozen_heap)
        if ds.report.ok:
            # The checks read the dataset and never change it, and no output reads their
            # findings: they run beside the rendering (runtime/jobs.py), and the build
            # publishes only if they find no error. A file that could not even be read is
            # known now: then the checks run here and nothing is rendered.
            checking = jobs.start("checks", _checked, ds, as_of, strict, (seen, kept), settings=site)
        else:
            _checked(ds, as_of, strict)
    if not ds.report.ok:
        return ds
    if freeze and dataset is not None:
        gc.freeze()  # the caller's records (see _frozen_heap)
    plugin.remember(ds, as_of, checking)
    output = os.path.abspath(output)
    parent = os.path.dirname(output) or "."
    os.makedirs(parent, exist_ok=True)
    remove_leftovers(output)
    tmp = f"{output}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    here = os.path.dirname(os.path.abspath(settings_file)) if settings_file else os.getcwd()
    overrides: dict[str, Any] = {
        "OUTPUT_PATH": tmp,
        "GONGSHI_DATA": os.path.abspath(data),
        "GONGSHI_AS_OF": as_of,
        "GONGSHI_STRICT": strict,
        "DELETE_OUTPUT_DIRECTORY": False,
        "PLUGINS": site_plugins(site.get("PLUGINS")),  # the site's plugins see the whole portal too
    }
    if incremental and os.environ.get("GONGSHI_PAGE_CACHE", "1") != "0":
        overrides[pagecache.SETTING] = {"published": output, "settings_file": settings_file and os.path.abspath(settings_file)}
    if content is not None:
        overrides["PATH"] = os.path.abspath(content)
    settings = pelican_settings(settings_file, overrides)
    if not os.path.isdir(settings["PATH"]):
        settings["PATH"] = tmp  # no Markdown content: nothing for Pelican's readers
    if not os.path.isdir(settings.get("THEME", "")):
        settings["THEME"] = os.path.join(here, "theme")
    # Until the checks pass, the folder is readable by its owner only: pages of a record the
    # checks will refuse (personal data, say) are never where a web server could read them.
    os.makedirs(tmp, mode=0o700)
    try:
        try:
            Pelican(settings).run()
        finally:
            plugin.settle(ds, as_of)
        if checking is not None:
            ds.report = checking.result()
            checking = None
        if not ds.report.ok:
            shutil.rmtree(tmp, ignore_errors=True)
            pagecache.discard(output)
            return ds
        if before_swap is not None:
            before_swap(tmp, ds)
        # What leaves is read too (checks/outscan.py): a number the gate did not see at the
        # source (a field it does not read, a template, an attachment's part) keeps the
        # folder offline like any other error.
        began = time.perf_counter()
        scanned = outscan.scan(tmp, ds, output, lambda: record_pages(ds, as_of),
                               workers=min(2, os.cpu_count() or 1) if jobs.parallel(settings) else 1)
        log.info("gongshi.checks.outscan: %d output files read, %d already read by the published build's scan, in %.1f s",
                 scanned.read, scanned.skipped, time.perf_counter() - began)
        if scanned.findings:
            ds.report.extend(scanned.findings)
            shutil.rmtree(tmp, ignore_errors=True)
            pagecache.discard(output)
            return ds
    except Exception:
        report = _finished(checking)
        jobs.cancel_running()  # the open-data and search jobs write into `tmp`
        shutil.rmtree(tmp, ignore_errors=True)
        pagecache.discard(output)
        # Data the checks refuse may also break a page: then the clerk gets the findings, not
        # the traceback of the page they broke.
        if report is not None and not report.ok:
            ds.report = report
            return ds
        raise
    except BaseException:  # interrupted: stop the checks and the other jobs too
        jobs.cancel_running()
        shutil.rmtree(tmp, ignore_errors=True)
        pagecache.discard(output)
        raise
    os.chmod(tmp, 0o777 & ~_umask())  # the mode a folder made now would have
    pagecache.forget(output)  # a kill between here and commit() leaves no manifest: a full render
    outscan.forget_state(output)  # nor a scan state: the next build reads every file
    # Feeds that differ from the published ones are announced to their WebSub hub once the
    # new site is online (app/websub.py); a site without a hub compares nothing.
    pings = websub.pending(tmp, output) if (ds.site.get("websub") or {}).get("hub") else []
    swap(tmp, output)
    pagecache.commit(output)
    outscan.save_state(output, scanned.state)
    websub.publish(pings)
    return ds


def record_pages(ds: Dataset, as_of: dt.date) -> dict[str, str]:
    """Output path -> record file of every public record's page, to name a finding's source."""
    from gongshi.app import plugin
    from gongshi.model.kinds import KINDS
    ps = plugin.publication_of(ds, as_of)
    return {r.url: r.file for kind in KINDS for r in ps.records(kind) if getattr(r, "url", None)}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _checked(ds: Dataset, as_of: dt.date, strict: bool,
             loaded: tuple[dict[str, os.stat_result], dict[str, tuple[list[Any], list[Any]]]] | None = None) -> Report:
    """Every check over a loaded dataset: its report. With `loaded` (the stat of every file the
    build's load walked, and each file's records and findings) and the check cache on, through
    the cache `gongshi validate` keeps (checks/cache.py: only changed decisions and the summary
    rules are checked again, over the records already loaded; the findings are a full run's) —
    but only when the cache's own walk found every file as the load did: otherwise a file
    edited during the build could be checked in another version than the one published, and
    everything is checked over the loaded records instead."""
    if loaded is not None and check_cache.enabled():
        seen, kept = loaded
        now: dict[str, os.stat_result] = {}
        report = check_cache.validate(ds.root, as_of, content=ds.content, stats=now, loaded=kept)
        if _same_files(seen, now):
            ds.report = report
            if strict:
                ds.report.strict()
            return ds.report
        log.info("gongshi.checks: data changed during the build; checking the loaded records")
    run_checks(ds, as_of)
    if strict:
        ds.report.strict()
    return ds.report


def _same_files(a: dict[str, os.stat_result], b: dict[str, os.stat_result]) -> bool:
    """Whether two walks saw the same files, each with the same inode, size and mtime."""
    if a.keys() != b.keys():
        return False
    for path, st in a.items():
        other = b[path]
        if (st.st_ino, st.st_size, st.st_mtime_ns) != (other.st_ino, other.st_size, other.st_mtime_ns):
            return False
    return True


def _finished(checking: jobs.Job[Report] | None) -> Report | None:
    """The checks' report after the build failed, or None when they failed too (or never ran)."""
    try:
        return checking.result() if checking is not None else None
    except jobs.JobFailed:
        return None


def _exchange(a: str, b: str) -> bool:
    """Atomically exchange two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return bool(renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0)


def swap(new: str, output: str) -> None:
    """Replace `output` with `new`; readers (and a kill at any moment) see the old or the new site."""
    if os.path.isdir(output) and _exchange(new, output):
        remove_later(new, output)  # `new` now holds the old site
        return
    old = f"{output}.old-{os.getpid()}"
    if os.path.exists(output):
        os.rename(output, old)
    os.rename(new, output)
    shutil.rmtree(old, ignore_errors=True)


def remove_later(folder: str, output: str) -> None:
    """Delete the replaced site after the build has returned: the new one is online already,
    and unlinking every file of a large site (~276,000 at 100,000 decisions) is seconds of
    the kernel's time the build need not wait for. The folder is renamed first to a name
    `remove_leftovers` knows (so a deletion that never finishes is finished by a later build,
    and the next build of this process can reuse its own folder's name), then removed by `rm -rf` in
    its own session; where that cannot start, here and now."""
    old = f"{output}.old-{time.time_ns()}-{os.getpid()}"
    try:
        os.rename(folder, old)
        subprocess.Popen(["rm", "-rf", "--", old], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(old if os.path.exists(old) else folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(output: str) -> None:
    """Delete half-built folders of killed builds (never one whose process still runs)."""
    for path in glob.glob(glob.escape(output) + ".tmp-*") + glob.glob(glob.escape(output) + ".old-*"):
        pid = path.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
