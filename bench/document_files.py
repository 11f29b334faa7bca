"""Word, OpenDocument and PDF files built from the development news, for the benches.

Each builder takes a title and paragraphs and returns the file's bytes. PDFs
come from testkit.documents (running header, page numbers), as the tests' do.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from testkit.documents import make_pdf

__all__ = ["make_docx", "make_odt", "make_pdf"]


def make_docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_odt(title: str, paragraphs: list[str]) -> bytes:
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h>' + "".join(
        f"<text:p>{escape(paragraph)}</text:p>" for paragraph in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
