"""The glossary and the checks on the dashboard through AppTest: a term added on the
Language packs page is kept and marked in the side-by-side view, a name of the article is
added in one click, flagged sentences are counted and marked with their reasons, and an
alternative picked for a sentence becomes its translation."""
from __future__ import annotations

import re
from html import unescape

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from testkit.tinypack import build_tiny_pack
from tests.test_i18n_pages import english_left
from tests.test_ui_dashboard import html_bodies, start, texts, upload
from translator.packs.install import install_from_file
from ui import i18n

RUSSIAN = (
    "Шульман в Думе\n\n"
    "Помощник Кори Шульман выступила в понедельник в Думе. "
    "Речь Шульман длилась час.\n\n"
    "Депутаты задали Шульман много вопросов о бюджете. "
    "Цены на хлеб и топливо снова выросли на этой неделе.\n\n"
    "Коллеги поблагодарили Кори Шульман за ответы."
)


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()
    i18n.forget_last_run()


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    install_from_file(build_tiny_pack(tmp_path, "ru", "en", seed=4))


def packs_page() -> None:
    from ui.packs_page import render

    render()


def side_by_side(app: AppTest) -> str:
    return next(body for body in html_bodies(app) if body.startswith('<table class="nd-sbs">'))


def rows(table: str) -> list[tuple[str, str]]:
    """(original cell, translation cell) of each row."""
    return re.findall(r"<tr><td[^>]*>(.*?)</td>(<td.*?</td>)</tr>", table)


def translated_article(app: AppTest) -> AppTest:
    app = upload(app, ("shulman.txt", RUSSIAN.encode("utf-8")))
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    assert not app.exception, app.exception
    return app


def test_a_term_added_on_the_packs_page_is_kept_and_marked_in_every_sentence(ru_en_pack):
    page = AppTest.from_function(packs_page, default_timeout=60)
    page.run()
    page.selectbox(key="glossary_source").set_value("ru")
    page.text_input(key="glossary_term").set_value("Кори Шульман")
    page.selectbox(key="glossary_target").set_value("en")
    page.text_input(key="glossary_translation").set_value("Kori Schulman")
    next(b for b in page.button if b.label == "Add to the glossary").click().run()
    assert not page.exception, page.exception
    assert any("Added “Кори Шульман” to the glossary." in text.replace("\\", "")
               for text in texts(page, "success"))
    page.text_input(key="glossary_term").set_value("Шульман")
    page.selectbox(key="glossary_source").set_value("ru")
    page.selectbox(key="glossary_target").set_value("en")
    page.text_input(key="glossary_translation").set_value("Schulman")
    next(b for b in page.button if b.label == "Add to the glossary").click().run()
    listed = " ".join(texts(page, "markdown")).replace("\\", "")
    assert "Кори Шульман" in listed and "Kori Schulman" in listed

    app = translated_article(start())
    table = side_by_side(app)
    held = 0
    for original, translation in rows(table):
        if "Шульман" in unescape(original):
            held += 1
            assert '<mark class="nd-term">' in original
            assert re.search(r'<mark class="nd-term">(Kori )?Schulman</mark>', translation)
    assert held == 4  # every sentence naming her, "Шульман" and "Кори Шульман" alike


def test_flagged_sentences_are_counted_and_marked_with_their_reason(ru_en_pack):
    app = translated_article(start())
    table = side_by_side(app)
    flagged = re.findall(r'<td class="[^"]*nd-flagged[^"]*" title="([^"]+)"', table)
    assert flagged  # the random pack's loops and scripts
    assert all(reason.strip().endswith(".") for reason in flagged)
    caption = " ".join(texts(app, "caption")).replace("\\", "")
    assert f"{len(flagged)} translated sentences flagged by the checks" in caption
    summary = next(body for body in html_bodies(app) if body.startswith('<ol class="nd-summary">'))
    in_summary = re.findall(r'<span class="nd-tr nd-flagged" title="([^"]+)">', summary)
    assert in_summary  # the Summary tab flags its translations too, with the same reasons
    assert set(in_summary) <= set(flagged)


def test_a_name_of_the_article_is_added_in_one_click(ru_en_pack):
    app = translated_article(start())
    name_buttons = [b for b in app.button if b.label.replace("\\", "").startswith("+ ")]
    assert name_buttons
    button = next((b for b in name_buttons if "Шульман" in b.label), name_buttons[0])
    name = button.label.replace("\\", "")[2:]
    button.click().run()
    assert not app.exception, app.exception
    marked = [unescape(m) for m in re.findall(r'<mark class="nd-term">(.*?)</mark>',
                                              side_by_side(app))]
    assert name in marked  # kept as it is in the translation, and marked


def test_an_alternative_picked_for_a_sentence_becomes_its_translation(ru_en_pack):
    app = translated_article(start())
    before = rows(side_by_side(app))
    app.button(key=next(b.key for b in app.button if b.label == "Show alternatives")).click()
    app.run()
    picker = next(r for r in app.radio if r.key.startswith("alternatives-pick:"))
    choices = [re.sub(r"\\(.)", r"\1", label) for label in picker.options]  # shown escaped
    assert 1 <= len(choices) <= 3
    picker.set_value(choices[-1])
    next(b for b in app.button if b.label == "Use this translation").click().run()
    assert not app.exception, app.exception
    after = rows(side_by_side(app))
    changed = [n for n, (row, old) in enumerate(zip(after, before, strict=True)) if row != old]
    assert len(changed) == 1
    assert unescape(choices[-1]) in unescape(after[changed[0]][1])
    assert "your pick" in after[changed[0]][1]


def test_a_csv_glossary_is_imported_listed_and_downloaded_again(monkeypatch):
    downloads = {}
    original = st.download_button

    def recording(label, data, file_name=None, *args, **kwargs):
        downloads[file_name] = data
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    csv_text = ("source_language,term,target_language,translation\n"
                "ru,Госдума,en,State Duma\nkk,Тоқаев,en,\n")
    page = AppTest.from_function(packs_page, default_timeout=60)
    page.run()
    page.file_uploader(key="glossary_csv").set_value(("terms.csv", csv_text.encode(), "text/csv"))
    page.run()
    next(b for b in page.button if b.label == "Import these terms").click().run()
    assert not page.exception, page.exception
    assert any("Imported 2 terms" in text for text in texts(page, "success"))
    listed = " ".join(texts(page, "markdown")).replace("\\", "")
    assert "Госдума" in listed and "State Duma" in listed and "kept as it is" in listed
    assert downloads["glossary.csv"].decode("utf-8") == csv_text


def test_a_bad_glossary_file_and_a_term_too_long_are_refused_in_russian():
    """In the Russian interface the glossary's refusals are Russian: a CSV file whose third
    line holds no word (nothing of it imported), one with a carriage return inside a field,
    and a term too long typed in the form."""
    russian = i18n.translations("ru").gettext
    page = AppTest.from_function(packs_page, default_timeout=60)
    page.session_state[i18n.LANGUAGE_KEY] = "ru"
    page.run()

    def imported(csv_text: str) -> list[str]:
        page.file_uploader(key="glossary_csv").set_value(
            ("terms.csv", csv_text.encode(), "text/csv"))
        page.run()
        next(b for b in page.button if b.label == russian("Import these terms")).click().run()
        assert not page.exception, page.exception
        return [text.replace("\\", "") for text in texts(page, "warning")]

    header = "source_language,term,target_language,translation\n"
    warnings = imported(header + "ru,Госдума,en,State Duma\nru,«—»,en,\n")
    assert warnings == [
        "Строка 3 файла глоссария: В термине глоссария должно быть хотя бы одно слово."]
    assert "Госдума" not in " ".join(texts(page, "markdown"))
    warnings = imported(header + "ru,Гос\rдума,en,State Duma\n")
    assert warnings == ["Не удаётся прочитать строку 2 файла глоссария: в поле без кавычек "
                        "встретился символ перевода строки."]
    page.text_input(key="glossary_term").set_value("Шульман " * 30)
    next(b for b in page.button if b.label == russian("Add to the glossary")).click().run()
    assert not page.exception, page.exception
    warnings = [text.replace("\\", "") for text in texts(page, "warning")]
    assert warnings == ["Длина термина глоссария — не более 200 символов."]
    assert english_left(warnings, "ru") == []
