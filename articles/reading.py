"""Any file a reader has -> one Document: plain text, Markdown, web page, Word, PDF.

The content decides the format, not the name. Every failure is an ArticleError
naming the file with a reason a reader understands; a bug in a parser becomes
such an error too (its traceback goes to the log), never a crash.
"""
from __future__ import annotations

import logging

from articles.decoding import ENCODING_CHOICES, ArticleError, decode_bytes
from articles.document import Document
from articles.failures import refusing_overflows
from articles.sniffing import looks_like_markdown, sniff

log = logging.getLogger(__name__)

__all__ = ["ENCODING_CHOICES", "SUPPORTED_EXTENSIONS", "Document", "read_document"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    "txt", "md", "text", "html", "htm", "docx", "odt", "pdf",
)


def read_document(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Read an uploaded file whatever its format; `encoding` forces the code page
    of a text or web page ("Read as"). Raises ArticleError."""
    data = bytes(data)
    try:
        with refusing_overflows(name, "reading", log):
            return _read(data, name, encoding)
    except ArticleError:
        raise
    except Exception as error:  # a parser bug must not become a traceback for the user
        log.exception("reading %s", name)
        reason = f"the file could not be read ({type(error).__name__})."
        raise ArticleError(name, reason) from None


def _read(data: bytes, name: str, encoding: str | None) -> Document:
    kind = sniff(data, name)
    if kind == "pdf":
        from articles.formats import pdf
        return pdf.read_pdf(data, name)
    if kind == "docx":
        from articles.formats import docx
        return docx.read_docx(data, name)
    if kind == "odt":
        from articles.formats import odt
        return odt.read_odt(data, name)
    if kind == "zip":
        raise ArticleError(
            name, "this is a zip archive but not a Word (.docx) or OpenDocument (.odt) file."
        )
    if kind == "html":
        from articles.formats import html
        return html.read_html(data, name, encoding)
    decoded = decode_bytes(data, name, encoding)
    if looks_like_markdown(decoded.text, name):
        from articles.formats import markdown
        return markdown.read_markdown(decoded, name)
    return Document(
        text=decoded.text, title=None, format="text", encoding=decoded.encoding,
        notes=decoded.notes,
    )
