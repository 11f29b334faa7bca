"""Reading stays fast: a 20-page PDF and a 2 MB web page each in under a second.

The PDF is made from the development news (with a running header and page
numbers); the page has menus, an article of 1 MB of news paragraphs and 1 MB of
scripts. Two 25 MB pages (the upload limit) are timed too: one mostly scripts,
read; one all text, refused past articles.limits.MAX_HTML_CHARS.

    .venv/bin/python -m bench.formats_speed
"""
from __future__ import annotations

import io
import time

from pypdf import PdfReader

from articles.decoding import ArticleError
from articles.reading import read_document
from bench.document_files import make_docx, make_pdf
from bench.formats_f1 import news


def long_news(pages: int) -> tuple[str, list[str]]:
    paragraphs: list[str] = []
    articles = news()
    while len(paragraphs) < pages * 9:
        for _, _, more in articles:
            paragraphs.extend(more)
    return articles[0][1], paragraphs[:pages * 9]


def big_page(size: int, script_share: float = 0.5) -> bytes:
    """A news page of `size` bytes: menus, an article of real news paragraphs
    (numbered, so none repeats), related links, a footer, and scripts for the rest."""
    _, paragraphs = long_news(40)
    text_bytes = int(size * (1 - script_share))
    body: list[str] = []
    total = count = 0
    while total < text_bytes:
        paragraph = f"<p>{paragraphs[count % len(paragraphs)]} ({count})</p>\n"
        body.append(paragraph)
        total += len(paragraph.encode())
        count += 1
    script = "var tracking = {id: 1, name: 'x'}; function f(a) { return a + 1; }\n"
    scripts = script * max(0, (size - total) // len(script))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Big news</title>"
        f"<script>{scripts}</script></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><article><h1>Big news</h1>" + "".join(body)
        + "</article><aside><a href='/a'>Related story</a></aside>"
        "<footer>(c) News Agency</footer></body></html>"
    )
    return page.encode()


def timed(label: str, data: bytes, name: str) -> None:
    """Read twice: the first read of a format also imports its library."""
    times = []
    for _ in range(2):
        started = time.perf_counter()
        try:
            document = read_document(data, name)
            outcome = f"{len(document.text):,} chars, notes {list(document.notes)}"
        except ArticleError as error:
            outcome = f"refused: {error.reason}"
        times.append(time.perf_counter() - started)
    print(f"{label:<34}{len(data) / 1_048_576:>6.1f} MB{times[0]:>7.2f} s{times[1]:>7.2f} s"
          f"   {outcome[:90]}")


def main() -> None:
    title, paragraphs = long_news(40)
    pdf = make_pdf(title, paragraphs)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{'file':<34}{'size':>9}{'first':>9}{'again':>9}")
    timed(f"PDF, {pages} pages", pdf, "release.pdf")
    timed("Word, same text", make_docx(title, paragraphs), "release.docx")
    timed("web page, 2 MB, 10 % article", big_page(2_000_000, 0.9), "page.html")
    timed("web page, 2 MB, 50 % article", big_page(2_000_000), "page.html")
    timed("web page, 25 MB, 23 MB scripts", big_page(25_000_000, 0.92), "huge.html")
    timed("web page, 25 MB of text", big_page(25_000_000, 0.0), "huge.html")


if __name__ == "__main__":
    main()
