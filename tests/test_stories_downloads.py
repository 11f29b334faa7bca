"""The dashboard's digest downloads are grouped by story, in the interface language."""
from __future__ import annotations

import io
import sys

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from digest.library.store import forget_checks
from tests.test_ui_stories import FLOOD, SUMMIT
from ui import i18n

EVENT = {name: SUMMIT[name] for name in ("summit-en.txt", "sammit-ru.txt")}
FILES = {"summit-en.txt": EVENT["summit-en.txt"], "floods-en.txt": FLOOD,
         "sammit-ru.txt": EVENT["sammit-ru.txt"]}


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    forget_checks()
    main = sys.modules["__main__"]
    yield
    st.cache_data.clear()
    # AppTest runs its script as __main__ and leaves it there: a process pool started
    # later (the batch's) would import that script in its workers.
    sys.modules["__main__"] = main


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


def dashboard() -> None:
    from ui.dashboard import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def read(language: str) -> AppTest:
    app = AppTest.from_function(dashboard, default_timeout=180)
    app.session_state[i18n.LANGUAGE_KEY] = language
    app.run()
    key = next(uploader.key for uploader in app.file_uploader)
    app.file_uploader(key=key).set_value(
        [(name, text.encode("utf-8"), "text/plain") for name, text in FILES.items()])
    app.run()
    assert not app.exception, app.exception
    return app


def title(text: str) -> str:
    return text.split("\n", 1)[0]


def outline(document) -> list[tuple[int, str]]:
    """(level, text) of the document's story and article headings."""
    return [(int(p.style.name[-1]), p.text) for p in document.paragraphs
            if p.style.name in ("Heading 1", "Heading 2")]


def test_the_word_digest_puts_two_reports_of_one_event_under_one_story(downloads):
    read("en")
    headings = outline(docx.Document(io.BytesIO(downloads["download_docx"])))
    stories = [index for index, (level, _) in enumerate(headings) if level == 1]
    assert [headings[i][1].startswith("Story: ") for i in stories] == [True, True]
    first = {text for level, text in headings[stories[0] + 1:stories[1]] if level == 2}
    assert first >= {title(text) for text in EVENT.values()}
    second = {text for level, text in headings[stories[1] + 1:] if level == 2}
    assert title(FLOOD) in second and not second & {title(text) for text in EVENT.values()}


def test_the_text_digest_is_grouped_the_same_way(downloads):
    read("en")
    text = downloads["download_digest"].decode("utf-8")
    assert text.count("STORY: ") == 2
    event, flood = text.split("STORY: ")[1:]
    assert all(f"{name} — {title(body)}" in event for name, body in EVENT.items())
    assert "floods-en.txt" in flood and "summit-en.txt" not in flood
    assert "2 articles" in event


def test_the_story_headings_speak_the_interface_language(downloads):
    read("ru")
    headings = outline(docx.Document(io.BytesIO(downloads["download_docx"])))
    stories = [text for level, text in headings if level == 1]
    assert len(stories) == 2 and all(text.startswith("Сюжет: ") for text in stories)
    text = downloads["download_digest"].decode("utf-8")
    assert text.count("СЮЖЕТ: ") == 2 and "2 статьи" in text and "Story" not in text
