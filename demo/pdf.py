"""The demo's downloads: small one-page PDFs written by hand, so the demo needs no PDF
library."""

import textwrap


def _pdf_string(text):
    """A PDF literal string in WinAnsi (cp1252) encoding."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(title, paragraphs):
    """A small valid one-page A4 PDF (PDF 1.4, the standard Helvetica fonts): a heading and
    wrapped paragraphs."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 86))
        lines.append("")
    content = b"BT /F1 16 Tf 56 770 Td " + _pdf_string(title) + b" Tj ET\n"
    content += b"BT /F2 11 Tf 15 TL 56 738 Td\n"
    content += b"".join(_pdf_string(line) + b" Tj T*\n" for line in lines)
    content += b"ET"
    info_title = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title " + info_title + b" /Producer (Metropolregion Mitteldeutschland Demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
