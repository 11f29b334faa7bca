"""The Library's Stories view read by aggregates: the outline (one line per story), its
filters, the timeline, the name filter's example and the pages of stories give what
listing every story gives, and the view pages through the stories.

A library of 45 stories is made here directly through the story tables (no grouping):
story k is told in one of three languages by one of three outlets, on day k; every
other story has a second article in Turkish; some stories name Tokayev, and German-only
stories name "Jahre" (a noun German capitalises, not shown as a name) in more articles
than Tokayev, so the name filter's example must not be "Jahre".
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from digest.library import open_library
from digest.library.store import Library, forget_checks
from digest.library.stories import StoryStore
from digest.stories import Stories, Story, StoryName
from digest.stories import views as story_views
from tests.test_ui_stories import library_page, run

STORIES = 45
LANGUAGES = ("en", "ru", "kk")
OUTLETS = ("Kazinform", "Reuters", "24.kg")
FIRST_DAY = date(2026, 3, 1)


def _article(name: str, title: str, language: str, day: date) -> dict:
    text = f"{title}\n\n{title} ({name})."
    added = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12)
    return {"name": name, "original": text.encode("utf-8"), "text": text,
            "encoding": "utf-8", "title": title, "detected": language,
            "added": added.isoformat(timespec="microseconds")}


def build(library: Library) -> None:
    """The 45 stories, each article with its facts, in its story."""
    articles, plan = [], []
    for k in range(STORIES):
        day = FIRST_DAY + timedelta(days=k)
        language = LANGUAGES[k % 3]
        told = [(f"story-{k}-{language}.txt", f"Story {k:02d} in {language}", language)]
        if k % 2 == 0:
            told.append((f"story-{k}-tr.txt", f"Story {k:02d} in tr", "tr"))
        if k >= 40:
            told = [(f"story-{k}-de{n}.txt", f"Story {k:02d} in de part {n}", "de")
                    for n in range(5)]
        for name, title, lang in told:
            articles.append(_article(name, title, lang, day))
            plan.append((name, k, lang, day))
    library.add_many(articles)
    ids = {article.name: article.id for article in library.articles()}
    store = StoryStore(library)
    rows = []
    for name, k, lang, day in plan:
        names = []
        if k % 4 == 0:
            names.append(("tkv", "Tokayev" if lang != "ru" else "Токаев", "Tokayev", 2))
        if lang == "de":
            names.append(("jhr", "Jahre", "Jahre", 3))
        published = day if k % 5 else None  # every fifth: the day it was added
        store.save_article(ids[name], outlet=OUTLETS[k % 3] if k % 7 else "",
                           published=published, place="", source="", keywords=(),
                           names=names, features=())
        rows.append((ids[name], -(k + 1), False, 1.0))
    store.set_members(rows)


@pytest.fixture
def stories(data_dir) -> Stories:
    forget_checks()
    library = open_library()
    build(library)
    return Stories(library)


# ---- what listing every story gives: the reference the outline is held to -------------------


def select(listed: Sequence[Story], languages: Sequence[str] = (), outlets: Sequence[str] = (),
           named: set[int] | None = None) -> list[Story]:
    """The stories covered in any of `languages` and by any of `outlets`, holding one of
    the `named` articles (None: any); as Stories.list(StoryFilters(...)) gives them."""
    chosen = []
    for story in listed:
        if languages and not set(languages) & set(story.languages):
            continue
        if outlets and not set(outlets) & set(story.outlets):
            continue
        if named is not None and not any(article.id in named for article in story.articles):
            continue
        chosen.append(story)
    return chosen




def library_names(listed: Sequence[Story]) -> list[StoryName]:
    """Every name of the stories, merged by key, named in most articles first (the name
    filter's choices); the spelling shown is that of the story naming it most."""
    merged: dict[str, StoryName] = {}
    for story in listed:
        for name in story.names:
            known = merged.get(name.key)
            if known is None:
                merged[name.key] = name
                continue
            shown = name if name.articles > known.articles else known
            spellings = tuple(dict.fromkeys(known.spellings + name.spellings))
            merged[name.key] = StoryName(name.key, shown.display, spellings,
                                         known.articles + name.articles,
                                         known.mentions + name.mentions)
    return sorted(merged.values(), key=lambda n: (-n.articles, n.display.lower()))


def outlets_of(listed: Sequence[Story]) -> list[str]:
    """The outlets of the stories, by number of stories."""
    counts = Counter(outlet for story in listed for outlet in story.outlets)
    return [outlet for outlet, _ in sorted(counts.items(), key=lambda o: (-o[1], o[0].lower()))]


def languages_of(listed: Sequence[Story]) -> list[str]:
    return sorted({language for story in listed for language in story.languages})


def timeline(listed: Sequence[Story], by: str = "language",
             top: int = 8) -> list[story_views.Coverage]:
    """The timeline counted from every story assembled."""
    biggest = {story.id for story in sorted(listed, key=lambda s: (-s.size, -s.id))[:top]}
    counts: Counter[tuple[date, str]] = Counter()
    for story in listed:
        for article in story.articles:
            if by == "story":
                series = str(story.id) if story.id in biggest else story_views.OTHER
            else:
                series = article.language
            counts[article.reported, series] += 1
    return story_views.bars(counts)


def test_the_outline_gives_what_listing_every_story_gives(stories):
    listed = stories.list()
    outline = story_views.outline(stories)
    assert [line.id for line in outline.lines] == [story.id for story in listed]
    for line, story in zip(outline.lines, listed, strict=True):
        assert (line.size, line.first_report, line.last_report) == (
            story.size, story.first_report, story.last_report)
        assert line.languages == set(story.languages) and line.outlets == set(story.outlets)
    assert list(outline.languages) == languages_of(listed)
    assert list(outline.outlets) == outlets_of(listed)
    for by in ("language", "story"):
        assert story_views.lines_timeline(outline.lines, by) == timeline(listed, by)


def test_filters_on_the_outline_choose_the_stories_listing_chooses(stories):
    listed = stories.list()
    lines = story_views.outline(stories).lines
    for languages, outlets, name in ((("kk",), (), ""), ((), ("Reuters",), ""),
                                     (("tr",), ("24.kg",), "Токаев"), ((), (), "Tokayev")):
        named = story_views.named_stories(stories, name) if name else None
        expected = select(listed, languages, outlets,
                                      story_views.named_ids(stories, name) if name else None)
        chosen = story_views.select_lines(lines, languages, outlets, named)
        assert [line.id for line in chosen] == [story.id for story in expected]
        assert chosen, (languages, outlets, name)


def test_the_name_example_is_the_first_library_name_not_a_hidden_one(stories):
    listed = stories.list()
    first = library_names(listed)[0]
    found = story_views.top_name(stories, story_views.outline(stories).lines)
    assert found == first
    assert found.display == "Tokayev"  # "Jahre" is named more, but not shown as a name


def test_a_page_and_the_headlines_are_those_of_the_list(stories):
    listed = stories.list()
    ids = [story.id for story in listed[20:40]]
    assert stories.assembled(ids) == listed[20:40]
    assert stories.headlines() == {story.id: story.headline for story in listed}


def stories_view() -> AppTest:
    app = run(AppTest.from_function(library_page, default_timeout=180))
    app.segmented_control(key="library_view").set_value("Stories")
    return run(app)


def headlines(app: AppTest) -> list[str]:
    return [e.label.split("**")[1] for e in app.expander if e.label.startswith("**")]


def test_the_view_pages_through_the_stories_and_filters_apply_to_every_page(stories):
    listed = stories.list()
    every = [story.headline for story in listed]
    app = stories_view()
    articles = sum(story.size for story in listed)
    assert f"**45 stories** · {articles} articles · latest report first" in app.markdown.values
    assert headlines(app) == every[:20]
    page = app.number_input(key="stories_page")
    assert page.label == "Page (of 3)"
    page.set_value(2)
    assert headlines(run(app)) == every[20:40]
    app.number_input(key="stories_page").set_value(3)
    assert headlines(run(app)) == every[40:]
    # Filtered: the pages are those of the stories chosen.
    app.multiselect(key="stories_languages").set_value(["en", "ru"])
    run(app)
    chosen = [story.headline for story in listed if {"en", "ru"} & set(story.languages)]
    assert 20 < len(chosen) < 40
    assert app.number_input(key="stories_page").label == "Page (of 2)"
    assert headlines(app) == chosen[:20]  # a new page control: its first page
    app.number_input(key="stories_page").set_value(2)
    assert headlines(run(app)) == chosen[20:]
    app.multiselect(key="stories_languages").set_value(["kk"])
    assert headlines(run(app)) == [story.headline for story in listed
                                   if "kk" in story.languages]
    assert not app.number_input  # one page: no page control


def test_the_name_filter_example_and_a_story_opened_on_a_later_page(stories):
    app = stories_view()
    assert app.text_input(key="stories_name").placeholder == "e.g. Tokayev"
    app.number_input(key="stories_page").set_value(2)
    run(app)
    story = stories.list()[25]
    app.session_state[f"story:{story.id}"] = True
    run(app)
    targets = app.selectbox(key=f"move_target:{story.id}").options
    assert len(targets) == STORIES  # every other story, and "a story of its own"
    assert any("Story 00 in en (2 articles)" in target for target in targets)


def test_the_version_changes_with_a_move_and_a_delete(stories):
    before = story_views.version(stories)
    assert story_views.version(stories) == before  # nothing changed: the caches hold
    first, second = story_views.outline(stories).lines[:2]
    article = stories.store.members([first.id])[first.id][0]
    stories.move(article, second.id)
    moved = story_views.version(stories)
    assert moved != before
    stories.library.delete(article)
    assert story_views.version(stories) not in (before, moved)
