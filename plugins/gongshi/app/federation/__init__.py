"""`gongshi federate`: a province's portal merged from its counties' bundles (docs/bundle.md).

    province/site.yml ─federation.counties─▶ bundles (folders, file://, https://)
        ─harvest: sizes and SHA-256 proven, age checked─▶ counties OK / missing / invalid / stale
        ─judge: every decision again, on the province's day─▶ shown decisions
        ─site: home, county pages, subject pages, statistics, search─▶ output/ (one swap)

A county that is missing, invalid or stale is named on the home page with the reason and
shows nothing (its withdrawals since its last good bundle are unknown: fail closed); the
others are built all the same. Nothing is read from a county but its bundle.

Layer: app (a sibling of build and refresh). May import every layer below; it writes the
search index with the project's streaming writer (outputs/search/stream.py) or, after a small
change, patches the published one (outputs/search/patch.py): federation/index.py decides.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from dataclasses import dataclass, field
from typing import Any

from gongshi.app.federation.digest import Part, cached_part, context_key, load_part
from gongshi.app.federation.harvest import OK, County, county_id
from gongshi.runtime import jobs
from gongshi.runtime.workers import workers

DEFAULT_MAX_AGE = 31  # the monthly refresh (R-MONTHLY) plus a day's slack


class FederationError(Exception):
    """The province's own configuration is wrong (not a county's bundle): nothing is built."""

    def __init__(self, zh: str, en: str, hint_zh: str = "", hint_en: str = "") -> None:
        super().__init__(en)
        self.zh, self.en, self.hint_zh, self.hint_en = zh, en, hint_zh, hint_en


@dataclass
class Result:
    """What a federation run made: every county with its status, and the site's figures."""

    as_of: dt.date
    output: str
    counties: list[County] = field(default_factory=list)
    decisions: int = 0        # decisions shown on the province's day
    held: dict[str, int] = field(default_factory=dict)  # reason -> decisions of OK counties not shown
    subjects: int = 0
    pages: int = 0
    linked: int = 0           # pages reused from the published site (their inputs unchanged)
    patched: int = -1         # search documents patched into the published index; -1: written in full

    def as_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "output": self.output, "decisions": self.decisions,
                "held": dict(sorted(self.held.items())), "subjects": self.subjects, "pages": self.pages, "linked": self.linked,
                "patched": self.patched,
                "counties": [{"id": c.id, "name": c.name, "status": c.status, "as_of": c.as_of,
                              "reason_zh": c.reason_zh, "reason_en": c.reason_en} for c in self.counties]}


def read_site(province: str) -> dict[str, Any]:
    """The province's site.yml, checked against the schema; FederationError when it is wrong."""
    from gongshi.model.dataset import load_file
    path = os.path.join(province, "site.yml")
    if not os.path.isfile(path):
        raise FederationError(f"找不到 {path}", f"{path} not found",
                              "省级文件夹中需要 site.yml（name、url、region、federation），参见 docs/bundle.md",
                              "the province folder needs a site.yml (name, url, region, federation), see docs/bundle.md")
    records, findings = load_file(path, "site.yml")
    errors = [f for f in findings if f.severity == "error"]
    if errors or not records:
        first = errors[0] if errors else None
        where = f"{path}:{first.line}:{first.column}: " if first else f"{path}: "
        raise FederationError(where + (first.message("zh") if first else "无法读取"),
                              where + (first.message("en") if first else "cannot be read"),
                              first.hint("zh") if first else "", first.hint("en") if first else "")
    site: dict[str, Any] = records[0].data
    if not (site.get("federation") or {}).get("counties"):
        raise FederationError(f"{path} 中没有 federation.counties", f"{path} has no federation.counties",
                              "列出各县的名称和数据包地址：federation: {counties: [{name: 某县, bundle: https://…/bundle/manifest.json}]}",
                              "list each county's name and bundle: federation: {counties: [{name: X, bundle: https://…/bundle/manifest.json}]}")
    return site


def federate(province: str, output: str, as_of: dt.date, theme: str | None = None) -> Result:
    """Build the province's portal into `output` (swapped in whole at the end)."""
    from gongshi.app.federation import site as sitegen
    site = read_site(province)
    fed = site["federation"]
    max_age = int(fed.get("max_age_days") or DEFAULT_MAX_AGE)
    theme_dir = sitegen._theme(theme)
    context = context_key(site, as_of, max_age, theme_dir)
    cache = cache_dir(province)
    listed: list[County] = []
    seen: set[str] = set()
    for entry in fed["counties"]:
        cid = county_id(entry)
        if cid in seen:
            raise FederationError(f"federation.counties 中编号 {cid} 重复", f"county id {cid} is listed twice",
                                  "给重名的县写不同的 id", "give the counties distinct ids")
        seen.add(cid)
        listed.append(County(cid, str(entry["name"]), str(entry["bundle"])))
    # A county whose manifest did not change: its cached part, read here. Every other county one
    # at a time in each of (up to) two forked workers: its bundle is read, judged and reduced to
    # its part; only the part comes back. Counties stay in the listed order.
    import shutil
    import tempfile
    parts_dir = os.path.join(cache, "parts") if cache else tempfile.mkdtemp(prefix="gongshi-federate-")
    task = functools.partial(load_part, base_dir=province, as_of=as_of, max_age=max_age, cache=parts_dir,
                             context=context, policy=site.get("policy") or {})
    try:
        cached = [cached_part(c, province, parts_dir, context) for c in listed]
        made = iter(_parts(task, [c for c, p in zip(listed, cached) if p is None]))
        parts = [p if p is not None else next(made) for p in cached]
        return _assemble(province, output, as_of, theme, site, max_age, context, cache, parts)
    except jobs.JobFailed as err:  # the search index's job or a scan reader died: nothing was swapped in
        last = (str(err).strip().splitlines() or ["?"])[-1]
        raise FederationError(f"合并的后台任务失败，网站没有更新：{last}",
                              f"a background job of the merge failed; the site was not updated: {last}",
                              "已发布的网站保持不变；检查磁盘空间和内存后重新运行 gongshi federate",
                              "the published site is unchanged; check disk space and memory, then run "
                              "gongshi federate again") from err
    finally:
        if not cache:  # no cache: the parts' search files were for this merge only
            shutil.rmtree(parts_dir, ignore_errors=True)


def _parts(task: Any, listed: list[County]) -> list[Part]:
    if len(listed) > 1 and jobs.parallel():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=min(2, workers()), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(task, listed))
    return [task(c) for c in listed]


def _assemble(province: str, output: str, as_of: dt.date, theme: str | None, site: dict[str, Any], max_age: int,
              context: str, cache: str, parts: list[Part]) -> Result:
    """The province's site from the counties' parts, swapped in whole."""
    from gongshi.app.build import remove_leftovers, swap
    from gongshi.app.federation import site as sitegen
    result = Result(as_of, output, [p.county for p in parts])
    remove_leftovers(output)
    tmp = f"{output}.tmp-{os.getpid()}"
    os.makedirs(tmp)
    keys_file = os.path.join(cache, "pages-" + hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
                             + ".json") if cache else ""
    before = _read_keys(keys_file) if keys_file and os.path.isdir(output) else {}
    state_file = keys_file[:-len(".json")] + ".search" if keys_file else ""
    search_before = _read_state(state_file) if before else None
    try:
        keys, state = sitegen.write(tmp, site, parts, as_of, max_age, result, theme, context,
                                    output if before else None, before, search_before)
        keep = {p.key for p in parts}
        parts.clear()  # the scan's forked readers need none of it
        leaks, scanned = scan_output(tmp, site, output if os.path.isdir(output) else None)
    except BaseException:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if leaks:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
        shown = "; ".join(leaks[:5]) + (f" (+{len(leaks) - 5})" if len(leaks) > 5 else "")
        raise FederationError(f"省级网站的生成文件中有未作隐私处理的个人信息，网站没有更新：{shown}",
                              f"the province's built files hold unredacted personal data; the site was not "
                              f"updated: {shown}",
                              "该数据来自县级数据包：请该县用 gongshi validate 查出并遮盖后重新发布；公开的号码可加入省级 "
                              "site.yml 的 policy.redaction.allow",
                              "the data came from a county's bundle: that county finds it with gongshi validate, masks "
                              "it and publishes again; a number that is public goes on the province's "
                              "policy.redaction.allow")
    from gongshi.checks import outscan
    if keys_file:  # the keys of the site going online, for the next merge (written before it is)
        _write_keys(keys_file, keys)
        _write_state(state_file, state)
    outscan.forget_state(output)  # a kill during the swap leaves no state: the next merge reads every file
    swap(tmp, output)
    outscan.save_state(output, scanned)
    if cache:
        _prune(os.path.join(cache, "parts"), keep)
    return result


def _scan(scanner: Any, folder: str, rels: list[str], every: int = 20000) -> list[Any]:
    """scanner.files, forgetting the texts it has read every `every` files: a province's million
    pages hold millions of distinct texts, and the scanner's memory of them (which spares
    reading a page's shared chrome again) would grow to gigabytes."""
    hits: list[Any] = []
    for start in range(0, len(rels), every):
        scanner.seen.clear()
        hits += scanner.files(folder, rels[start:start + every])
    return hits


def cache_dir(province: str) -> str:
    """Where the merge keeps county parts and page keys: $GONGSHI_CACHE_DIR/federation, else
    <province>/.cache/federation; "" when GONGSHI_CACHE=0 (everything made again)."""
    if os.environ.get("GONGSHI_CACHE", "1") == "0":
        return ""
    base = os.environ.get("GONGSHI_CACHE_DIR") or os.path.join(province, ".cache")
    return os.path.join(base, "federation")


def _read_keys(path: str) -> dict[str, str]:
    import json
    try:
        with open(path, encoding="utf-8") as fh:
            keys = json.load(fh)
        return keys if isinstance(keys, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_keys(path: str, keys: dict[str, str]) -> None:
    import json
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(keys, fh, sort_keys=True, separators=(",", ":"))
    os.replace(tmp, path)


def _read_state(path: str) -> Any:
    """The search index's state of the published site (index.State), or None."""
    import pickle

    from gongshi.app.federation.index import State
    try:
        with open(path, "rb") as fh:
            state = pickle.load(fh)
        return state if isinstance(state, State) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        return None


def _write_state(path: str, state: Any) -> None:
    """Kept, or removed when there is none (a later merge then writes the index in full)."""
    import pickle
    if state is None:
        try:
            os.remove(path)
        except OSError:
            pass
        return
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _prune(folder: str, keep: set[str]) -> None:
    """Parts of bundles no county publishes any more: removed, so the cache stays one province."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.split(".")[0] not in keep:
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass


def scan_output(folder: str, site: dict[str, Any], published: str | None = None) -> tuple[list[str], Any]:
    """Fail closed at the province too: every file it built is read for the number-like kinds
    of personal data (checks/outscan.py's scanner), whatever the counties' bundles said.
    `file: kind mask` of each hit (only the province's allow list is public), and the scan's
    state. A file hard-linked from the published site, not modified since that site's scan
    under the same allow list and code, is not read again (`outscan.plan`, as a county build
    does): after one county changed, only what changed is read. Read over two forked jobs."""
    import time

    from gongshi.checks import outscan
    from gongshi.runtime import jobs
    started = time.time_ns()
    allow = tuple(str(a) for a in ((site.get("policy") or {}).get("redaction") or {}).get("allow") or ())
    ctx = outscan.context(allow, frozenset())
    rels, _skipped = outscan.plan(folder, published, outscan.load_state(published) if published else None, ctx)
    scanner = outscan.Scanner(allow, frozenset())
    list(scanner.matches("联系电话 139 1234 5678，z@example.com，皖A12345，&#49;"))  # tables built before forking
    if len(rels) < 200 or not jobs.parallel():
        hits = _scan(scanner, folder, rels)
    else:
        running = [jobs.start(f"output scan {i + 1}", _scan, scanner, folder, part)
                   for i, part in enumerate(outscan.chunks(rels, 2, folder))]
        hits = [h for job in running for h in job.result()]
    return [f"{h.rel}: {h.kind or 'unreadable'} {h.mask}".rstrip() for h in hits], outscan.State(ctx, started)


__all__ = ["OK", "County", "FederationError", "Result", "federate", "read_site"]
