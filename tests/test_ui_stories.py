"""Stories on the Briefing and in the Library, as a reader drives them through AppTest.

A small library is made here: one event (the presidents of Kazakhstan and Uzbekistan
meeting in Tashkent) told in Russian, Kazakh, English and Turkish by four outlets with
the same names and numbers, and two unrelated articles. They are read on the dashboard
(which keeps them and puts each in its story), then the Briefing and the Library's
Stories view are opened on the same data folder.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from html import escape

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from digest.library import open_library
from digest.library.store import forget_checks
from digest.stories import Stories

SUMMIT = {
    "sammit-ru.txt": (
        "Токаев и Мирзиёев подписали соглашения в Ташкенте\n\n"
        "Ташкент, 2026-03-03 (Kazinform) – Президент Казахстана Касым-Жомарт Токаев провёл "
        "переговоры с президентом Узбекистана Шавкатом Мирзиёевым. Стороны подписали 14 "
        "соглашений на 2,5 миллиарда долларов. Токаев сказал, что товарооборот двух стран "
        "должен вырасти до 15 миллиардов долларов к 2030 году."
    ),
    "sammit-kk.txt": (
        "Тоқаев пен Мирзиёев Ташкентте келісімдерге қол қойды\n\n"
        "Ташкент, 2026-03-03 (Egemen) – Қазақстан Президенті Қасым-Жомарт Тоқаев Өзбекстан "
        "Президенті Шавкат Мирзиёевпен келіссөз жүргізді. Тараптар 2,5 миллиард долларға 14 "
        "келісімге қол қойды. Тоқаевтың айтуынша, екі елдің тауар айналымы 2030 жылға қарай "
        "15 миллиард долларға жетуі тиіс."
    ),
    "summit-en.txt": (
        "Tokayev and Mirziyoyev sign deals in Tashkent\n\n"
        "Tashkent, 2026-03-04 (Reuters) – Kazakh President Kassym-Jomart Tokayev held talks "
        "with Uzbek President Shavkat Mirziyoyev. The two sides signed 14 agreements worth "
        "$2.5 billion. Tokayev said trade between the two countries should grow to $15 "
        "billion by 2030."
    ),
    "zirve-tr.txt": (
        "Tokayev ve Mirziyoyev Taşkent'te anlaşmalar imzaladı\n\n"
        "Taşkent, 2026-03-04 (Anadolu) – Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, "
        "Özbekistan Cumhurbaşkanı Şevket Mirziyoyev ile görüştü. Taraflar 2,5 milyar dolarlık "
        "14 anlaşma imzaladı. Tokayev, iki ülke arasındaki ticaretin 2030 yılına kadar 15 "
        "milyar dolara çıkması gerektiğini söyledi."
    ),
}
FLOOD = (
    "Floods close roads around Bishkek\n\n"
    "Bishkek, 2026-03-01 (24.kg) – Heavy rain flooded the streets of the Kyrgyz capital on "
    "Sunday. The emergency ministry evacuated 240 people from the Alamedin district, and "
    "rescuers worked through the night near the Chui river."
)
CHESS = (
    "Шахматный турнир в Алматы собрал юных игроков\n\n"
    "Алматы, 2026-02-20 (Vlast) – В детском шахматном турнире приняли участие 86 школьников "
    "из семи городов. Победительницей стала одиннадцатилетняя Айгерим Сейтказина, которая "
    "выиграла все девять партий."
)
FILES = {**SUMMIT, "floods-en.txt": FLOOD, "shakhmaty-ru.txt": CHESS}
SUMMIT_TITLES = [escape(text.split("\n", 1)[0]) for text in SUMMIT.values()]  # as in HTML


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


def dashboard() -> None:
    from ui.dashboard import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def briefing() -> None:
    from ui.briefing_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def library_page() -> None:
    from ui.library_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def read():
    """The six articles read on the dashboard (kept, each put in its story)."""
    app = run(AppTest.from_function(dashboard, default_timeout=180))
    key = next(uploader.key for uploader in app.file_uploader)
    app.file_uploader(key=key).set_value(
        [(name, text.encode("utf-8"), "text/plain") for name, text in FILES.items()])
    run(app)
    return app


def brief_html(app: AppTest) -> str:
    return next(e.proto.body for e in app.get("html") if 'class="nd-brief"' in e.proto.body)


def sections(html: str) -> list[str]:
    return re.findall(r'<section class="nd-story">.*?</section>', html)


def stories_view() -> AppTest:
    app = run(AppTest.from_function(library_page, default_timeout=180))
    app.segmented_control(key="library_view").set_value("Stories")
    return run(app)


def story_labels(app: AppTest) -> list[str]:
    return [e.label for e in app.expander if e.label.startswith("**")]


def summit_label(app: AppTest) -> str:
    return next(label for label in story_labels(app) if "Mirzi" in label or "Мирзи" in label)


def service() -> Stories:
    return Stories(open_library())


def story_id_of(name: str) -> int:
    library = open_library()
    article = next(a for a in library.articles() if a.name == name)
    return Stories(library).story_of(article.id)


def test_every_kept_article_is_in_a_story(read):
    library = open_library()
    stories = Stories(library)
    assert all(stories.story_of(article.id) for article in library.articles())
    assert len({story_id_of(name) for name in SUMMIT}) == 1
    assert story_id_of("floods-en.txt") != story_id_of("summit-en.txt")


def test_the_briefing_shows_one_story_for_the_event_with_its_languages(read):
    app = run(AppTest.from_function(briefing, default_timeout=180))
    html = brief_html(app)
    summit = [s for s in sections(html) if all(title in s for title in SUMMIT_TITLES)]
    assert len(summit) == 1, "the four articles on the summit are one story"
    story = summit[0]
    assert story.count("<article>") == 4 and '<h2 class="nd-story-h">' in story
    meta = re.search(r'<p class="nd-story-meta">(.*?)</p>', story).group(1)
    assert "4 articles" in meta
    assert all(language in meta for language in ("Russian", "Kazakh", "English", "Turkish"))
    assert all(outlet in meta for outlet in ("Kazinform", "Egemen", "Reuters", "Anadolu"))
    assert "2026-03-03 to 2026-03-04" in meta
    assert "Tokayev" in story and "Mirziyoyev" in story  # its names, one Latin spelling each
    assert story.count('class="nd-brief-s"') >= 1  # one summary for the story
    others = [s for s in sections(html) if s is not story]
    assert any("Floods close roads" in s for s in others)
    assert any("Шахматный турнир" in s for s in others)
    assert not any("Floods close roads" in s for s in summit)
    assert html.index("Made on") < html.index("nd-story")


def test_the_briefing_filters_by_language_within_a_story(read):
    app = run(AppTest.from_function(briefing, default_timeout=180))
    app.get("pills")[0].set_value(["kk", "tr"])
    html = brief_html(run(app))
    [story] = sections(html)
    assert story.count("<article>") == 2
    assert "Тоқаев пен Мирзиёев" in story and "Taşkent" in story and "Floods" not in html


def test_the_stories_view_lists_the_stories_with_a_timeline(read):
    app = stories_view()
    labels = story_labels(app)
    assert len(labels) == 3
    summit = summit_label(app)
    assert "4 articles" in summit
    assert all(language in summit for language in ("Russian", "Kazakh", "English", "Turkish"))
    assert "**3 stories** · 6 articles · latest report first" in app.markdown.values
    assert app.get("vega_lite_chart"), "the timeline of coverage is drawn"


def test_filters_by_language_outlet_and_name(read):
    app = stories_view()
    app.multiselect(key="stories_languages").set_value(["tr"])
    assert story_labels(run(app)) == [summit_label(app)]
    app.multiselect(key="stories_languages").set_value([])
    app.multiselect(key="stories_outlets").set_value(["24.kg"])
    assert [label for label in story_labels(run(app))] == [
        label for label in story_labels(app) if "Floods" in label]
    assert len(story_labels(app)) == 1
    app.multiselect(key="stories_outlets").set_value([])
    for spelling in ("Тоқаев", "Tokayev", "Токаев"):
        app.text_input(key="stories_name").set_value(spelling)
        assert story_labels(run(app)) == [summit_label(app)], spelling
    app.text_input(key="stories_name").set_value("Сейтказина")
    labels = story_labels(run(app))
    assert len(labels) == 1 and "Шахматный" in labels[0]


def test_an_opened_story_shows_its_articles_and_names(read):
    app = stories_view()
    app.session_state[f"story:{story_id_of('summit-en.txt')}"] = True
    run(app)
    tables = [e.proto.body for e in app.get("html") if "nd-story-table" in e.proto.body
              and "<table" in e.proto.body]
    assert len(tables) == 1
    assert all(title in tables[0] for title in SUMMIT_TITLES)
    assert "Reuters" in tables[0] and "2026-03-04" in tables[0]
    names = next(e.proto.body for e in app.get("html") if "nd-story-names" in e.proto.body
                 and "<div" in e.proto.body)
    assert "Tokayev" in names and "Mirziyoyev" in names


def test_a_move_is_kept_after_a_rerun_and_a_regroup(read):
    summit = story_id_of("summit-en.txt")
    floods = story_id_of("floods-en.txt")
    app = stories_view()
    app.session_state[f"story:{summit}"] = True
    run(app)
    english = next(a.id for a in open_library().articles() if a.name == "summit-en.txt")
    app.selectbox(key=f"move_article:{summit}").set_value(english)
    app.selectbox(key=f"move_target:{summit}").set_value(floods)
    next(b for b in app.button if b.key == f"move:{summit}").click()
    run(app)
    assert any("moved to" in str(s.value) for s in app.success)
    assert story_id_of("summit-en.txt") == floods
    flood_label = next(label for label in story_labels(app) if "Floods" in label)
    assert "2 articles" in flood_label
    assert "3 articles" in summit_label(app)
    run(app)  # a rerun
    assert "2 articles" in next(label for label in story_labels(app) if "Floods" in label)
    service().regroup()  # regrouping the library keeps the reader's choice
    app = stories_view()
    assert story_id_of("summit-en.txt") == floods
    assert "2 articles" in next(label for label in story_labels(app) if "Floods" in label)
    # Split out: a story of its own, kept too.
    app.session_state[f"story:{floods}"] = True
    run(app)
    app.selectbox(key=f"move_article:{floods}").set_value(english)
    app.selectbox(key=f"move_target:{floods}").set_value(None)
    next(b for b in app.button if b.key == f"move:{floods}").click()
    run(app)
    alone = story_id_of("summit-en.txt")
    assert alone not in (floods, summit)
    service().regroup()
    assert story_id_of("summit-en.txt") == alone
    assert len(story_labels(stories_view())) == 4


@pytest.fixture
def downloads(monkeypatch):
    """What each download button would hand to the reader: {key: (file name, bytes)}."""
    recorded: dict[str, tuple[str, bytes]] = {}
    original = st.download_button

    def recording(label, data, file_name=None, *args, **kwargs):
        recorded[kwargs.get("key") or label] = (file_name, bytes(data))
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return recorded


def test_the_downloads_hold_the_stories_shown(read, downloads):
    app = stories_view()
    app.session_state["stories_downloads"] = True
    run(app)
    name, data = downloads["download_stories_csv"]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert name == "stories.csv" and len(rows) == 3
    summit = next(row for row in rows if row["articles"] == "4")
    assert set(summit["languages"].split("; ")) == {"ru", "kk", "en", "tr"}
    assert "Tokayev" in summit["names"]
    name, data = downloads["download_story_articles_csv"]
    articles = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert name == "story-articles.csv" and len(articles) == 6
    assert {row["file"] for row in articles if row["story"] == summit["story"]} == set(SUMMIT)
    assert {row["outlet"] for row in articles} >= {"Kazinform", "Reuters", "24.kg", "Vlast"}
    name, data = downloads["download_stories_json"]
    stories = json.loads(data)
    assert name == "stories.json" and len(stories) == 3
    told = next(story for story in stories if len(story["articles"]) == 4)
    assert {article["file"] for article in told["articles"]} == set(SUMMIT)
    # Filtered: the files hold the stories shown.
    app.multiselect(key="stories_languages").set_value(["kk"])
    run(app)
    assert len(json.loads(downloads["download_stories_json"][1])) == 1


def test_the_library_search_filters_by_name_and_the_card_shows_names(read):
    app = run(AppTest.from_function(library_page, default_timeout=180))
    app.text_input(key="library_name").set_value("Тоқаев")
    run(app)
    rows = [str(t.value) for t in app.markdown if "·" in str(t.value)]
    assert len(rows) == 4 and all("Tokayev" in r or "Токаев" in r or "Тоқаев" in r
                                  or "Taşkent" in r for r in rows)
    assert any("**4 articles**" in str(t.value) for t in app.markdown)
    app.text_input(key="library_query").set_value("Ташкент")
    run(app)
    assert any("found" in str(t.value) for t in app.markdown)
    app.text_input(key="library_name").set_value("Alamedin")
    run(app)
    assert any("Nothing found" in str(t.value) for t in app.info)
    app.text_input(key="library_query").set_value("")
    run(app)
    rows = [str(t.value) for t in app.markdown if "·" in str(t.value)]
    assert len(rows) == 1 and "floods" in rows[0]
    # The card, opened from the list, names the people and places of the article.
    next(b for b in app.button if b.label == "Open").click()
    run(app)
    captions = " ".join(str(c.value) for c in app.caption)
    assert "Names:" in captions and "Alamedin" in captions


def test_the_dashboard_card_shows_the_names(read):
    captions = [str(c.value) for c in read.caption if "Names:" in str(c.value)]
    assert captions, "each open card names its people and places"
    assert any("Tokayev" in caption or "Tokaev" in caption for caption in captions)
