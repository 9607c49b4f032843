"""Ownership: who may change which records, checked per commit with git's own signature check.

An agency's folder belongs to the maintainers its agency.yml lists; everything else in the
data folder (site.yml, calendar.yml, new agencies, agencies that list nobody) belongs to the
maintainers of site.yml. The lists are read at BASE, not from the commits being checked, so
a commit cannot make its own author a maintainer. Where the owners list signing keys, a
commit must carry a good signature (`%G?`) whose key (`%GF`/`%GK`) is one of them.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from typing import Any

import yaml

from gongshi.model.findings import Msg, Report

NOT_MAINTAINER = Msg(
    "R-TRACE", "提交 {commit}（{author}）修改了{unit}的文件（共 {count} 个），但提交人不是其维护人员",
    "commit {commit} ({author}) changes {count} file(s) of {unit_en}, but its author does not maintain it",
    "请由 {owners} 之一提交，或先由现有维护人员在 {owner_file} 中添加该邮箱",
    "have one of {owners} commit it, or have a current maintainer add the address to {owner_file} first")
NOT_SIGNED = Msg(
    "R-TRACE", "提交 {commit}（{author}）修改了{unit}的文件，但没有用其登记的密钥签名（签名状态 {status}）",
    "commit {commit} ({author}) changes files of {unit_en} but is not signed with a registered key (signature status {status})",
    "用 git commit -S 以登记的密钥签名（{signing_keys}）；CI 需要导入这些公钥才能验证",
    "sign it with git commit -S using a registered key ({signing_keys}); CI needs those public keys to verify")
BAD_RANGE = Msg("R-TRACE", "无法读取提交范围“{range}”：{error}", "cannot read the commit range '{range}': {error}",
                "写成 BASE..HEAD，例如 origin/main..HEAD，并确认在 git 仓库中运行",
                "write BASE..HEAD, e.g. origin/main..HEAD, inside a git repository")

SITE = ""  # the owner unit of everything outside an agency folder
_SEP, _FIELD = "\x1e", "\x1f"
GOOD_SIGNATURES = ("G", "U")  # good signature; U = good but the key's trust is not set


@dataclass
class Owners:
    """Maintainers of one unit: e-mail addresses and signing keys."""

    emails: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


@dataclass
class Commit:
    sha: str
    author: str
    email: str
    status: str
    fingerprint: str
    key_id: str
    files: list[str]


class GitError(Exception):
    """git could not answer (not a repository, unknown revision)."""


def git(args: list[str], cwd: str) -> str:
    """stdout of a git command, or GitError with its message."""
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except OSError as exc:
        raise GitError(str(exc)) from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def _norm_key(key: str) -> str:
    return key.replace(" ", "").replace(":", "").upper().removeprefix("SHA256")


def _owners(doc: object) -> Owners:
    owners = Owners()
    people = doc.get("maintainers") if isinstance(doc, dict) else None
    for m in people if isinstance(people, list) else []:
        if isinstance(m, dict) and m.get("email"):
            owners.emails.add(str(m["email"]).strip().lower())
            if m.get("key"):
                owners.keys.add(_norm_key(str(m["key"])))
    return owners


def owners_at(repo: str, rev: str, data_rel: str) -> dict[str, Owners]:
    """Owner unit (agency slug, or SITE) -> maintainers, as committed at `rev`."""
    prefix = f"{data_rel}/" if data_rel else ""
    names = [n for n in git(["ls-tree", "-r", "--name-only", rev, "--", data_rel or "."], repo).splitlines()
             if n == f"{prefix}site.yml" or (n.startswith(f"{prefix}agencies/") and n.endswith("/agency.yml")
                                              and n.count("/") == prefix.count("/") + 2)]
    out: dict[str, Owners] = {}
    for name in names:
        try:
            doc = yaml.safe_load(git(["show", f"{rev}:{name}"], repo))
        except (GitError, yaml.YAMLError):
            continue  # unreadable at BASE: nobody owns it but the site maintainers
        unit = SITE if name == f"{prefix}site.yml" else name.split("/")[-2]
        out[unit] = _owners(doc)
    return out


def commits(repo: str, rng: str, data_rel: str) -> list[Commit]:
    """Commits of `rng` that touch the data folder, oldest first, with their files."""
    fmt = _FIELD.join(["%H", "%an", "%ae", "%G?", "%GF", "%GK"])
    # --cc: a merge lists the files it changed beyond all its parents (conflict resolutions)
    out = git(["log", "--reverse", "--no-renames", "--cc", "--name-only", f"--format={_SEP}{fmt}", rng, "--",
               data_rel or "."], repo)
    result = []
    for block in out.split(_SEP)[1:]:
        head, _, names = block.partition("\n")
        sha, author, email, status, fpr, key_id = head.split(_FIELD)
        result.append(Commit(sha, author, email.strip().lower(), status, fpr, key_id,
                             [n for n in names.splitlines() if n.strip()]))
    return result


def unit_of(path: str, data_rel: str) -> str:
    """The owner unit of a repository path inside the data folder."""
    rel = path[len(data_rel) + 1:] if data_rel else path
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "agencies" else SITE


def _signed_by(c: Commit, keys: set[str]) -> bool:
    if c.status not in GOOD_SIGNATURES:
        return False
    have = {_norm_key(k) for k in (c.fingerprint, c.key_id) if k}
    return any(h.endswith(k) or k.endswith(h) for h in have for k in keys if len(min(h, k, key=len)) >= 8)


def check_changes(data: str, rng: str) -> Report:
    """Every ownership or signature violation of the commits in `rng` (BASE..HEAD)."""
    report = Report()
    data = os.path.abspath(data)
    repo = os.path.dirname(data) if not os.path.isdir(data) else data
    try:
        top = git(["rev-parse", "--show-toplevel"], repo).strip()
        data_rel = os.path.relpath(data, top).replace(os.sep, "/")
        data_rel = "" if data_rel == "." else data_rel
        base = rng.split("..")[0] if ".." in rng else rng
        rng = rng if ".." in rng else f"{rng}..HEAD"
        owners = owners_at(top, base, data_rel)
        todo = commits(top, rng, data_rel)
    except GitError as exc:
        report.add(BAD_RANGE(data, 0, 0, range=rng, error=str(exc)))
        return report
    site = owners.get(SITE, Owners())
    for c in todo:
        by_unit: dict[str, list[str]] = {}
        for path in c.files:
            by_unit.setdefault(unit_of(path, data_rel), []).append(path)
        for unit, files in sorted(by_unit.items()):
            own = owners.get(unit) if unit != SITE else site
            if own is None or not own.emails:
                own = site  # a new agency, or one that lists nobody: the site maintainers decide
            where = os.path.join(top, files[0])
            args: dict[str, Any] = {"commit": c.sha[:10], "author": f"{c.author} <{c.email}>", "count": len(files),
                    "unit": f"主体“{unit}”" if unit else "平台设置（site.yml 等）",
                    "unit_en": f"agency '{unit}'" if unit else "the site (site.yml etc.)"}
            if c.email not in own.emails:
                report.add(NOT_MAINTAINER(where, 1, 1, owners=", ".join(sorted(own.emails)) or "—",
                                          owner_file=f"agencies/{unit}/agency.yml" if unit else "site.yml", **args))
            elif own.keys and not _signed_by(c, own.keys):
                report.add(NOT_SIGNED(where, 1, 1, status=c.status or "N", signing_keys=", ".join(sorted(own.keys)), **args))
    return report


def codeowners(data: str) -> str:
    """A CODEOWNERS file: the data folder to the site maintainers, each agency folder to its own."""
    data = os.path.abspath(data)
    try:
        top = git(["rev-parse", "--show-toplevel"], data).strip()
    except GitError:
        top = os.getcwd()
    rel = os.path.relpath(data, top).replace(os.sep, "/")
    base = "/" if rel == "." else f"/{rel}/"
    agencies = os.path.join(data, "agencies")
    files = [(SITE, os.path.join(data, "site.yml"))]
    if os.path.isdir(agencies):
        files += [(a, os.path.join(agencies, a, "agency.yml")) for a in sorted(os.listdir(agencies))]
    owners: dict[str, Owners] = {}
    for name, path in files:
        try:
            with open(path, encoding="utf-8") as fh:
                owners[name] = _owners(yaml.safe_load(fh))
        except (OSError, yaml.YAMLError):
            continue  # no agency.yml: its folder falls to the site maintainers' line
    lines = ["# 由 gongshi codeowners 根据 site.yml 和 agency.yml 的 maintainers 生成，请勿手工修改",
             "# generated by `gongshi codeowners` from the maintainers of site.yml and agency.yml; do not edit",
             "# later lines win: each agency folder overrides the data folder default"]
    site = sorted(owners.get(SITE, Owners()).emails)
    if site:
        lines.append(f"* {' '.join(site)}")  # the default owner: everything not named below
        if base != "/":
            lines.append(f"{base} {' '.join(site)}")
    for name in sorted(n for n in owners if n):
        emails = sorted(owners[name].emails) or site
        if emails:
            lines.append(f"{base}agencies/{name}/ {' '.join(emails)}")
    return "\n".join(lines) + "\n"

