"""Small hostile files are read in bounded time and give bounded text (issue #24).

Each file is made here (testkit.documents); each once took from 10 s to minutes, or
gigabytes, and is now read (or refused with a reason) in well under the bound asserted.
"""
from __future__ import annotations

import time
from collections import Counter

import pytest

from articles import limits
from articles.decoding import ArticleError
from articles.reading import read_document
from testkit import documents as hostile

SENTENCE = hostile.SENTENCE


def timed(data: bytes, name: str):
    start = time.perf_counter()
    document = read_document(data, name)
    return document, time.perf_counter() - start


def refused(data: bytes, name: str) -> str:
    with pytest.raises(ArticleError) as caught:
        read_document(data, name)
    assert caught.value.name == name
    return caught.value.reason


# --- Markdown ------------------------------------------------------------------------

def test_a_heading_with_80_kb_of_spaces_is_read_at_once():
    document, seconds = timed(hostile.markdown_heading_spaces(80_000), "spaces.md")
    assert seconds < 1.0  # was 68 s
    assert document.title.startswith("a ") and document.title.endswith("x")


@pytest.mark.parametrize("marker", [
    "strong", "emphasis", "link", "strike", "image", "code", "tag", "autolink"])
def test_unbalanced_markdown_marks_are_read_in_linear_time(marker):
    document, seconds = timed(hostile.markdown_unbalanced(marker, 200_000), "marks.md")
    assert seconds < 1.5  # each was over 60 s
    assert document.text.startswith("The ministers agreed")
    assert document.text.count("word") >= 20_000  # the words stay


def test_markdown_reading_time_grows_linearly():
    small = timed(hostile.markdown_unbalanced("strong", 100_000), "a.md")[1]
    large = timed(hostile.markdown_unbalanced("strong", 400_000), "a.md")[1]
    assert large < max(small, 0.02) * 12  # 4 times the input; quadratic would be 16 times


def test_markdown_marks_still_become_words():
    text = ("# The corridor\n\n**Bold** and __strong__, *emphasis* and _this_, ~~gone~~, `code`,"
            " [a link](http://example.org/a_(b)) and ![a picture](p.png), <b>tag</b>"
            " <http://example.org>; snake_case_name stays.\n")
    document = read_document(text.encode(), "a.md")
    assert document.title == "The corridor"
    assert document.text == ("Bold and strong, emphasis and this, gone, code, a link and "
                             "a picture, tag http://example.org; snake_case_name stays.")


def test_markdown_with_line_break_tags_is_read_as_markdown():
    lines = [f"**Line {index}** of the report about the corridor.<br>" for index in range(8)]
    text = "# The corridor\n\n" + "\n".join(lines) + "\n"
    document = read_document(text.encode(), "notes.md")
    assert document.format == "markdown"
    assert document.title == "The corridor"
    assert "**" not in document.text and "#" not in document.text and "<br>" not in document.text
    assert "Line 7 of the report" in document.text


# --- sniffing ------------------------------------------------------------------------

def test_a_text_that_mentions_a_pdf_header_is_read_as_text():
    text = ("A note on the files: the scanner writes %PDF-1.4 headers.\n\n"
            + SENTENCE * 5).encode()
    document = read_document(text, "note.txt")
    assert document.format == "text"
    assert "%PDF-1.4 headers" in document.text


def test_a_pdf_after_a_short_preamble_is_still_a_pdf():
    pdf = hostile.raw_pdf([b"/Contents 10 0 R"], {
        10: b"BT /F1 11 Tf 72 720 Td (" + SENTENCE.encode() + b") Tj ET"})
    document = read_document(b"From: agency\r\n\r\n" + pdf, "release.pdf")
    assert document.format == "pdf"
    assert "ministers agreed" in document.text


def test_a_file_opening_with_many_comments_is_sniffed_at_once():
    from articles.sniffing import sniff

    comments = b"<!--a-->" * 1_000  # 2^999 ways to split them, all tried before
    start = time.perf_counter()
    assert sniff(comments + b"\n" + SENTENCE.encode(), "comments.txt") == "text"
    assert sniff(comments + b"<html><body><p>x</p>", "page.txt") == "html"
    assert time.perf_counter() - start < 1.0


# --- web pages -----------------------------------------------------------------------

@pytest.mark.parametrize("unit, size", [
    ("<!--", 160_000), ("<script>", 400_000), ("<a ", 180_000), ("<style>", 400_000)])
def test_unclosed_markup_does_not_stall_the_page(unit, size):
    document, seconds = timed(hostile.html_unclosed(unit, size), "page.html")
    assert seconds < 2.5  # 10 s to over 120 s before
    assert document.text.count("ministers agreed") == 15


def test_many_closed_scripts_are_dropped_in_linear_time():
    document, seconds = timed(hostile.html_scripts(400_000), "page.html")
    assert seconds < 2.5  # 45 s before
    assert "var a" not in document.text and "ministers agreed" in document.text


def test_a_page_of_too_many_elements_is_refused_with_the_limit():
    page = hostile.html_unclosed("<p>x</p>", 8 * (limits.MAX_HTML_ELEMENTS + 10_000))
    start = time.perf_counter()
    reason = refused(page, "page.html")
    assert time.perf_counter() - start < 1.0
    assert "too many elements" in reason and f"{limits.MAX_HTML_ELEMENTS:,}" in reason


def test_a_control_character_reference_does_not_lose_the_article():
    paragraphs = "".join(f"<p>{SENTENCE}Part {index}.&#8; &#x1b;&#233;t&eacute;</p>"
                         for index in range(6))
    page = f"<html><head><title>Corridor</title></head><body><article>{paragraphs}</article>"
    document = read_document(page.encode(), "page.html")
    assert document.text.count("ministers agreed") == 6
    assert "été" in document.text
    assert "\x08" not in document.text and "\x1b" not in document.text


# --- Word ----------------------------------------------------------------------------

def test_twenty_thousand_styled_paragraphs_are_read_in_linear_time():
    document, seconds = timed(hostile.docx_styled_paragraphs(20_000), "styles.docx")
    assert seconds < 2.5  # over 120 s before
    assert document.text.count("ministers agreed") == 20_000


def test_word_headings_lists_and_tables_keep_their_shape():
    import io

    import docx

    word = docx.Document()
    word.add_heading("The corridor", 1)
    word.add_paragraph(SENTENCE)
    word.add_paragraph("first point", style="List Bullet")
    word.add_paragraph("second point", style="List Bullet")
    table = word.add_table(rows=2, cols=3)
    for row in range(2):
        for column in range(3):
            table.cell(row, column).text = f"r{row}c{column}"
    table.cell(0, 0).merge(table.cell(0, 1))
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "in1", "in2"
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_document(buffer.getvalue(), "shape.docx")
    assert document.title == "The corridor"
    assert document.text == (SENTENCE.strip() + "\n\n- first point\n- second point\n\n"
                             "r0c0 r0c1 | r0c2\nr1c0 | r1c1 | r1c2 in1 | in2")


def test_word_tables_nested_too_deep_are_left_out_with_a_note():
    import io

    import docx

    word = docx.Document()
    word.add_paragraph(SENTENCE)
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    for level in range(limits.MAX_TABLE_DEPTH + 3):
        cell.text = f"level {level}"
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_document(buffer.getvalue(), "deep.docx")
    assert f"level {limits.MAX_TABLE_DEPTH - 1}" in document.text
    assert f"level {limits.MAX_TABLE_DEPTH}" not in document.text
    assert any("nested more than" in note for note in document.notes)


# --- OpenDocument --------------------------------------------------------------------

def test_eighty_nested_tables_do_not_multiply_the_text():
    document, seconds = timed(hostile.odt_nested_tables(80, words=200), "nested.odt")
    assert seconds < 1.0  # 112 s and 1.7 GB before
    assert len(document.text) < 20 * 200 * 10
    assert document.notes == (
        f"tables nested more than {limits.MAX_TABLE_DEPTH} deep inside other tables "
        "are left out",)
    # each table's words appear in its two cells, not again for every enclosing table
    words = Counter(word for word in document.text.split() if word.startswith("corridor"))
    assert max(words.values()) == 2


# --- the text bound, every format that can multiply its text --------------------------

@pytest.mark.parametrize("name, data", [
    ("long.docx", hostile.docx_styled_paragraphs(300)),
    ("long.odt", hostile.make_odt(f"<text:p>{SENTENCE}</text:p>" * 300)),
    ("long.pdf", hostile.pdf_shared_streams(pages=3, repeats=1)),
])
def test_the_text_stops_at_the_bound_with_a_note(monkeypatch, name, data):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_000)
    document = read_document(data, name)
    assert len(document.text) <= 1_000
    assert "read the first 1,000 characters of the text (the limit)" in " ".join(document.notes)


# --- PDF -----------------------------------------------------------------------------

def test_pages_that_list_one_stream_many_times_are_read_at_once():
    data = hostile.pdf_shared_streams(pages=20, repeats=400)
    assert len(data) < 70_000
    document, seconds = timed(data, "shared.pdf")
    assert seconds < 2.0  # over 120 s before
    assert document.notes == ()
    assert document.text.count("ministers agreed") < 20 * 10 + 1  # each stream read once a page


def test_a_pdf_line_of_one_200_000_letter_word_is_read_in_linear_time():
    word = b"a" * 200_000
    data = hostile.raw_pdf([b"/Contents 10 0 R"], {10: (
        b"BT /F1 11 Tf 72 720 Td (" + SENTENCE.encode() + b") Tj ET\n"
        b"BT /F1 11 Tf 72 700 Td (" + word + b" inter-) Tj ET\n"
        b"BT /F1 11 Tf 72 686 Td (national well-known) Tj ET")})
    document, seconds = timed(data, "word.pdf")
    assert seconds < 2.0
    assert document.text.endswith(" international well-known")


def test_a_page_drawing_one_form_over_and_over_stops_at_its_time_bound():
    data = hostile.pdf_repeated_form(repeats=40, depth=3)  # 64,000 forms drawn, 2 KB
    document, seconds = timed(data, "forms.pdf")
    assert seconds < limits.MAX_PDF_PAGE_SECONDS + 1.5
    assert "ministers agreed" in document.text
    assert document.notes == ("page 1 took too long to read and is read in part",)


def test_an_encrypted_pdf_needing_a_password_says_it_is_encrypted():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A secret statement.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    reason = refused(bytes(pdf.output()), "secret.pdf")
    assert "encrypted" in reason and "password" in reason


def test_an_aes_pdf_without_the_aes_library_names_what_is_missing(monkeypatch):
    """pypdf decrypts AES with the `cryptography` package; without it the reader is told
    so, not "DependencyError"."""
    from fpdf import FPDF
    from pypdf._crypt_providers import _fallback

    # What pypdf uses when no AES library is installed (it raises DependencyError).
    monkeypatch.setattr("pypdf._encryption.CryptAES", _fallback.CryptAES)
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A public statement that anybody may read and print.")
    pdf.set_encryption(owner_password="owner")
    data = bytes(pdf.output())  # RC4 made, declared AES: pypdf then needs its AES library
    data = (data.replace(b"/EncryptMetadata false\n", b"").replace(b"/R 3\n", b"/R 4\n")
            .replace(b"/V 2\n", b"/V 4\n/CF <</StdCF <</CFM /AESV2 /Length 16>>>>\n"))
    reason = refused(data, "aes.pdf")
    assert "encrypted" in reason and "cryptography" in reason


def test_an_aes_pdf_that_needs_no_password_is_read():
    """Encrypted for its owner only (anybody may open it), with AES: pypdf decrypts it
    with the `cryptography` package the project installs."""
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    from articles.reading import read_document

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A public statement that anybody may read and print.")
    pdf.set_encryption(owner_password="owner", encryption_method=EncryptionMethod.AES_128)
    document = read_document(bytes(pdf.output()), "public.pdf")
    assert "public statement that anybody may read" in document.text
