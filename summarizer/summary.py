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
class Summary:
    """Chosen sentences in document order, with the settings that chose them."""

    sentences: tuple[SummarySentence, ...]
    algorithm: str
    language: str
    stats: ArticleStats

    @property
    def text(self) -> str:
        """The summary as plain text, one sentence a line."""
        return "\n".join(sentence.text for sentence in self.sentences)
