"""PDF press releases built in the tests and the benches: a running header and page
numbers on every page, as agencies' releases have, in DejaVu Sans (Debian package
fonts-dejavu-core) so that Cyrillic and Kazakh letters print."""
from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(
    title: str,
    paragraphs: list[str],
    header: str = "News Agency | Press release",
    page_number: str = "{}",
) -> bytes:
    """A PDF with `title` set large, then the paragraphs; `page_number` formats the
    footer ("{}" -> "3", "Page {}" -> "Page 3")."""
    from fpdf import FPDF

    class Release(FPDF):
        def header(self) -> None:
            self.set_font("body", size=8)
            self.cell(0, 8, header, align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.cell(0, 10, page_number.format(self.page_no()), align="C")

    pdf = Release()
    pdf.add_font("body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("body", size=16)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("body", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    return bytes(pdf.output())


# --- hostile files (tests/test_hostile_formats_*.py, bench/hostile_formats.py) ------------
# Each is small and used to stall a reader: quadratic regular expressions, or text that
# multiplies as it is read.

SENTENCE = "The ministers agreed on a new transport corridor across the region. "


def markdown_heading_spaces(spaces: int) -> bytes:
    """A heading whose words are far apart: "# a", spaces, "x"."""
    return b"# a" + b" " * spaces + b"x\n"


def markdown_unbalanced(marker: str, size: int) -> bytes:
    """One long line of opening marks that never close ("**word ", "[word](", ...)."""
    unit = {"strong": "**word ", "emphasis": "_word ", "link": "[word](", "strike": "~~word ",
            "image": "![word](", "code": "`word ", "tag": "<a word ",
            "autolink": "<http:word"}[marker]
    return (SENTENCE + "\n\n" + unit * (size // len(unit)) + "\n").encode()


def html_unclosed(unit: str, size: int) -> bytes:
    """A page with an article, then `unit` ("<!--", "<script>", "<a ") repeated, never closed."""
    article = "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(5))
    head = f"<!doctype html><html><head><title>Corridor</title></head><body>{article}"
    return (head + unit * (size // len(unit))).encode()


def html_scripts(size: int) -> bytes:
    """A page with an article and many small closed scripts."""
    article = "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(5))
    unit = "<script>var a = 1;</script>"
    return (f"<!doctype html><html><body>{article}" + unit * (size // len(unit))
            + "</body></html>").encode()


_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def make_odt(body_xml: str) -> bytes:
    """An OpenDocument text file whose office:text holds `body_xml`."""
    import io
    import zipfile

    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
               f"<office:body><office:text>{body_xml}</office:text></office:body>"
               "</office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def odt_nested_tables(depth: int, words: int = 40) -> bytes:
    """Tables nested `depth` deep, each cell with a paragraph beside the next table."""
    inner = ""
    for level in range(depth):
        text = " ".join(f"corridor{level}x{n}" for n in range(words))
        inner = (f"<table:table><table:table-row><table:table-cell><text:p>{level} {text}"
                 f"</text:p>{inner}</table:table-cell><table:table-cell><text:p>{text}"
                 "</text:p></table:table-cell></table:table-row></table:table>")
    return make_odt(f"<text:p>{SENTENCE}</text:p>{inner}")


def docx_styled_paragraphs(count: int) -> bytes:
    """A Word file of `count` paragraphs, each in a style of its own."""
    import io
    import zipfile

    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="Style {n}"/></w:style>'
        for n in range(count))
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{n}"/></w:pPr><w:r><w:t>{n} {SENTENCE}</w:t></w:r></w:p>'
        for n in range(count))
    replaced = {
        "word/styles.xml": (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {w}>{styles}'
                            "</w:styles>"),
        "word/document.xml": (f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}>'
                              f"<w:body>{paragraphs}</w:body></w:document>"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = replaced.get(item.filename)
            target.writestr(item.filename, data if data is not None else source.read(item))
    return out.getvalue()


def raw_pdf(pages: list[bytes], streams: dict[int, bytes] | None = None,
            resources: bytes = b"") -> bytes:
    """A minimal PDF (Helvetica as F1): each page's dictionary body is given as is;
    `streams` adds stream objects by number (from 10) that the pages may refer to, with
    their dictionary's extra entries before a b"\n\n" when they have some."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for number, data in (streams or {}).items():
        extra, _, data = data.rpartition(b"\n\n")
        objects[number] = (b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data
                           + b"\nendstream")
    first = max(objects) + 1
    kids = []
    for offset, page in enumerate(pages):
        objects[first + offset] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                   b"/Resources << /Font << /F1 3 0 R >> " + resources
                                   + b" >> " + page + b" >>")
        kids.append(b"%d 0 R" % (first + offset))
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    return pdf_file(objects)


def pdf_file(objects: dict[int, bytes]) -> bytes:
    """A PDF of these objects (by number; 1 is the catalog), with its cross-reference table."""
    size = max(objects) + 1
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n" % key + objects[key] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for key in range(1, size):
        out += b"%010d 00000 n \n" % offsets[key] if key in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def pdf_shared_streams(pages: int, repeats: int) -> bytes:
    """Pages whose contents list one small text stream `repeats` times each."""
    lines = b"".join(b"BT /F1 11 Tf 72 %d Td (%s) Tj ET\n" % (720 - 14 * n, SENTENCE.encode())
                     for n in range(10))
    contents = b"/Contents [" + b" ".join([b"10 0 R"] * repeats) + b"]"
    return raw_pdf([contents] * pages, {10: lines})


def pdf_repeated_form(repeats: int, depth: int = 1) -> bytes:
    """One page that draws a small text form `repeats` times, through `depth` levels of
    forms that each draw the next one `repeats` times."""
    lines = b"".join(b"BT /F1 11 Tf 72 %d Td (%s) Tj ET\n" % (720 - 14 * n, SENTENCE.encode())
                     for n in range(5))
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
    streams = {10: form + b"/Resources << /Font << /F1 3 0 R >> >>\n\n" + lines}
    for level in range(1, depth):
        streams[10 + level] = (form + b"/Resources << /XObject << /X%d %d 0 R >> >>\n\n"
                               % (level - 1, 10 + level - 1) + b"/X%d Do\n" % (level - 1) * repeats)
    top = depth - 1
    streams[9 + depth + 1] = b"/X%d Do\n" % top * repeats
    page = b"/Contents %d 0 R" % (9 + depth + 1)
    resources = b"/XObject << /X%d %d 0 R >>" % (top, 9 + depth)
    return raw_pdf([page], streams, resources)


def numbered_paragraphs(title: str, paragraphs: list[str], size_bytes: int) -> str:
    """A title, then the paragraphs in turn, each numbered so none repeats, until the text
    holds `size_bytes` of UTF-8: a big article for the big-file tests and benches."""
    parts, size, index = [title], 0, 0
    while size < size_bytes:
        paragraph = f"{paragraphs[index % len(paragraphs)]} ({index})"
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(parts) + "\n"
