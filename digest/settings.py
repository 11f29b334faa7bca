"""What the reader chose: summary and translation settings as small immutable values.

The dashboard's sidebar, the CLIs and the batch runner all build these, so one job
(digest.job) serves them all.
"""
from __future__ import annotations

from dataclasses import dataclass

from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

DEFAULT_SENTENCES = 5


def count(number: int, noun: str) -> str:
    """"1 sentence", "5 sentences": labels read as written English."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


@dataclass(frozen=True)
class SummarySettings:
    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = DEFAULT_SENTENCES
    ratio: float | None = None
    words: int | None = None
    """A length in words (summarize(..., words=N)); takes precedence over the others."""

    @property
    def length_label(self) -> str:
        if self.words is not None:
            return f"about {count(self.words, 'word')}"
        if self.ratio is not None:
            return f"{round(self.ratio * 100)} % of the words"
        return count(self.sentences or DEFAULT_SENTENCES, "sentence")

    @property
    def algorithm_label(self) -> str:
        return ALGORITHMS.get(self.algorithm, self.algorithm)


@dataclass(frozen=True)
class TranslationSettings:
    target: str | None = None
    whole_article: bool = False
    prefer_model: frozenset[tuple[str, str]] = frozenset()
    """Pairs (source, target) the reader wants translated by the multilingual model even
    where a language pack exists."""
