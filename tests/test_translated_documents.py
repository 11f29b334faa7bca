"""Documents translated in their own format (digest.formatted), as a reader gets them back:
Word, OpenDocument, web page and Markdown files built here, translated with tiny real
packs (whose output is random) for the structure, and through the job with a step that
writes each word backwards (so the words a run gets can be checked) for the formatting."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from lxml import etree
from lxml import html as lxml_html

from digest.formatted import PDF_NOTE, FileNotTranslated, translate_file, translated_file_name
from testkit import formatted_documents as made
from testkit.documents import make_pdf
from testkit.formatted_documents import backwards, backwards_steps
from testkit.tinypack import build_tiny_pack
from translator.packs.install import install_from_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def packs(packs_dir, tmp_path):
    """A tiny real en -> de pack: its output is random words, never the English."""
    packs_dir.mkdir()
    install_from_file(build_tiny_pack(tmp_path / "built", "en", "de"))
    return packs_dir


@pytest.fixture
def reversing():
    """The job's steps with a translation that writes every word backwards: the words of
    each run can be told apart after translation."""
    return backwards_steps()


def has_words(text: str) -> bool:
    return any(char.isalpha() for char in text)


# ---- Word ------------------------------------------------------------------------------


def word_blocks(document) -> list[tuple[str, str, str]]:
    """(kind, style, text) of every body paragraph and table cell, in order."""
    blocks = []
    for item in document.element.body.iterchildren(f"{W}p", f"{W}tbl"):
        if item.tag == f"{W}p":
            paragraph = docx.text.paragraph.Paragraph(item, document)
            blocks.append(("paragraph", paragraph.style.name, paragraph.text))
        else:
            table = docx.table.Table(item, document)
            for row in table.rows:
                for cell in row.cells:
                    blocks.append(("cell", table.style.name, cell.text))
    return blocks


def test_a_word_file_comes_back_as_word_with_every_block_and_style_translated(packs):
    original = made.word_document()
    translated = translate_file("report.docx", original, "en", "de")
    assert translated.name == "report.de.docx"
    assert translated.media_type == DOCX_MIME
    before = word_blocks(docx.Document(io.BytesIO(original)))
    after_document = docx.Document(io.BytesIO(translated.data))
    after = word_blocks(after_document)
    assert [(kind, style) for kind, style, _ in after] == [
        (kind, style) for kind, style, _ in before]
    assert {"Heading 1", "Heading 2", "List Bullet", "List Number"} <= {
        style for _, style, _ in after}
    assert sum(kind == "cell" for kind, _, _ in after) == 9
    for (_, _, old), (_, _, new) in zip(before, after, strict=True):
        if has_words(old):
            assert new.strip() and new != old
    section = after_document.sections[0]
    assert section.header.paragraphs[0].text not in ("", made.HEADER)
    assert section.footer.paragraphs[0].text not in ("", made.FOOTER)


def test_word_runs_keep_bold_italic_and_the_link_on_their_own_words(reversing):
    translated = translate_file("report.docx", made.word_document(), "en", "de",
                                steps=reversing)
    document = docx.Document(io.BytesIO(translated.data))
    intro = next(paragraph for paragraph in document.paragraphs
                 if any(run.bold for run in paragraph.runs))
    bold = " ".join(run.text for run in intro.runs if run.bold).strip()
    italic = " ".join(run.text for run in intro.runs if run.italic).strip()
    assert bold == backwards(made.INTRO_BOLD)
    assert italic == backwards(made.INTRO_ITALIC)
    assert "".join(run.text for run in intro.runs).split() == backwards(
        made.INTRO_PLAIN + made.INTRO_BOLD + made.INTRO_MIDDLE + made.INTRO_ITALIC
        + made.INTRO_END).split()
    link = document.element.body.find(f".//{W}hyperlink")
    assert "".join(text.text for text in link.iter(f"{W}t")) == backwards(made.LINK_TEXT)
    relation = document.part.rels[link.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
    assert relation.target_ref == made.LINK_URL


def test_word_parts_without_words_stay_byte_identical(packs):
    original = made.word_document()
    translated = translate_file("report.docx", original, "en", "de")
    with zipfile.ZipFile(io.BytesIO(original)) as before, \
            zipfile.ZipFile(io.BytesIO(translated.data)) as after:
        assert after.namelist() == before.namelist()
        changed = {name for name in before.namelist()
                   if before.read(name) != after.read(name)}
    assert "word/document.xml" in changed
    assert all(re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)
               for name in changed), changed


# ---- OpenDocument ----------------------------------------------------------------------


def odt_blocks(data: bytes, part: str = "content.xml") -> list[tuple[str, str, str]]:
    """(tag, style, text) of every heading and paragraph of a part, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read(part))
    return [(element.tag.split("}")[1], element.get(f"{TEXT}style-name") or "",
             "".join(element.itertext()))
            for element in root.iter(f"{TEXT}h", f"{TEXT}p")]


def test_an_opendocument_comes_back_with_every_block_and_style_translated(packs):
    original = made.odt_document()
    translated = translate_file("report.odt", original, "en", "de")
    assert translated.name == "report.de.odt"
    assert translated.media_type == "application/vnd.oasis.opendocument.text"
    for part in ("content.xml", "styles.xml"):
        before, after = odt_blocks(original, part), odt_blocks(translated.data, part)
        assert [(tag, style) for tag, style, _ in after] == [
            (tag, style) for tag, style, _ in before]
        for (_, _, old), (_, _, new) in zip(before, after, strict=True):
            if has_words(old):
                assert new.strip() and new != old
    with zipfile.ZipFile(io.BytesIO(original)) as before, \
            zipfile.ZipFile(io.BytesIO(translated.data)) as after:
        assert after.namelist() == before.namelist()
        first = after.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        for name in ("mimetype", "meta.xml", "META-INF/manifest.xml"):
            assert after.read(name) == before.read(name)
        content = etree.fromstring(after.read("content.xml"))
    cells = content.findall(f".//{TABLE}table-cell")
    assert len(cells) == 9 and all("".join(cell.itertext()).strip() for cell in cells)
    assert len(content.findall(f".//{TEXT}list-item")) == 4


def test_opendocument_spans_and_links_keep_their_own_words(reversing):
    translated = translate_file("report.odt", made.odt_document(), "en", "de",
                                steps=reversing)
    with zipfile.ZipFile(io.BytesIO(translated.data)) as archive:
        content = etree.fromstring(archive.read("content.xml"))
    spans = {span.get(f"{TEXT}style-name"): "".join(span.itertext()).strip()
             for span in content.iter(f"{TEXT}span")}
    assert spans == {"Strong": backwards(made.INTRO_BOLD),
                     "Emphasis": backwards(made.INTRO_ITALIC)}
    link = content.find(f".//{TEXT}a")
    assert link.get(f"{XLINK}href") == made.LINK_URL
    assert "".join(link.itertext()).strip() == backwards(made.LINK_TEXT)


# ---- web pages -------------------------------------------------------------------------


def page_shape(data: bytes) -> list[tuple[str, tuple]]:
    root = lxml_html.document_fromstring(data)
    return [(element.tag, tuple(sorted((key, value) for key, value in element.attrib.items()
                                       if key not in ("lang", "charset"))))
            for element in root.iter() if isinstance(element.tag, str)]


def test_a_web_page_keeps_its_markup_and_attributes_with_its_words_translated(packs):
    original = made.web_page()
    translated = translate_file("news.htm", original, "en", "de")
    assert translated.name == "news.de.htm"
    assert translated.media_type == "text/html"
    assert page_shape(translated.data) == page_shape(original)
    before = lxml_html.document_fromstring(original)
    after = lxml_html.document_fromstring(translated.data)
    assert after.get("lang") == "de"
    for tag in ("title", "h1", "h2", "li", "td", "th"):
        old = [element.text_content() for element in before.iter(tag)]
        new = [element.text_content() for element in after.iter(tag)]
        assert len(new) == len(old)
        assert all(text.strip() and text != source for text, source in zip(new, old,
                                                                             strict=True))
    assert after.find(".//script").text == before.find(".//script").text
    assert after.find(".//pre").text_content() == "print('code stays')"
    assert after.find(".//a").get("href") == made.LINK_URL


def test_web_page_emphasis_and_links_keep_their_own_words(reversing):
    translated = translate_file("news.html", made.web_page(), "en", "de", steps=reversing)
    page = lxml_html.document_fromstring(translated.data)
    assert page.find(".//strong").text_content() == backwards(made.INTRO_BOLD)
    assert page.find(".//em").text_content().strip() == backwards(made.INTRO_ITALIC)
    assert page.find(".//a").text_content().strip() == backwards(made.LINK_TEXT)


# ---- Markdown --------------------------------------------------------------------------


def markdown_shape(text: str) -> list[str]:
    """Each line's syntax: its marks, with the words taken out."""
    shape = []
    for line in text.split("\n"):
        marks = re.match(r"^(#+ |- |\d+\. |\||```|$)", line)
        shape.append(marks.group(1) if marks else "text")
        if line.startswith("|"):
            shape[-1] += str(line.count("|"))
    return shape


def test_a_markdown_file_keeps_its_syntax_with_its_words_translated(packs):
    original = made.markdown_file()
    translated = translate_file("notes.md", original, "en", "de")
    assert translated.name == "notes.de.md"
    text = translated.data.decode("utf-8")
    assert markdown_shape(text) == markdown_shape(original.decode("utf-8"))
    assert f"]({made.LINK_URL})" in text
    assert "`make report`" in text and "print('code stays')" in text
    assert "|---|---|---|" in text
    for line in original.decode("utf-8").split("\n"):
        if has_words(line) and "`" not in line and "---" not in line and "code" not in line:
            assert line not in text


def test_markdown_emphasis_and_links_keep_their_own_words(reversing):
    translated = translate_file("notes.md", made.markdown_file(), "en", "de", steps=reversing)
    text = translated.data.decode("utf-8")
    assert f"**{backwards(made.INTRO_BOLD)}**" in text
    assert f"*{backwards(made.INTRO_ITALIC)}*" in text
    assert f"[{backwards(made.LINK_TEXT)}]({made.LINK_URL})" in text
    assert f"# {backwards(made.HEADING)}" in text
    assert f"- {backwards(made.BULLETS[0])}" in text


# ---- PDF and plain text ----------------------------------------------------------------


def test_a_pdf_comes_back_as_a_word_file_saying_why(packs):
    paragraphs = [f"{made.INTRO_PLAIN}{made.INTRO_BOLD}{made.INTRO_MIDDLE}{made.INTRO_ITALIC}"
                  f"{made.INTRO_END}", made.CLOSING, *made.NUMBERED]
    translated = translate_file("release.pdf", make_pdf(made.HEADING, paragraphs), "en", "de")
    assert translated.name == "release.de.docx"
    assert translated.media_type == DOCX_MIME
    assert PDF_NOTE in translated.note
    document = docx.Document(io.BytesIO(translated.data))
    texts = [paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()]
    assert len(texts) >= 2
    assert not any(made.CLOSING in text or made.HEADING in text for text in texts)


def test_a_plain_text_comes_back_as_text(packs):
    text = f"{made.HEADING}\n\n{made.CLOSING}\n\n{made.NUMBERED[0]}\n"
    translated = translate_file("wire.txt", text.encode(), "en", "de")
    assert translated.name == "wire.de.txt"
    assert translated.media_type == "text/plain"
    out = translated.data.decode("utf-8")
    assert out.count("\n\n") == 2 and made.CLOSING not in out


# ---- what cannot be translated ---------------------------------------------------------


def test_a_language_without_a_pack_is_said_by_file_name(packs):
    with pytest.raises(FileNotTranslated) as refused:
        translate_file("report.docx", made.word_document(), "en", "fr")
    assert refused.value.name == "report.docx"
    assert "no language pack" in refused.value.reason and "French" in refused.value.reason


def test_file_names_follow_name_target_extension():
    assert translated_file_name("a/b/report.docx", "kk", "docx") == "report.kk.docx"
    assert translated_file_name("scan.PDF", "en", "pdf") == "scan.en.docx"
    assert translated_file_name("page.htm", "ru", "html") == "page.ru.htm"
    assert translated_file_name("notes", "uz", "markdown") == "notes.uz.md"
    assert translated_file_name("word-file.txt", "en", "docx") == "word-file.en.docx"
