"""Attachments: files a guide publishes with it (示范文本, 申请书 templates), kept under
`agencies/<a>/files/` and named by `materials[].template` as `files/<name>` (relative to
the agency folder).

Checks (run with the other checks):
- R-REF: the file named does not exist (or is a link leaving the data folder, which is never read);
- R-FORMAT: the name is not under `files/`, the type is not one of pdf, ofd, docx, xlsx, png,
  jpg (the extension and the file's first bytes must both say so), or the file is larger
  than `MAX_BYTES`;
- R-REDACT: the text of a PDF (pypdf), docx (word/document.xml read with zipfile and lxml),
  xlsx (openpyxl) or OFD (each page's TextObjects, `attachparts.ofd_pages`) goes through the
  same detectors as the pages (`rules.pages.scan_text`), a match reported at the attachment's
  path with line = page (PDF, OFD), paragraph (docx) or row (xlsx, counted over all sheets) and
  column = the character in it; a file whose text cannot
  be extracted (png, jpg, a scanned PDF or OFD without text, a damaged file) is an error unless
  site.yml lists it with its SHA-256 under `policy.redaction.reviewed_files`;
- R-REDACT, every other part too (`attachparts.parts`): Word's headers, footers, footnotes,
  comments, tracked deletions and document properties, Excel's hidden sheets, comments, page
  headers and formulas, a PDF's information dictionary, XMP, annotations and form fields, an
  OFD's DocInfo, annotations, custom tags, signatures and embedded attachments, PNG text chunks
  and JPEG EXIF; a match is reported at the attachment with the part it is in;
- R-FORMAT: a zip (docx, xlsx, ofd) that would inflate beyond `attachparts.MAX_INFLATED`, and a
  file that takes longer than `attachparts.MAX_SECONDS` to read, are refused before (or
  instead of) being parsed.

What is published is not the file as committed but `attachparts.sanitised`: the same document
without metadata, comments, tracked changes, annotations, form fields, embedded attachments and
image metadata (a file with none of them is copied unchanged); the page shows the size of that copy.

The portal copies each attachment of a public guide to `files/<agency>/<name>` and shows its
type and size next to the link (`describe`).

Notices and pages (the Markdown folder published with the data, `ds.content`) link a file by
the address it is published at: `/files/<agency>/<name>` for a file in
`agencies/<agency>/files/`, `/files/<name>` for a file in the data folder's own `files/`
(a site-level file, e.g. a 公告 attachment of no one agency). Such a linked file gets the same
checks, reported at the page's line and column (a missing file is R-REF), and is published
at the address it is linked by (`publish_linked`).
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import io
import logging
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Iterator

from gongshi.checks.pipeline import CONTEXT, check, scoped
from gongshi.model.dataset import Dataset
from gongshi.model.findings import Finding, Msg
from gongshi.model.paths import inside, open_regular
from gongshi.policy import detectors as d

log = logging.getLogger("gongshi")

# 10 MB: a 示范文本 or a filled-in form is tens to hundreds of KB; ten megabytes still allows a
# multi-page scanned PDF, while keeping the repository (git keeps every version of a file) and
# a citizen's download over mobile data small. A larger file should be compressed or split.
MAX_BYTES = 10 * 1024 * 1024
# The largest uncompressed XML part read from a docx (a zip bomb is refused, not inflated).
MAX_XML_BYTES = 50 * 1024 * 1024
FOLDER = "files"

# extension -> (label shown on the page, check of the first bytes / the zip's members)
LABELS = {"pdf": "PDF", "ofd": "OFD", "docx": "DOCX", "xlsx": "XLSX", "png": "PNG", "jpg": "JPG", "jpeg": "JPG"}
_ZIP_MEMBER = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "ofd": "OFD.xml"}
ZIPPED = frozenset(_ZIP_MEMBER)
_MAGIC = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff"}
# Where a kind names attachments: key paths inside its records ('*' is any list index).
FIELDS: dict[str, tuple[tuple[Any, ...], ...]] = {"guide": (("materials", "*", "template"),)}

MISSING = Msg("R-REF", "附件“{ref}”不存在（应放在 agencies/{agency}/files/ 中）",
              "attachment '{ref}' does not exist (it belongs in agencies/{agency}/files/)",
              "把文件放进 agencies/{agency}/files/，或改正文件名；写作 files/<文件名>",
              "put the file into agencies/{agency}/files/, or correct the name; write files/<name>")
NOT_IN_FOLDER = Msg("R-FORMAT", "附件“{ref}”应写作 files/<文件名>，即本主体 files/ 文件夹中的文件",
                    "attachment '{ref}' must be written files/<name>, a file in this agency's files/ folder",
                    "把文件移到 agencies/{agency}/files/，并写作 files/<文件名>",
                    "move the file into agencies/{agency}/files/ and write files/<name>")
BAD_TYPE = Msg("R-FORMAT", "附件“{ref}”的类型不允许（{why}）", "attachment '{ref}' has a type that is not allowed ({why_en})",
               "只能附 pdf、ofd、docx、xlsx、png、jpg 文件，扩展名须与文件内容一致；doc、xls 等请另存为 docx、xlsx 或 pdf",
               "only pdf, ofd, docx, xlsx, png and jpg files may be attached, and the extension must match the "
               "content; save a doc or xls as docx, xlsx or pdf")
TOO_LARGE = Msg("R-FORMAT", "附件“{ref}”有 {size}，超过 10 MB（10485760 字节）的上限", "attachment '{ref}' is {size_en}, over the 10 MB (10485760 bytes) limit",
                "压缩文件（例如降低扫描分辨率）或拆分成几个文件", "compress the file (e.g. scan at a lower resolution) or split it")
UNREVIEWED = Msg("R-REDACT", "无法从附件“{ref}”中提取文字（{why}），不能自动检查其中是否有个人信息",
                 "no text can be extracted from attachment '{ref}' ({why_en}), so it cannot be checked for personal data",
                 "人工核对该文件没有个人信息后，在 site.yml 的 policy.redaction.reviewed_files 中加入 "
                 "{{path: {path}, sha256: {sha256}}}；文件改动后须重新核对",
                 "after checking by eye that it holds no personal data, add {{path: {path}, sha256: {sha256}}} to "
                 "policy.redaction.reviewed_files in site.yml; a changed file must be checked again")
LINK_MISSING = Msg("R-REF", "链接的文件“{ref}”不存在（应放在 {folder} 中）",
                   "linked file '{ref}' does not exist (it belongs in {folder})",
                   "把文件放进 {folder}，或改正链接；写作 /files/<主体>/<文件名> 或 /files/<文件名>",
                   "put the file into {folder}, or correct the link; write /files/<agency>/<name> or /files/<name>")
LINK_BAD = Msg("R-FORMAT", "链接“{ref}”不是 files/ 中的文件名",
               "link '{ref}' does not name a file in files/",
               "写作 /files/<主体>/<文件名> 或 /files/<文件名>，不用 .. 或隐藏文件",
               "write /files/<agency>/<name> or /files/<name>, without .. or hidden files")
REFUSED = Msg("R-FORMAT", "附件“{ref}”不能读取：{why}", "attachment '{ref}' is refused: {why_en}",
              "另存为一个普通的文件（不含异常大的内嵌内容），或拆分成几个文件后再附上",
              "save it again as an ordinary file (without oversized embedded content), or split it, then attach it")
PART_LEAK = Msg("R-REDACT", "附件“{ref}”的 {part} 中有未作隐私处理的{what}（建议写作“{mask}”）",
                "attachment '{ref}' holds an unredacted {what_en} in {part} (proposed masking: '{mask}')",
                "在原文件中删除或遮盖它：文档属性、批注、修订记录、页眉页脚、隐藏的工作表和图片的元数据也会被读取，"
                "删除批注、接受或拒绝所有修订、清除文档属性后重新保存",
                "delete or mask it in the file itself: document properties, comments, tracked changes, headers and "
                "footers, hidden sheets and image metadata are read too; delete the comments, accept or reject every "
                "change and clear the document properties, then save it again")
UNREADABLE = Msg("R-REF", "无法读取附件“{ref}”：{problem}", "cannot read attachment '{ref}': {problem}",
                 "检查文件权限，并确认它是普通文件而不是链接", "check its permissions, and that it is a plain file, not a link")


@dataclass(frozen=True)
class Attachment:
    """One attachment named by one field: the record file, the key path, the value and the file."""

    file: str            # the record file naming it
    keys: tuple[Any, ...]
    ref: str             # the value as written
    agency: str
    path: str | None     # absolute path of the file (None when the value is not files/<name>)

    @property
    def name(self) -> str:
        return self.ref[len(FOLDER) + 1:]

    @property
    def ext(self) -> str:
        return os.path.splitext(self.ref)[1].lower().lstrip(".")


def agency_dir(record_file: str) -> str:
    """agencies/<a>/ of a record file agencies/<a>/<kind folder>/<file>.yml."""
    return os.path.dirname(os.path.dirname(record_file))


def resolve(ref: str, record_file: str) -> str | None:
    """The absolute path `ref` (files/<name>) names for a record, or None when it is not such a name."""
    parts = ref.replace("\\", "/").split("/")
    if len(parts) < 2 or parts[0] != FOLDER or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        return None
    return os.path.join(agency_dir(record_file), *parts)


def _values(data: Any, path: tuple[Any, ...], at: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if not path:
        yield at, data
        return
    key, rest = path[0], path[1:]
    if key == "*":
        if isinstance(data, (list, tuple)):  # a record's lists, or a public view's tuples
            for i, v in enumerate(data):
                yield from _values(v, rest, at + (i,))
    elif isinstance(data, Mapping) and key in data:
        yield from _values(data[key], rest, at + (key,))


def of_record(kind: str, record_file: str, agency: str, data: Any) -> list[Attachment]:
    """The attachments a record (or a public view) names."""
    out = []
    for path in FIELDS.get(kind, ()):
        for keys, value in _values(data, path):
            if isinstance(value, str) and value.strip():
                out.append(Attachment(record_file, keys, value, agency, resolve(value, record_file)))
    return out


def read_bytes(path: str, root: str) -> bytes:
    """The bytes of a regular file inside `root` (a link leaving it raises FileNotFoundError)."""
    if not inside(os.path.realpath(path), [os.path.realpath(root)]):
        raise FileNotFoundError(path)
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as fh:
        return fh.read(MAX_BYTES + 1)


def sniff(ext: str, data: bytes) -> str | None:
    """Why the bytes are not a file of type `ext` (zh, en), or None when they are."""
    if ext in _MAGIC:
        return None if data.startswith(_MAGIC[ext]) else "content"
    if ext in _ZIP_MEMBER:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return None if _ZIP_MEMBER[ext] in zf.namelist() else "content"
        except (zipfile.BadZipFile, ValueError, OSError):
            return "content"
    return "extension"


def size_label(size: int) -> str:
    """120 KB, 1.4 MB: the size as the page shows it."""
    if size < 1024 * 1024:
        return f"{max(1, (size + 1023) // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe(path: str) -> tuple[str, str]:
    """(type label, size label) of an attachment file, e.g. ("PDF", "120 KB")."""
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return LABELS.get(ext, ext.upper()), size_label(os.path.getsize(path))


# ------------------------------------------------------------------ text extraction

def _pdf_units(data: bytes) -> list[str]:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def _docx_units(data: bytes) -> list[str]:
    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
        if info.file_size > MAX_XML_BYTES:
            raise ValueError("document.xml too large")
        xml = zf.read(info)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(xml, parser)
    return ["".join(t.text or "" for t in p.iter(w + "t", w + "tab")) for p in root.iter(w + "p")]


def _xlsx_units(data: bytes) -> list[str]:
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return ["\t".join("" if v is None else str(v) for v in row)
                for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _ofd_units(data: bytes) -> list[str]:
    from gongshi.checks.attachparts import ofd_pages
    return ofd_pages(data)


_EXTRACT = {"pdf": _pdf_units, "docx": _docx_units, "xlsx": _xlsx_units, "ofd": _ofd_units}


def text_units(ext: str, data: bytes) -> tuple[list[str] | None, str, str]:
    """The text of a file by page, paragraph or row; (None, why, why_en) when none can be extracted."""
    fn = _EXTRACT.get(ext)
    if fn is None:
        return None, f"{LABELS.get(ext, ext)} 文件没有可提取的文字", f"a {LABELS.get(ext, ext)} file has no text layer"
    try:
        units = fn(data)
    except Exception as exc:  # noqa: BLE001 - a damaged file fails closed, whatever the library raises
        return None, f"文件已损坏或无法解析：{type(exc).__name__}", f"damaged or unparsable: {type(exc).__name__}"
    if not any(u.strip() for u in units):
        return None, "文件中没有文字，可能是扫描件", "it holds no text, perhaps a scan"
    return units, "", ""


def reviewed(policy: dict[str, Any]) -> set[tuple[str, str]]:
    """(path, sha256) pairs site.yml lists as reviewed by hand."""
    items = (policy.get("redaction") or {}).get("reviewed_files") or ()
    return {(str(i.get("path", "")).strip("/"), str(i.get("sha256", "")).lower())
            for i in items if isinstance(i, dict)}


def scan(path: str, rel: str, ext: str, data: bytes, policy: dict[str, Any]) -> tuple[list[Finding], tuple[str, str] | None]:
    """R-REDACT findings of an attachment's text and of every other part of it, and (why,
    why_en) when it has no text (or a part cannot be read)."""
    from gongshi.checks.attachparts import parts, within, MAX_SECONDS
    from gongshi.checks.pages import scan_text
    from gongshi.checks.redaction import match_finding
    units, why, why_en = within(MAX_SECONDS, text_units, ext, data)
    out = []
    seen: set[tuple[str, str]] = set()
    for n, text in enumerate(units or (), 1):
        for m in scan_text(text, policy):
            out.append(match_finding(m, path, n, m.start + 1))
            seen.add((m.kind, m.text))
    try:
        extra = parts(ext, data)
    except Exception as exc:  # noqa: BLE001 - a part that cannot be read fails closed, as a damaged file
        from gongshi.checks.attachparts import Refused
        if isinstance(exc, Refused):
            raise
        return out, (f"文件的某一部分已损坏或无法解析：{type(exc).__name__}", f"a part is damaged or unparsable: {type(exc).__name__}")
    name = os.path.basename(path)
    allow = tuple((policy.get("redaction") or {}).get("allow") or ())
    for part, text, prose in extra:
        for m in scan_text(text, policy) if prose else d.detect(text, allow):
            if (m.kind, m.text) in seen:
                continue  # the page text already said so
            seen.add((m.kind, m.text))
            if m.kind in d.WHAT and m.kind not in (d.CREDIT_CODE,):
                zh, en = d.WHAT[m.kind]
                out.append(PART_LEAK(path, ref=name, part=part, what=zh, what_en=en, mask=m.mask or "***"))
    if units is None:
        return out, (why, why_en)
    return out, None


def every_text(ext: str, data: bytes) -> tuple[list[str] | None, str]:
    """Every text of an attachment, its page text and every part (for the output scan), or (None,
    why) when it cannot be read. A type without text (an image) with no metadata gives []."""
    from gongshi.checks.attachparts import MAX_SECONDS, Refused, open_zip, parts, within
    try:
        if ext in ZIPPED:
            open_zip(data).close()
        units, _why, why_en = within(MAX_SECONDS, text_units, ext, data)
        if units is None and ext in _EXTRACT and why_en.startswith("damaged"):
            return None, why_en
        return (units or []) + [text for _part, text, _prose in parts(ext, data)], ""
    except Refused as exc:
        return None, exc.en
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file makes a library raise
        return None, f"damaged or unparsable: {type(exc).__name__}"


def _check_file(report: Any, missing: Any, path: str, ext: str, ds: Dataset,
                scanned: dict[str, tuple[list[Finding], tuple[str, str] | None]],
                done: set[tuple[str, str]]) -> Iterator[Finding]:
    """The checks of one named file: allowed extension, exists, size, content type, and its text
    through the personal-data gate. `report(msg, **args)` places a finding where the file is
    named; `missing` is the message for a file that does not exist."""
    if ext not in LABELS:
        yield report(BAD_TYPE, why=f"扩展名 .{ext} 不在允许之列" if ext else "没有扩展名",
                     why_en=f".{ext} is not an allowed extension" if ext else "no extension")
        return
    try:
        data = read_bytes(path, ds.root)
    except FileNotFoundError:
        yield report(missing)
        return
    except OSError as exc:
        yield report(UNREADABLE, problem=exc.strerror or str(exc))
        return
    if len(data) > MAX_BYTES:
        yield report(TOO_LARGE, size=f"{os.path.getsize(path)} 字节", size_en=f"{os.path.getsize(path)} bytes")
        return
    if sniff(ext, data):
        yield report(BAD_TYPE, why=f"文件内容不是 {LABELS[ext]}", why_en=f"the content is not {LABELS[ext]}")
        return
    rel = os.path.relpath(path, ds.root).replace(os.sep, "/")
    if path not in scanned:
        from gongshi.checks.attachparts import Refused, open_zip
        try:
            if ext in ZIPPED:
                open_zip(data).close()  # its declared sizes, before anything is inflated
            scanned[path] = scan(path, rel, ext, data, ds.policy)
        except Refused as exc:
            scanned[path] = ([report(REFUSED, why=exc.zh, why_en=exc.en)], None)
        yield from scanned[path][0]
    no_text = scanned[path][1]
    if no_text and (rel, hashlib.sha256(data).hexdigest()) not in done:
        yield report(UNREVIEWED, why=no_text[0], why_en=no_text[1], path=rel, sha256=hashlib.sha256(data).hexdigest())


@check
@scoped(CONTEXT)  # guides, pages and the files they name: context, checked every run
def attachment_checks(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every attachment of a guide, and every file a notice or page links under /files/, exists,
    is of an allowed type and size, and holds no personal data."""
    done = reviewed(ds.policy)
    scanned: dict[str, tuple[list[Finding], tuple[str, str] | None]] = {}
    for kind in FIELDS:
        for rec in ds.of(kind):
            for a in of_record(kind, rec.file, rec.agency or "", rec.data):
                at = rec.keys(*a.keys)
                args: dict[str, Any] = {"ref": a.ref, "agency": a.agency}
                if a.path is None:
                    yield NOT_IN_FOLDER(rec.file, keys=at, **args)
                    continue

                def report(msg: Msg, at: Any = at, args: dict[str, Any] = args, **more: Any) -> Finding:
                    return msg(rec.file, keys=at, **args, **more)
                yield from _check_file(report, MISSING, a.path, a.ext, ds, scanned, done)
    for link in content_links(ds.content, ds.root):
        args = {"ref": link.ref, "folder": link.folder, "agency": link.agency}
        if link.path is None:
            yield LINK_BAD(link.page, link.line, link.column, **args)
            continue

        def report_link(msg: Msg, link: Link = link, args: dict[str, Any] = args, **more: Any) -> Finding:
            return msg(link.page, link.line, link.column, **args, **more)
        ext = os.path.splitext(link.path)[1].lower().lstrip(".")
        yield from _check_file(report_link, LINK_MISSING, link.path, ext, ds, scanned, done)


# ------------------------------------------------------------------ links in notices and pages

# A Markdown link target `](...)` or an HTML href/src; only those under /files/ are attachments.
_LINK = re.compile(r"\]\(\s*<?(?P<md>[^)\s>]+)|\b(?:href|src)\s*=\s*[\"'](?P<html>[^\"']+)")
_PUBLISHED = re.compile(r"^(?:\{static\})?/?files/")


@dataclass(frozen=True)
class Link:
    """A link from a notice or page to a published file: where it is written and what it names."""

    page: str            # the page file
    line: int
    column: int
    ref: str             # the target as written (without query or fragment)
    url: str             # where it is published: files/<agency>/<name> or files/<name>
    agency: str          # "" for a site-level file
    folder: str          # the data folder it belongs in, for the messages
    path: str | None     # absolute path of the file in the data folder (None: not a file name)


def content_links(content: str | None, root: str) -> list[Link]:
    """Every link of the notices and pages in `content` to a file under /files/."""
    from gongshi.checks.pages import page_files
    from gongshi.policy.locate import line_starts
    if not content or not os.path.isdir(content):
        return []
    out = []
    for page in page_files(content):
        try:
            with open(page, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError):
            continue  # the content gate reports a page it cannot read
        starts = None
        for m in _LINK.finditer(text):
            target = m.group("md") or m.group("html")
            start = m.start("md") if m.group("md") else m.start("html")
            if not _PUBLISHED.match(target):
                continue
            ref = re.split(r"[?#]", target, maxsplit=1)[0]
            parts = _PUBLISHED.sub("", ref).split("/")
            starts = starts or line_starts(text)
            line = bisect.bisect_right(starts, start)
            column = start - starts[line - 1] + 1
            if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
                out.append(Link(page, line, column, ref, "", "", f"{FOLDER}/", None))
            elif len(parts) >= 2 and os.path.isdir(os.path.join(root, "agencies", parts[0])):
                out.append(Link(page, line, column, ref, "/".join([FOLDER, *parts]), parts[0],
                                f"agencies/{parts[0]}/{FOLDER}/",
                                os.path.join(root, "agencies", parts[0], FOLDER, *parts[1:])))
            else:
                out.append(Link(page, line, column, ref, "/".join([FOLDER, *parts]), "", f"{FOLDER}/",
                                os.path.join(root, FOLDER, *parts)))
    return out


def publish_linked(content: str | None, root: str, output: str) -> int:
    """Copy every file a notice or page links under /files/ to `output` at that address (the
    sanitised copy, see `copy`); how many."""
    n = 0
    for link in content_links(content, root):
        ext = os.path.splitext(link.url)[1].lower().lstrip(".")
        if link.path and ext in LABELS and os.path.isfile(link.path):
            n += copy(link.path, root, os.path.join(output, *link.url.split("/")), ext)
    return n


# ------------------------------------------------------------------ publishing

def url(agency: str, ref: str) -> str:
    """Where the portal publishes an attachment: files/<agency>/<name>."""
    return f"{FOLDER}/{agency}/{ref[len(FOLDER) + 1:]}"


def sanitised_bytes(path: str, root: str, ext: str) -> bytes | None:
    """What is published of an attachment: `attachparts.sanitised` of its bytes (never a link
    leaving the data folder); None when it cannot be read or made safe (it is then not published:
    the checks report why)."""
    from gongshi.checks.attachparts import ZIPPED as _Z, open_zip, sanitised
    try:
        data = read_bytes(path, root)
        if ext in _Z:
            open_zip(data).close()
        return sanitised(ext, data)
    except Exception as exc:  # noqa: BLE001 - fail closed: what cannot be sanitised is not published
        log.error("gongshi: attachment %s is not published: it cannot be sanitised (%s)", path, type(exc).__name__)
        return None


def copy(path: str, root: str, dest: str, ext: str) -> int:
    """Write the sanitised copy of one attachment to `dest`; 1 when written, 0 when not."""
    data = sanitised_bytes(path, root, ext)
    if data is None:
        return 0
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as fh:
        fh.write(data)
    return 1


def published(kind: str, record_file: str, agency: str, data: Any, root: str | None = None) -> dict[str, dict[str, str]]:
    """The attachments of a public view that exist as files, by the value naming them:
    {url, type, size, sha256} for the page (size: of the sanitised copy that is published;
    sha256: of the file as committed, which keys the page cache on the bytes)."""
    out = {}
    for a in of_record(kind, record_file, agency, data):
        if a.path and a.ext in LABELS and os.path.isfile(a.path):
            with open(a.path, "rb") as fh:
                raw = fh.read()
            copy_ = sanitised_bytes(a.path, root or os.path.dirname(a.path), a.ext)
            out[a.ref] = {"url": url(agency, a.ref), "type": LABELS.get(a.ext, a.ext.upper()),
                          "size": size_label(len(copy_ if copy_ is not None else raw)),
                          "sha256": hashlib.sha256(raw).hexdigest(), "name": os.path.basename(a.path)}
    return out


def publish_files(ps: Any, output: str, root: str | None = None) -> int:
    """Write the sanitised copy of every attachment of every public record to
    `output`/files/<agency>/ (`root`: the data folder, which no attachment may leave); how many."""
    n = 0
    for kind in FIELDS:
        for rec in ps.of(kind):
            for a in of_record(kind, rec.file, rec.agency or "", rec.data):
                if a.path and a.ext in LABELS and os.path.isfile(a.path):
                    dest = os.path.join(output, *url(a.agency, a.ref).split("/"))
                    n += copy(a.path, root or os.path.dirname(a.path), dest, a.ext)
    return n
