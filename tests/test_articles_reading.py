"""Every file a reader really has is read as the same plain text: text, Markdown,
web pages, Word, OpenDocument and PDF; the content decides, not the name."""
import codecs
import io
import zipfile
from xml.sax.saxutils import escape

import docx
import pytest
from fpdf import FPDF

from articles.decoding import ArticleError
from articles.reading import ENCODING_CHOICES, SUPPORTED_EXTENSIONS, read_document
from testkit.documents import FONT
from testkit.documents import make_pdf as release_pdf

RU_TITLE = "Переговоры в Астане"
RU_PARAGRAPHS = [
    "Министр иностранных дел России Сергей Лавров провёл переговоры с коллегами из "
    "Казахстана и Узбекистана. Стороны обсудили вопросы региональной безопасности.",
    "По словам министра, товарооборот между странами в прошлом году вырос на 15 процентов. "
    "Следующая встреча запланирована на весну.",
]
KK_TITLE = "Астанадағы кездесу"
KK_PARAGRAPHS = [
    "Қазақстан Республикасының Президенті Астанада шетелдік инвесторлармен кездесті. "
    "Кездесуде экономика мен энергетика салаларындағы ынтымақтастық талқыланды.",
    "Тараптар көлік және логистика саласындағы жобаларды да қарастырды.",
]
EN_TITLE = "Ministers meet in Astana"
EN_PARAGRAPHS = [
    "Foreign ministers of five Central Asian states met in Astana on Tuesday to discuss "
    "water, energy and transport across the region.",
    "The next meeting is planned for the spring, officials said after the talks ended.",
]


def page(body: str, head: str = "<meta charset='utf-8'>", title: str = RU_TITLE) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in RU_PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        "<nav><a href='/'>Главная</a> <a href='/sport'>Спорт</a></nav>"
        f"<article><h1>{title}</h1>{body or paragraphs}</article>"
        "<footer>© 2026 Информационное агентство. Все права защищены.</footer></body></html>"
    )


# --- plain text and Markdown -------------------------------------------------------

def test_plain_text_keeps_its_encoding_and_has_no_separate_title():
    text = RU_TITLE + "\n\n" + "\n\n".join(RU_PARAGRAPHS)
    document = read_document(text.encode("cp1251"), "news.txt")
    assert (document.format, document.encoding, document.title) == ("text", "cp1251", None)
    assert document.text == text


def test_read_as_forces_the_code_page_of_one_file():
    data = ("\n\n".join(RU_PARAGRAPHS)).encode("koi8-r")
    assert read_document(data, "a.txt").text == "\n\n".join(RU_PARAGRAPHS)
    forced = read_document(data, "a.txt", encoding="cp1251")
    assert forced.encoding == "cp1251"
    assert forced.text != "\n\n".join(RU_PARAGRAPHS)


def test_markdown_is_read_as_its_words():
    markdown = (
        "# Talks in **Astana**\n\n"
        "Ministers *met* on Tuesday, [the agency](https://example.org/a_(b)) reported.\n"
        "They discussed `water` and energy.\n\n"
        "## Results\n\n"
        "* a new road\n"
        "* a [shared](http://x.org) power line\n\n"
        "> The next meeting is in spring.\n"
    )
    document = read_document(markdown.encode(), "talks.md")
    assert document.format == "markdown"
    assert document.title == "Talks in Astana"
    assert "Ministers met on Tuesday, the agency reported. They discussed water" in document.text
    assert "- a new road\n- a shared power line" in document.text
    for syntax in ("#", "*", "](", "`", ">"):
        assert syntax not in document.text


# --- web pages ---------------------------------------------------------------------

def test_a_web_page_saved_as_txt_is_read_as_a_web_page():
    document = read_document(page("").encode("utf-8"), "saved.txt")
    assert document.format == "html"
    assert document.title == RU_TITLE
    assert document.text == "\n\n".join(RU_PARAGRAPHS)
    assert "Главная" not in document.text and "права защищены" not in document.text


@pytest.mark.parametrize("head", [
    "<meta charset='windows-1251'>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    "",  # no declaration: detected
])
def test_regional_pages_in_windows_1251_are_read_right(head):
    document = read_document(page("", head=head).encode("cp1251"), "news.html")
    assert document.encoding == "cp1251"
    assert document.title == RU_TITLE
    assert RU_PARAGRAPHS[0] in document.text


def test_a_page_byte_order_mark_wins_over_its_declaration():
    data = codecs.BOM_UTF8 + page("", head="<meta charset='windows-1251'>").encode("utf-8")
    assert read_document(data, "a.htm").text == "\n\n".join(RU_PARAGRAPHS)


def test_read_as_overrides_a_wrong_page_declaration():
    data = page("", head="<meta charset='utf-8'>").encode("cp1251")  # declared wrongly
    document = read_document(data, "a.html", encoding="cp1251")
    assert document.encoding == "cp1251"
    assert document.text == "\n\n".join(RU_PARAGRAPHS)


def test_stray_bytes_in_a_utf8_page_are_reported_not_refused():
    data = page("").encode("utf-8").replace("Сергей".encode(), "Серг".encode() + b"\xff")
    document = read_document(data, "a.html")
    assert "Серг\ufffd" in document.text
    assert document.notes == ("1 unreadable byte replaced",)


def test_lists_in_a_page_stay_one_item_a_line():
    body = "".join(f"<p>{p}</p>" for p in RU_PARAGRAPHS) + (
        "<ul><li>первый пункт повестки дня</li><li>второй пункт повестки дня</li></ul>")
    document = read_document(page(body).encode(), "a.html")
    assert document.text.endswith("- первый пункт повестки дня\n- второй пункт повестки дня")


def test_a_page_without_article_text_is_refused_clearly():
    empty = ("<html><head><title>x</title></head>"
             "<body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(ArticleError) as caught:
        read_document(empty.encode(), "empty.html")
    assert caught.value.name == "empty.html"
    assert "no article text" in caught.value.reason


# --- Word and OpenDocument ---------------------------------------------------------

def make_docx(title, paragraphs, heading=True, core_title=None, extra=None):
    document = docx.Document()
    if heading:
        document.add_heading(title, level=1)
    if core_title:
        document.core_properties.title = core_title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if extra:
        extra(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_paragraphs_headings_lists_and_tables_in_order():
    def extra(document):
        document.add_heading("Итоги", level=2)
        document.add_paragraph("первый пункт", style="List Bullet")
        document.add_paragraph("второй пункт", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        for row, values in enumerate([("Страна", "Рост"), ("Казахстан", "15 %")]):
            for column, value in enumerate(values):
                table.cell(row, column).text = value

    document = read_document(make_docx(RU_TITLE, RU_PARAGRAPHS, extra=extra), "release.docx")
    assert (document.format, document.title, document.encoding) == ("docx", RU_TITLE, None)
    assert document.text == "\n\n".join(RU_PARAGRAPHS + [
        "Итоги", "- первый пункт\n- второй пункт", "Страна | Рост\nКазахстан | 15 %"])


def test_word_title_comes_from_the_properties_without_a_heading():
    data = make_docx(KK_TITLE, KK_PARAGRAPHS, heading=False, core_title=KK_TITLE)
    document = read_document(data, "release.txt")  # the name does not matter
    assert document.format == "docx"
    assert document.title == KK_TITLE
    assert document.text == "\n\n".join(KK_PARAGRAPHS)


def make_odt(content_body, meta_title=None, doctype=""):
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
        f"<office:body><office:text>{content_body}</office:text></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        if meta_title:
            archive.writestr("meta.xml", (
                '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                'office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
                f"<dc:title>{escape(meta_title)}</dc:title></office:meta></office:document-meta>"))
    return out.getvalue()


def test_opendocument_text_is_read_in_order():
    body = (f'<text:h text:outline-level="1">{KK_TITLE}</text:h>'
            + "".join(f"<text:p>{escape(p)}</text:p>" for p in KK_PARAGRAPHS)
            + "<text:list><text:list-item><text:p>бірінші</text:p></text:list-item>"
            "<text:list-item><text:p>екінші<text:s/>тармақ</text:p></text:list-item></text:list>")
    document = read_document(make_odt(body), "release.odt")
    assert (document.format, document.title) == ("odt", KK_TITLE)
    assert document.text == "\n\n".join(KK_PARAGRAPHS + ["- бірінші\n- екінші тармақ"])


def test_opendocument_title_from_its_properties():
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in EN_PARAGRAPHS)
    document = read_document(make_odt(body, meta_title=EN_TITLE), "release.odt")
    assert document.title == EN_TITLE
    assert document.text == "\n\n".join(EN_PARAGRAPHS)


# --- PDF ---------------------------------------------------------------------------

# Distinct endings, so that no two paragraphs end a page with the same line.
MARKS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
         "Juliett", "Kilo", "Lima"]


def make_pdf(title, paragraphs, copies=1, header="Agency News | Press release"):
    """A release whose paragraphs come `copies` times, each copy ending in its own mark."""
    if copies > 1:
        paragraphs = [f"{paragraph} {MARKS[copy]}." for copy in range(copies)
                      for paragraph in paragraphs]
    return release_pdf(title, paragraphs, header=header, page_number="Page {}")


@pytest.mark.parametrize(("title", "paragraphs"), [
    (EN_TITLE, EN_PARAGRAPHS), (RU_TITLE, RU_PARAGRAPHS), (KK_TITLE, KK_PARAGRAPHS),
])
def test_pdf_paragraphs_come_back_without_header_and_page_numbers(title, paragraphs):
    document = read_document(make_pdf(title, paragraphs, copies=12), "release.pdf")
    assert (document.format, document.title, document.encoding) == ("pdf", title, None)
    expected = [f"{p} {MARKS[copy]}." for copy in range(12) for p in paragraphs]
    assert document.text.split("\n\n") == expected
    assert "Press release" not in document.text and "Page" not in document.text


def test_pdf_words_hyphenated_at_line_ends_are_rejoined():
    pdf = FPDF()
    pdf.add_font("body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("body", size=11)
    lines = ["The agreement on inter-", "national transport was signed by the well-",
             "known delegates, a well-known fact in the region."]
    for line in lines:
        pdf.cell(0, 6, line)
        pdf.ln(6)
    document = read_document(bytes(pdf.output()), "hyphen.pdf")
    assert document.text == ("The agreement on international transport was signed by the "
                             "well-known delegates, a well-known fact in the region.")


def test_pdf_title_from_its_properties_when_no_heading_stands_out():
    pdf = FPDF()
    pdf.set_title(EN_TITLE)
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, EN_PARAGRAPHS[0])
    document = read_document(bytes(pdf.output()), "release.pdf")
    assert document.title == EN_TITLE
    assert document.text == EN_PARAGRAPHS[0]


def test_a_scanned_pdf_without_text_is_refused_with_the_reason():
    from PIL import Image

    scan = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(scan, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(scan, x=10, y=10, w=190)
    with pytest.raises(ArticleError) as caught:
        read_document(bytes(pdf.output()), "scan.pdf")
    assert caught.value.name == "scan.pdf"
    assert "no text layer" in caught.value.reason


def test_a_password_protected_pdf_is_refused_with_the_reason():
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A secret statement that nobody may read without the password.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    with pytest.raises(ArticleError) as caught:
        read_document(bytes(pdf.output()), "secret.pdf")
    assert "password" in caught.value.reason


def test_a_pdf_locked_only_against_editing_is_read():
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A public statement that anybody may read and print.")
    pdf.set_encryption(owner_password="owner")
    assert read_document(bytes(pdf.output()), "public.pdf").text == (
        "A public statement that anybody may read and print.")


# --- what the dashboard needs --------------------------------------------------------

def test_the_uploader_accepts_every_format_read_here():
    assert set(SUPPORTED_EXTENSIONS) == {"txt", "md", "text", "html", "htm", "docx", "odt", "pdf"}


def test_every_read_as_choice_is_a_code_page_python_knows():
    for encoding in ENCODING_CHOICES:
        assert codecs.lookup(encoding)
    assert {"cp1251", "koi8-r", "koi8-u", "cp866", "kz1048", "utf-8"} <= set(ENCODING_CHOICES)
