"""Attachments made in the tests, byte for byte the same on every run, each with personal data
planted in one part a reader of the visible text would not see (issue 20): Word comments,
tracked deletions, headers, footnotes and properties; Excel hidden sheets, comments, headers,
formulas and the creator; PDF metadata, annotations and form fields; PNG text chunks; JPEG EXIF
and comments."""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

from gongshi_tools import attachfiles

STAMP = (2024, 1, 1, 0, 0, 0)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCX_MORE = ("media-png", "media-jpg", "thumbnail", "embedded-xlsx", "embedded-docx", "altchunk", "ole-utf16",
             "zip-comment", "zip-prefix", "member-name", "xml-other-name")
DOCX_PARTS = ("comment", "deletion", "header", "footnote", "creator", "custom") + DOCX_MORE


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def docx(part: str, secret: str) -> bytes:
    """A Word document whose visible text is clean and whose `part` holds `secret`."""
    if part in DOCX_MORE:
        return _docx_more(part, secret)
    s = escape(secret)
    body = '<w:p><w:r><w:t>申请书</w:t></w:r></w:p><w:p>'
    if part == "comment":
        body += ('<w:commentRangeStart w:id="0"/><w:r><w:t>申请人签名</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                 '<w:r><w:commentReference w:id="0"/></w:r>')
    elif part == "deletion":
        body += (f'<w:del w:id="1" w:author="经办人" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{s}</w:delText>'
                 '</w:r></w:del><w:ins w:id="2" w:author="经办人"><w:r><w:t>（已删除）</w:t></w:r></w:ins>')
    elif part == "footnote":
        body += '<w:r><w:t>见脚注</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
    else:
        body += '<w:r><w:t>申请人签名</w:t></w:r>'
    body += '</w:p>'
    members = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PR}">'
            f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{R}/custom-properties" Target="docProps/custom.xml"/>'
            '</Relationships>'),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PR}">'
            f'<Relationship Id="rId1" Type="{R}/comments" Target="comments.xml"/>'
            f'<Relationship Id="rId2" Type="{R}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId3" Type="{R}/footnotes" Target="footnotes.xml"/>'
            '</Relationships>'),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>',
        "word/comments.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W}>'
                              '<w:comment w:id="0" w:author="审核人" w:initials="S"><w:p><w:r><w:t>'
                              + (s if part == "comment" else "请核对") + '</w:t></w:r></w:p></w:comment></w:comments>'),
        "word/header1.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}><w:p><w:r><w:t>'
                             + (s if part == "header" else "霍邱县") + '</w:t></w:r></w:p></w:hdr>'),
        "word/footnotes.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
                               '<w:footnote w:id="1"><w:p><w:r><w:t>'
                               + (s if part == "footnote" else "注") + '</w:t></w:r></w:p></w:footnote></w:footnotes>'),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>申请书</dc:title><dc:creator>'
            + (s if part == "creator" else "经办人") + '</dc:creator></cp:coreProperties>'),
        "docProps/custom.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系方式"><vt:lpwstr>'
            + (s if part == "custom" else "无") + '</vt:lpwstr></property></Properties>'),
    }
    return _zip(members)


XLSX_PARTS = ("hidden", "comment", "header", "formula", "creator", "printer-settings")


def xlsx(part: str, secret: str) -> bytes:
    """An Excel workbook whose visible cells are clean and whose `part` holds `secret`."""
    if part == "printer-settings":  # a binary member, the text in UTF-16 as Windows writes it
        return with_members(xlsx("none", secret), {"xl/printerSettings/printerSettings1.bin":
                                                   b"\x00\x04" + ("Tel:" + secret).encode("utf-16-le") + b"\x00\x00"})
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    wb = Workbook()
    ws = wb.active
    ws.title = "申请表"
    ws["A1"] = "申请人"
    ws["B1"] = "某某"
    hidden = wb.create_sheet("备用")
    hidden.sheet_state = "hidden"
    hidden["A1"] = secret if part == "hidden" else "空"
    if part == "comment":
        ws["B1"].comment = Comment(secret, "经办人")
    if part == "header":
        ws.oddHeader.center.text = secret
    if part == "formula":
        ws["C1"] = f'="{secret}"'  # a formula: openpyxl writes it without a cached value
    wb.properties.creator = secret if part == "creator" else "经办人"
    wb.properties.lastModifiedBy = "经办人"
    import datetime as dt
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the members with the time of saving: fixed here, so the bytes repeat.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, STAMP)
            copy.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(copy, src.read(info))
    return out.getvalue()


def bomb(inflated: int = 65 * 1024 * 1024) -> bytes:
    """An xlsx of ~100 kB whose one sheet inflates to `inflated` bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(zipfile.ZipInfo("[Content_Types].xml", STAMP), f'<Types xmlns="{CT}"/>')
        zf.writestr(zipfile.ZipInfo("xl/workbook.xml", STAMP), "<workbook/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


PDF_MORE = ("incremental", "trailing", "struct-alt", "page-labels", "uri")
PDF_PARTS = ("author", "annotation", "form") + PDF_MORE


def pdf(part: str, secret: str) -> bytes:
    """A one-page PDF whose page text is clean and whose `part` holds `secret`."""
    if part in PDF_MORE:
        return _pdf_more(part, secret)
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DictionaryObject, NameObject, NumberObject, RectangleObject,
                               TextStringObject)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(attachfiles.pdf(["申请书", "申请人签名"]))))
    writer.add_metadata({"/Author": secret if part == "author" else "经办人", "/Title": "申请书"})
    page = writer.pages[0]
    annots = ArrayObject()
    note = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Text"),
                             NameObject("/Rect"): RectangleObject([10, 10, 30, 30]),
                             NameObject("/Contents"): TextStringObject(secret if part == "annotation" else "请核对"),
                             NameObject("/T"): TextStringObject("审核人")})
    annots.append(writer._add_object(note))
    field = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                              NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("电话"),
                              NameObject("/V"): TextStringObject(secret if part == "form" else "无"),
                              NameObject("/Rect"): RectangleObject([40, 10, 200, 30]),
                              NameObject("/F"): NumberObject(4)})
    ref = writer._add_object(field)
    annots.append(ref)
    page[NameObject("/Annots")] = annots
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([ref])})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


PNG_PARTS = ("tEXt", "zTXt", "iTXt", "eXIf", "after-IEND")


def png(part: str, secret: str) -> bytes:
    """A 1x1 grey PNG with `secret` in a `part` chunk (or after its end)."""
    if part == "after-IEND":
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
                + _chunk(b"IDAT", zlib.compress(b"\x00\x80")) + _chunk(b"IEND", b"") + secret.encode("utf-8"))
    s = secret.encode("utf-8")
    extra = {"tEXt": b"Author\x00" + secret.encode("latin-1", "replace"),
             "zTXt": b"Comment\x00\x00" + zlib.compress(s),
             "iTXt": b"Description\x00\x00\x00zh\x00\xe6\x8f\x8f\xe8\xbf\xb0\x00" + s,
             "eXIf": b"MM\x00*\x00\x00\x00\x08" + s + b"\x00"}[part]
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + _chunk(part.encode("ascii"), extra) + _chunk(b"IDAT", zlib.compress(b"\x00\x80"))
            + _chunk(b"IEND", b""))


JPG_PARTS = ("exif", "comment", "after-EOI", "between-scans")


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpg(part: str, secret: str) -> bytes:
    """A JPEG-framed file (SOI, JFIF, metadata, scan, EOI) with `secret` in EXIF or a comment."""
    s = secret.encode("utf-8")
    head = b"\xff\xd8" + _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") + _segment(0xDB, bytes(65))
    scan = _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34"
    if part == "after-EOI":  # bytes after the end of the image: no viewer shows them
        return head + scan + b"\xff\xd9" + s
    if part == "between-scans":  # a comment between two scans (progressive JPEG)
        return head + scan + _segment(0xFE, s) + scan + b"\xff\xd9"
    meta = _segment(0xE1, b"Exif\x00\x00MM\x00*\x00\x00\x00\x08" + s) if part == "exif" else _segment(0xFE, s)
    return (b"\xff\xd8" + _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") + meta
            + _segment(0xDB, bytes(65)) + _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34" + b"\xff\xd9")


def with_members(base: bytes, extra: dict[str, bytes], comment: bytes = b"", prefix: bytes = b"") -> bytes:
    """`base` (a zip) with more members, an archive comment, bytes before it."""
    src = zipfile.ZipFile(io.BytesIO(base))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        for name, body in extra.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
        zf.comment = comment
    return prefix + buf.getvalue()


def _docx_more(part: str, secret: str) -> bytes:
    """A clean Word document (nothing the copy removes) carrying `secret` in a member that is
    not XML, or in the zip itself (red-team pass of issue 20)."""
    clean = attachfiles.docx(["申请书", "申请人签名"])
    s = secret.encode("utf-8")
    members = {
        "media-png": {"word/media/image1.png": png("tEXt", secret)},
        "media-jpg": {"word/media/image1.jpeg": jpg("exif", secret)},
        "thumbnail": {"docProps/thumbnail.jpeg": jpg("comment", secret)},
        "embedded-xlsx": {"word/embeddings/Microsoft_Excel_Worksheet1.xlsx": xlsx("hidden", secret)},
        "embedded-docx": {"word/embeddings/Microsoft_Word_Document1.docx": attachfiles.docx(["联系电话" + secret])},
        "altchunk": {"word/afchunk.htm": b"<html><body>\xe7\x94\xb5\xe8\xaf\x9d" + s + b"</body></html>"},
        "ole-utf16": {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + ("Tel " + secret).encode("utf-16-le")},
        "member-name": {f"customXml/{secret}.xml": b"<a/>"},
        # a part named as its relationship says, not .xml, the number split over Word's runs
        "xml-other-name": {"word/main.dat": (f'<w:document {W}><w:body><w:p><w:r><w:t>电话{escape(secret[:4])}</w:t>'
                                             f'</w:r><w:r><w:t>{escape(secret[4:])}</w:t></w:r></w:p></w:body>'
                                             '</w:document>').encode("utf-8")},
    }.get(part, {})
    return with_members(clean, members, comment=s if part == "zip-comment" else b"",
                        prefix=s + b"\n" if part == "zip-prefix" else b"")


def _pdf_more(part: str, secret: str) -> bytes:
    """A clean one-page PDF (nothing the copy removes) carrying `secret` in an earlier revision,
    after its end, in a tagged PDF's /Alt, a page label or the catalogue's /URI."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject
    if part == "incremental":  # revision 1 shows the secret; the update replaces the page's text
        first = attachfiles.pdf(["申请书", "联系电话" + secret])
        body = re.search(rb"4 0 obj\n(.*?)\nendobj", attachfiles.pdf(["申请书", "申请人签名"]), re.S).group(1)
        update = b"4 0 obj\n" + body + b"\nendobj\n"
        prev = re.findall(rb"startxref\s+(\d+)", first)[-1]
        xref = b"xref\n0 1\n0000000000 65535 f \n4 1\n" + f"{len(first):010d} 00000 n \n".encode()
        return (first + update + xref + b"trailer\n<< /Size 8 /Root 1 0 R /Prev " + prev + b" >>\nstartxref\n"
                + str(len(first) + len(update)).encode() + b"\n%%EOF\n")
    if part == "trailing":
        return attachfiles.pdf(["申请书", "申请人签名"]) + b"% " + secret.encode("utf-8") + b"\n"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(attachfiles.pdf(["申请书", "申请人签名"]))))
    root = writer._root_object
    if part == "struct-alt":
        figure = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                                      NameObject("/S"): NameObject("/Figure"),
                                                      NameObject("/Alt"): TextStringObject("申请人电话" + secret)}))
        root[NameObject("/StructTreeRoot")] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject([figure])}))
    elif part == "page-labels":
        root[NameObject("/PageLabels")] = DictionaryObject({NameObject("/Nums"): ArrayObject([
            NumberObject(0), DictionaryObject({NameObject("/P"): TextStringObject("电话" + secret)})])})
    else:
        root[NameObject("/URI")] = DictionaryObject({NameObject("/Base"): TextStringObject("https://x.cn/" + secret)})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


MAKERS = {"docx": (docx, DOCX_PARTS), "xlsx": (xlsx, XLSX_PARTS), "pdf": (pdf, PDF_PARTS),
          "png": (png, PNG_PARTS), "jpg": (jpg, JPG_PARTS)}


# ------------------------------------------------------------------ OFD (GB/T 33190), by hand

OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
OFD_PARTS = ("text", "author", "keywords", "customdata", "annotation", "attachment", "customtag", "signature")


def ofd(part: str, secret: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A one-page OFD (OFD.xml → DocBody → DocInfo + DocRoot → Document.xml → Pages →
    Content.xml with TextObject/TextCode) whose visible text is clean and whose `part` holds
    `secret`: the page's text (split over two TextCode runs), DocInfo's Author, Keywords or
    CustomDatas, an annotation's remark, an attached file, a custom tag, or a signature's file."""
    s = escape(secret)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    half = len(s) // 2
    text = (f'<ofd:TextCode X="0" Y="10">当事人</ofd:TextCode><ofd:TextCode X="30" Y="10">{s[:half]}</ofd:TextCode>'
            f'<ofd:TextCode X="60" Y="10">{s[half:]}</ofd:TextCode>' if part == "text"
            else '<ofd:TextCode X="0" Y="10" DeltaX="5 5">申请书</ofd:TextCode>')
    info = (f'<ofd:DocID>6f1c2e</ofd:DocID><ofd:Title>申请书</ofd:Title>'
            f'<ofd:Author>{s if part == "author" else "经办人"}</ofd:Author><ofd:Creator>WPS Office</ofd:Creator>'
            f'<ofd:Keywords><ofd:Keyword>{s if part == "keywords" else "申请"}</ofd:Keyword></ofd:Keywords>'
            f'<ofd:CustomDatas><ofd:CustomData Name="经办">{s if part == "customdata" else "窗口"}</ofd:CustomData>'
            '</ofd:CustomDatas>')
    members = {
        "OFD.xml": (f'{head}<ofd:OFD {OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>{info}</ofd:DocInfo>'
                    '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>'
                    '</ofd:DocBody></ofd:OFD>'),
        "Doc_0/Document.xml": (f'{head}<ofd:Document {OFD_NS}><ofd:CommonData><ofd:MaxUnitID>9</ofd:MaxUnitID>'
                               '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
                               '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
                               '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>'
                               '<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>'
                               '<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>'),
        "Doc_0/Pages/Page_0/Content.xml": (f'{head}<ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID="2">'
                                           f'<ofd:TextObject ID="3" Boundary="10 10 100 20" Font="4" Size="5">{text}'
                                           '</ofd:TextObject><ofd:TextObject ID="5" Boundary="10 30 100 20" Font="4" Size="5">'
                                           '<ofd:TextCode X="0" Y="10">申请人签名</ofd:TextCode></ofd:TextObject>'
                                           '</ofd:Layer></ofd:Content></ofd:Page>'),
        "Doc_0/Annots/Annotations.xml": (f'{head}<ofd:Annotations {OFD_NS}><ofd:Page PageID="1">'
                                         '<ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>'),
        "Doc_0/Annots/Page_0/Annotation.xml": (f'{head}<ofd:PageAnnot {OFD_NS}><ofd:Annot ID="7" Type="Highlight" '
                                               'Creator="审核人" LastModDate="2024-01-01"><ofd:Remark>'
                                               + (s if part == "annotation" else "请核对") + '</ofd:Remark>'
                                               '<ofd:Appearance Boundary="0 0 10 10"/></ofd:Annot></ofd:PageAnnot>'),
        "Doc_0/Attachs/Attachments.xml": (f'{head}<ofd:Attachments {OFD_NS}><ofd:Attachment ID="8" Name="台账" '
                                          'Format="txt" Size="1"><ofd:FileLoc>ledger.txt</ofd:FileLoc>'
                                          '</ofd:Attachment></ofd:Attachments>'),
        "Doc_0/Attachs/ledger.txt": "原始台账\n" + (secret if part == "attachment" else "无"),
        "Doc_0/Tags/CustomTags.xml": (f'{head}<ofd:CustomTags {OFD_NS}><ofd:CustomTag NameSpace="urn:gw">'
                                      '<ofd:FileLoc>Tag_0.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>'),
        "Doc_0/Tags/Tag_0.xml": f'{head}<gw:Tags xmlns:gw="urn:gw"><gw:Party>{s if part == "customtag" else "某单位"}</gw:Party></gw:Tags>',
        "Doc_0/Signs/Signatures.xml": (f'{head}<ofd:Signatures {OFD_NS}><ofd:Signature ID="9" '
                                       'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>'),
        "Doc_0/Signs/Sign_0/Signature.xml": (f'{head}<ofd:Signature {OFD_NS}><ofd:SignedInfo><ofd:Provider '
                                             'ProviderName="签章系统"/><ofd:References><ofd:Reference '
                                             'FileRef="/Doc_0/Pages/Page_0/Content.xml"><ofd:CheckValue>AA==</ofd:CheckValue>'
                                             '</ofd:Reference></ofd:References></ofd:SignedInfo>'
                                             '<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>'),
    }
    files = {k: v.encode("utf-8") for k, v in members.items()}
    files["Doc_0/Signs/Sign_0/SignedValue.dat"] = b"\x30\x82\x01\x00CN=" + (secret.encode("utf-8") if part == "signature"
                                                                           else "签章人".encode("utf-8")) + b"\x00\x01"
    files.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in files.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return buf.getvalue()
