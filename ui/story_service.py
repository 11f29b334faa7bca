"""The story service of the reader's library, cached at the ui edge.

One digest.stories.Stories per library file for the whole server (it holds the grouping
in memory, and is thread-safe). What the Stories view reads is cached per version of the
library's stories (digest.stories.views.version) and shared by every session and rerun
until an article is added, moved or deleted: the outline (one line per story, from
aggregates), the name filter's example, the stories of each page shown, every story's
headline for the move controls, and, only for the downloads, every story assembled.
Articles kept before stories existed get theirs once, lazily, on the first page that
needs stories.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import streamlit as st

from digest.library import Library
from digest.stories import Stories, Story
from digest.stories import views as story_views

log = logging.getLogger(__name__)

PAGE_SIZE = 20
"""Stories drawn a page at a time (the Stories view's pages)."""

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


def listed(library: Library, version: str) -> list[Story]:
    """Every story of the library, latest first, assembled (the downloads need them all;
    the list itself does not)."""
    return _listed(str(library.path), version)


@st.cache_resource(show_spinner=False, max_entries=4)
def _headlines(path: str, version: str) -> dict[int, str]:
    return _service(path).headlines()


def headlines(library: Library, version: str) -> dict[int, str]:
    """Every story's headline (the move controls name the stories an article can go to)."""
    return _headlines(str(library.path), version)


@dataclass(frozen=True)
class Outlined:
    """The Stories view's reading of the library at one version."""

    stories: Stories
    version: str
    outline: story_views.Outline
    example: str
    """A name of the library to show as the name filter's example ("" when none)."""


@st.cache_resource(show_spinner=False, max_entries=4)
def _outline(path: str, version: str) -> tuple[story_views.Outline, str]:
    stories = _service(path)
    found = story_views.outline(stories)
    top = story_views.top_name(stories, found.lines)
    return found, top.display if top else ""


def outlined(library: Library) -> Outlined:
    """The service, the stories' version, their outline and the name filter's example."""
    stories = stories_of(library)
    version = story_views.version(stories)
    found, example = _outline(str(library.path), version)
    return Outlined(stories, version, found, example)


@st.cache_resource(show_spinner=False, max_entries=64)
def _assembled(path: str, version: str, story_ids: tuple[int, ...]) -> list[Story]:
    return _service(path).assembled(story_ids)


def assembled(library: Library, version: str, story_ids: Sequence[int]) -> list[Story]:
    """These stories assembled (a page of the list, the timeline's largest), in this order."""
    return _assembled(str(library.path), version, tuple(story_ids))


WARM_UP_DELAY = 0.2
"""Seconds to leave the Library's first paint alone before reading its stories."""
_warming: set[str] = set()
_warming_lock = threading.Lock()


def warm_up(library: Library) -> None:
    """Read the Stories view's outline in the background, so that the view, chosen a
    moment after the Library page is shown, finds it ready; a thread at a time per
    library, and nothing to do when it is read. Not every story is assembled here: that
    would hold the interpreter while the reader's click waits."""
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
        import pyarrow.json  # noqa: F401 - the timeline's table, imported once per process

        stories = stories_of(Library(path), quiet=True)
        version = story_views.version(stories)
        found, _example = _outline(path, version)
        first = found.lines[:PAGE_SIZE]
        _assembled(path, version, tuple(line.id for line in first))
    except Exception:  # noqa: BLE001 - the view reads them itself when asked
        log.warning("listing the stories in the background failed", exc_info=True)
    finally:
        with _warming_lock:
            _warming.discard(path)


@st.cache_resource(show_spinner=False, max_entries=16)
def _named(path: str, version: str, name: str) -> frozenset[int]:
    return frozenset(story_views.named_stories(_service(path), name))


def named(library: Library, version: str, name: str) -> frozenset[int] | None:
    """The stories holding an article naming `name` (None when no name is asked for)."""
    if not name.strip():
        return None
    return _named(str(library.path), version, name.strip())


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
