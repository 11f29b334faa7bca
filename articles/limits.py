"""Bounds that keep reading a hostile file cheap: each is checked before the work.

A file past one of them is refused with a message saying which, or read in part
with a note; never a hang or an exhausted machine.
"""
from __future__ import annotations

# Text a Word, OpenDocument or PDF file may give (characters): the rest is left out with a
# note. Such files can hold far more text than their size (shared or nested parts); a
# plain-text upload is bounded by the upload limit (25 MiB) instead, and Markdown gives
# less text than its bytes.
MAX_TEXT_CHARS = 5_000_000
# Web pages: bytes read, characters left once scripts and styles are dropped
# (2 million take 1 to 3 s here), and elements in the page (trafilatura takes about 2 s
# for 40,000; the largest of 91 real news pages has 1,737).
MAX_HTML_BYTES = 26_214_400
MAX_HTML_CHARS = 2_000_000
MAX_HTML_ELEMENTS = 40_000
# Word and OpenDocument files are zip archives: what their parts may unpack to.
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_PART_BYTES = 64 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 128 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of one part
# Tags ("<") in the XML parts parsed: a parsed tree takes about 80 bytes a tag, and a
# file at this bound is read with at most about 400 MB resident (bench.hostile_formats).
MAX_XML_TAGS = 1_200_000
# Tables inside table cells read (Word, OpenDocument); deeper ones are left out with a note.
MAX_TABLE_DEPTH = 5
# PDF: pages read, and what one page's content may unpack to.
MAX_PDF_PAGES = 100
MAX_PDF_STREAM_BYTES = 16 * 1024 * 1024
# PDF: the drawing instructions of one page once unpacked (a stream listed many times counts
# once); a page past it is left out with a note.
MAX_PDF_PAGE_CONTENT_BYTES = 4 * 1024 * 1024
# PDF: seconds for reading one page's text, and for all pages; past them the page, or the
# rest of the file, is left out with a note (pypdf slows down on pages that draw one
# shared part many times over).
MAX_PDF_PAGE_SECONDS = 1.0
MAX_PDF_SECONDS = 8.0
