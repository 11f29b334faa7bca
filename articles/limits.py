"""Bounds that keep reading a hostile file cheap: each is checked before the work.

A file past one of them is refused with a message saying which, or read in part
with a note; never a hang or an exhausted machine.
"""
from __future__ import annotations

# Text extracted from any document (characters); the upload limit is 25 MiB of bytes.
MAX_TEXT_CHARS = 30_000_000
# Web pages: bytes read, characters left once scripts and styles are dropped
# (2 million take 1 to 3 s here), and elements in the page.
MAX_HTML_BYTES = 26_214_400
MAX_HTML_CHARS = 2_000_000
MAX_HTML_ELEMENTS = 300_000
# Word and OpenDocument files are zip archives: what their parts may unpack to.
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_PART_BYTES = 64 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 128 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of one part
# PDF: pages read, and what one page's content may unpack to.
MAX_PDF_PAGES = 100
MAX_PDF_STREAM_BYTES = 16 * 1024 * 1024
