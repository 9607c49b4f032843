"""Pagefind: the extended CLI over the built site, after Pelican wrote every page.

One run over all decision pages, or one per shard of years when the site is large
(shards.py). Only decision pages carry `data-pagefind-body`, so Pagefind indexes nothing
else (and those pages exist only for public decisions). The Python `add_custom_record` API
is not used: it sleeps per record (upstream issue #976) and cannot index 100k decisions.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from .. import plugin
from ..publication import Publication
from . import bundle, shards
from ..workflow.pagecache import SETTING as PAGE_CACHE
from ..workflow.pagecache import ShardCache
from .shards import Shard

log = logging.getLogger("gongshi.search")

BUNDLE = "pagefind"          # the bundle folder inside the site, /pagefind/
LANGUAGE = "zh"              # one index; the extended build segments Chinese for zh
BINARY_ENV = "PAGEFIND_BINARY_PATH"  # the same override the pagefind package honours
# Only files where decision pages live are read (DecisionKind.url); of those, only pages with
# data-pagefind-body (decisions, not list pages or revocation notices) are indexed.
DECISION_PAGES = "*/decisions/*/*.html"
WORDS = "words.txt"  # the indexer's Chinese words, one a line (write_words)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class PagefindError(RuntimeError):
    """The index could not be made; the build stops rather than publish a site without it."""


@dataclass(frozen=True)
class IndexRun:
    """What one Pagefind run cost: wall time, the child's peak memory, pages indexed."""

    seconds: float
    peak_rss_bytes: int
    pages: int
    bundle_bytes: int


LAST_RUNS: list[IndexRun] = []  # the latest build's runs, one per shard, for the benchmark


def executable() -> Path:
    """The extended Pagefind binary: $PAGEFIND_BINARY_PATH, else the pagefind_bin_extended wheel."""
    env = os.environ.get(BINARY_ENV)
    if env:
        return Path(env)
    try:
        from pagefind_bin_extended import get_executable  # the wheel ships the binary itself
    except ImportError as exc:
        raise PagefindError("pagefind_bin_extended is not installed (pip install 'pagefind[extended]')") from exc
    return Path(get_executable())


def _run(cmd: list[str]) -> tuple[int, str, int]:
    """Run `cmd`; (exit code, stderr, the child's own peak RSS in bytes) via wait4."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
        err.seek(0)
        return proc.returncode, err.read().decode("utf-8", "replace"), usage.ru_maxrss * 1024


def index_site(site: str | os.PathLike[str], *, glob: str | None = None,
               output_subdir: str = BUNDLE) -> IndexRun:
    """Run the Pagefind CLI once over a built site; raise PagefindError when it fails."""
    site = os.fspath(site)
    bundle = os.path.join(site, output_subdir)
    shutil.rmtree(bundle, ignore_errors=True)
    cmd = [str(executable()), "--site", site, "--output-subdir", output_subdir,
           "--force-language", LANGUAGE, "--silent"]
    if glob:
        cmd += ["--glob", glob]
    start = time.perf_counter()
    code, stderr, peak = _run(cmd)
    seconds = time.perf_counter() - start
    if code != 0:
        raise PagefindError(f"pagefind exited {code}: {stderr.strip()[-2000:]}")
    return IndexRun(seconds, peak, _pages(bundle), _size(bundle))


def _pages(bundle: str) -> int:
    return sum(1 for _ in Path(bundle, "fragment").glob("*.pf_fragment"))


def _size(folder: str) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def index_shards(site: str, planned: list[Shard], reuse: ShardCache | None = None) -> list[IndexRun]:
    """One Pagefind run per shard, one after another (peak memory is the largest shard's);
    a shard whose pages all kept their keys is linked from the published site (`reuse`)."""
    def one(folder: str, globs: list[str], pagefind_glob: str) -> IndexRun:
        if reuse is not None and reuse.take(site, folder, globs):
            return IndexRun(0.0, 0, _pages(os.path.join(site, folder)), 0)
        return index_site(site, glob=pagefind_glob, output_subdir=folder)

    if len(planned) == 1 and not planned[0].path:
        return [one(BUNDLE, [DECISION_PAGES], DECISION_PAGES)]
    shutil.rmtree(os.path.join(site, BUNDLE), ignore_errors=True)
    return [one(f"{BUNDLE}/{s.path.rstrip('/')}", [f"{s.agency or '*'}/decisions/{y}/*.html" for y in s.years],
                s.glob) for s in planned]


def misindexed(site: str, planned: list[Shard], ps: Publication) -> list[str]:
    """Pages a shard holds but should not, or should hold but does not ([] when exact)."""
    wrong: list[str] = []
    for s in planned:
        expected = {f"/{r.url}" for r in ps.decisions
                    if r.year in s.years and (s.agency is None or r.agency == s.agency)}
        got = {f["url"] for f in bundle.fragments(os.path.join(site, BUNDLE, s.path))}
        wrong += sorted(got ^ expected)
    return wrong


def write_words(site: str, planned: list[Shard]) -> int:
    """Write the Chinese words the indexer cut (WORDS); search.js cuts queries with them.

    Pagefind's browser code cuts a Chinese query with the browser's own dictionary, which
    disagrees with the indexer's (保质期 vs 保质 + 期), and a query word the index lacks
    finds nothing. search.js instead cuts the query into these very words.
    """
    found: set[str] = set()
    for s in planned:
        for fragment in bundle.fragments(os.path.join(site, BUNDLE, s.path)):
            found.update(w for w in bundle.words(fragment) if CJK.search(w))
    with open(os.path.join(site, BUNDLE, WORDS), "w", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(found)) + "\n")
    return len(found)


def on_finalized(pelican: Any) -> None:
    """signals.finalized: every page is written; index the site before it is swapped in.

    Fail closed: unless the index holds exactly the public decision pages (a template may
    mark another page as a decision, or none), the bundle is removed and the search page says
    search is unavailable, rather than serve a wrong index.
    """
    global LAST_RUNS
    settings = pelican.settings
    if not settings.get("GONGSHI_SEARCH", True) or "GONGSHI_DATA" not in settings:
        return
    ps = plugin.publication(settings)
    if not ps.decisions:  # Pagefind fails on no pages; the search page says there is none yet
        LAST_RUNS = []
        shutil.rmtree(os.path.join(pelican.output_path, BUNDLE), ignore_errors=True)
        log.info("gongshi.search: no public decision, no search index")
        return
    planned = shards.plan(ps, shards.limit(settings))
    reuse = ShardCache(settings, str(executable()), (WORDS,)) if settings.get(PAGE_CACHE) else None
    runs = LAST_RUNS = index_shards(pelican.output_path, planned, reuse)
    wrong = misindexed(pelican.output_path, planned, ps)
    if wrong:
        shutil.rmtree(os.path.join(pelican.output_path, BUNDLE), ignore_errors=True)
        log.error("gongshi.search: the index is not exactly the public decision pages (%d wrong, "
                  "e.g. %s); no search index was published (do decision pages, and only they, "
                  "carry data-pagefind-body?)", len(wrong), wrong[:3])
        return
    write_words(pelican.output_path, planned)
    log.info("gongshi.search: Pagefind indexed %d pages in %d shard(s), %.1f s, peak %.0f MB",
             sum(r.pages for r in runs), len(runs), sum(r.seconds for r in runs),
             max(r.peak_rss_bytes for r in runs) / 2**20)

