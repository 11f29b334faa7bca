"""The story service of the reader's library, cached at the ui edge.

One digest.stories.Stories per library file for the whole server (it holds the grouping
in memory, and is thread-safe); the library's stories listed once per version
(digest.stories.views.version) and shared by every session and rerun until an article
is added, moved or deleted. Articles kept before stories existed get theirs once, lazily,
on the first page that needs stories.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace

import streamlit as st

from digest.library import Library
from digest.stories import Stories, Story
from digest.stories import views as story_views

log = logging.getLogger(__name__)

_grouped: dict[str, int] = {}
"""Library file -> the article count it had when every article was last known to have a
story: group_missing runs again only when the count changes."""
_grouped_lock = threading.Lock()


@st.cache_resource(show_spinner=False, max_entries=8)
def _service(path: str) -> Stories:
    return Stories(Library(path))


def service(library: Library) -> Stories:
    """The Stories of this library (one per library file)."""
    return _service(str(library.path))


def stories_of(library: Library, quiet: bool = False) -> Stories:
    """The library's story service, with every article in a story: those kept before
    stories existed (or by a program that did not group them) are grouped now, once
    (under a spinner unless `quiet`)."""
    stories = service(library)
    path = str(library.path)
    count = library.count()
    if _grouped.get(path) == count:
        return stories
    if quiet:
        _group(stories, path, count)
    else:
        with st.spinner(_spinner_text()):
            _group(stories, path, count)
    return stories


def _group(stories: Stories, path: str, count: int) -> None:
    with _grouped_lock:
        if _grouped.get(path) == count:
            return
        missing = story_views.group_missing(stories)
        if missing:
            log.info("%d articles of the library put in stories", missing)
        _grouped[path] = count


def _spinner_text() -> str:
    from ui.i18n import _

    return _("Grouping the library's articles into stories…")


def place(library: Library, article_ids: Iterable[int]) -> None:
    """Put newly kept articles in their stories (called where the dashboard keeps them);
    a failure costs the story, never the article."""
    try:
        story_views.place(service(library), article_ids)
    except Exception:  # noqa: BLE001 - the article is kept; its story comes later
        log.exception("the stories of kept articles could not be made")


_translated: set[tuple[str, str, str]] = set()
"""(library file, article sha256, target) already grouped with its translation."""


def place_translated(library: Library | None, results: Sequence) -> None:
    """Group each translated article again with its translation (names and words in the
    reader's language help to match it with articles in other languages): once per
    article and target language, whatever the reruns."""
    if library is None:
        return
    path = str(library.path)
    todo = [r for r in results if r.ok and r.translations and r.target
            and (path, r.upload.sha256, r.target) not in _translated]
    if not todo:
        return
    stories = service(library)
    for result in todo:
        _translated.add((path, result.upload.sha256, result.target))
        try:
            found = library.find(result.upload.sha256)
            if found is not None:
                text = " ".join(result.translations[i] for i in sorted(result.translations))
                stories.assign(found.id, translation=text, target=result.target)
        except Exception:  # noqa: BLE001 - the article keeps the story it has
            log.exception("%s could not be grouped with its translation", result.name)


@st.cache_resource(show_spinner=False, max_entries=4)
def _listed(path: str, version: str) -> list[Story]:
    return _service(path).list()


def listed(library: Library) -> tuple[Stories, str, list[Story]]:
    """(the service, the stories' version, every story of the library, latest first)."""
    stories = stories_of(library)
    version = story_views.version(stories)
    return stories, version, _listed(str(library.path), version)


WARM_UP_DELAY = 0.2
"""Seconds to leave the Library's first paint alone before listing its stories."""
_warming: set[str] = set()
_warming_lock = threading.Lock()


def warm_up(library: Library) -> None:
    """List the library's stories in the background (and load the chart's libraries), so
    that the Stories view, chosen a moment after the Library page is shown, finds them
    ready; a thread at a time per library, and nothing to do when they are listed."""
    path = str(library.path)
    with _warming_lock:
        if path in _warming:
            return
        _warming.add(path)
    timer = threading.Timer(WARM_UP_DELAY, _warm, args=(path,))
    timer.daemon = True
    timer.start()


def _warm(path: str) -> None:
    try:
        import altair  # noqa: F401 - the timeline's, imported once per process
        import pandas  # noqa: F401

        stories = stories_of(Library(path), quiet=True)
        _listed(path, story_views.version(stories))
    except Exception:  # noqa: BLE001 - the view lists them itself when asked
        log.warning("listing the stories in the background failed", exc_info=True)
    finally:
        with _warming_lock:
            _warming.discard(path)


@st.cache_resource(show_spinner=False, max_entries=16)
def _named(path: str, version: str, name: str) -> frozenset[int]:
    return frozenset(story_views.named_ids(_service(path), name))


def named(library: Library, version: str, name: str) -> set[int] | None:
    """The articles naming `name` (None when no name is asked for)."""
    if not name.strip():
        return None
    return set(_named(str(library.path), version, name.strip()))


READER_LANGUAGES = {"ru": ("ru",), "kk": ("kk", "ru"), "uz": ("uz",)}
"""Interface language -> the articles' languages whose spellings of a name the reader
reads as they are (a Russian reader sees "Токаев" where a Russian article wrote it);
other names are shown in their one Latin form."""


def reader_languages() -> tuple[str, ...]:
    from ui.i18n import current

    return READER_LANGUAGES.get(current(), ())


def article_names(library: Library, sha256: str) -> list[str]:
    """The names of the kept article with this content (empty when it is not kept)."""
    try:
        article = library.find(sha256)
        return story_views.article_names(service(library), article.id,
                                         reader_languages()) if article else []
    except Exception:  # noqa: BLE001 - names are a bonus on the card
        log.warning("the names of an article could not be read", exc_info=True)
        return []


def desk_stories(library: Library | None, shas: Sequence[str]) -> list[story_views.DeskStory]:
    """The dashboard's articles (by content) grouped by their library story."""
    if library is None:
        return story_views.desk_stories(None, [None] * len(shas))
    try:
        stories = service(library)
        ids = []
        for sha in shas:
            found = library.find(sha)
            ids.append(found.id if found else None)
        prefer = reader_languages()
        return [replace(story, names=story_views.in_reader_spelling(
            stories, story.names, [a.id for a in story.articles.values() if a], prefer))
            for story in story_views.desk_stories(stories, ids)]
    except Exception:  # noqa: BLE001 - the briefing is still the briefing without stories
        log.exception("the stories of the briefing could not be read")
        return story_views.desk_stories(None, [None] * len(shas))
