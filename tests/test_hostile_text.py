"""User text that looks like markup is shown literally on every view (issue 13, item 3).

A file name and an article carrying Markdown images and links, HTML, Streamlit's
:color[...] and $latex$ are uploaded on the dashboard and on the Language packs
page; every string the app hands to Streamlit (element fields, spinner and
progress texts) is searched for that markup left unescaped. The browser test
(tests/test_browser_hostile.py) checks what a real browser then makes of it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.elements.progress import ProgressMixin
from streamlit.testing.v1 import AppTest

from testkit.tinypack import build_tiny_pack

APP = str(Path(__file__).resolve().parents[1] / "app.py")

# Markup a renderer would act on; escaped, each is broken up or preceded by a backslash.
MARKERS = ("![s](", "<img", ":red[", "$x$", "[l](", "<script")
HOSTILE = (
    "![s](https:spin.example) <img src=x onerror=alert(1)> :red[x] $x$ [l](javascript:alert(1))"
)
HOSTILE_NAME = HOSTILE + ".txt"
HOSTILE_ARTICLE = (
    f"Бюджет {HOSTILE}\n\n"
    "Правительство объявило о новом плане строительства школ в сельской местности. "
    f"По словам чиловников, работы начнутся весной {HOSTILE}. "
    "Родители приветствовали решение, но попросили больше учителей.\n\n"
    f"The minister said in a statement that the schools would open soon {HOSTILE} and "
    "that many new teachers would be hired in every region of the country this year.\n"
)
# Shown literally by these elements (no Markdown, HTML escaped by the app itself).
LITERAL_KINDS = {"text", "code", "text_area", "text_input", "json"}


def leaks(text: str) -> list[str]:
    """The markers present in text and not escaped by a preceding backslash."""
    found = []
    for marker in MARKERS:
        start = text.find(marker)
        while start != -1:
            if start == 0 or text[start - 1] != "\\":
                found.append(marker)
                break
            start = text.find(marker, start + 1)
    return found


def strings(message) -> Iterator[str]:
    """Every string field of a protobuf message, recursively, but widget ids (not shown)."""
    for field, value in message.ListFields():
        if field.name in ("id", "form_id"):
            continue
        repeated = isinstance(value, Iterable) and not isinstance(value, (str, bytes))
        values = value if repeated and not hasattr(value, "ListFields") else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from strings(item)


def nodes(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def shown_leaks(app: AppTest) -> list[tuple[str, str, list[str]]]:
    problems = []
    for node in nodes(app._tree):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None or kind in LITERAL_KINDS:
            continue
        for text in strings(proto):
            if kind == "html" and text.startswith('<div id="nd-upload-failures"'):
                found = [m for m in leaks(text) if m != "<script"]  # the app's own script
            elif kind == "html":  # HTML: the app's own tags only; Markdown is not rendered
                found = [m for m in ("<img", "<script") if m in text]
            elif kind == "iframe":  # the app's own component (its script); no user text
                found = [m for m in leaks(text) if m != "<script"]
            else:
                found = leaks(text)
            if found:
                problems.append((kind, text[:200], found))
    return problems


@pytest.fixture
def transient(monkeypatch) -> list[str]:
    """Texts shown only while work runs (spinners, progress bars): recorded as given."""
    shown: list[str] = []
    spinner, progress = st.spinner, ProgressMixin.progress

    def recording_spinner(text="In progress...", *args, **kwargs):
        shown.append(text)
        return spinner(text, *args, **kwargs)

    def recording_progress(self, value, text=None):
        if text:
            shown.append(text)
        return progress(self, value, text=text)

    monkeypatch.setattr(st, "spinner", recording_spinner)
    monkeypatch.setattr(ProgressMixin, "progress", recording_progress)
    return shown


@pytest.fixture(autouse=True)
def fresh_caches(packs_dir):
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_dashboard_shows_a_hostile_file_name_and_article_literally(transient):
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.file_uploader(key="files-0").set_value([
        (HOSTILE_NAME, HOSTILE_ARTICLE.encode("utf-8"), "text/plain"),
        ("bad " + HOSTILE_NAME, bytes(range(128, 256)) * 10, "text/plain"),
    ])
    app.run()
    assert not app.exception, app.exception
    assert app.error, "the undecodable file gets its error"
    assert any("spin" in e.label for e in app.expander), "the card names the file"
    assert any("Reading" in text for text in transient)
    assert shown_leaks(app) == []
    assert [text for text in transient if leaks(text)] == []


def packs_page() -> None:
    from ui.packs_page import render

    render()


def upload_pack(app: AppTest, name: str, data: bytes) -> None:
    app.file_uploader[0].set_value((name, data, "application/zip"))
    next(b for b in app.button if b.label == "Install pack").click()
    app.run()
    assert not app.exception, app.exception


def test_packs_page_shows_hostile_pack_file_names_literally(tmp_path, transient):
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.run()
    pack = build_tiny_pack(tmp_path, "ru", "en").read_bytes()
    upload_pack(app, HOSTILE + ".argosmodel", pack)
    assert app.success, "the pack is installed"
    assert any("Checking and installing" in text for text in transient)
    assert shown_leaks(app) == []
    upload_pack(app, "broken " + HOSTILE + ".argosmodel", b"not a zip at all")
    assert app.error
    assert shown_leaks(app) == []
    assert [text for text in transient if leaks(text)] == []


def library_page() -> None:
    from ui.library_page import render

    render()


def briefing_page() -> None:
    from ui.briefing_page import render

    render()


def test_library_and_briefing_show_a_hostile_article_literally(transient):
    """The article kept by the dashboard, listed, searched and opened on the Library page,
    and summarized on the Briefing page: no markup made of its name or text anywhere."""
    dashboard = AppTest.from_file(APP, default_timeout=120)
    dashboard.run()
    dashboard.file_uploader(key="files-0").set_value(
        [(HOSTILE_NAME, HOSTILE_ARTICLE.encode("utf-8"), "text/plain")]
    )
    dashboard.run()
    assert not dashboard.exception, dashboard.exception

    briefing = AppTest.from_function(briefing_page, default_timeout=120)
    briefing.run()
    assert not briefing.exception, briefing.exception
    shown = " ".join(
        text for node in nodes(briefing._tree) if getattr(node, "proto", None) is not None
        for text in strings(node.proto)
    )
    assert "Бюджет" in shown and "spin" in shown  # the article's headline and file name
    assert shown_leaks(briefing) == []

    library = AppTest.from_function(library_page, default_timeout=120)
    library.run()
    assert not library.exception, library.exception
    assert shown_leaks(library) == []
    library.text_input(key="library_query").set_value("школ").run()
    assert not library.exception, library.exception
    assert shown_leaks(library) == []
    opened = next(b for b in library.button if b.label == "Open")
    opened.click().run()
    assert not library.exception, library.exception
    assert any("spin" in e.label for e in library.expander), "the card names the file"
    assert shown_leaks(library) == []
    assert [text for text in transient if leaks(text)] == []
