"""Reading county bundles (docs/bundle.md): fetch the manifest, prove every file by size and
SHA-256, and say what is wrong with a county in one sentence instead of stopping.

A bundle address is an http(s):// or file:// URL, or a path relative to the province's
site.yml; either names bundle/manifest.json itself or the county's site root (the manifest is
then <root>/bundle/manifest.json). A file's path in the manifest is relative to the site root
(the folder that holds bundle/), never absolute and never with "..": a manifest cannot make
the province read outside the county's site.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from gongshi.app.federation import recheck

FORMAT = "gongshi-bundle"
VERSION = 1
MANIFEST = "bundle/manifest.json"
MAX_BYTES = 2 << 30          # a bundle file larger than 2 GB is refused, not read
TIMEOUT = 60                 # seconds per HTTP request
SHA = re.compile(r"[0-9a-f]{64}")

OK, MISSING, INVALID, STALE = "ok", "missing", "invalid", "stale"
STATUS_ZH = {OK: "正常", MISSING: "缺失", INVALID: "无效", STALE: "过期"}


class BundleError(Exception):
    """What is wrong with a county's bundle: its status and a bilingual reason."""

    def __init__(self, status: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.status, self.zh, self.en = status, zh, en


@dataclass
class County:
    """One county of the province: where its bundle is, and what was read of it."""

    id: str
    name: str
    bundle: str
    status: str = MISSING
    reason_zh: str = ""
    reason_en: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)   # role -> parsed JSON

    @property
    def as_of(self) -> str:
        return str(self.manifest.get("as_of") or "")

    @property
    def site(self) -> dict[str, Any]:
        site = self.manifest.get("site")
        return site if isinstance(site, dict) else {}

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]


def county_id(entry: dict[str, Any]) -> str:
    """The county's folder on the province site: its `id`, else a stable hash of its name."""
    return str(entry.get("id") or "c-" + hashlib.sha256(str(entry["name"]).encode()).hexdigest()[:8])


def _root(address: str, base_dir: str) -> tuple[str, bool]:
    """(site root, is_url) of a bundle address; a local root is an absolute folder."""
    if address.startswith("file://"):
        address = urllib.parse.unquote(urllib.parse.urlparse(address).path)
    elif address.startswith(("http://", "https://")):
        root = address[: -len(MANIFEST)] if address.endswith(MANIFEST) else address.rstrip("/") + "/"
        return root, True
    path = os.path.join(base_dir, address)
    if path.endswith(".json"):
        path = os.path.dirname(os.path.dirname(path))  # <root>/bundle/manifest.json
    return os.path.abspath(path), False


def _read(root: str, is_url: bool, rel: str) -> bytes:
    """The bytes of one file of the bundle; BundleError(MISSING) when it cannot be had."""
    if is_url:
        url = root + urllib.parse.quote(rel)
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as resp:  # noqa: S310 (http(s) only)
                body: bytes = resp.read(MAX_BYTES + 1)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise BundleError(MISSING, f"无法读取 {url}：{exc}", f"cannot read {url}: {exc}") from None
    else:
        path = os.path.join(root, rel)  # named by `rel`: the province's own paths stay off its pages
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise BundleError(INVALID, f"{rel} 超过 2 GB", f"{rel} is larger than 2 GB")
            with open(path, "rb") as fh:
                body = fh.read()
        except OSError as exc:
            raise BundleError(MISSING, f"无法读取数据包文件 {rel}（{exc.strerror}）",
                              f"cannot read the bundle's {rel} ({exc.strerror})") from None
    if len(body) > MAX_BYTES:
        raise BundleError(INVALID, f"{rel} 超过 2 GB", f"{rel} is larger than 2 GB")
    return body


def _json(body: bytes, rel: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(INVALID, f"{rel} 不是有效的 JSON：{exc}", f"{rel} is not valid JSON: {exc}") from None


def check_manifest(m: Any) -> None:
    """The manifest's own shape (docs/bundle.md); BundleError(INVALID) naming what is wrong."""
    def bad(zh: str, en: str) -> BundleError:
        return BundleError(INVALID, f"清单 {MANIFEST} {zh}", f"manifest {MANIFEST}: {en}")
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise bad(f"不是 {FORMAT} 格式", f"format is not {FORMAT}")
    if m.get("version") != VERSION:
        raise bad(f"版本 {m.get('version')!r} 不受支持（支持 {VERSION}）",
                  f"version {m.get('version')!r} is not supported (this reads {VERSION})")
    try:
        dt.date.fromisoformat(str(m.get("as_of")))
    except ValueError:
        raise bad("缺少有效的数据截至日期 as_of", "as_of is not a date YYYY-MM-DD") from None
    files = m.get("files")
    if not isinstance(files, list):
        raise bad("缺少文件列表 files", "has no files list")
    for f in files:
        path = f.get("path") if isinstance(f, dict) else None
        if (not isinstance(path, str) or not path or path.startswith("/") or "\\" in path
                or ".." in path.split("/") or not isinstance(f.get("size"), int)
                or not isinstance(f.get("sha256"), str) or not SHA.fullmatch(f["sha256"])):
            raise bad(f"中的文件项无效：{f!r}", f"has an invalid file entry: {f!r}")
    if not any(f.get("role") == "table:decision" for f in files):
        raise bad("没有列出执法决定数据（role: table:decision）", "lists no decisions table (role table:decision)")


def harvest(county: County, base_dir: str, as_of: dt.date, max_age_days: int,
            policy: dict[str, Any] | None = None) -> County:
    """Read and prove one county's bundle; its status and reason say how it went (never raises).
    Every decision row is read by the province's redaction gate under `policy` (recheck.py)."""
    try:
        root, is_url = _root(county.bundle, base_dir)
        manifest = _json(_read(root, is_url, MANIFEST), MANIFEST)
        check_manifest(manifest)
        county.manifest = manifest
        for f in manifest["files"]:
            body = _read(root, is_url, f["path"])
            got = hashlib.sha256(body).hexdigest()
            if len(body) != f["size"] or got != f["sha256"]:
                raise BundleError(INVALID, f"{f['path']} 的校验值不符（清单 {f['sha256'][:12]}…，实际 {got[:12]}…）",
                                  f"{f['path']}: hash mismatch (manifest {f['sha256'][:12]}…, read {got[:12]}…)")
            if f["path"].endswith(".json") and f.get("role"):
                table = _json(body, f["path"])
                if not isinstance(table, dict):
                    raise BundleError(INVALID, f"{f['path']} 应为 JSON 对象", f"{f['path']} is not a JSON object")
                county.tables[str(f["role"])] = table
        records = county.tables.get("table:decision", {}).get("records")
        if not isinstance(records, list):
            raise BundleError(INVALID, "执法决定数据中没有 records 列表", "the decisions table has no records list")
        for role, key in (("table:agency", "records"), ("stats", "years")):
            if role in county.tables and not isinstance(county.tables[role].get(key), (list if key == "records" else dict)):
                raise BundleError(INVALID, f"{role} 的 {key} 格式不对", f"{role}: {key} has the wrong shape")
        found = recheck.problems(records, policy or {}, f"{county.name}:{MANIFEST}")
        agencies = county.tables.get("table:agency", {}).get("records") or []
        found += recheck.problems(agencies if isinstance(agencies, list) else [], policy or {},
                                  f"{county.name}:{MANIFEST}", "agency")
        if found:
            zh, en = recheck.reason(found)
            raise BundleError(INVALID, zh, en)
        age = (as_of - dt.date.fromisoformat(manifest["as_of"])).days
        if age > max_age_days:
            raise BundleError(STALE, f"数据截至 {manifest['as_of']}，已 {age} 天未更新（超过 {max_age_days} 天）",
                              f"data as of {manifest['as_of']}, {age} days old (more than {max_age_days})")
        county.status = OK
    except BundleError as err:
        county.status, county.reason_zh, county.reason_en = err.status, err.zh, err.en
        county.tables = {}  # fail closed: nothing of a county that is not OK is shown
    return county
