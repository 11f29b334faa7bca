"""The dashboard as a user drives it, through Streamlit's AppTest (no browser).

Uploads, bad files among good ones, settings, the language override, the
missing-pack note, download contents, literal display of HTML, and which
pipeline steps re-run when a setting changes.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from digest.job import Upload
from testkit.tinypack import build_tiny_pack
from translator.packs.install import install_from_file
from ui.upload_limits import FAILURES_ID


def article(title: str, *paragraphs: list[str]) -> str:
    """Title, blank line, then paragraphs of sentences: the layout news files have."""
    return title + "\n\n" + "\n\n".join(" ".join(sentences) for sentences in paragraphs) + "\n"


APP = str(Path(__file__).resolve().parents[1] / "app.py")

ENGLISH = article(
    "Parliament approves the new budget",
    [
        "The parliament approved the new budget on Monday after a long debate.",
        "Spending on schools and hospitals will grow by ten percent next year.",
    ],
    [
        "The finance minister said the deficit would shrink as oil exports recover.",
        "He added that the government would borrow less from the national fund.",
    ],
    [
        "Opposition members criticised the plan.",
        "They said the forecast for oil prices was far too optimistic.",
        "Pensions, they added, were still too low.",
    ],
    [
        "The senate must approve the budget before the end of the month.",
        "The president is expected to sign it soon after.",
    ],
)

RUSSIAN = article(
    "Парламент одобрил новый бюджет",
    [
        "Депутаты в среду одобрили проект бюджета на следующие три года.",
        "Расходы на образование и здравоохранение вырастут почти на десять процентов.",
    ],
    [
        "Министр финансов заявил, что дефицит бюджета сократится благодаря экспорту нефти.",
        "По его словам, правительство также планирует снизить зависимость от Национального фонда.",
    ],
    [
        "Оппозиционные депутаты раскритиковали документ.",
        "Они считают, что прогноз цен на нефть слишком оптимистичен.",
        "Расходы на социальные программы, по их мнению, недостаточны.",
    ],
    [
        "Бюджет должен быть утверждён сенатом до конца месяца.",
        "После этого его подпишет президент.",
    ],
)

GERMAN = article(
    "Das Parlament beschließt den neuen Haushalt",
    [
        "Das Parlament hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen.",
        "Die Ausgaben für Schulen und Krankenhäuser steigen im nächsten Jahr um zehn Prozent.",
    ],
    [
        "Der Finanzminister sagte, das Defizit werde kleiner, weil die Ölexporte sich erholen.",
        "Die Regierung werde weniger Geld aus dem nationalen Fonds leihen.",
    ],
    [
        "Die Opposition kritisierte den Plan scharf.",
        "Die Prognose für den Ölpreis sei viel zu optimistisch und die Renten seien zu niedrig.",
    ],
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
UNDECODABLE = bytes(range(128, 256)) * 10


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with empty st.cache_data caches (they are process-wide)."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    """A tiny but real Russian -> English pack, installed in a private packs dir."""
    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))


@pytest.fixture
def downloads(monkeypatch):
    """Record what every download button would hand to the user: {label/file_name: bytes}."""
    recorded: dict[str, tuple[str, bytes]] = {}
    original = st.download_button

    def recording(label, data, file_name=None, *args, **kwargs):
        made = data() if callable(data) else data  # what a click on the button would get
        payload = made.encode("utf-8") if isinstance(made, str) else bytes(made)
        recorded[kwargs.get("key") or label] = (file_name, payload)
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return recorded


def start() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception
    return app


def upload(app: AppTest, *files: tuple[str, bytes]) -> AppTest:
    app.file_uploader(key="files-0").set_value([(name, data, "text/plain") for name, data in files])
    app.run()
    assert not app.exception, app.exception
    return app


def texts(app: AppTest, kind: str) -> list[str]:
    return [str(element.value) for element in app.get(kind)]


def html_bodies(app: AppTest) -> list[str]:
    """The HTML the page shows of the articles (not our styles, not the uploader's line)."""
    bodies = [element.proto.body for element in app.get("html")]
    return [body for body in bodies if "<style>" not in body and FAILURES_ID not in body]


def summary_lists(app: AppTest) -> list[str]:
    return [body for body in html_bodies(app) if body.startswith('<ol class="nd-summary">')]


def card_labels(app: AppTest) -> list[str]:
    return [expander.label for expander in app.expander if expander.label != "Paste a text instead"]


def test_empty_state_tells_a_first_time_user_what_to_do():
    app = start()
    assert "Start with a few articles" in texts(app, "subheader")
    assert any("saved web pages, Word or PDF" in text for text in texts(app, "markdown"))
    assert not app.error
    assert app.selectbox(key="target").options == ["No translation"]


def test_bad_files_get_their_own_error_and_good_ones_are_still_processed():
    app = start()
    uploader = app.file_uploader[0]
    assert "up to 25 MB = 26,214,400 bytes" in uploader.label  # what the uploader tells users
    assert uploader.proto.max_upload_size_mb > 25  # larger files reach the app, refused by name
    too_large = b"a" * (25 * 1024 * 1024 + 1)  # one byte over the 25 MB article limit
    upload(
        app,
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("empty.txt", b""),
        ("photo.txt", PNG),
        ("garbage.txt", UNDECODABLE),
        ("huge.txt", too_large),
        ("byudzhet.txt", RUSSIAN.encode("cp1251")),
    )
    errors = texts(app, "error")
    assert len(errors) == 4
    by_name = {
        name: next(e for e in errors if name.replace(".", "\\.") in e)
        for name in ("empty.txt", "photo.txt", "garbage.txt", "huge.txt")
    }
    assert "empty" in by_name["empty.txt"]
    assert "PNG image" in by_name["photo.txt"]
    assert "could not be decoded" in by_name["garbage.txt"]
    assert "too large" in by_name["huge.txt"] and "25 MB" in by_name["huge.txt"]
    labels = card_labels(app)
    assert len(labels) == 2
    assert any("Parliament approves the new budget" in label for label in labels)
    assert any("Парламент одобрил новый бюджет" in label for label in labels)
    markdown = " ".join(texts(app, "markdown"))
    assert "English · " in markdown and "Russian · " in markdown
    assert len(summary_lists(app)) == 2


def test_summary_length_and_algorithm_settings_change_the_summary(downloads):
    app = upload(start(), ("budget.txt", ENGLISH.encode("utf-8")))
    assert summary_lists(app)[0].count("<li>") == 5
    app.number_input(key="length_sentences").set_value(2).run()
    assert summary_lists(app)[0].count("<li>") == 2
    app.number_input(key="length_sentences").set_value(1).run()
    assert summary_lists(app)[0].count("<li>") == 1
    assert next(m for m in app.metric if m.label == "Summary").value.startswith("1 sentence ·")
    app.selectbox(key="algorithm").set_value("lsa").run()
    name, summary = downloads["download:" + Upload("budget.txt", ENGLISH.encode("utf-8")).key]
    assert name == "budget.summary.txt"
    assert "LSA" in summary.decode("utf-8")


def test_summary_length_as_a_percentage():
    app = upload(start(), ("budget.txt", ENGLISH.encode("utf-8")))
    app.get("button_group")[0].set_value("Percent").run()
    app.slider(key="length_percent").set_value(40).run()
    words = int(next(m for m in app.metric if m.label == "Words").value.replace(",", ""))
    summary = re.sub(r"<[^>]+>", " ", summary_lists(app)[0])
    assert 0 < len(summary.split()) <= 0.4 * words  # percent counts the article's words
    assert 1 <= summary_lists(app)[0].count("<li>") < 5


def test_language_override_re_runs_what_depends_on_the_language(downloads):
    data = RUSSIAN.encode("utf-8")
    app = upload(start(), ("byudzhet.txt", data))
    key = "language:" + Upload("byudzhet.txt", data).key
    assert "Russian · " in " ".join(texts(app, "markdown"))
    app.selectbox(key=key).set_value("kk").run()
    assert not app.exception
    markdown = " ".join(texts(app, "markdown"))
    assert "Kazakh · set by you" in markdown
    assert "Detected: Russian" in " ".join(texts(app, "caption"))
    _, summary = downloads["download:" + Upload("byudzhet.txt", data).key]
    assert "Language: Kazakh (kk)" in summary.decode("utf-8")


def test_missing_pack_note_names_the_pair_and_the_rest_keeps_working(ru_en_pack):
    app = upload(
        start(),
        ("byudzhet.txt", RUSSIAN.encode("utf-8")),
        ("haushalt.txt", GERMAN.encode("utf-8")),
    )
    assert app.selectbox(key="target").options == ["No translation", "English"]
    app.selectbox(key="target").set_value("en").run()
    assert not app.exception
    notes = [m for m in texts(app, "markdown") if "No language pack for" in m]
    assert notes == [
        ":material/link_off: No language pack for **German → English**; the summary works "
        "without it.  \nInstall a pack on the Language packs page, or run "
        "`news-digest packages install de en`."
    ]
    assert any(link.label == "Open Language packs" for link in app.get("page_link"))
    # The Russian article is translated: one translation under each summary sentence...
    russian_summary = next(body for body in summary_lists(app) if "Депутаты" in body)
    # every sentence with its translation under it (flagged or not: random weights)
    assert russian_summary.count('class="nd-tr') == russian_summary.count("<li>") > 0
    # ... and both articles still have their summaries.
    assert len(summary_lists(app)) == 2


def test_side_by_side_aligns_every_sentence_of_the_whole_article(ru_en_pack):
    data = RUSSIAN.encode("utf-8")
    app = upload(start(), ("byudzhet.txt", data))
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    table = next(body for body in html_bodies(app) if body.startswith('<table class="nd-sbs">'))
    sentences = int(next(m for m in app.metric if m.label == "Sentences").value)
    assert table.count("<tr><td") == sentences  # one row per sentence, original beside translation
    assert table.count("<tbody>") == 4  # one group per paragraph
    assert "<th>Original (Russian)</th><th>English</th>" in table
    assert 'class="nd-missing"' not in table


def test_downloads_hold_every_summary_under_sanitized_names(downloads):
    upload(
        start(),
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("../bad:name?.txt", RUSSIAN.encode("cp1251")),
        ("empty.txt", b""),
    )
    name, digest = downloads["download_digest"]
    digest_text = digest.decode("utf-8")
    assert name == "summaries.txt"
    assert "budget.txt — Parliament approves the new budget" in digest_text
    assert "Парламент одобрил новый бюджет" in digest_text
    assert "empty.txt" not in digest_text
    assert "Source file: budget.txt" in digest_text
    name, archive = downloads["download_zip"]
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        names = sorted(bundle.namelist())
        assert names == ["bad_name.summary.txt", "budget.summary.txt"]
        single = bundle.read("budget.summary.txt").decode("utf-8")
    assert single.startswith("Parliament approves the new budget\n")
    assert "Language: English (en)" in single
    per_article = [value for key, value in downloads.items() if key.startswith("download:")]
    assert sorted(name for name, _ in per_article) == ["bad_name.summary.txt", "budget.summary.txt"]


def test_translation_goes_into_the_downloaded_summary(ru_en_pack, downloads):
    data = RUSSIAN.encode("utf-8")
    app = upload(start(), ("byudzhet.txt", data))
    app.selectbox(key="target").set_value("en").run()
    _, summary = downloads["download:" + Upload("byudzhet.txt", data).key]
    text = summary.decode("utf-8")
    assert "Translation (English, summary)" in text
    section = text.split("Translation (English, summary)\n")[1].strip().splitlines()[1:]
    mark, headline, blank, *translation = section
    assert mark == "[Machine translation. Translated offline by Argos pack ru→en.]"
    assert headline.strip() and headline != "Парламент одобрил новый бюджет" and blank == ""
    assert len(translation) == 5 and all(line.strip() for line in translation)


def test_html_script_and_markdown_in_an_article_are_shown_literally():
    hostile = (
        "<script>alert('x')</script> **Breaking** news\n\n"
        "A paragraph with <b>bold</b> HTML and <img src=x onerror=alert(1)> inside. "
        "It also has :red[colour] and $x^2$ and # not a heading. A third sentence ends here."
    )
    app = start()
    app.text_area(key="pasted").set_value(hostile).run()
    assert not app.exception
    label = card_labels(app)[0]
    assert "<script>" not in label and "\\<script\\>" in label and "\\*\\*Breaking" in label
    bodies = " ".join(html_bodies(app))
    assert "<script" not in bodies and "<img" not in bodies and "<b>" not in bodies
    assert "&lt;b&gt;bold&lt;/b&gt;" in bodies and "&lt;img src=x onerror=alert(1)&gt;" in bodies
    assert "<mark>" in bodies  # the highlighting itself is markup


def test_reruns_recompute_only_what_changed(ru_en_pack, monkeypatch):
    import digest.steps
    import summarizer.pipeline
    import translator.engine

    calls = {"decode": 0, "detect": 0, "summarize": 0, "translate": 0}

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
    monkeypatch.setattr(
        translator.engine,
        "translate_sentences",
        counted("translate", translator.engine.translate_sentences),
    )
    app = upload(
        start(),
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("byudzhet.txt", RUSSIAN.encode("cp1251")),
    )
    assert calls == {"decode": 2, "detect": 2, "summarize": 2, "translate": 0}

    app.run()  # a plain rerun (any click) recomputes nothing
    assert calls == {"decode": 2, "detect": 2, "summarize": 2, "translate": 0}

    app.selectbox(key="target").set_value("en").run()  # target: translate only the Russian one
    assert calls == {"decode": 2, "detect": 2, "summarize": 2, "translate": 1}

    app.number_input(key="length_sentences").set_value(3).run()  # length: re-summarize only
    assert calls["decode"] == 2 and calls["detect"] == 2 and calls["summarize"] == 4

    translated = calls["translate"]
    app.selectbox(key="target").set_value("none").run()
    app.selectbox(key="target").set_value("en").run()  # back to a target seen before: cached
    assert calls["translate"] == translated and calls["summarize"] == 4


def test_undetermined_language_is_flagged_with_a_way_to_set_it():
    app = start()
    app.text_area(key="pasted").set_value("Ok.\n\nNo. 12 34 56 78.").run()
    assert not app.exception
    warnings = texts(app, "warning")
    assert any("The language could not be determined" in w for w in warnings)
    assert "Language undetermined" in " ".join(texts(app, "markdown"))
    key = "language:" + Upload("Pasted text", b"Ok.\n\nNo. 12 34 56 78.").key
    app.selectbox(key=key).set_value("en").run()
    assert not any("could not be determined" in w for w in texts(app, "warning"))
    assert "English · set by you" in " ".join(texts(app, "markdown"))


def test_an_article_mixing_languages_lists_the_foreign_paragraphs():
    quote = (
        "The ambassador told reporters in English that the agreement would strengthen trade "
        "between the two countries and that both governments were satisfied with the talks."
    )
    mixed = RUSSIAN.replace("Бюджет должен быть", quote + "\n\nБюджет должен быть")
    app = upload(start(), ("mixed.txt", mixed.encode("utf-8")))
    warning = next(w for w in texts(app, "warning") if "mixes languages" in w)
    assert "most of it is Russian" in warning
    assert "Paragraph 4: English" in warning and "The ambassador told reporters" in warning


def test_a_failure_inside_one_article_costs_only_that_article(monkeypatch):
    import summarizer.pipeline

    real = summarizer.pipeline.summarize

    def fragile(article, *args, **kwargs):
        if article.name == "byudzhet.txt":
            raise RuntimeError("summarizer broke")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(summarizer.pipeline, "summarize", fragile)
    app = upload(
        start(),
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("byudzhet.txt", RUSSIAN.encode("utf-8")),
    )
    assert [e for e in texts(app, "error")] == [
        "**byudzhet\\.txt** — the article could not be processed \\(RuntimeError\\: summarizer "
        "broke\\)\\."
    ]
    assert len(summary_lists(app)) == 1


def test_many_articles_draw_closed_cards_until_opened_and_keep_overrides(downloads):
    files = [
        (f"budget-{n}.txt", ENGLISH.replace("Monday", f"day {n}").encode("utf-8")) for n in range(5)
    ]
    app = upload(start(), *files)
    assert len(card_labels(app)) == 5
    assert len(summary_lists(app)) == 1  # only the first card is open
    _, digest = downloads["download_digest"]
    assert all(name.encode() in digest for name, _ in files)  # ... but all are summarized

    last = Upload(*files[-1])
    # AppTest does not send an expander's state back by itself (the browser does), so the
    # test opens the card through session_state for the run that should draw it open.
    app.session_state[f"card:{last.key}"] = True
    app.run()
    assert len(summary_lists(app)) == 2
    app.selectbox(key=f"language:{last.key}").set_value("de").run()
    # The card's label now says German, and the card the reader works in stays open.
    assert "German" in card_labels(app)[-1] and "English" in card_labels(app)[0]
    assert len(summary_lists(app)) == 2
    assert app.selectbox(key=f"language:{last.key}").value == "de"
    assert "German · set by you" in " ".join(texts(app, "markdown"))


def test_removing_a_file_from_the_uploader_removes_its_card_and_clear_all_empties():
    app = upload(
        start(),
        ("budget.txt", ENGLISH.encode("utf-8")),
        ("haushalt.txt", GERMAN.encode("utf-8")),
    )
    assert len(card_labels(app)) == 2
    app.file_uploader(key="files-0").set_value(
        [("haushalt.txt", GERMAN.encode("utf-8"), "text/plain")]
    )
    app.run()
    assert [label for label in card_labels(app) if "budget" in label] == []
    assert len(card_labels(app)) == 1
    next(button for button in app.button if button.label == "Clear all").click().run()
    assert not app.exception
    assert card_labels(app) == []
    assert "Start with a few articles" in texts(app, "subheader")
    assert app.file_uploader(key="files-1").value == []


def _dashboard_or_packs_page() -> None:
    """The app's two pages, switched through session state (AppTest cannot switch to
    st.navigation's callable pages): the run on the packs page draws no uploader."""
    import streamlit as st

    from ui.settings import keep_widget_state

    keep_widget_state()
    if st.session_state.get("page") == "packs":
        from ui.packs_page import render
    else:
        from ui.dashboard import render
    render()


def test_files_kept_across_a_packs_page_visit_stay_when_more_are_added():
    app = AppTest.from_function(_dashboard_or_packs_page, default_timeout=120)
    app.run()
    upload(app, ("budget.txt", ENGLISH.encode("utf-8")), ("haushalt.txt", GERMAN.encode("utf-8")))
    app.session_state["page"] = "packs"
    app.run()
    app.session_state["page"] = "dashboard"
    app.run()
    assert len(card_labels(app)) == 2 and not app.file_uploader(key="files-0").value
    upload(app, ("byudzhet.txt", RUSSIAN.encode("utf-8")))  # into the new, empty uploader
    assert len(card_labels(app)) == 3
    app.file_uploader(key="files-0").set_value([])  # removing it takes only it away
    app.run()
    assert len(card_labels(app)) == 2


def test_more_files_than_read_at_once_are_counted_and_too_large_ones_named(monkeypatch):
    """Issue 13, item 5: what is dropped is counted, with the reason."""
    from digest.job import ARTICLE_MAX_BYTES
    from ui import upload_limits

    monkeypatch.setattr(upload_limits, "MAX_FILES", 3)
    app = start()
    files = [(f"note-{n}.txt", ENGLISH.replace("Monday", f"day {n}").encode())
             for n in range(4)]  # four different articles (the library keeps one per content)
    files.append(("huge.txt", b"a " * (ARTICLE_MAX_BYTES // 2 + 1)))
    upload(app, *files)
    warning = " ".join(texts(app, "warning"))
    assert "5 files received" in warning and "2 were not read (too many files)" in warning
    assert len(card_labels(app)) == 3
    upload_limits.MAX_FILES = 10
    app.run()
    [error] = texts(app, "error")
    assert "huge" in error and "too large" in error and f"{ARTICLE_MAX_BYTES:,} bytes" in error
    summarized = [text for text in texts(app, "markdown") if "summarized" in text]
    assert any("4 articles" in text and "1 not read" in text for text in summarized), summarized
