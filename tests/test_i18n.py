"""The translation layer: complete catalogs, the switch, names, dates and numbers.

A static check finds every message the code hands to `_`, `N_` or `ngettext` (Babel's
extractor, and a plain search for the ones it cannot see, inside f-strings) and requires
each catalog to translate it, keeping its placeholders. The switch is driven as a reader
drives it: chosen in the sidebar, remembered across a reload and a restart, and costing
no new reading of the articles.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from tests.test_ui_dashboard import APP, RUSSIAN
from ui import i18n

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = ("ru", "kk", "uz")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()
    i18n.forget_last_run()


def used_messages() -> dict[tuple[str | tuple[str, str], str | None], str]:
    """Every (msgid, context) the dashboard's code uses -> where."""
    found: dict[tuple[str | tuple[str, str], str | None], str] = {}
    extracted = [
        (f"ui/{name}", line, message, context)
        for name, line, message, _, context in extract_from_dir(
            ROOT / "ui", method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    ] + [
        ("app.py", line, message, context)
        for line, message, _, context in extract_from_file("python", ROOT / "app.py", KEYWORDS)
    ]
    for where, line, message, context in extracted:
        found.setdefault((message, context), f"{where}:{line}")
    # Inside f-string expressions (f"{_('kept')}") Babel sees no call: a plain search.
    for path in [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]:
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"""(?<![\w.])_\(\s*(['"])((?:\\.|(?!\1).)*)\1\s*\)""", source):
            text = match[2].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            found.setdefault((text, None), f"{path.relative_to(ROOT)} (f-string)")
    return found


def catalog(language: str):
    with i18n.po_path(language).open("rb") as po:
        return read_po(po, locale=i18n.BABEL_LOCALES[language])


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_code_is_translated_in_every_catalog(language):
    messages = catalog(language)
    untranslated, broken = [], []
    for (message, context), where in sorted(used_messages().items(), key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = messages.get(key, context=context)
        strings = () if entry is None else (
            entry.string if isinstance(entry.string, tuple) else (entry.string,)
        )
        if entry is None or entry.fuzzy or not strings or not all(s.strip() for s in strings):
            untranslated.append(f"{where}: {message!r}")
            continue
        wanted = placeholders(message[1] if isinstance(message, tuple) else message)
        for string in strings:
            if placeholders(string) - wanted or (not isinstance(message, tuple)
                                                 and placeholders(string) != wanted):
                broken.append(f"{where}: {message!r} -> {string!r}")
    assert untranslated == [], f"{len(untranslated)} not in {language}:\n" + "\n".join(untranslated)
    assert broken == [], "placeholders changed:\n" + "\n".join(broken)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogs_compile_and_uzbek_writes_its_own_letters(language):
    translations = i18n.translations(language)
    assert translations.gettext("Language packs") != "Language packs"
    if language == "uz":  # oʻ and gʻ (U+02BB), never an apostrophe or a quotation mark
        strings = [
            string
            for message in catalog(language) if message.id
            for string in (message.string if isinstance(message.string, tuple)
                           else (message.string,))
        ]
        text = "\n".join(strings)
        assert "oʻ" in text and "gʻ" in text
        assert not re.search(r"[OoGg]['‘’`]", text), re.findall(r".{10}[OoGg]['‘’`].{10}", text)


def test_language_names_come_from_cldr_in_the_interface_language(monkeypatch):
    cases = {
        "en": ("Kazakh", "Russian"),
        "ru": ("Казахский", "Русский"),
        "kk": ("Қазақ тілі", "Орыс тілі"),
        "uz": ("Qozoqcha", "Ruscha"),
    }
    for language, (kazakh, russian) in cases.items():
        monkeypatch.setattr(i18n, "current", lambda language=language: language)
        assert (i18n.language_name("kk"), i18n.language_name("ru")) == (kazakh, russian)
        assert i18n.language_name("xx") == "xx"  # no name anywhere: the code itself
    monkeypatch.setattr(i18n, "current", lambda: "uz")
    assert i18n.language_name("uz").startswith("Oʻzbek")  # U+02BB, not CLDR's ‘


def briefing_dates() -> None:
    from datetime import datetime, timedelta, timezone

    import streamlit as st

    from ui import i18n
    from ui.briefing_page import made_on

    when = datetime(2025, 12, 2, 9, 41, tzinfo=timezone(timedelta(hours=5)))
    st.text(made_on(when))
    st.text(i18n.number(1234567))
    st.text(i18n.percent(0.42))


@pytest.mark.parametrize("language, made, number, share", [
    ("en", "Made on Tuesday 2 December 2025 at 09:41 (UTC+05:00)", "1,234,567", "42%"),
    ("ru", "Составлено вторник, 2 декабря 2025\u202fг. в 09:41 (UTC+05:00)", "1\xa0234\xa0567",
     "42\xa0%"),
    ("kk", "Жасалған уақыты: 2025\u202fж. 2 желтоқсан, сейсенбі, 09:41 (UTC+05:00)",
     "1\xa0234\xa0567", "42%"),
    ("uz", "Tuzilgan: seshanba, 2-dekabr, 2025, soat 09:41 (UTC+05:00)", "1\xa0234\xa0567",
     "42%"),
])
def test_dates_and_numbers_follow_the_interface_locale(language, made, number, share):
    app = AppTest.from_function(briefing_dates, default_timeout=60)
    app.session_state[i18n.LANGUAGE_KEY] = language
    app.run()
    assert [element.value for element in app.text] == [made, number, share]


def test_texts_from_below_the_interface_are_translated_by_their_template(monkeypatch):
    monkeypatch.setattr(i18n, "current", lambda: "ru")
    assert i18n.message("No language pack for Kazakh → English.") == (
        "Нет языкового пакета Казахский → Английский."
    )
    assert i18n.message("this looks like a PNG image, not a text file.") == (
        "похоже, это изображение PNG, а не текстовый файл."
    )
    assert i18n.message("Summarized from the first 2,000 sentences of 295,060.") == (
        "Резюме составлено по первым 2\xa0000 предложениям из 295\xa0060."
    )
    assert i18n.message("Uzbek in Cyrillic was transliterated to Latin for NLLB-200.") == (
        "Узбекский (кириллица) транслитерирован в алфавит «латиница» для NLLB-200."
    )
    unknown = "a message no catalog knows yet"
    assert i18n.message(unknown) == unknown  # shown as it came, never lost


def switch_language(app: AppTest, language: str) -> AppTest:
    app.selectbox(key=i18n.SWITCH_KEY).set_value(language).run()
    assert not app.exception, app.exception
    return app


def test_the_sidebar_switch_changes_every_page_title_and_label_and_is_remembered():
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert app.title[0].value == "News digest"  # English first: no saved choice, no browser
    switch = app.selectbox(key=i18n.SWITCH_KEY)
    assert switch.options == ["English", "Русский", "Қазақша", "Oʻzbekcha"]

    switch_language(app, "ru")
    assert app.title[0].value == "Дайджест новостей"
    assert app.selectbox(key=i18n.SWITCH_KEY).label == "Язык интерфейса"
    assert app.subheader[0].value == "Начните с нескольких статей"

    reload = AppTest.from_file(APP, default_timeout=120)  # a reload, or a restart: new session
    reload.run()
    assert reload.title[0].value == "Дайджест новостей"
    assert reload.selectbox(key=i18n.SWITCH_KEY).value == "ru"

    switch_language(reload, "uz")
    assert reload.title[0].value == "Yangiliklar dayjesti"
    again = AppTest.from_file(APP, default_timeout=120)
    again.run()
    assert again.title[0].value == "Yangiliklar dayjesti"


def test_the_saved_language_does_not_disturb_the_other_settings():
    from digest.library import open_library
    from digest.settings import reader_profile

    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.selectbox(key="algorithm").set_value("lexrank").run()
    switch_language(app, "kk")
    app.number_input(key="length_sentences").set_value(4).run()
    saved = open_library().preferences(reader_profile())
    assert saved["interface_language"] == "kk"
    assert saved["algorithm"] == "lexrank" and saved["sentences"] == 4


def pages_titles() -> None:
    import streamlit as st

    from ui.pages import BRIEFING, DASHBOARD, LIBRARY, PACKS, translated

    for page in translated(DASHBOARD, BRIEFING, LIBRARY, PACKS):
        st.markdown(f"{page.title}|{page.url_path}")


@pytest.mark.parametrize("language, titles", [
    ("en", ["Dashboard", "Briefing", "Library", "Language packs"]),
    ("ru", ["Панель", "Сводка", "Библиотека", "Языковые пакеты"]),
    ("kk", ["Панель", "Шолу", "Кітапхана", "Тіл бумалары"]),
    ("uz", ["Panel", "Sharh", "Kutubxona", "Til paketlari"]),
])
def test_page_titles_follow_the_language_and_their_addresses_stay(language, titles):
    app = AppTest.from_function(pages_titles, default_timeout=60)
    app.session_state[i18n.LANGUAGE_KEY] = language
    app.run()
    shown = [element.value.split("|") for element in app.markdown]
    assert [title for title, _ in shown] == titles
    assert [path for _, path in shown] == ["", "briefing", "library", "language-packs"]


def test_switching_the_language_reads_no_article_again(monkeypatch):
    """One run per switch, and every reading step comes from the caches: the language is
    no part of their keys. Nor is the desk's grouping into stories made again: only the
    headings' words change."""
    import digest.steps
    import summarizer.pipeline
    import ui.dashboard
    import ui.downloads

    calls = {"decode": 0, "detect": 0, "summarize": 0, "stories": 0, "runs": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    steps = digest.steps
    monkeypatch.setattr(steps, "read_document", counted("decode", steps.read_document))
    monkeypatch.setattr(
        steps, "detect_text_language", counted("detect", steps.detect_text_language)
    )
    monkeypatch.setattr(
        summarizer.pipeline, "summarize", counted("summarize", summarizer.pipeline.summarize)
    )
    monkeypatch.setattr(ui.downloads, "stories_of", counted("stories", ui.downloads.stories_of))
    monkeypatch.setattr(ui.dashboard, "render", counted("runs", ui.dashboard.render))
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.file_uploader(key="files-0").set_value([("byudzhet.txt", RUSSIAN.encode(), "text/plain")])
    app.run()
    read = dict(calls)
    assert read == {"decode": 1, "detect": 1, "summarize": 1, "stories": 1, "runs": 2}
    for switches, language in enumerate(("ru", "kk", "uz", "en"), start=1):
        switch_language(app, language)
        assert calls == {**read, "runs": read["runs"] + switches}  # one run, nothing read
    assert app.tabs[0].label == "Summary"


def test_a_switch_keeps_every_card_open_or_closed_as_it_was():
    """Every card's label names its language, so a switch makes every card a new expander
    for Streamlit: each opens as the reader left it, not as a new card would."""
    from digest.job import Upload
    from tests.test_ui_dashboard import ENGLISH, summary_lists

    files = [(f"budget-{n}.txt", ENGLISH.replace("Monday", f"day {n}").encode()) for n in range(5)]
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.file_uploader(key="files-0").set_value([(name, data, "text/plain") for name, data in files])
    app.run()
    assert len(summary_lists(app)) == 1  # only the first card is open
    app.session_state[f"card:{Upload(*files[-1]).key}"] = True  # the reader opens the last
    app.run()
    assert len(summary_lists(app)) == 2
    for language in ("ru", "en"):
        switch_language(app, language)
        cards = [expander for expander in app.expander if "budget" in expander.label]
        assert [card.proto.expanded for card in cards] == [True, False, False, False, True]
        assert len(summary_lists(app)) == 2


@pytest.fixture
def downloads(monkeypatch):
    """What every download button hands to the reader: {key: bytes}."""
    recorded: dict[str, bytes] = {}
    original = st.download_button

    def recording(label, data, *args, **kwargs):
        recorded[kwargs.get("key") or label] = bytes(data)
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return recorded


def test_the_downloads_and_the_word_digest_speak_the_interface_language(downloads):
    import io

    import docx

    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state[i18n.LANGUAGE_KEY] = "kk"
    app.run()
    app.file_uploader(key="files-0").set_value([("byudzhet.txt", RUSSIAN.encode(), "text/plain")])
    app.run()
    assert not app.exception, app.exception
    text = downloads["download_digest"].decode("utf-8")
    assert "Бастапқы файл: byudzhet.txt" in text and "Тіл: Орыс тілі (ru)" in text
    assert "Түйіндеме\n---------" in text and "Summary" not in text
    document = docx.Document(io.BytesIO(downloads["download_docx"]))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert "Жаңалықтар дайджесті" in headings and "Түйіндеме" in headings
    assert "Summary" not in headings and "News digest" not in headings


def test_an_old_label_a_browser_sends_back_after_a_switch_is_no_choice(monkeypatch):
    """A browser that has not yet drawn a choice widget in the new interface language can
    send its old label ("Русский (определён)" under Kazakh), which Streamlit hands on as
    the value: the article's language picker takes no choice from it, the filters drop it."""
    import streamlit

    from digest.job import Upload
    from ui import article_view
    from ui.i18n import offered

    upload = Upload("statya.txt", "Парламент одобрил бюджет.".encode())
    session: dict = {}
    monkeypatch.setattr(streamlit, "session_state", session)
    session[article_view._widget_key(upload)] = "Русский (определён)"
    article_view._choose_language(upload, "ru")
    assert article_view.language_override(upload) is None
    session[article_view._widget_key(upload)] = "kk"
    article_view._choose_language(upload, "ru")
    assert article_view.language_override(upload) == "kk"
    assert offered(["ru", "Қазақ тілі"], ["ru", "kk"]) == ["ru"]
    assert offered("Орыс тілі", ["ru", "kk"], "en") == "en"
