"""A paragraph's translation shared back over its formatted runs (articles.rebuild.runs),
and the parts of a paragraph that stay where they are: tabs, line breaks, fields whose
value the word processor computes (page numbers), code in a web page."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from articles.rebuild import Rebuilt, rebuild
from articles.rebuild.runs import share_out

BOLD, PLAIN, LINK = "bold", "plain", "link"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def upper(paragraphs: list[str]) -> list[str]:
    return [paragraph.upper() for paragraph in paragraphs]


def rebuilt_upper(kind: str, data: bytes, name: str) -> tuple[Rebuilt, list[str]]:
    """The file rebuilt with upper() as its translator, and the paragraphs that translator
    was given: where tabs, breaks and fields cut the text shows there."""
    seen: list[str] = []

    def translate(paragraphs: list[str]) -> list[str]:
        seen.extend(paragraphs)
        return upper(paragraphs)

    return rebuild(kind, data, name, translate), seen


def test_each_run_gets_as_many_words_as_it_had():
    texts = ["The minister said on Monday that ", "prices rose", " again this week."]
    shared = share_out(texts, [PLAIN, BOLD, PLAIN],
                       "Der Minister sagte am Montag dass Preise stiegen wieder diese Woche.")
    assert shared == ["Der Minister sagte am Montag dass ", "Preise stiegen",
                      " wieder diese Woche."]


def test_a_run_found_unchanged_keeps_exactly_its_words():
    texts = ["Talks with ", "Kassym-Jomart Tokayev", " ended in Astana on Friday."]
    shared = share_out(texts, [PLAIN, BOLD, PLAIN],
                       "Die Gespräche mit Kassym-Jomart Tokayev endeten am Freitag in Astana.")
    assert shared[1] == "Kassym-Jomart Tokayev"
    assert "".join(shared) == (
        "Die Gespräche mit Kassym-Jomart Tokayev endeten am Freitag in Astana.")


def test_a_short_run_is_not_found_inside_a_longer_word():
    texts = ["The ", "train", " is late."]
    shared = share_out(texts, [PLAIN, BOLD, PLAIN], "Le train est en retard.")
    assert shared == ["Le ", "train", " est en retard."]
    shared = share_out(["A ", "in", " B C D"], [PLAIN, BOLD, PLAIN], "X Y Zin W")
    assert shared[1] != "in" and "".join(shared) == "X Y Zin W"


def test_runs_that_look_alike_give_everything_to_the_first():
    assert share_out(["Part one ", "and two."], [PLAIN, PLAIN], "Teil eins und zwei.") == [
        "Teil eins und zwei.", ""]


def test_spaces_at_the_edges_and_between_runs_stay_where_they_were():
    shared = share_out(["  Read ", "the report", " now. "], [PLAIN, LINK, PLAIN],
                       "Lesen Sie den Bericht jetzt.")
    assert shared[0].startswith("  ") and shared[-1].endswith(". ")
    assert not shared[1].startswith(" ") and not shared[1].endswith(" ")


def test_a_script_without_spaces_is_shared_by_characters():
    shared = share_out(["The ", "budget", " passed."], [PLAIN, BOLD, PLAIN], "预算已经通过了")
    assert all(shared) and "".join(shared) == "预算已经通过了"


def test_word_tabs_breaks_and_page_numbers_stay_in_place():
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Name")
    run.add_tab()
    run.add_text("Value here")
    run.add_break()
    run.add_text("second line")
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Page ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        field_run = footer.add_run()
        if kind:
            character = OxmlElement("w:fldChar")
            character.set(qn("w:fldCharType"), kind)
            field_run._r.append(character)
        elif text == " PAGE ":
            code = OxmlElement("w:instrText")
            code.text = text
            field_run._r.append(code)
        else:
            field_run.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    rebuilt, seen = rebuilt_upper("docx", buffer.getvalue(), "tabs.docx")
    assert seen == ["Name", "Value here", "second line", "Page"]
    with zipfile.ZipFile(io.BytesIO(rebuilt.data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        footer_xml = next(etree.fromstring(archive.read(name)) for name in archive.namelist()
                          if name.startswith("word/footer"))
    paragraph = body.find(f".//{W}p")
    assert [child.tag.split("}")[1] for child in paragraph.find(f"{W}r")] == [
        "t", "tab", "t", "br", "t"]
    assert [text.text for text in paragraph.iter(f"{W}t")] == ["NAME", "VALUE HERE",
                                                               "SECOND LINE"]
    assert [text.text for text in footer_xml.iter(f"{W}t")] == ["PAGE ", "1"]
    assert footer_xml.find(f".//{W}instrText").text == " PAGE "


def test_opendocument_line_breaks_tabs_spaces_and_fields_stay_in_place():
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
               "<office:body><office:text><text:p>first line<text:line-break/>second"
               "<text:s/>line<text:tab/>after tab <text:page-number>3</text:page-number>"
               "<text:note><text:note-body><text:p>a note</text:p></text:note-body></text:note>"
               "</text:p></office:text></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    rebuilt, seen = rebuilt_upper("odt", buffer.getvalue(), "breaks.odt")
    assert seen == ["first line", "second line", "after tab", "a note"]
    with zipfile.ZipFile(io.BytesIO(rebuilt.data)) as archive:
        text = archive.read("content.xml").decode()
    assert ("FIRST LINE<text:line-break/>SECOND LINE<text:s/><text:tab/>AFTER TAB "
            "<text:page-number>3</text:page-number>") in text
    assert "<text:p>A NOTE</text:p>" in text


def test_web_page_breaks_comments_and_code_stay():
    page = (b"<html><head><title>A title</title></head><body><p>one line<br>two <!-- a comment -->"
            b"lines <code>x = 1</code> end</p><img src='a.png' alt='a photo'></body></html>")
    rebuilt = rebuild("html", page, "page.html", upper, "de")
    text = rebuilt.data.decode()
    assert "<title>A TITLE</title>" in text
    assert text.startswith("<html")  # no doctype made up for a page without one
    assert "ONE LINE<br>TWO LINES <!-- a comment --><code>x = 1</code> END" in text
    assert 'alt="A PHOTO"' in text and 'src="a.png"' in text
