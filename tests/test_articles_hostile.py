"""Bad and hostile files stay harmless: each is refused with a clear message naming
the file, or read within the limits with a note; never a hang, a crash or a
traceback, and XML is parsed without entities or network."""
import io
import re
import zipfile
import zlib

import pytest

from articles import limits
from articles.decoding import ArticleError
from articles.reading import read_document
from testkit.documents import pdf_file
from tests.hostile_files import (
    REFUSED,
    W,
    deeply_nested_page,
    plain_word,
    refusal,
    word_with_document_xml,
    zip_bomb,
)

SENTENCE = "The ministers agreed on a new transport corridor across the region. "


def refused(data: bytes, name: str) -> str:
    with pytest.raises(ArticleError) as caught:
        read_document(data, name)
    assert caught.value.name == name
    assert str(caught.value).startswith(f"{name}: ")
    return caught.value.reason


def raw_pdf(contents: list[bytes], compress: bool = False) -> bytes:
    """A minimal PDF, one page per content stream, Helvetica text."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids = []
    number = 4
    for content in contents:
        data = zlib.compress(content) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects[number] = (b"<< /Length %d%s >>\nstream\n" % (len(data), flate)
                           + data + b"\nendstream")
        objects[number + 1] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % number)
        kids.append(b"%d 0 R" % (number + 1))
        number += 2
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    return pdf_file(objects)


def text_page(words: str) -> bytes:
    return b"BT /F1 11 Tf 72 720 Td (" + words.encode() + b") Tj ET"


# --- zip archives (Word, OpenDocument) ---------------------------------------------

@pytest.mark.parametrize("make, name, lowered, reason", REFUSED)
def test_a_hostile_file_is_refused(monkeypatch, make, name, lowered, reason):
    assert re.search(reason, refusal(refused, make, name, lowered, monkeypatch))


def test_a_zip_bomb_is_small():
    assert len(zip_bomb()) < 1_000_000  # 72 MB of zeros in a few hundred kilobytes


def test_word_xml_entities_are_never_expanded():
    laughs = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{laughs}]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>{SENTENCE}&a9;</w:t></w:r></w:p>"
           "</w:body></w:document>")
    try:
        document = read_document(word_with_document_xml(xml, plain_word("placeholder")),
                                 "laughs.docx")
    except ArticleError as error:
        assert error.name == "laughs.docx"
    else:
        assert "lollol" not in document.text
        assert len(document.text) < 1000


def _odt(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def test_opendocument_external_entities_are_not_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    content = (
        f'<?xml version="1.0"?><!DOCTYPE office:document-content '
        f'[<!ENTITY leak SYSTEM "file://{secret}"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
        f"<office:document-content {ODT_NS}><office:body><office:text>"
        f"<text:p>{SENTENCE}&leak;&net;</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    try:
        document = read_document(_odt(content), "leak.odt")
    except ArticleError as error:
        assert error.name == "leak.odt"
    else:
        assert "TOP-SECRET" not in document.text
        assert document.text.startswith("The ministers agreed")


# --- PDF ------------------------------------------------------------------------

def test_a_pdf_of_ten_thousand_pages_is_read_in_part_with_a_note():
    pages = [text_page(f"This is page {index} of a very long report about the region.")
             for index in range(10_000)]
    document = read_document(raw_pdf(pages), "huge.pdf")
    assert document.notes == (f"read the first {limits.MAX_PDF_PAGES} of 10,000 pages",)
    assert "page 0 of" in document.text
    assert f"page {limits.MAX_PDF_PAGES - 1} of" in document.text
    assert f"page {limits.MAX_PDF_PAGES} of" not in document.text


def test_a_pdf_decompression_bomb_is_refused():
    content = text_page(SENTENCE) + b"\n" + b" " * (limits.MAX_PDF_STREAM_BYTES * 2)
    data = raw_pdf([content], compress=True)
    assert len(data) < 200_000
    assert "decompression bomb" in refused(data, "bomb.pdf")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + b"\x00\xff" * 500,  # a header and nothing else
    raw_pdf([text_page(SENTENCE)])[:300],  # cut short
])
def test_broken_pdfs_are_refused_clearly(data):
    reason = refused(data, "broken.pdf")
    assert "PDF" in reason


# --- web pages ------------------------------------------------------------------

def test_deeply_nested_html_is_refused_or_read_without_a_crash():
    try:
        document = read_document(deeply_nested_page(), "deep.html")
    except ArticleError as error:
        assert error.name == "deep.html"
        assert "nested too deeply" in error.reason
    else:
        assert "ministers agreed" in document.text


def test_a_25_mb_page_of_text_is_refused_with_the_limit():
    paragraph = f"<p>{SENTENCE * 10}</p>\n"
    page = "<html><head><title>Huge</title></head><body><article>"
    page += paragraph * (25_000_000 // len(paragraph)) + "</article></body></html>"
    reason = refused(page.encode(), "huge.html")
    assert "too much to read" in reason
    assert "million" in reason


def test_a_25_mb_page_that_is_mostly_scripts_is_read():
    script = "<script>" + "var x = 1;\n" * 2_200_000 + "</script>"
    article = "".join(f"<p>{SENTENCE} ({index})</p>" for index in range(40))
    page = (f"<html><head><title>Corridor</title>{script}</head><body><article>"
            f"<h1>Corridor</h1>{article}</article></body></html>")
    assert len(page) > 24_000_000
    document = read_document(page.encode(), "scripts.html")
    assert document.title == "Corridor"
    assert document.text.count("ministers agreed") == 40


def test_a_file_over_the_upload_limit_is_refused_as_a_page():
    page = b"<html><body>" + b" " * (limits.MAX_HTML_BYTES + 1) + b"</body></html>"
    assert "too large" in refused(page, "giant.html")
