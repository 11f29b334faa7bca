"""The Library page and the reading desk as a reader drives them, through AppTest.

A reload is a new AppTest (a new browser session) on the same data folder.
"""
from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from digest.library import open_library
from digest.library.store import forget_checks
from tests.test_ui_dashboard import ENGLISH, GERMAN, RUSSIAN, card_labels, html_bodies, texts

CODEWORD = "Квазиборщевик"
RUSSIAN_TALKS = (
    "Переговоры в Астане\n\n"
    "Во вторник в Астане начались переговоров между делегациями двух стран. "
    f"{CODEWORD} обсуждали весь день, но решения не приняли.\n\n"
    "Стороны договорились продолжить встречу в следующем месяце. "
    "Министры заявили, что довольны ходом переговоров."
)


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    forget_checks()
    yield
    st.cache_data.clear()


def dashboard() -> None:
    from ui.dashboard import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def library_page() -> None:
    from ui.library_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def start(page) -> AppTest:
    app = AppTest.from_function(page, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def upload(app: AppTest, *files: tuple[str, bytes]) -> AppTest:
    key = next(uploader.key for uploader in app.file_uploader)
    app.file_uploader(key=key).set_value([(name, data, "text/plain") for name, data in files])
    app.run()
    assert not app.exception, app.exception
    return app


def click(app: AppTest, label: str, nth: int = 0) -> AppTest:
    [button for button in app.button if button.label == label][nth].click().run()
    assert not app.exception, app.exception
    return app


def read_two() -> AppTest:
    return upload(
        start(dashboard),
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("peregovory.txt", RUSSIAN_TALKS.encode("cp1251")),
    )


def test_the_articles_on_the_dashboard_come_back_after_a_reload():
    first = read_two()
    assert len(card_labels(first)) == 2
    reloaded = start(dashboard)  # a new session: empty uploader, same data folder
    labels = card_labels(reloaded)
    assert len(labels) == 2
    assert any("Parliament approves" in label for label in labels)
    assert any("Переговоры в Астане" in label for label in labels)
    assert "Start with a few articles" not in texts(reloaded, "subheader")


def test_a_pasted_text_is_kept_too():
    app = start(dashboard)
    app.text_area(key="pasted").set_value(GERMAN).run()
    assert len(card_labels(app)) == 1
    assert any("Parlament" in label for label in card_labels(start(dashboard)))


def test_remove_takes_one_article_off_the_dashboard_but_keeps_it_in_the_library():
    app = read_two()
    remove = [b for b in app.button if (b.key or "").startswith("remove:")]
    assert len(remove) == 2 and all("Remove this article" in b.help for b in remove)
    remove[1].click().run()
    assert [label for label in card_labels(app) if "Переговоры" in label] == []
    assert len(card_labels(app)) == 1
    assert len(card_labels(start(dashboard))) == 1  # after a reload too
    assert open_library().count() == 2


def test_clear_all_empties_the_desk_for_good():
    app = click(read_two(), "Clear all")
    assert card_labels(app) == []
    assert card_labels(start(dashboard)) == []
    assert open_library().count() == 2


def test_a_language_chosen_by_the_reader_is_kept():
    app = read_two()
    key = next(k for k in (s.key for s in app.selectbox) if k and k.startswith("language:budget"))
    app.selectbox(key=key).set_value("de").run()
    reloaded = start(dashboard)
    assert any("German" in label and "Parliament" in label for label in card_labels(reloaded))


def test_the_library_lists_every_article_with_file_language_and_date():
    read_two()
    page = start(library_page)
    caption = " ".join(texts(page, "caption"))
    assert "2 articles" in caption and "news\\-digest\\-data" in caption
    rows = [text for text in texts(page, "markdown") if "·" in text]
    assert any("budget\\.txt · English" in row for row in rows)
    assert any("peregovory\\.txt · Russian" in row for row in rows)
    page.multiselect(key="library_languages").set_value(["ru"]).run()
    rows = [text for text in texts(page, "markdown") if "·" in text]
    assert len(rows) == 1 and "Russian" in rows[0]


def test_search_finds_another_form_and_highlights_it():
    read_two()
    page = start(library_page)
    page.text_input(key="library_query").set_value("переговоры").run()
    assert not page.exception
    snippets = [body for body in html_bodies(page) if "nd-snippet" in body]
    assert len(snippets) == 1
    assert "<mark>переговоров</mark>" in snippets[0]
    page.text_input(key="library_query").set_value("<b>nothing</b>").run()
    assert any("Nothing found" in text for text in texts(page, "info"))


def test_search_text_from_an_article_is_escaped():
    hostile = "Hostile <script>\n\nThe <script>alert(1)</script> negotiated payload. More words."
    upload(start(dashboard), ("hostile.txt", hostile.encode("utf-8")))
    page = start(library_page)
    page.text_input(key="library_query").set_value("negotiations").run()
    (snippet,) = [body for body in html_bodies(page) if "nd-snippet" in body]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_open_shows_the_same_card_as_the_dashboard():
    read_two()
    page = start(library_page)
    russian = next(b for b in page.button if b.label == "Open" and b.key)
    labels_before = card_labels(page)
    assert labels_before == ["Delete everything"]
    ids = [a.id for a in open_library().articles() if a.name == "peregovory.txt"]
    page.button(key=f"open:{ids[0]}").click().run()
    assert russian is not None
    assert any("Переговоры в Астане" in label for label in card_labels(page))
    assert any(body.startswith('<ol class="nd-summary">') for body in html_bodies(page))


def test_delete_asks_then_erases_the_article_from_every_file(data_dir):
    read_two()
    page = start(library_page)
    ids = {a.name: a.id for a in open_library().articles()}
    page.button(key=f"delete:{ids['peregovory.txt']}").click().run()
    assert any("for good" in text for text in texts(page, "warning"))
    assert open_library().count() == 2  # nothing yet: a confirmation first
    page.button(key=f"confirm:{ids['peregovory.txt']}").click().run()
    assert not page.exception
    assert any("Deleted" in text for text in texts(page, "success"))
    assert [a.name for a in open_library().articles()] == ["budget.txt"]
    for path in data_dir.iterdir():
        data = path.read_bytes()
        assert CODEWORD.encode("utf-8") not in data and CODEWORD.encode("cp1251") not in data
    assert len(card_labels(start(dashboard))) == 1  # gone from the desk too


def test_delete_everything_needs_a_tick_and_empties_the_library(data_dir):
    read_two()
    page = start(library_page)
    button = page.button(key="library_delete_all")
    assert button.disabled
    page.checkbox(key="library_sure").check().run()
    page.button(key="library_delete_all").click().run()
    assert not page.exception
    assert open_library().count() == 0
    assert any("No articles yet" in text for text in texts(page, "info"))
    for path in data_dir.iterdir():
        assert CODEWORD.encode("utf-8") not in path.read_bytes()
    assert card_labels(start(dashboard)) == []


def test_a_damaged_library_is_named_and_the_dashboard_still_reads(data_dir):
    data_dir.mkdir()
    (data_dir / "library.sqlite3").write_bytes(b"this is not a database\n" * 100)
    page = start(library_page)
    assert any("not a News Digest library" in text for text in texts(page, "error"))
    app = upload(start(dashboard), ("budget.txt", ENGLISH.encode("utf-8")))
    assert len(card_labels(app)) == 1
    assert any("articles are not kept" in text for text in texts(app, "error"))
    assert (data_dir / "library.sqlite3").read_bytes() == b"this is not a database\n" * 100
    assert RUSSIAN  # the dashboard's texts are shared with these tests


def test_a_language_chosen_in_the_librarys_card_is_kept():
    read_two()
    page = start(library_page)
    (russian,) = [a for a in open_library().articles() if a.name == "peregovory.txt"]
    page.button(key=f"open:{russian.id}").click().run()
    key = next(s.key for s in page.selectbox if (s.key or "").startswith("language:"))
    page.selectbox(key=key).set_value("uk").run()
    assert not page.exception
    assert open_library().get(russian.id).language == "uk"
    assert any("Ukrainian" in label for label in card_labels(page))
