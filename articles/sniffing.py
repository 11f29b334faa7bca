"""Which format a file is, from its bytes: the name is only a hint.

A web page saved as .txt is still a web page, and a .docx renamed .txt is
still a Word file; only plain text and Markdown look alike, and there the
name and a few unmistakable Markdown signs decide.
"""
from __future__ import annotations

import io
import re
import zipfile

_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^<>]*>)*+"  # possessive: comments cannot be re-split
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"</?(?:p|div|br|span|a|h[1-6]|ul|li|table|article|section)\b[^<>]*>",
                        re.IGNORECASE)
# Linear patterns: what a sign encloses cannot hold the sign's own marks.
_MARKDOWN_SIGNS = (
    re.compile(r"^#{1,6} \S", re.MULTILINE),  # headings
    re.compile(r"\[[^\[\]\n]+\]\([^()\s]+\)"),  # links
    re.compile(r"\*\*\S[^*\n]*\S\*\*|__\S[^_\n]*\S__"),  # strong emphasis
    re.compile(r"^\s{0,3}(?:[*+-]|\d+\.) \S", re.MULTILINE),  # list items
    re.compile(r"^```", re.MULTILINE),  # code fences
)
MARKDOWN_EXTENSIONS = ("md", "markdown")

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def sniff(data: bytes, name: str) -> str:
    """"pdf", "docx", "odt", "zip" (another archive), "html" or "text"."""
    if _is_pdf(data):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if _looks_like_html(data[:8192], markdown=_extension(name) in MARKDOWN_EXTENSIONS):
        return "html"
    return "text"


def _is_pdf(data: bytes) -> bool:
    """The PDF header opens the file (after white space); readers also accept it later in
    the first 1,024 bytes (after a mail header, say), and so do we when the file also
    ends as a PDF does: a text that quotes "%PDF-1.4" is still a text."""
    if data[:1024].lstrip()[:5] == b"%PDF-":
        return True
    return b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]


def _extension(name: str) -> str:
    return name.lower().rsplit(".", 1)[-1] if "." in name else ""


def looks_like_markdown(text: str, name: str) -> bool:
    """A .md file, or text showing at least two different Markdown signs."""
    if _extension(name) in MARKDOWN_EXTENSIONS:
        return True
    sample = text[:20_000]
    return sum(1 for sign in _MARKDOWN_SIGNS if sign.search(sample)) >= 2


def _looks_like_html(head: bytes, markdown: bool = False) -> bool:
    """A page's start (doctype, <html>, <head>…), or, unless the name says Markdown
    (which may hold a few tags such as <br>), eight or more HTML tags."""
    # UTF-16 pages: drop the NULs so the tags show; a BOM is skipped.
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
    if head.count(0) > len(head) // 4:
        head = head.replace(b"\x00", b"")
    if _HTML_START.match(head):
        return True
    return not markdown and len(_HTML_TAGS.findall(head)) >= 8


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200 and archive.read("mimetype").strip() == ODT_MIMETYPE:
                    return "odt"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return "zip"
    return "zip"
