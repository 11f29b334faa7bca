"""The dashboard and the Briefing page, as a reader uses them (AppTest, real texts):
mixed-language articles, full translations out, several pasted texts, the Words length."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from streamlit.testing.v1 import AppTest

from articles.building import build_article
from digest.job import Upload
from testkit.tinypack import build_tiny_pack
from tests.test_mixed_languages import ENGLISH, MIXED, TITLE, WITH_LIST
from tests.test_ui_dashboard import (  # noqa: F401 (fixtures)
    GERMAN,
    RUSSIAN,
    downloads,
    fresh_caches,
    start,
    upload,
)
from translator.packs.install import install_from_file

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))



def html_bodies(app: AppTest) -> list[str]:
    return [e.proto.body for e in app.get("html") if "<style>" not in e.proto.body]


def test_mixed_article_note_gives_the_shares_and_kept_paragraphs_show_as_kept(
    ru_en_pack, downloads  # noqa: F811
):
    app = upload(start(), ("mixed.txt", MIXED.encode("utf-8")))
    warning = next(str(w.value) for w in app.warning if "mixes languages" in str(w.value))
    assert "Russian 5" in warning and "English 4" in warning  # "Russian 56 %, English 44 %"
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    assert not app.exception
    table = next(body for body in html_bodies(app) if body.startswith('<table class="nd-sbs">'))
    quoted = len(build_article("quote.txt", ENGLISH, "en").sentences)
    assert quoted >= 2
    assert table.count("kept: already in English") == quoted  # every English sentence
    assert "We see Kazakhstan as a reliable partner" in table
    key = Upload("mixed.txt", MIXED.encode("utf-8")).key
    name, data = downloads[f"download_translation:{key}"]
    text = data.decode("utf-8")
    assert name == "mixed.translation.txt"
    assert text.startswith(TITLE + "\n") and text.splitlines()[1] != TITLE  # headline translated
    assert "Translation (English, whole article)" in text
    assert f"[{quoted} sentences kept: already in English]" in text
    translated_part = text.split("Translation (English, whole article)")[1]
    assert ENGLISH.replace("\n", " ") in translated_part  # kept word for word
    assert "Министр" not in translated_part


def test_the_digest_says_why_an_article_has_no_translation_also_in_word(
    ru_en_pack, downloads  # noqa: F811
):
    app = upload(
        start(),
        ("byudzhet.txt", RUSSIAN.encode("utf-8")),
        ("haushalt.txt", GERMAN.encode("utf-8")),
    )
    app.selectbox(key="target").set_value("en").run()
    _, digest = downloads["download_digest"]
    text = digest.decode("utf-8")
    assert "No translation: No language pack for German → English." in text
    assert "Translation (English, summary)" in text
    name, data = downloads["download_docx"]
    assert name == "summaries.docx"
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Парламент одобрил новый бюджет" in paragraphs
    assert "No translation: No language pack for German → English." in paragraphs


def test_line_breaks_survive_in_the_original_view_and_the_whole_translation(
    ru_en_pack, downloads  # noqa: F811
):
    app = upload(start(), ("list.txt", WITH_LIST.encode("utf-8")))
    original = next(b for b in html_bodies(app) if b.startswith('<div class="nd-article">'))
    assert "Астана, 12 мая<br>" in original and "- план инвестиций<br>" in original
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    key = Upload("list.txt", WITH_LIST.encode("utf-8")).key
    text = downloads[f"download_translation:{key}"][1].decode("utf-8")
    translated = text.split("Translation (English, whole article)\n")[1].split("\n\n")
    first_paragraph = translated[1]  # after the dashes, the kept note and the headline
    assert len(first_paragraph.splitlines()) == 5  # dateline, sentence, three list items


def test_several_pasted_texts_each_become_an_article():
    app = start()
    app.text_area(key="pasted").set_value(RUSSIAN).run()
    add = next(b for b in app.button if b.label == "Add another text")
    add.click().run()
    assert not app.exception
    assert app.text_area(key="pasted").value == ""
    app.text_area(key="pasted").set_value(GERMAN).run()
    labels = [e.label for e in app.expander if e.label != "Paste a text instead"]
    assert len(labels) == 2
    assert "Pasted text" in labels[0] and "Russian" in labels[0]
    assert "Pasted text 2" in labels[1] and "German" in labels[1]


def test_words_length_reaches_the_summarizer(monkeypatch):
    """The sidebar's Words choice asks summarize(..., words=N) (added by the summary
    branch); here a stand-in with that signature records the call."""
    import summarizer.pipeline

    real = summarizer.pipeline.summarize
    asked = []

    def with_words(article, algorithm="reduction", sentences=None, ratio=None, words=None):
        asked.append(words)
        return real(article, algorithm, sentences=2)

    monkeypatch.setattr(summarizer.pipeline, "summarize", with_words)
    app = upload(start(), ("byudzhet.txt", RUSSIAN.encode("utf-8")))
    app.session_state["length_unit"] = "Words"
    app.run()
    app.number_input(key="length_words").set_value(60).run()
    assert not app.exception
    assert asked[-1] == 60


def test_briefing_page_lists_every_article_filterable_by_language(ru_en_pack):
    def page():
        import streamlit as st

        from ui.settings import keep_widget_state

        keep_widget_state()
        name = st.session_state.get("page", "dashboard")
        if name == "dashboard":
            from ui.dashboard import render
        else:
            from ui.briefing_page import render
        render()

    app = AppTest.from_function(page, default_timeout=120)
    app.run()
    app.file_uploader(key="files-0").set_value([
        ("byudzhet.txt", RUSSIAN.encode("utf-8"), "text/plain"),
        ("haushalt.txt", GERMAN.encode("utf-8"), "text/plain"),
        ("mixed.txt", MIXED.encode("utf-8"), "text/plain"),
    ])
    app.run()
    app.selectbox(key="target").set_value("en").run()
    app.session_state["page"] = "briefing"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Briefing"
    brief = next(b for b in html_bodies(app) if b.startswith('<div class="nd-brief">'))
    assert brief.count("<article>") == 3
    assert "Парламент одобрил новый бюджет" in brief and "Das Parlament" in brief
    assert "No translation: No language pack for German → English." in brief
    assert brief.count('class="nd-brief-tr-title"') == 2  # both Russian headlines translated
    app.get("pills")[0].set_value(["de"]).run()
    brief = next(b for b in html_bodies(app) if b.startswith('<div class="nd-brief">'))
    assert brief.count("<article>") == 1 and "Das Parlament" in brief
    assert "@media print" in " ".join(e.proto.body for e in app.get("html"))
