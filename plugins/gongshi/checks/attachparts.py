"""Every part of an attachment (issue 20): what the gate reads, and the sanitised copy the portal
publishes instead of the file as committed.

A clerk's 示范文本 carries more than its visible text: Word keeps the author of every comment and
tracked change, the deleted text itself, headers, footers, footnotes and the document's
properties (creator, last modified by, custom fields); Excel keeps hidden sheets, cell comments,
page headers and formulas whose values were never computed; a PDF keeps /Author and XMP
metadata, annotations and form fields; an OFD keeps DocInfo (Author, Creator, Keywords,
CustomDatas), annotations, custom tags, signatures and whole attached files; a photo keeps EXIF
(camera owner, GPS) and PNG text chunks. `parts` reads all of it as text units for the
detectors, each named by where it was found. `sanitised` is the copy that goes online: the same
document without metadata, comments, tracked changes, annotations, form fields, embedded
attachments, signatures, ancillary image chunks or EXIF. It is deterministic
(the same bytes in give the same bytes out), and a file with nothing to remove is published
unchanged.

Bounded: a zip (docx, xlsx, ofd) whose members would inflate beyond `MAX_INFLATED` in total, or
that has more than `MAX_MEMBERS` members, is refused before anything is inflated (a 190 kB xlsx
that inflates to 65 MB is a zip bomb, not a form), and so is a compressed PNG text chunk over
the same bound, or a zip inside an OFD that would take the whole package beyond it; parsing one
file may take `MAX_SECONDS` at most (`within`).
"""
from __future__ import annotations

import io
import re
import signal
import struct
import threading
import zipfile
import zlib
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")

# A filled-in form inflates to a few hundred kB, a large workbook with pictures to a few MB:
# 32 MB is generous for a 示范文本 and far below what a zip bomb aims at.
MAX_INFLATED = 32 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_SECONDS = 20.0

ZIPPED = frozenset({"docx", "xlsx", "ofd"})


class Refused(ValueError):
    """A file the gate will not parse: why, in Chinese and in English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _size(n: int) -> tuple[str, str]:
    return f"{n} 字节", f"{n} bytes"


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The zip of a docx, xlsx or ofd, once its declared sizes say it is safe to inflate."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused(f"压缩包内有 {len(infos)} 个文件，超过 {MAX_MEMBERS} 个的上限",
                      f"it holds {len(infos)} files, over the limit of {MAX_MEMBERS}")
    total = sum(i.file_size for i in infos)
    if total > MAX_INFLATED:
        zh, en = _size(total)
        raise Refused(f"解压后有 {zh}，超过 {MAX_INFLATED} 字节的上限（可能是压缩炸弹）",
                      f"it inflates to {en}, over the limit of {MAX_INFLATED} bytes (a zip bomb?)")
    return zf


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its declared size (a lying header is refused)."""
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise Refused(f"压缩包中的“{info.filename}”比声明的更大", f"'{info.filename}' is larger than its header says")
    return data


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within(seconds: float, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)`, refused after `seconds` (a timer signal: only in the main thread, where the
    checks and the build run; elsewhere unbounded)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return fn(*args)
    try:
        with _alarm(seconds):
            return fn(*args)
    except TimeoutError:
        raise Refused(f"解析超过 {seconds:g} 秒仍未完成", f"parsing took longer than {seconds:g} s") from None


# ------------------------------------------------------------------ reading every part

# Office XML: the text of one of these elements is one unit (a paragraph, a shared string, a
# cell's formula or value, a comment), so a number Word splits over several runs is read whole
# while two cells of a row, or a formula and its value, are not run together.
_BLOCKS = frozenset({"p", "si", "is", "comment", "t", "v", "f", "oddHeader", "oddFooter", "evenHeader",
                     "evenFooter", "firstHeader", "firstFooter", "definedName", "text"})
_XML_MEMBER = re.compile(r"\.(xml|rels|vml)$", re.I)


def _xml_units(xml: bytes) -> list[tuple[str, bool]]:
    """Text units of one XML part: the text of each outermost block element, every text outside
    them (prose: True), and every attribute value (an author, a defined name; prose: False, since
    most are style and font names such as 宋体, which the name model would take for a person)."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    root = etree.fromstring(xml, parser)
    out: list[tuple[str, bool]] = []

    def visit(el: Any) -> None:
        out.extend((value, False) for value in el.attrib.values())
        if etree.QName(el).localname in _BLOCKS:
            out.append(("".join(el.itertext()), True))
            for sub in el.iter():
                if sub is not el:
                    out.extend((value, False) for value in sub.attrib.values())
            return
        if el.text:
            out.append((el.text, True))
        for child in el:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail:
                out.append((child.tail, True))
    visit(root)
    return [(u, prose) for u, prose in out if u and u.strip()]


def _container(zf: zipfile.ZipFile, data: bytes) -> list[tuple[str, str, bool]]:
    """What a zip holds besides its members' contents, published byte for byte with it when
    nothing else is removed: the members' names, the archive's and each member's comment and
    extra field, and bytes put before the first member (a zip is still read with them)."""
    infos = zf.infolist()
    out = [("zip member name", i.filename, False) for i in infos]
    out += [("zip comment", t, False) for t in binary_text(zf.comment)]
    for i in infos:
        out += [(f"{i.filename} (zip comment)", t, False) for t in binary_text(i.comment + b" " + i.extra)]
    first = min((i.header_offset for i in infos), default=0)
    out += [("bytes before the zip", t, False) for t in binary_text(data[:first])]
    return out


def _zip_dirty(zf: zipfile.ZipFile) -> bool:
    """Whether the zip carries what `_container` reads beyond names (a comment, an extra field,
    leading bytes): then its sanitised copy is rewritten, which drops them."""
    infos = zf.infolist()
    return bool(zf.comment) or any(i.comment or i.extra for i in infos) or \
        min((i.header_offset for i in infos), default=0) > 0


def _nested_total(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> int:
    """The declared inflated size of a zip and of the zips inside it, before any is inflated."""
    total = sum(i.file_size for i in infos)
    for info in infos:
        if _ext(info.filename) in _NESTED or _ext(info.filename) == "xlsm":
            head = read_member(zf, info)
            if head[:2] == b"PK":
                with open_zip(head) as inner:
                    total += sum(i.file_size for i in inner.infolist())
    return total


def _zip_parts(data: bytes) -> list[tuple[str, str, bool]]:
    """Every member of a docx or xlsx: the XML parts' texts and attribute values, and every
    other member by its type (`_embedded`: the pictures Word and Excel keep in media/ and the
    thumbnail with their EXIF and text chunks, embedded workbooks and documents, OLE objects,
    an altChunk's HTML), and the zip's own names and comments (`_container`)."""
    out = []
    with open_zip(data) as zf:
        infos = zf.infolist()
        if _nested_total(zf, infos) > MAX_INFLATED:
            raise Refused(f"内嵌文件解压后超过 {MAX_INFLATED} 字节的上限（可能是压缩炸弹）",
                          f"its embedded files inflate beyond the limit of {MAX_INFLATED} bytes (a zip bomb?)")
        out += _container(zf, data)
        for info in infos:
            if _XML_MEMBER.search(info.filename):
                out += [(info.filename, u, prose) for u, prose in _xml_units(read_member(zf, info))]
            elif not info.is_dir():
                body = read_member(zf, info)
                if body.startswith(b"PK\x03\x04"):  # a package inside: read as the gate reads one
                    out += [(info.filename, u, prose) for _p, u, prose in _zip_parts(body)]
                else:
                    out += [(info.filename, t, True) for t in _embedded(info.filename, body) if t.strip()]
    return out


def _pdf_value(value: Any, depth: int = 0) -> Iterator[str]:
    """The strings of a PDF object (dictionaries and arrays followed, references resolved, a
    page tree never: `depth` bounds it)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject
    if depth > 6:
        return
    if isinstance(value, IndirectObject):
        value = value.get_object()
    if isinstance(value, StreamObject):
        try:
            yield value.get_data().decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - a stream that does not decode is not text
            pass
    if isinstance(value, DictionaryObject):
        for k, v in value.items():
            if k not in ("/Parent", "/P", "/Page", "/Pg", "/Kids", "/Dest", "/First", "/Last", "/Next", "/Prev"):
                yield from _pdf_value(v, depth + 1)
    elif isinstance(value, ArrayObject):
        for v in value:
            yield from _pdf_value(v, depth + 1)
    elif isinstance(value, str) and not isinstance(value, NameObject):
        yield str(value)


def _pdf_parts(data: bytes) -> list[tuple[str, str, bool]]:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[str, str]] = []
    info = reader.trailer.get("/Info")
    if info is not None:
        out += [("Info", s) for s in _pdf_value(info)]
    root: Any = reader.trailer["/Root"].get_object()
    for key in ("/Metadata", "/AcroForm", "/Names", "/OpenAction", "/Outlines"):
        if key in root:
            out += [(key[1:], s) for s in _pdf_value(root[key])]
    for n, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            out += [(f"page {n} annotation", s) for s in _pdf_value(annot)]
        if "/Metadata" in page:
            out += [(f"page {n} Metadata", s) for s in _pdf_value(page["/Metadata"])]
    # Then every string of every object of the file, wherever it hangs (a tagged PDF's /Alt and
    # /ActualText, page labels, the catalogue's /URI, an object nothing refers to): what the
    # places above did not read, named by its object number.
    seen = {s for _, s in out}
    out += [(part, s) for part, s in _pdf_objects(reader) if s not in seen]
    out += _pdf_revisions(data, seen | {s for _, s in out})
    return [(p, s, True) for p, s in out if s.strip()]


def _pdf_revisions(data: bytes, seen: set[str]) -> list[tuple[str, str]]:
    """What an incremental update left behind: each earlier revision (the file up to one of its
    %%EOF marks is that revision, whole) read as the last one is, page text included, and any
    bytes after the last %%EOF. The published copy drops both (`_clean_pdf`); reading them
    refuses the file at the source all the same, since a clerk who replaced a page's text by an
    update meant the old text gone."""
    from pypdf import PdfReader
    ends = [m.end() for m in re.finditer(rb"%%EOF", data)]
    out: list[tuple[str, str]] = []
    if ends:
        out += [("after %%EOF", t) for t in binary_text(data[ends[-1]:])]
    for n, end in enumerate(ends[:-1], 1):
        try:
            reader = PdfReader(io.BytesIO(data[:end]))
            texts = [page.extract_text() or "" for page in reader.pages] + [s for _, s in _pdf_objects(reader)]
        except Exception:  # noqa: BLE001 - a revision that does not stand alone is dropped unread
            continue
        out += [(f"earlier revision {n}", t) for t in texts if t not in seen]
    return out


def _pdf_objects(reader: Any) -> Iterator[tuple[str, str]]:
    """The text strings held directly in each object of the file's cross-reference table
    (dictionaries and arrays inside it followed, references not: each object is read once, as
    itself). Stream data is not read here: page content is the page text, read by pypdf's
    extraction, and the other streams (fonts, pictures) hold no text strings."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject
    numbers = sorted({(num, gen) for gen, table in reader.xref.items() for num in table}
                     | {(num, 0) for num in reader.xref_objStm})
    for num, gen in numbers:
        try:
            obj = reader.get_object(IndirectObject(num, gen, reader))
        except Exception:  # noqa: BLE001 - a free or broken entry: nothing to read there
            continue
        stack = [obj]
        while stack:
            value = stack.pop()
            if isinstance(value, IndirectObject):
                continue
            if isinstance(value, DictionaryObject):
                stack.extend(value.values())
            elif isinstance(value, ArrayObject):
                stack.extend(value)
            elif isinstance(value, str) and not isinstance(value, NameObject):
                yield f"object {num}", str(value)
            elif isinstance(value, bytes):  # a string pypdf could not decode as text: its runs,
                # and UTF-16 without its byte-order mark (what a careless writer leaves)
                raw = bytes(value)
                yield from ((f"object {num}", t) for t in binary_text(raw))
                if len(raw) % 2 == 0:
                    yield f"object {num}", raw.decode("utf-16-be", "replace")


_PNG = b"\x89PNG\r\n\x1a\n"


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(type, payload, whole chunk) of every chunk of a PNG; raises ValueError on a broken file."""
    if not data.startswith(_PNG):
        raise ValueError("not a PNG")
    at = len(_PNG)
    while at < len(data):
        if at + 12 > len(data):
            raise ValueError("truncated PNG chunk")
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        end = at + 12 + length
        if end > len(data):
            raise ValueError("truncated PNG chunk")
        yield kind, data[at + 8:at + 8 + length], data[at:end]
        at = end
        if kind == b"IEND":
            break


def _inflate(payload: bytes) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(payload, MAX_INFLATED + 1)
    if len(out) > MAX_INFLATED:
        raise Refused("图片的文字块解压后超过上限（可能是压缩炸弹）", "an image text chunk inflates beyond the limit (a bomb?)")
    return out


_RUNS = re.compile(rb"[\x20-\x7e]{4,}")
_RUNS16 = re.compile(rb"(?:[\x20-\x7e]\x00){4,}")


def binary_text(payload: bytes) -> list[str]:
    """Readable text in binary metadata (EXIF): UTF-8 where it decodes, ASCII and UTF-16 runs."""
    out = [m.decode("ascii") for m in _RUNS.findall(payload)]
    out += [m.decode("utf-16-le") for m in _RUNS16.findall(payload)]
    out += [m.decode("utf-8") for m in re.findall(rb"(?:[\xe0-\xef][\x80-\xbf]{2})+", payload)]
    return out


def _png_end(data: bytes) -> int:
    """Where a PNG's IEND chunk ends: what follows is no part of the picture (no viewer shows
    it), but a file published as is would carry it."""
    return len(_PNG) + sum(len(whole) for _, _, whole in png_chunks(data))


def _png_parts(data: bytes) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str]] = [("after IEND", t) for t in binary_text(data[_png_end(data):])]
    for kind, payload, _ in png_chunks(data):
        name = kind.decode("latin-1")
        if kind == b"tEXt":
            out += [(name, s) for s in payload.decode("latin-1").split("\x00")]
        elif kind == b"zTXt":
            key, _, rest = payload.partition(b"\x00")
            out += [(name, key.decode("latin-1")), (name, _inflate(rest[1:]).decode("latin-1"))]
        elif kind == b"iTXt":
            key, _, rest = payload.partition(b"\x00")
            compressed, rest = rest[0], rest[2:]
            lang, _, rest = rest.partition(b"\x00")
            translated, _, text = rest.partition(b"\x00")
            body = _inflate(text) if compressed else text
            out += [(name, key.decode("latin-1")), (name, translated.decode("utf-8", "replace")),
                    (name, body.decode("utf-8", "replace"))]
        elif kind not in _PNG_KEEP:
            out += [(name, s) for s in binary_text(payload)]
    return [(p, s, True) for p, s in out if s.strip()]


def _segment_end(data: bytes, at: int) -> int:
    """Where the JPEG segment whose marker is at `at` ends (its two-byte length counts itself, not
    the marker); raises ValueError when the file ends first."""
    if at + 4 > len(data):
        raise ValueError("truncated JPEG segment")
    length = int.from_bytes(data[at + 2:at + 4], "big")
    end = at + 2 + length
    if end > len(data) or length < 2:
        raise ValueError("truncated JPEG segment")
    return end


def jpeg_segments(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(marker, whole segment) of a JPEG up to the start of scan, then (0, the rest); raises
    ValueError on a broken file."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    yield 0xD8, data[:2]
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise ValueError("broken JPEG marker")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan (or end): the rest is image data
            yield 0, data[at:]
            return
        end = _segment_end(data, at)
        yield marker, data[at:end]
        at = end


def jpeg_scans(rest: bytes) -> tuple[bytes, list[tuple[int, bytes]], bytes]:
    """A JPEG from its first start of scan: (what a viewer needs, the metadata segments between
    the scans of a progressive JPEG, the bytes after the end of image). In entropy-coded data a
    0xFF is followed by 0x00 or a restart marker; any other marker is a segment of its own."""
    kept = bytearray()
    meta: list[tuple[int, bytes]] = []
    at = 0
    while True:
        i = rest.find(b"\xff", at)
        if i < 0 or i + 1 >= len(rest):
            return bytes(kept + rest[at:]), meta, b""
        marker = rest[i + 1]
        if marker == 0x00 or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            kept += rest[at:i + 1]
            at = i + 1
            continue
        kept += rest[at:i]
        if marker == 0xD9:
            return bytes(kept + rest[i:i + 2]), meta, rest[i + 2:]
        end = _segment_end(rest, i)
        if 0xE1 <= marker <= 0xEF or marker == 0xFE:
            meta.append((marker, rest[i:end]))
        else:
            kept += rest[i:end]
        at = end


def _jpg_parts(data: bytes) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str]] = []
    for marker, seg in jpeg_segments(data):
        if marker == 0:  # from the first scan: segments between scans, bytes after the end
            _, between, after = jpeg_scans(seg)
            for m, meta in between:
                out += [("COM" if m == 0xFE else f"APP{m - 0xE0}", s) for s in binary_text(meta[4:])]
            out += [("after EOI", s) for s in binary_text(after)]
        elif 0xE1 <= marker <= 0xEF or marker == 0xFE:
            name = "COM" if marker == 0xFE else f"APP{marker - 0xE0}"
            out += [(name, s) for s in binary_text(seg[4:])]
    return [(p, s, True) for p, s in out if s.strip()]


# ------------------------------------------------------------------ OFD (GB/T 33190-2016)

# An OFD is a zip of XML parts: OFD.xml names each document's DocInfo (Title, Author, Creator,
# Keywords, CustomDatas …) and its DocRoot (Document.xml), which names the pages (Content.xml:
# TextObject elements holding TextCode runs), the templates, and the document's annotations
# (each page's Annot: Creator, Remark, Parameters, an appearance with text), attachments (files
# of any type inside the package, listed with their FileLoc), custom tags and extensions; the
# signatures (OFD.xml's Signatures: the signer's certificate and seal) sit beside them. A
# location is relative to the part that names it, or absolute from the package's root.
_OFD_DOCINFO_DROP = frozenset({"Author", "Creator", "CreatorVersion", "Keywords", "CustomDatas", "Subject",
                               "Abstract"})
_OFD_DOC_DROP = ("Annotations", "Attachments", "CustomTags", "Extensions")
_EMBEDDED_IMAGES = {"png": "png", "jpg": "jpg", "jpeg": "jpg"}


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _xml_tree(xml: bytes) -> Any:
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    return etree.fromstring(xml, parser)


def _ofd_loc(part: str, loc: str) -> str:
    """The member a location names: from the package's root when it begins with /, else from the
    folder of the part that names it."""
    loc = (loc or "").strip().replace("\\", "/")
    if loc.startswith("/"):
        return _join("", loc)
    return _join(part.rsplit("/", 1)[0] if "/" in part else "", loc)


class _Ofd:
    """The structure of one OFD package: its pages in order, and the members a published copy
    drops (annotations, attachments, custom tags, extensions, signatures, with the files they list)."""

    def __init__(self, members: dict[str, bytes]) -> None:
        self.members = members
        self.pages: list[str] = []
        self.documents: list[str] = []
        self.dropped: set[str] = set()
        if "OFD.xml" not in members:
            raise ValueError("no OFD.xml")
        indexes: list[str] = []  # annotations, attachments … : dropped once every page is known
        for body in _xml_tree(members["OFD.xml"]):
            if _local(body) != "DocBody":
                continue
            for el in body:
                if _local(el) == "DocRoot" and el.text:
                    indexes += self._document(_ofd_loc("OFD.xml", el.text))
                elif _local(el) == "Signatures" and el.text:
                    indexes.append(_ofd_loc("OFD.xml", el.text))
        for index in indexes:
            self._listed(index)

    def _document(self, doc: str) -> list[str]:
        """Note a document's pages; the index parts it names that a copy drops."""
        if doc not in self.members:
            raise ValueError(f"{doc} is missing")
        self.documents.append(doc)
        indexes = []
        for el in _xml_tree(self.members[doc]).iter():
            name = _local(el)
            if name in ("Page", "TemplatePage") and el.get("BaseLoc"):
                self.pages.append(_ofd_loc(doc, el.get("BaseLoc", "")))
            elif name in _OFD_DOC_DROP and el.text and el.text.strip():
                indexes.append(_ofd_loc(doc, el.text))
        return indexes

    def _listed(self, index: str, depth: int = 0) -> None:
        """Drop an index part and every file it lists (FileLoc, SchemaLoc, SignedValue, BaseLoc),
        and what those list in turn (a page's annotation file, a signature's seal and value)."""
        self.dropped.add(index)
        if depth > 2 or index not in self.members or not index.lower().endswith(".xml"):
            return
        for el in _xml_tree(self.members[index]).iter():
            name = _local(el)
            loc = el.text if name in ("FileLoc", "SchemaLoc", "SignedValue", "BaseLoc") else el.get("BaseLoc")
            if loc and loc.strip():
                target = _ofd_loc(index, loc)
                if target not in self.dropped and target not in self.pages and target not in self.documents:
                    self._listed(target, depth + 1)


def _ofd_members(data: bytes) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    with open_zip(data) as zf:
        infos = zf.infolist()
        return infos, {i.filename: read_member(zf, i) for i in infos}


def ofd_pages(data: bytes) -> list[str]:
    """The text of every page (and page template) of an OFD, in order: a TextObject's TextCode
    runs joined (a number the producer split over runs is read whole), TextObjects one a line."""
    _infos, members = _ofd_members(data)
    ofd = _Ofd(members)
    out = []
    for page in ofd.pages:
        if page not in members:
            raise ValueError(f"{page} is missing")
        root = _xml_tree(members[page])
        lines = ["".join("".join(code.itertext()) for code in obj.iter() if _local(code) == "TextCode")
                 for obj in root.iter() if _local(obj) == "TextObject"]
        out.append("\n".join(line for line in lines if line))
    return out


_NESTED = ("docx", "xlsx", "ofd")


def _ext(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""


def _embedded(name: str, body: bytes) -> list[str]:
    """The texts of a non-XML member of an OFD (an attachment, a picture, a font, a seal): by its
    type as the gate reads such a file (a zip's XML parts, not a zip inside it), anything else as
    UTF-8 text or, failing that, its text runs."""
    ext = _ext(name)
    if body.startswith(_PNG):
        ext = "png"
    elif body.startswith(b"\xff\xd8\xff"):
        ext = "jpg"
    elif body.startswith(b"PK\x03\x04") and ext not in _NESTED:
        ext = "docx"  # a zip by another name (an embedded package): its XML parts and members
    if ext in _EMBEDDED_IMAGES:
        return [t for _p, t, _prose in _READERS[_EMBEDDED_IMAGES[ext]](body)]
    if ext == "pdf":
        from pypdf import PdfReader
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages]
        return pages + [t for _p, t, _prose in _pdf_parts(body)]
    if ext in _NESTED:
        return [t for _p, t, _prose in _zip_parts(body)]  # every XML part of it, page text included
    if body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" and not body.lstrip()[:5].lower() in (b"<html", b"<!doc"):
        # XML under another name (a part's name is whatever its relationship says: Word opens a
        # main document called main.dat): read as XML, so a number split over runs is one text
        try:
            return [u for u, _prose in _xml_units(body)]
        except Exception:  # noqa: BLE001 - not well-formed: read as the text it is, below
            pass
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return binary_text(body)
    # UTF-16 text (an OLE object's, a printer's settings) decodes as UTF-8 with a NUL between
    # the characters, which would hide every number in it: read as binary, its runs.
    return binary_text(body) if "\x00" in text else text.splitlines()


def _ofd_parts(data: bytes) -> list[tuple[str, str, bool]]:
    """Every member of an OFD: each XML part's texts and attribute values (DocInfo, pages,
    annotations, custom tags, signatures' XML), every other member by its type (`_embedded`)."""
    infos, members = _ofd_members(data)
    # Zips attached inside (a docx, an xlsx): their declared sizes count towards the package's
    # bound before any of them is inflated.
    total = sum(i.file_size for i in infos)
    for info in infos:
        if _ext(info.filename) in _NESTED:
            with open_zip(members[info.filename]) as zf:
                total += sum(i.file_size for i in zf.infolist())
    if total > MAX_INFLATED:
        raise Refused(f"内嵌文件解压后超过 {MAX_INFLATED} 字节的上限（可能是压缩炸弹）",
                      f"its embedded files inflate beyond the limit of {MAX_INFLATED} bytes (a zip bomb?)")
    out: list[tuple[str, str, bool]] = []
    for info in infos:
        body = members[info.filename]
        if _XML_MEMBER.search(info.filename):
            out += [(info.filename, u, prose) for u, prose in _xml_units(body)]
        elif not info.is_dir():
            out += [(info.filename, t, True) for t in _embedded(info.filename, body) if t.strip()]
    return out


def _clean_ofd(data: bytes) -> bytes:
    """The OFD without its annotations, attachments, custom tags, extensions and signatures (and
    the references to them), without the personal DocInfo entries (Author, Creator, Keywords,
    CustomDatas, Subject, Abstract), its pictures without metadata; unchanged when there is none."""
    from lxml import etree
    infos, members = _ofd_members(data)
    ofd = _Ofd(members)
    changed = False
    cleaned: list[tuple[zipfile.ZipInfo, bytes]] = []
    for info in infos:
        name, body = info.filename, members[info.filename]
        if name in ofd.dropped:
            changed = True
            continue
        new = body
        if name == "OFD.xml" or name in ofd.documents:
            root = _xml_tree(body)
            drop = [el for el in root.iter() if el.getparent() is not None and (
                    (name == "OFD.xml" and (_local(el) == "Signatures" or
                                            (_local(el) in _OFD_DOCINFO_DROP and _local(el.getparent()) == "DocInfo")))
                    or (name != "OFD.xml" and _local(el) in _OFD_DOC_DROP and _local(el.getparent()) == "Document"))]
            for el in drop:
                _remove_keep_tail(el)
            if drop:
                new = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        else:
            ext = _ext(name)
            if ext in _EMBEDDED_IMAGES:
                new = _CLEANERS[_EMBEDDED_IMAGES[ext]](body)
        changed |= new is not body
        cleaned.append((info, new))
    return _rezip(cleaned) if changed else data


_READERS: dict[str, Callable[[bytes], list[tuple[str, str, bool]]]] = {
    "docx": _zip_parts, "xlsx": _zip_parts, "ofd": _ofd_parts, "pdf": _pdf_parts,
    "png": _png_parts, "jpg": _jpg_parts, "jpeg": _jpg_parts}


def parts(ext: str, data: bytes) -> list[tuple[str, str, bool]]:
    """(part, text, prose) of every part of an attachment (prose: whether natural persons' names
    are looked for in it too): for zips every XML member, for a PDF its
    information dictionary, XMP, forms, names, outline and annotations (page text is read by
    attachments.text_units), for images their text chunks and metadata segments. Raises Refused
    (too large inflated, too slow) or another exception for a damaged file."""
    fn = _READERS.get(ext)
    if fn is None:
        return []
    return within(MAX_SECONDS, fn, data)


# ------------------------------------------------------------------ the sanitised copy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word: elements removed with their content (deleted text, comment anchors, format revisions)
# and elements replaced by their content (inserted text, accepted).
_DROP = frozenset(_W + n for n in ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                                   "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                                   "commentRangeStart", "commentRangeEnd", "commentReference",
                                   "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                                   "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlInsRangeStart",
                                   "customXmlInsRangeEnd"))
_UNWRAP = frozenset(_W + n for n in ("ins", "moveTo"))
_COMMENT_PART = re.compile(r"(^|/)(comments?[^/]*\.xml|commentsExtended\.xml|commentsIds\.xml|"
                           r"commentsExtensible\.xml|people\.xml|threadedComments[^/]*|persons/[^/]*|"
                           r"vmlDrawing[^/]*\.vml|commentsDrawing[^/]*\.vml)$", re.I)
_PERSONAL = ("docProps/custom.xml",)
# docProps/core.xml and app.xml: the elements that name people or organisations, emptied.
_CORE_BLANK = frozenset({"creator", "lastModifiedBy", "lastPrinted", "keywords", "description", "subject",
                         "contentStatus", "category", "identifier", "Manager", "Company", "HyperlinkBase"})


def _dropped(name: str) -> bool:
    return bool(_COMMENT_PART.search(name)) or name in _PERSONAL


def _clean_xml(name: str, xml: bytes, gone: set[str]) -> bytes:
    """One XML member without tracked changes and comment anchors (Word), without legacy
    comment drawings (Excel sheets), without relationships to dropped parts, with the personal
    document properties emptied. Unchanged bytes when there is nothing to do."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    root = etree.fromstring(xml, parser)
    changed = False
    if name.endswith(".rels"):
        base = name.rsplit("_rels/", 1)[0]
        for rel in list(root):
            target = (rel.get("Target") or "").lstrip("/")
            full = target if rel.get("Target", "").startswith("/") else _join(base, target)
            if full in gone:
                root.remove(rel)
                changed = True
    elif name == "[Content_Types].xml":
        for o in list(root):
            if (o.get("PartName") or "").lstrip("/") in gone:
                root.remove(o)
                changed = True
    elif name in ("docProps/core.xml", "docProps/app.xml"):
        for el in root.iter():
            if isinstance(el.tag, str) and etree.QName(el).localname in _CORE_BLANK and (el.text or len(el)):
                el.text = None
                for child in list(el):
                    el.remove(child)
                changed = True
    else:
        for el in list(root.iter()):
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if el.tag in _DROP or (local == "legacyDrawing" and name.startswith("xl/worksheets/")):
                parent = el.getparent()
                if parent is not None:
                    _remove_keep_tail(el)
                    changed = True
            elif el.tag in _UNWRAP:
                _unwrap(el)
                changed = True
    if not changed:
        return xml
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _join(base: str, target: str) -> str:
    parts: list[str] = [p for p in base.split("/") if p]
    for p in target.split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p and p != ".":
            parts.append(p)
    return "/".join(parts)


def _remove_keep_tail(el: Any) -> None:
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _unwrap(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for i, child in enumerate(list(el)):
        parent.insert(at + i, child)
    _remove_keep_tail(el)


def _clean_zip(data: bytes) -> bytes:
    with open_zip(data) as zf:
        infos = zf.infolist()
        gone = {i.filename for i in infos if _dropped(i.filename)}
        members = [(i, read_member(zf, i)) for i in infos if i.filename not in gone]
        dirty = _zip_dirty(zf)
    changed = bool(gone) or dirty
    cleaned = []
    for info, body in members:
        if _XML_MEMBER.search(info.filename) or info.filename == "[Content_Types].xml":
            new = _clean_xml(info.filename, body, gone)
        elif body.startswith(_PNG):  # a picture in media/ or the thumbnail: without its metadata
            new = _clean_png(body)
        elif body.startswith(b"\xff\xd8\xff"):
            new = _clean_jpg(body)
        else:
            new = body
        changed |= new is not body
        cleaned.append((info, new))
    return _rezip(cleaned) if changed else data


def _rezip(cleaned: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    """A zip of the cleaned members, each with its original name, date, compression and
    attributes (the OOXML and OFD cleaners both publish their copy this way)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, body in cleaned:
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            out.writestr(copy, body)
    return buf.getvalue()


def _clean_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    reader = PdfReader(io.BytesIO(data))
    root: Any = reader.trailer["/Root"].get_object()
    doc_keys = ("/Metadata", "/AcroForm", "/Names", "/OpenAction", "/AA", "/PieceInfo")
    page_keys = ("/Annots", "/Metadata", "/PieceInfo", "/AA")
    # Published as committed only when it is one revision and nothing follows its end: an
    # incremental update keeps the earlier revision's objects (text the clerk replaced or
    # deleted) in the file, where pypdf, and so the gate, never reads them; bytes after %%EOF
    # are no part of the document. The rewrite below keeps only what the last revision uses.
    single = data.count(b"%%EOF") == 1 and data.rstrip(b"\r\n\t \x00").endswith(b"%%EOF")
    if single and "/Info" not in reader.trailer and not any(k in root for k in doc_keys) and \
            not any(k in p for p in reader.pages for k in page_keys):
        return data
    writer = PdfWriter(clone_from=reader)
    writer._info = None  # the document information dictionary (/Author, /Creator …): gone
    for key in doc_keys:
        writer._root_object.pop(NameObject(key), None)
    for page in writer.pages:
        for key in page_keys:
            page.pop(NameObject(key), None)
    # What no page or catalogue refers to any more (the annotations, the form's fields, the
    # metadata stream) would still be written: orphans are dropped.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# PNG chunks a viewer needs to show the picture as intended; every other one (tEXt, zTXt, iTXt,
# eXIf, tIME, private chunks) is dropped.
_PNG_KEEP = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
                       b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"})


def _clean_png(data: bytes) -> bytes:
    chunks = list(png_chunks(data))
    kept = [whole for kind, _, whole in chunks if kind in _PNG_KEEP]
    if len(kept) == len(chunks) and _png_end(data) == len(data):  # nothing after IEND either
        return data
    return _PNG + b"".join(kept)


def _clean_jpg(data: bytes) -> bytes:
    segments = list(jpeg_segments(data))
    kept = []
    for marker, seg in segments:
        # APP1 (EXIF, XMP), APP3-APP13 (IPTC, vendors' notes), APP15 and comments go; APP0 (JFIF),
        # APP2 (ICC colour profile) and APP14 (Adobe colour transform) are needed to show it.
        if (0xE1 <= marker <= 0xEF and marker not in (0xE2, 0xEE)) or marker == 0xFE:
            continue
        if marker == 0xE2 and not seg[4:].startswith(b"ICC_PROFILE\x00"):
            continue
        if marker == 0:  # the scans without metadata between them, nothing after the end
            scans, between, after = jpeg_scans(seg)
            if between or after:
                seg = scans
        kept.append(seg)
    if len(kept) == len(segments) and all(a is b for a, (_, b) in zip(kept, segments)):
        return data
    return b"".join(kept)


_CLEANERS: dict[str, Callable[[bytes], bytes]] = {
    "docx": _clean_zip, "xlsx": _clean_zip, "pdf": _clean_pdf, "png": _clean_png, "jpg": _clean_jpg,
    "jpeg": _clean_jpg, "ofd": _clean_ofd}


def sanitised(ext: str, data: bytes) -> bytes:
    """The copy of an attachment the portal publishes (see the module docstring); `data` itself
    when there is nothing to remove. Raises like `parts`."""
    fn = _CLEANERS.get(ext)
    if fn is None:
        return data
    return within(MAX_SECONDS, fn, data)
