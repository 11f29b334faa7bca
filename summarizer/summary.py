"""What a summary is: chosen sentences (with where they came from) and counts."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleStats:
    """Counts a reader looks at before deciding to read the whole article.

    `reading_minutes` assumes READING_WPM words a minute; `compression` is
    summary words / article words (0.0 for an empty article).
    """

    words: int
    sentences: int
    reading_minutes: float
    summary_sentences: int
    summary_words: int
    compression: float


@dataclass(frozen=True)
class SummarySentence:
    """A chosen sentence; `index` points into Article.sentences for highlighting."""

    index: int
    text: str
    score: float


@dataclass(frozen=True)
class SkippedSentence:
    """A sentence the filters kept out of the running, and why.

    `reason` is one of summarizer.filters.REASONS: headline, byline, dateline,
    credit, boilerplate, duplicate.
    """

    index: int
    reason: str


@dataclass(frozen=True)
class Summary:
    """Chosen sentences in document order, with the settings that chose them.

    `word_limit` is the length in words that was asked for (`words=N`, or
    `ratio` x the article's words), None for a length in sentences. `note` is
    for the reader, e.g. "Summarized from the first 2,000 sentences of 300,000."
    when the article is longer than summarizer.bounds.MAX_SENTENCES.
    """

    sentences: tuple[SummarySentence, ...]
    algorithm: str
    language: str
    stats: ArticleStats
    word_limit: int | None = None
    note: str | None = None
    skipped: tuple[SkippedSentence, ...] = ()

    @property
    def text(self) -> str:
        """The summary as plain text, one sentence a line."""
        return "\n".join(sentence.text for sentence in self.sentences)
