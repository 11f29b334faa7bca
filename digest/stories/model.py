"""What a story is, as the views and exports read it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class StoryName:
    """A name across a story's (or the library's) articles: one key, the spelling shown
    (the most used Latin one, else a transliteration), every spelling seen, and in how
    many articles."""

    key: str
    display: str
    spellings: tuple[str, ...]
    articles: int
    mentions: int


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, with where and when it was published."""

    id: int
    title: str
    name: str
    language: str
    outlet: str
    published: date | None
    """The date the file gives (metadata or dateline); None when it gives none."""
    added: datetime
    names: tuple[str, ...]
    """Name keys, most mentioned first."""
    keywords: tuple[str, ...]
    pinned: bool = False
    """The reader put it in this story (moved or split out): regrouping keeps it here."""

    @property
    def reported(self) -> date:
        """The day it was reported: its publication date, else the day it was added."""
        return self.published or self.added.date()


@dataclass(frozen=True)
class Story:
    """One event, however many outlets and languages told it."""

    id: int
    headline: str
    summary: tuple[str, ...]
    """Sentences of its central article's summary (empty unless asked for)."""
    central: int
    """The id of the article closest to all the others (its headline and summary)."""
    languages: tuple[str, ...]
    outlets: tuple[str, ...]
    first_report: date
    last_report: date
    names: tuple[StoryName, ...]
    keywords: tuple[str, ...]
    articles: tuple[StoryArticle, ...]

    @property
    def size(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class StoryFilters:
    """Which stories to list: any of these languages / outlets, naming `name` (any
    spelling, any script), reported on or after `since` / on or before `until`."""

    languages: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    name: str = ""
    since: date | None = None
    until: date | None = None
    article_ids: tuple[int, ...] = field(default=())
    """Only stories holding one of these articles (empty: all)."""
