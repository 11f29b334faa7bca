"""Every page in Russian, Kazakh and Uzbek through AppTest: nothing left in English.

Each page is walked as a reader finds it (the dashboard empty, then with articles read,
translated and one file refused; the Briefing; the Library with an article opened and a
delete asked; the Language packs page with a pack installed and a removal asked), in
each interface language. Every text the page shows (titles, labels, help, placeholders,
options, captions, alerts, metrics, tabs, the HTML of the summary and the side-by-side
view) is collected from the page's elements and checked for English words. Left out
only: the articles' own text, the file names, the folders' paths, the commands and the
allow-listed proper names below.
"""
from __future__ import annotations

import html
import json
import re

import pytest
import streamlit as st
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from testkit.tinypack import build_tiny_pack
from tests.test_ui_dashboard import APP, PNG, RUSSIAN
from translator.packs.install import install_from_file
from ui import i18n

LANGUAGES = ("ru", "kk", "uz")

KAZAKH = (
    "Үкімет жаңа бюджетті мақұлдады\n\n"
    "Қазақстан үкіметі сейсенбі күні келесі жылдың бюджетін мақұлдады. "
    "Білім беру мен денсаулық сақтау шығындары он пайызға өседі.\n\n"
    "Қаржы министрі тапшылық мұнай экспорты есебінен азаятынын айтты. "
    "Депутаттар құжатты ай соңына дейін қарайды.\n"
)
FILES = (("byudzhet.txt", RUSSIAN), ("kazakh-budget.txt", KAZAKH))
FILE_NAMES = ("byudzhet.txt", "kazakh-budget.txt", "photo.png", "copy.txt")
ARTICLE_TEXT = "\n".join(text for _, text in FILES)

PROPER_NAMES = (
    # products, projects and formats, named as their makers name them
    "Argos Translate", "Argos", "Hugging Face", "NLLB-200", "M2M-100", "CTranslate2",
    "OpenDocument", "Markdown", "Microsoft Office", "Word", "Excel", "PDF", "Unicode",
    "Windows", "DOS", "Mac", "Ctrl+P", "UTC", "PNG", "JPEG", "GIF", "MP3", "MP4", "zip",
    # the summarizing algorithms (sumy's names)
    "LexRank", "TextRank", "LSA", "Luhn", "Edmundson", "KL-Sum", "SumBasic",
    # licences, units of the models' names, and people's names given as examples
    "MIT", "int8", "600M", "418M", "Kori Schulman", "Tokayev",
)
"""Proper names a translation keeps as they are."""
CODE_PAGES = re.compile(
    r"\b(?:UTF-(?:8|16)|Windows-\d+|KOI8-[RU]|CP\d+|KZ-1048|ISO-8859-\d+|Shift_JIS|EUC-(?:JP|KR)"
    r"|GB18030|Big5)\b"
)
"""Code pages' own names ("Cyrillic (Windows-1251)" is translated, "Windows-1251" not)."""
NOT_PROSE = (
    re.compile(r":material/\w+:"),  # icons
    re.compile(r"\b[a-z]{2,3} → [a-z]{3}_[A-Z][a-z]{3}\b"),  # the model's codes: kk → kaz_Cyrl
    re.compile(r"`[^`]*`"),  # commands and file types in code spans
    re.compile(r"https?://\S+"),  # links
    re.compile(r"\b[\w.\-]+/[\w.\-]+"),  # Hugging Face repositories: owner/name
    re.compile(r"(?:/[\w.@+\-]+)+/?"),  # folders
    re.compile(r"\b[\w\-.]+\.(?:txt|md|html?|docx|odt|pdf|zip|argosmodel|csv|json|bin|model)\b"),
    re.compile(r"\.(?:txt|md|html?|docx|odt|pdf|zip|argosmodel|csv)\b"),  # extensions
    re.compile(r"\b(?:ru|en|kk|uz)\s*(?:→\s*(?:ru|en|kk|uz)\s*)+"),  # pairs of codes: ru → en
    re.compile(r"\b(?:kk|uz|mn|be)(?:, (?:kk|uz|mn|be))+\b"),  # a model's languages by code
    re.compile(r"\((?:ru|en|kk|uz)\)"),  # a language's code after its name
    re.compile(r"source_language,term,target_language,translation"),  # a CSV file's header
    re.compile(r"\{\w+\}"),  # the placeholders of the upload line's words (filled in the page)
    re.compile(r":(?:gray|blue|violet|orange)(?:-badge)?\["),  # Markdown colours
)
TEXT_FIELDS = {"body", "label", "help", "placeholder", "options", "content", "text"}
"""The fields of an element's message that the reader reads (not ids, keys, values)."""


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()
    i18n.forget_last_run()


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))


# ---- what the page shows -----------------------------------------------------------------


def _nodes(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _strings(message: Message):
    for field, value in message.ListFields():
        values = value if isinstance(value, (list, tuple)) or (
            hasattr(value, "__len__") and not isinstance(value, (str, bytes, Message))
        ) else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str) and field.name in TEXT_FIELDS:
                yield item


def shown(app: AppTest) -> list[str]:
    """Every text the reader reads on the page, as plain text (HTML and Markdown undone)."""
    texts = []
    for node in _nodes(app._tree):
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        for text in _strings(proto):
            if "<style>" in text or "<script>" in text:
                continue  # our stylesheets; the upload line's script: upload_script_words()
            text = re.sub(r"<[^>]+>", " ", text)
            texts.append(html.unescape(text).replace("\\", ""))
    return [text for text in texts if text.strip()]


def upload_script_words(app: AppTest) -> list[str]:
    """The words of the upload-failures line (written by its script in the page)."""
    for node in _nodes(app._tree):
        body = getattr(getattr(node, "proto", None), "body", "")
        if isinstance(body, str) and "const words = " in body:
            found = re.search(r"const words = (\{.*?\});", body, re.DOTALL)
            assert found, body
            return list(json.loads(found[1].replace("<\\/", "</")).values())
    return []


def machine_translations() -> list[str]:
    """What the installed pack made of the articles (kept in the library's translation
    memory), and the names found in them (a card's "Names:" line): article text too."""
    import hashlib
    import sqlite3

    from digest.library import open_library
    from ui import story_service

    library = open_library()
    with sqlite3.connect(library.path) as db:
        made = [row[0] for row in db.execute("SELECT translation FROM translations")]
    from digest.stories.keys import latin

    for _, text in FILES:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        for name in story_service.article_names(library, sha256):
            made += [name, latin(name)]  # as the article spells it, and its Latin form
    return made


def prose(text: str, names: tuple[str, ...] = (), articles: tuple[str, ...] = ()) -> str:
    """`text` without what is not prose: article text (and its machine translation), file
    names, commands, paths, codes, proper names, language names CLDR lacks."""
    pieces = [
        sentence.strip()
        for line in (*ARTICLE_TEXT.splitlines(), *articles)
        for sentence in re.split(r"(?<=[.!?])\s+", line)
        if sentence.strip()
    ]
    for piece in sorted(pieces, key=len, reverse=True):
        text = text.replace(piece, " ")
    for name in sorted((*names, *FILE_NAMES), key=len, reverse=True):  # "JSON" in a longer one
        text = text.replace(name, " ")
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    text = CODE_PAGES.sub(" ", text)
    for name in sorted(PROPER_NAMES, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    return text


def english_vocabulary(language: str) -> set[str]:
    """The words of the English messages, less those the language's catalog uses too
    ("model", "Word"): an English word in the Uzbek (Latin) interface is one of these."""
    from babel.messages.pofile import read_po

    def words(text: str) -> set[str]:
        return {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)}

    english: set[str] = set()
    translated: set[str] = set()
    with i18n.po_path(language).open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english |= words(re.sub(r"\{\w+\}", " ", text))
        for text in strings:
            translated |= words(text)
    return english - translated


def english_left(
    texts: list[str], language: str, names: tuple[str, ...] = (), articles: tuple[str, ...] = ()
) -> list[str]:
    """The texts that still hold English words."""
    vocabulary = english_vocabulary(language)
    left = []
    for text in texts:
        rest = prose(text, names, articles)
        if language in ("ru", "kk"):  # Cyrillic interfaces: any Latin word is English
            found = re.findall(r"[A-Za-z]{2,}", rest)
        else:
            found = [word for word in re.findall(r"[A-Za-zʻʼ]{3,}", rest)
                     if word.lower() in vocabulary]
        if found:
            left.append(f"{found} in {text!r}")
    return left


def fallback_names(language: str) -> tuple[str, ...]:
    """The project's English names of the codes CLDR has no name for in `language`."""
    from babel import Locale

    from languages.names import LANGUAGE_NAMES

    names = Locale.parse(i18n.BABEL_LOCALES[language]).languages
    return tuple(
        name for code, name in LANGUAGE_NAMES.items()
        if code not in names and {"zt": "zh_Hant"}.get(code) not in names
    )


def check(app: AppTest, language: str) -> None:
    assert not app.exception, app.exception
    texts = shown(app) + upload_script_words(app)
    assert texts
    names = (*i18n.LANGUAGES.values(), *fallback_names(language))
    left = english_left(texts, language, names, tuple(machine_translations()))
    assert left == [], "\n".join(left)


# ---- the pages -----------------------------------------------------------------------------


def start(language: str, page=None) -> AppTest:
    app = AppTest.from_function(page, default_timeout=120) if page else AppTest.from_file(
        APP, default_timeout=120
    )
    app.session_state[i18n.LANGUAGE_KEY] = language
    app.run()
    assert not app.exception, app.exception
    return app


def briefing_page() -> None:
    from ui.briefing_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def library_page() -> None:
    from ui.library_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def packs_page() -> None:
    from ui.packs_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_the_interface_language(language, ru_en_pack):
    # The dashboard, empty: the first-visit guide, the uploader, the sidebar.
    app = start(language)
    check(app, language)

    # Articles read and translated, a file refused, a repeat named; every card open.
    files = [(name, text.encode("utf-8"), "text/plain") for name, text in FILES]
    files += [("photo.png", PNG, "image/png"), ("copy.txt", RUSSIAN.encode("utf-8"), "text/plain")]
    app.file_uploader(key="files-0").set_value(files).run()
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    assert len(app.tabs) >= 6 and app.metric, "both articles are shown, with their counts"
    check(app, language)
    assert any(i18n._("No language pack for **{source} → {target}**; the summary works "
                      "without it.").split("**")[0] in text for text in shown(app))

    # Length in words and as a share of the article: the sidebar's other controls.
    for unit in ("Words", "Percent"):
        app.segmented_control(key="length_unit").set_value(unit).run()
        check(app, language)

    # The Briefing of the same articles.
    briefing = start(language, briefing_page)
    assert "nd-brief" in "".join(element.proto.body for element in briefing.get("html"))
    check(briefing, language)

    # The Library: the list, an article opened, a deletion asked, the search, the stories.
    library = start(language, library_page)
    library.button(key=next(b.key for b in library.button if b.key.startswith("open:"))).click()
    library.run()
    library.button(key=next(b.key for b in library.button if b.key.startswith("delete:"))).click()
    library.run()
    check(library, language)
    library.text_input(key="library_query").set_value("бюджет").run()
    check(library, language)
    library.text_input(key="library_query").set_value("нетакогослова").run()
    check(library, language)
    library.text_input(key="library_query").set_value("").run()
    library.segmented_control(key="library_view").set_value("Stories").run()  # by story
    check(library, language)

    # The Language packs page with a pack installed, its removal asked.
    packs = start(language, packs_page)
    packs.button(key="remove:ru:en").click().run()
    check(packs, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_briefing_and_library_speak_the_interface_language(language):
    check(start(language, briefing_page), language)
    check(start(language, library_page), language)
    check(start(language, packs_page), language)


def test_the_check_finds_english_left_in_the_interface():
    """The check itself: an English label, help or note in a Russian, Kazakh or Uzbek
    page is found; proper names, file names, paths and article text are not."""
    assert english_left(["Скачать резюме", "Argos Translate · NLLB-200 · byudzhet.txt"], "ru") == []
    assert english_left(["Download summary"], "ru")
    assert english_left(["Download summary"], "kk")
    assert english_left(["Qisqacha mazmunni yuklab olish (Word, PDF)"], "uz") == []
    assert english_left(["Download summary"], "uz")
    assert english_left(["Tarjima: the language pack is missing"], "uz")
    assert english_left(["Папка пакетов: /tmp/argos-packs-x/packages"], "ru") == []
