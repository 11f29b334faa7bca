"""The dashboard reads every format, says how a file was read, and "Read as" re-reads one file."""
from __future__ import annotations

import docx
import pytest
import streamlit as st

from digest.job import Upload
from tests.test_ui_dashboard import RUSSIAN, start, texts, upload


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def word_file(tmp_path) -> bytes:
    document = docx.Document()
    document.add_heading("Floods hit the north", 1)
    for day in range(4):
        document.add_paragraph(
            f"Heavy rain caused floods in the northern region on day {day}, and thousands of "
            f"people left their homes as the rivers rose above their banks for {day + 2} hours."
        )
    path = tmp_path / "floods.docx"
    document.save(path)
    return path.read_bytes()


def captions(app) -> str:
    return " ".join(texts(app, "caption")).replace("\\", "")


def test_word_and_a_damaged_pdf_are_read_or_refused_by_name(tmp_path):
    app = upload(
        start(),
        ("floods.docx", word_file(tmp_path)),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50),
    )
    (error,) = [e.value.replace("\\", "") for e in app.error]
    assert "broken.pdf" in error and "damaged" in error
    assert "floods.docx · Word document" in captions(app)
    assert any("Floods hit the north" in label for label in (e.label for e in app.expander))
    # A PDF is not a text: no "Read as" for it, under its error or anywhere.
    assert not [box for box in app.selectbox if box.label == "Read as"]


def test_read_as_re_reads_only_that_file_in_the_chosen_code_page(monkeypatch):
    import digest.steps

    calls = []
    real = digest.steps.read_document

    def counted(data, name, encoding=None):
        calls.append((name, encoding))
        return real(data, name, encoding)

    monkeypatch.setattr(digest.steps, "read_document", counted)
    english = "Budget\n\n" + "The parliament approved the budget on Monday after a debate. " * 4
    app = upload(
        start(),
        ("byudzhet.txt", RUSSIAN.encode("cp1251")),
        ("budget.txt", english.encode("utf-8")),
    )
    assert "byudzhet.txt · plain text, read as Cyrillic (Windows-1251), detected" in captions(app)
    calls.clear()
    key = "read-as:" + Upload("byudzhet.txt", RUSSIAN.encode("cp1251")).key
    app.selectbox(key=key).set_value("koi8-r").run()
    assert calls == [("byudzhet.txt", "koi8-r")]  # the other file comes from the cache
    assert "byudzhet.txt · plain text, read as Russian (KOI8-R), chosen by you" in captions(app)
    app.selectbox(key=key).set_value("detected").run()
    assert "read as Cyrillic (Windows-1251), detected" in captions(app)


def test_a_summary_cut_at_the_bound_says_so(monkeypatch):
    from summarizer import bounds

    monkeypatch.setattr(bounds, "MAX_SENTENCES", 3)
    text = "Budget\n\n" + " ".join(
        f"The parliament approved budget line {n} after a debate." for n in range(8)
    )
    app = upload(start(), ("budget.txt", text.encode("utf-8")))
    assert "Summarized from the first 3 sentences of 8." in captions(app)


def test_read_as_is_offered_under_an_encoding_refusal_only():
    app = upload(
        start(),
        ("garbled.txt", bytes(range(128, 256)) * 10),
        ("empty.txt", b""),
    )
    errors = [e.value.replace("\\", "") for e in app.error]
    assert any("garbled.txt" in e for e in errors) and any("empty.txt" in e for e in errors)
    boxes = [box.key for box in app.selectbox if box.label == "Read as"]
    assert boxes == ["read-as:" + Upload("garbled.txt", bytes(range(128, 256)) * 10).key]
