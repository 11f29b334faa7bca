"""A press analyst's working day on the dashboard (issue #18), through AppTest.

The language in use has one source of truth; the settings are remembered per reader
profile across reloads (a reload is a new AppTest on the same data folder); every file
not read is named, counted and explained; and the small things: code page names,
algorithms explained, exports that say what translated them, the Briefing's date, one
log line for an expected offline condition.
"""
from __future__ import annotations

import io
import logging
from datetime import datetime
from pathlib import Path

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from digest.job import ArticleResult, Upload
from digest.library import open_library
from digest.library.store import forget_checks
from digest.settings import Preferences, reader_profile
from testkit.tinypack import build_tiny_pack
from tests.test_ui_dashboard import (  # noqa: F401 (fixtures)
    ENGLISH,
    PNG,
    RUSSIAN,
    card_labels,
    downloads,
    html_bodies,
    summary_lists,
    texts,
)
from tests.test_ui_library import upload
from translator.packs.install import install_from_file

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RU = Upload("byudzhet.txt", RUSSIAN.encode("utf-8"))


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    monkeypatch.delenv("NEWS_DIGEST_PROFILE", raising=False)
    st.cache_data.clear()
    forget_checks()
    yield
    st.cache_data.clear()


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))


def start() -> AppTest:
    """The dashboard in a new browser session (a reload, or the next morning)."""
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def seen(app: AppTest, kind: str) -> str:
    """What the reader reads of these elements (Markdown escapes and stars removed)."""
    return " ".join(texts(app, kind)).replace("\\", "").replace("**", "")


def picker(app: AppTest, upload: Upload = RU):
    return app.selectbox(key=f"language:{upload.key}")


def read_as(app: AppTest, code: str, upload: Upload = RU) -> AppTest:
    app.selectbox(key=f"read-as:{upload.key}").set_value(code).run()
    assert not app.exception, app.exception
    return app


def translated(app: AppTest) -> bool:
    lists = [body for body in summary_lists(app) if "Депутаты" in body]
    return bool(lists) and lists[0].count('class="nd-tr') == lists[0].count("<li>") > 0


# ---- 1. the language in use -------------------------------------------------------------


def test_read_as_and_back_gives_the_detected_language_again_across_reloads(ru_en_pack):
    app = upload(start(), (RU.name, RU.data))
    app.selectbox(key="target").set_value("en").run()
    assert picker(app).value == "ru" and translated(app)
    read_as(app, "cp1251")  # mojibake: no language can be detected in it
    assert "Language undetermined" in seen(app, "markdown")
    app.run()  # any click: the desk is read again from the library
    read_as(app, "detected")
    assert picker(app).value == "ru"
    assert "set by you" not in seen(app, "markdown")
    assert "Russian · " in seen(app, "markdown") and translated(app)
    for _ in range(2):  # a reload, and another one
        app = start()
        assert picker(app).value == "ru"
        assert "set by you" not in seen(app, "markdown") and "Undetermined" not in seen(
            app, "markdown"
        )
        assert app.selectbox(key="target").value == "en" and translated(app)
    stored = open_library().find(RU.sha256)
    assert (stored.language, stored.detected) == ("ru", "ru")
    assert [hit.article.name for hit in open_library().search("бюджет")] == [RU.name]


def test_a_garbled_reading_that_looks_like_another_language_does_not_stick():
    app = upload(start(), (RU.name, RU.data))
    read_as(app, "utf-16")  # reads as Korean-looking noise
    assert picker(app).value != "ru"
    app.run()
    read_as(app, "detected")
    assert picker(app).value == "ru" and "set by you" not in seen(app, "markdown")
    assert picker(start()).value == "ru"


def test_the_picker_shows_the_language_in_use_with_one_click_back_to_detected():
    app = upload(start(), (RU.name, RU.data))
    assert picker(app).value == "ru"
    assert "Russian (detected)" in picker(app).options
    assert not [b for b in app.button if b.label.startswith("Back to detected")]
    picker(app).set_value("kk").run()
    assert picker(app).value == "kk"  # the language in use, not the detected one
    assert "Kazakh · set by you" in seen(app, "markdown")
    app = start()  # the reader's choice is kept in the library
    assert picker(app).value == "kk" and "Kazakh · set by you" in seen(app, "markdown")
    back = next(b for b in app.button if b.label.startswith("Back to detected"))
    assert back.label == "Back to detected (Russian)"
    back.click().run()
    assert picker(app).value == "ru" and "set by you" not in seen(app, "markdown")
    assert picker(start()).value == "ru"


def test_re_reading_keeps_the_readers_language_and_re_detects_otherwise():
    app = upload(start(), (RU.name, RU.data))
    picker(app).set_value("kk").run()
    read_as(app, "koi8-r")
    assert picker(app).value == "kk" and "Kazakh · set by you" in seen(app, "markdown")
    read_as(app, "detected")
    assert picker(app).value == "kk"
    app.button(key=f"back-to-detected:{RU.key}").click().run()
    read_as(app, "koi8-r")  # no choice of the reader's: detected anew
    assert picker(app).value != "kk" and "set by you" not in seen(app, "markdown")


# ---- 2. settings that stay set ----------------------------------------------------------


def set_my_day(app: AppTest) -> None:
    app.selectbox(key="algorithm").set_value("lsa").run()
    app.get("button_group")[0].set_value("Words").run()
    app.number_input(key="length_words").set_value(300).run()
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    assert not app.exception


def test_settings_are_remembered_across_reloads(ru_en_pack):
    set_my_day(upload(start(), (RU.name, RU.data)))
    app = start()  # tomorrow morning
    assert app.selectbox(key="algorithm").value == "lsa"
    assert app.get("button_group")[0].value == "Words"
    assert app.number_input(key="length_words").value == 300
    assert app.selectbox(key="target").value == "en"
    assert app.radio(key="scope").value == "Whole article"
    assert translated(app)  # and they are used, not only shown
    next(b for b in app.button if b.label == "Clear all").click().run()
    assert not card_labels(app)  # an empty desk: the wish to translate into English stays
    assert start().selectbox(key="target").value == "en"


def test_a_target_no_pack_reaches_is_kept_for_when_one_does(tmp_path, packs_dir):
    open_library().save_preferences(Preferences(target="en").values(), reader_profile())
    app = upload(start(), (RU.name, RU.data))
    assert app.selectbox(key="target").value == "none"
    assert "You translate into English" in seen(app, "caption")
    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
    from ui.pipeline import clear_pack_caches

    clear_pack_caches()  # as the Language packs page does after an install
    app.run()
    assert app.selectbox(key="target").value == "en" and translated(app)


def test_each_reader_profile_keeps_its_own_settings(monkeypatch):
    monkeypatch.setenv("NEWS_DIGEST_PROFILE", "anna")
    start().selectbox(key="algorithm").set_value("lsa").run()
    monkeypatch.setenv("NEWS_DIGEST_PROFILE", "bob")
    assert start().selectbox(key="algorithm").value == "reduction"
    monkeypatch.setenv("NEWS_DIGEST_PROFILE", "anna")
    assert start().selectbox(key="algorithm").value == "lsa"


def test_the_profile_is_the_computers_user_unless_set(monkeypatch):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "aigerim")
    assert reader_profile() == "aigerim"
    monkeypatch.setenv("NEWS_DIGEST_PROFILE", "desk-2")
    assert reader_profile() == "desk-2"


def test_settings_out_of_range_or_unknown_fall_back_one_by_one():
    values = {"algorithm": "magic", "length_unit": "words", "words": 300, "sentences": 999,
              "target": 5, "whole_article": "yes"}
    open_library().save_preferences(values, reader_profile())
    app = start()
    assert app.selectbox(key="algorithm").value == "reduction"
    assert app.get("button_group")[0].value == "Words"
    assert app.number_input(key="length_words").value == 300
    assert app.radio(key="scope").value == "Summary only"


def test_a_damaged_library_leaves_the_defaults_and_says_so_once(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "library.sqlite3").write_bytes(b"this is not a database at all" * 100)
    app = start()
    assert app.selectbox(key="algorithm").value == "reduction"
    problems = [w for w in texts(app, "warning") if "settings could not be read" in w]
    assert len(problems) == 1 and "the defaults are used" in problems[0]
    app.selectbox(key="algorithm").set_value("lsa").run()  # still usable, not remembered
    assert not app.exception and app.selectbox(key="algorithm").value == "lsa"
    assert not [w for w in texts(app, "warning") if "settings could not be" in w]
    upload(app, (RU.name, RU.data))
    assert len(summary_lists(app)) == 1


# ---- 3. files not read -------------------------------------------------------------------


def test_every_file_not_read_is_named_counted_and_explained():
    english = ENGLISH.encode("utf-8")
    app = start()
    assert not app.file_uploader[0].proto.type  # no browser-side refusal with a red mark only
    upload(
        app,
        ("bridge.txt", english),
        ("photo.png", PNG),
        ("bridge copy.txt", english),  # renamed
        ("bridge.txt", english),  # the same file twice
    )
    assert len(card_labels(app)) == 1
    markdown = seen(app, "markdown")
    assert "3 files not read" in markdown
    assert "1 article summarized, 3 not read" in markdown
    assert "photo.png — this looks like a PNG image" in seen(app, "error")
    warnings = seen(app, "warning")
    assert "bridge copy.txt — not read again: already on your desk as bridge.txt." in warnings
    assert "bridge.txt — not read again: already on your desk as bridge.txt." in warnings


def test_a_file_already_on_the_desk_from_yesterday_says_so():
    upload(start(), ("bridge.txt", ENGLISH.encode("utf-8")))
    app = upload(start(), ("most.txt", ENGLISH.encode("utf-8")))  # another day, renamed
    assert "most.txt — not read again: already on your desk as bridge.txt." in seen(
        app, "warning"
    )
    assert len(card_labels(app)) == 1 and "1 article summarized, 1 not read" in seen(
        app, "markdown"
    )
    app.file_uploader(key="files-0").set_value([])  # taken out of the uploader: no note
    app.run()
    assert "not read again" not in seen(app, "warning") and len(card_labels(app)) == 1


# ---- 4. the smaller things -----------------------------------------------------------------


def test_read_as_lists_code_pages_by_name_and_keeps_a_closed_card_open():
    files = [(f"news-{n}.txt", RUSSIAN.replace("среду", f"день {n}").encode("cp1251"))
             for n in range(4)]
    app = upload(start(), *files)
    last = Upload(*files[-1])
    options = app.selectbox(key=f"read-as:{Upload(*files[0]).key}").options
    assert "Ukrainian DOS (CP1125)" in options and "Kazakh (KZ-1048)" in options
    assert "cp1125" not in options and "kz1048" not in options
    assert len(summary_lists(app)) == 1  # four cards: only the first is open
    app.session_state[f"card:{last.key}"] = True  # the reader opens the last card
    app.run()
    assert len(summary_lists(app)) == 2
    read_as(app, "koi8-r", last)
    assert len(summary_lists(app)) == 2  # the re-read card is still open
    assert "read as Russian (KOI8-R), chosen by you" in seen(app, "caption")


def test_every_algorithm_is_explained_in_plain_words():
    app = start()
    box = app.selectbox(key="algorithm")
    for name in ("Reduction", "LexRank", "TextRank", "LSA", "Luhn", "Edmundson", "KL-Sum",
                 "SumBasic"):
        assert f"- {name}" in box.help.replace("**", "").replace("\\", "")
    assert "the best on our news test set" in seen(app, "caption")
    box.set_value("luhn").run()
    assert "most frequent meaningful words" in seen(app, "caption")


def test_exports_say_what_translated_them_and_that_it_is_machine_translation(
    ru_en_pack, downloads  # noqa: F811
):
    pasted = "Ok.\n\nNo. 12 34 56 78."
    app = upload(start(), (RU.name, RU.data))
    app.text_area(key="pasted").set_value(pasted).run()
    app.selectbox(key="target").set_value("en").run()
    summary = downloads[f"download:{RU.key}"][1].decode("utf-8")
    translation = downloads[f"download_translation:{RU.key}"][1].decode("utf-8")
    for text in (summary, translation):
        assert "[Machine translation. Translated offline by Argos pack ru→en.]" in text
    digest = downloads["download_digest"][1].decode("utf-8")
    assert "could not be determined, so it was not translated" in digest
    assert "choose it above" not in digest
    document = docx.Document(io.BytesIO(downloads["download_docx"][1]))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Machine translation. Translated offline by Argos pack ru→en." in paragraphs
    assert not any("choose it above" in text for text in paragraphs)


@pytest.mark.parametrize(("route", "language", "target", "expected"), [
    ("", "ru", "en", "Argos pack ru→en"),
    ("via English", "kk", "ru", "Argos packs kk→en→ru"),
    ("via NLLB-200", "kk", "en", "NLLB-200"),
])
def test_the_engine_named_in_a_file(route, language, target, expected):
    from ui.downloads import translated_by

    result = ArticleResult(RU, language=language, target=target, translations={0: "x"},
                           route=route)
    assert translated_by(result) == expected
    assert translated_by(ArticleResult(RU, language="en", target="en")) is None


def briefing() -> None:
    from ui.briefing_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def test_the_briefing_says_when_it_was_made():
    upload(start(), (RU.name, RU.data))
    app = AppTest.from_function(briefing, default_timeout=120)
    app.run()
    assert not app.exception
    [brief] = [body for body in html_bodies(app) if 'class="nd-brief"' in body]
    today = datetime.now().astimezone()
    assert f"Made on {today:%A} {today.day} {today:%B %Y} at " in brief
    assert brief.index("Made on") < brief.index("Парламент")  # at the top, printed too


def packs_page() -> None:
    from ui.packs_page import render

    render()


def test_an_expected_offline_condition_is_one_log_line():
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append
    logger = logging.getLogger("ui.packs_page")
    logger.addHandler(handler)
    try:
        app = AppTest.from_function(packs_page, default_timeout=60)
        app.run()
        next(b for b in app.button if b.label == "Load the list of available packs").click()
        app.run()
    finally:
        logger.removeHandler(handler)
    assert "Could not reach the Argos package index" in seen(app, "warning")
    warned = [r for r in records if r.levelno >= logging.WARNING]
    assert len(warned) == 1 and warned[0].exc_info is None
    assert "OfflineError" in warned[0].getMessage()


def test_the_uploaders_line_uses_st_html_not_the_deprecated_components():
    app = start()
    lines = [e for e in app.get("html") if 'id="nd-upload-failures"' in e.proto.body]
    assert len(lines) == 1 and lines[0].proto.unsafe_allow_javascript
    assert not app.get("iframe")
