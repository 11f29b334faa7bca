"""Small hostile files against every reader: `python -m bench.hostile_formats`.

Each file of issue #24 (quadratic regular expressions in the Markdown and HTML readers,
text that multiplies in Word, OpenDocument and PDF files, reading mistakes) is built
here and read in a forked child, which reports the time, its peak resident memory
(VmHWM) and what came out; a child over the timeout (HOSTILE_TIMEOUT seconds, default
120) is killed and shown as such. Two files at the XML tag limit show the memory a Word
or OpenDocument file can take at most. HOSTILE_ONLY=ODT runs only the cases so named.
"""
from __future__ import annotations

import logging
import os
import random
import sys
import time

from articles import limits
from articles.decoding import ArticleError
from articles.reading import read_document
from bench import summarizer_limits
from bench.summarizer_limits import in_child, reset_peak, rss_mb
from testkit import documents as hostile

TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", 120))
ONLY = os.environ.get("HOSTILE_ONLY", "")  # run only the cases whose label holds this


def _odt_at_tag_limit() -> bytes:
    """Short paragraphs of varied words, just under limits.MAX_XML_TAGS."""
    rng = random.Random(0)
    words = hostile.SENTENCE.split()
    count = limits.MAX_XML_TAGS // 2 - 1_000
    body = "".join(f"<text:p>{rng.choice(words)} {rng.choice(words)}</text:p>"
                   for _ in range(count))
    return hostile.make_odt(body)


def _docx_at_tag_limit() -> bytes:
    """Paragraphs of one run each (6 tags), just under limits.MAX_XML_TAGS."""
    import io
    import zipfile

    import docx

    rng = random.Random(0)
    words = hostile.SENTENCE.split()
    count = limits.MAX_XML_TAGS // 6 - 10_000  # the other parts have tags too
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{rng.choice(words)} {rng.choice(words)}</w:t></w:r></w:p>"
                   for _ in range(count))
    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}'
                        "</w:body></w:document>").encode()
            target.writestr(item.filename, data)
    return out.getvalue()


def cases() -> list[tuple[str, str, bytes]]:
    """(what, file name, bytes) for every hostile file."""
    page = ("<html><head><title>Corridor</title></head><body><article>"
            + "".join(f"<p>{hostile.SENTENCE}Part {n}.&#8;</p>" for n in range(6))
            + "</article></body></html>")
    return [
        ('Markdown "# a" + 40,000 spaces + "x"', "a.md", hostile.markdown_heading_spaces(40_000)),
        ('Markdown "# a" + 80,000 spaces + "x"', "a.md", hostile.markdown_heading_spaces(80_000)),
        *[(f"Markdown 200 KB of unclosed {marker}", "a.md",
           hostile.markdown_unbalanced(marker, 200_000))
          for marker in ("strong", "emphasis", "link", "strike")],
        ("HTML 80 KB of unclosed <!--", "a.html", hostile.html_unclosed("<!--", 80_000)),
        ("HTML 165 KB of unclosed <script>", "a.html", hostile.html_unclosed("<script>", 165_000)),
        ("HTML 165 KB of closed scripts", "a.html", hostile.html_scripts(165_000)),
        ("HTML 405 KB of unclosed <script>", "a.html", hostile.html_unclosed("<script>", 405_000)),
        ('HTML "<a " x 60,000', "a.html", hostile.html_unclosed("<a ", 180_000)),
        ("HTML with &#8;", "a.html", page.encode()),
        ("ODT 80 nested tables", "a.odt", hostile.odt_nested_tables(80, words=1_000)),
        ("ODT at the XML tag limit", "a.odt", _odt_at_tag_limit()),
        ("Word 20,000 styled paragraphs", "a.docx", hostile.docx_styled_paragraphs(20_000)),
        ("Word at the XML tag limit", "a.docx", _docx_at_tag_limit()),
        ("PDF 20 pages sharing one stream 400 times", "a.pdf",
         hostile.pdf_shared_streams(pages=20, repeats=400)),
        ("PDF a form drawn 40^3 times", "a.pdf", hostile.pdf_repeated_form(40, depth=3)),
        (".txt mentioning %PDF-1.4", "a.txt",
         ("Scanners write %PDF-1.4 headers. " + hostile.SENTENCE * 20).encode()),
        (".md with 8 <br>", "a.md", ("# Corridor\n\n" + "".join(
            f"**Line {n}** of the report.<br>\n" for n in range(8))).encode()),
    ]


def _child(conn, job) -> None:
    data, name = job
    measured = reset_peak()
    start = time.perf_counter()
    try:
        document = read_document(data, name)
        outcome = (f"{document.format}, {len(document.text):,} chars"
                   + (f"; {'; '.join(document.notes)}" if document.notes else ""))
    except ArticleError as error:
        outcome = f"refused: {error.reason}"
    elapsed = time.perf_counter() - start
    conn.send((elapsed, rss_mb("VmHWM") if measured else float("nan"), outcome))
    conn.close()


def main() -> int:
    summarizer_limits.TIMEOUT = TIMEOUT
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # one warning per form given up
    print(f"Parent before reading: {rss_mb('VmRSS'):.0f} MB resident (the children start "
          "from it).\n")
    print("| file | size | time | peak RSS | result |")
    print("|---|---:|---:|---:|---|")
    for label, name, data in cases():
        if ONLY not in label:
            continue
        result = in_child(_child, (data, name))
        size = f"{len(data) / 1024:,.0f} KB"
        if result is None:
            print(f"| {label} | {size} | > {TIMEOUT:.0f} s | | killed |", flush=True)
            continue
        elapsed, peak, outcome = result
        print(f"| {label} | {size} | {elapsed:.2f} s | {peak:.0f} MB | {outcome[:110]} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
