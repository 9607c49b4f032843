"""Walking the data and content folders without ever leaving them.

`safe_walk` lists the regular files below a folder and says, as R-FORMAT findings naming the
path, what it refused to follow: a symbolic link whose target is outside the allowed folders
(or missing, or a loop), a device, FIFO or socket, and a folder it could not list. It never
opens a file, so no byte of a refused target is read or printed; `open_regular` then opens a
listed file only if it still is a regular file (no FIFO that blocks, no device that streams).
"""
from __future__ import annotations

import hashlib
import os
import stat
from typing import Callable, Iterable

from gongshi.model.findings import Finding, Msg

Entry = tuple[str, str, float]  # path, path relative to the root ("/"-separated), mtime

LINK_OUTSIDE = Msg("R-FORMAT", "“{rel}”是指向数据文件夹之外的链接，平台不会读取它",
                   "'{rel}' is a link to something outside the data folder; it is not read",
                   "把文件本身放进数据文件夹，不要用符号链接（链接可能把本机的其他文件公开出去）",
                   "put the file itself into the folder instead of a symbolic link (a link could publish "
                   "other files of this machine)")
LINK_BROKEN = Msg("R-FORMAT", "“{rel}”是无法解析的链接（目标不存在或循环链接）",
                  "'{rel}' is a link that cannot be resolved (missing target or a loop)",
                  "删除该链接，或换成文件本身", "delete the link, or replace it with the file itself")
NOT_REGULAR = Msg("R-FORMAT", "“{rel}”不是普通文件（{what}），平台不会读取它",
                  "'{rel}' is not a regular file ({what_en}); it is not read",
                  "删除它；数据文件夹中只应有普通文件和文件夹", "remove it; the folder holds only plain files and folders")
FOLDER_UNREADABLE = Msg("R-FORMAT", "无法读取文件夹“{rel}”：{problem}，其中的记录都不会发布",
                        "cannot read the folder '{rel}': {problem}; none of its records would be published",
                        "检查文件夹权限，例如 chmod 755", "check the folder's permissions, e.g. chmod 755")
FOLDER_NOT_FILE = Msg("R-FORMAT", "“{rel}”是文件夹，但这里应是一个文件",
                      "'{rel}' is a folder, but a file belongs here",
                      "把它换成同名的 YAML 文件，参见 docs/format.md#layout", "replace it with the YAML file of that name, see docs/format.md#layout")
FILE_NOT_FOLDER = Msg("R-FORMAT", "“{rel}”是文件，但这里应是一个文件夹",
                      "'{rel}' is a file, but a folder belongs here",
                      "把它换成同名的文件夹，记录放在文件夹里，参见 docs/format.md#layout",
                      "replace it with a folder of that name and put the records inside, see docs/format.md#layout")

_KINDS = {stat.S_IFIFO: ("命名管道 FIFO", "a FIFO"), stat.S_IFCHR: ("字符设备", "a character device"),
          stat.S_IFBLK: ("块设备", "a block device"), stat.S_IFSOCK: ("套接字", "a socket")}

# check(path, rel, is_dir) -> findings; an entry with findings is neither listed nor entered.
Check = Callable[[str, str, bool], list[Finding]]


def inside(path: str, folders: Iterable[str]) -> bool:
    """Whether the real path `path` is one of `folders` (real paths) or below one."""
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _what(mode: int) -> tuple[str, str]:
    return _KINDS.get(stat.S_IFMT(mode), ("特殊文件", "a special file"))


def safe_walk(root: str, suffixes: tuple[str, ...] = (), within: tuple[str, ...] = (),
              check: Check | None = None, stats: dict[str, os.stat_result] | None = None,
              ) -> tuple[list[Entry], list[Finding]]:
    """Every regular file below `root` (hidden names skipped), sorted by relative path, and the
    findings of what was refused.

    `suffixes` keeps only files whose names end so (all when empty); a symbolic link is followed
    only when its target resolves inside `root` or one of `within`; `check` may refuse entries
    by name (a folder where a file belongs …). Nothing is opened but folders. `stats`, when
    given, receives each file's stat result by path (the check cache compares mtime_ns, size
    and inode without a second stat of every file).
    """
    root = os.path.abspath(root)
    real_root = os.path.realpath(root)
    allowed = [real_root, *(os.path.realpath(w) for w in within)]
    files: list[Entry] = []
    findings: list[Finding] = []
    seen_dirs = {real_root}
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:  # vanished while we looked
            continue
        except OSError as exc:
            rel = prefix.rstrip("/") or "."
            findings.append(FOLDER_UNREADABLE(folder, 0, 0, rel=rel, problem=exc.strerror or str(exc)))
            continue
        for e in entries:
            name = e.name
            if name.startswith("."):
                continue
            rel = prefix + name
            try:
                st = os.lstat(e.path)
                if stat.S_ISLNK(st.st_mode):
                    try:
                        real = os.path.realpath(e.path, strict=True)
                    except (OSError, RuntimeError):
                        findings.append(LINK_BROKEN(e.path, 0, 0, rel=rel))
                        continue
                    if not inside(real, allowed):
                        findings.append(LINK_OUTSIDE(e.path, 0, 0, rel=rel))
                        continue
                    st = os.stat(e.path)
                else:
                    real = None
            except FileNotFoundError:
                continue
            except OSError as exc:
                findings.append(FOLDER_UNREADABLE(e.path, 0, 0, rel=rel, problem=exc.strerror or str(exc)))
                continue
            is_dir = stat.S_ISDIR(st.st_mode)
            if not is_dir and not stat.S_ISREG(st.st_mode):
                zh, en = _what(st.st_mode)
                findings.append(NOT_REGULAR(e.path, 0, 0, rel=rel, what=zh, what_en=en))
                continue
            if check is not None:
                refused = check(e.path, rel, is_dir)
                if refused:
                    findings.extend(refused)
                    continue
            if is_dir:
                key = real or os.path.realpath(e.path)
                if key in seen_dirs:  # a link back up the tree: walked once
                    continue
                seen_dirs.add(key)
                stack.append((e.path, rel + "/"))
            elif not suffixes or name.endswith(suffixes):
                files.append((e.path, rel, st.st_mtime))
                if stats is not None:
                    stats[e.path] = st
    files.sort(key=lambda t: t[1])
    findings.sort(key=lambda f: f.file)
    return files, findings


def open_regular(path: str) -> int:
    """A read-only descriptor of `path` if it is a regular file; OSError otherwise.

    O_NONBLOCK: opening a FIFO put there after the walk must not hang the build; the fstat
    after opening refuses it (and devices) before any byte is read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file / 不是普通文件", path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def file_digest(path: str) -> bytes | None:
    """BLAKE2b-128 of a file's bytes, what caches prove a hit by (None: cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.blake2b(fh.read(), digest_size=16).digest()
    except OSError:
        return None


def data_root(path: str) -> str | None:
    """The nearest folder above `path` (or `path` itself, a folder) that holds site.yml: the data
    folder a record file or a folder of records belongs to."""
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        if os.path.isfile(os.path.join(folder, "site.yml")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
