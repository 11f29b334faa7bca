"""Hostile documents stay bounded when translated in their own format exactly as on reading:
the same limits refuse them with the same words, naming the file, or the part past a
bound is left as it was with a note. The translation is the job's own with a step that
writes words backwards (no pack needed: most never get that far)."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from articles import limits
from articles.decoding import ArticleError
from articles.reading import read_document
from digest.formatted import FileNotTranslated, translate_file
from testkit import documents as hostile
from testkit.formatted_documents import backwards, backwards_steps, word_document
from tests.hostile_files import (
    REFUSED,
    W,
    deeply_nested_page,
    refusal,
    word_with_document_xml,
)

SENTENCE = hostile.SENTENCE


def refused(data: bytes, name: str) -> str:
    """The reason the file is not translated; the reader refuses it with the same one."""
    with pytest.raises(FileNotTranslated) as caught:
        translate_file(name, data, "en", "de", steps=backwards_steps())
    assert caught.value.name == name
    assert str(caught.value).startswith(f"{name}: ")
    with pytest.raises(ArticleError) as reading:
        read_document(data, name)
    assert reading.value.reason == caught.value.reason
    return caught.value.reason


@pytest.mark.parametrize("make, name, lowered, reason", REFUSED)
def test_a_hostile_file_is_refused(monkeypatch, make, name, lowered, reason):
    assert re.search(reason, refusal(refused, make, name, lowered, monkeypatch))


def test_a_word_file_past_the_tag_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_XML_TAGS", 1_000)
    reason = refused(hostile.docx_styled_paragraphs(300), "many.docx")
    assert "too many elements" in reason and "1,000" in reason


def test_word_xml_entities_are_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY leak SYSTEM "file://{secret}">'
           '<!ENTITY word "ministers">]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>{SENTENCE}&leak; &word;</w:t></w:r></w:p>"
           "</w:body></w:document>")
    try:
        word = word_with_document_xml(xml, word_document())
        translated = translate_file("entities.docx", word, "en", "de", steps=backwards_steps())
    except FileNotTranslated as error:
        assert error.name == "entities.docx"
    else:
        with zipfile.ZipFile(io.BytesIO(translated.data)) as archive:
            assert b"swordfish" not in archive.read("word/document.xml")
            assert b"hsifdrows" not in archive.read("word/document.xml")


def test_word_tables_nested_too_deep_are_left_as_they_are_with_a_note():
    depth = limits.MAX_TABLE_DEPTH + 3
    inner = ""
    for level in reversed(range(depth)):
        inner = (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>level {level} words here</w:t></w:r></w:p>"
                 f"{inner}<w:p/></w:tc></w:tr></w:tbl>")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
           f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>{inner}</w:body></w:document>")
    word = word_with_document_xml(xml, word_document())
    translated = translate_file("nested.docx", word, "en", "de", steps=backwards_steps())
    assert "left untranslated" in translated.note
    with zipfile.ZipFile(io.BytesIO(translated.data)) as archive:
        body = archive.read("word/document.xml").decode()
    assert backwards(SENTENCE) in body
    assert backwards("level 0 words here") in body
    assert f"level {depth - 1} words here" in body  # past the bound: as it was


def test_the_text_past_the_bound_is_left_as_it_was_with_a_note(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_000)
    translated = translate_file("long.docx", hostile.docx_styled_paragraphs(300), "en", "de",
                                steps=backwards_steps())
    assert "only the first 1,000 characters" in translated.note
    texts = [p.text for p in docx.Document(io.BytesIO(translated.data)).paragraphs if p.text]
    assert texts[0].strip() == backwards(f"0 {SENTENCE}")
    assert texts[-1] == f"299 {SENTENCE}"


def test_a_page_of_too_many_elements_is_refused_with_the_limit():
    page = ("<html><body>" + "<p>word</p>" * (limits.MAX_HTML_ELEMENTS + 10)
            + "</body></html>").encode()
    reason = refused(page, "many.html")
    assert "too many elements" in reason


def test_a_deeply_nested_page_is_refused_by_name():
    with pytest.raises(FileNotTranslated) as caught:
        translate_file("deep.html", deeply_nested_page(), "en", "de", steps=backwards_steps())
    assert caught.value.name == "deep.html"
    assert "too many elements" in caught.value.reason or "nested" in caught.value.reason


@pytest.mark.parametrize("marker, sign", [
    ("strong", b"*"), ("emphasis", b"_"), ("link", b"["), ("strike", b"~"), ("code", b"`"),
    ("image", b"!"), ("tag", b"<"), ("autolink", b"<"),
])
def test_unbalanced_markdown_marks_are_translated_and_kept(marker, sign):
    data = hostile.markdown_unbalanced(marker, 80_000)
    translated = translate_file("marks.md", data, "en", "de", steps=backwards_steps())
    assert translated.name == "marks.de.md"
    assert translated.data.count(sign) == data.count(sign)
    assert backwards(hostile.SENTENCE).encode() in translated.data


def test_a_file_over_the_upload_limit_is_refused_by_its_size():
    data = b"<html><body><p>" + b"word " * (26_214_400 // 5 + 10) + b"</p></body></html>"
    with pytest.raises(FileNotTranslated) as caught:
        translate_file("huge.html", data, "en", "de", steps=backwards_steps())
    assert caught.value.name == "huge.html"
    assert "too large" in caught.value.reason

