"""Counts for the reader: words, sentences, reading time, compression."""
from __future__ import annotations

import re

from articles.model import Article
from summarizer.summary import ArticleStats
from summarizer.tokenizer import UNSPACED

READING_WPM = 220
"""Words a minute; adult silent reading of non-fiction is 200-260 (Brysbaert, 2019)."""

_LIST_CHARS = 100_000
_WORD = re.compile(rf"{UNSPACED}|[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Runs of letters/digits; each CJK character counts as a word."""
    if len(text) <= _LIST_CHARS:
        return len(_WORD.findall(text))
    return sum(1 for _ in _WORD.finditer(text))  # no list of millions of words


def article_stats(
    article: Article,
    summary_texts: list[str],
    words: int | None = None,
    summary_words: int | None = None,
) -> ArticleStats:
    """Counts of the article and its summary; the word counts when the caller has them."""
    if words is None:
        words = sum(count_words(sentence.text) for sentence in article.sentences)
    if summary_words is None:
        summary_words = sum(count_words(text) for text in summary_texts)
    return ArticleStats(
        words=words,
        sentences=len(article.sentences),
        reading_minutes=round(words / READING_WPM, 2),
        summary_sentences=len(summary_texts),
        summary_words=summary_words,
        compression=round(summary_words / words, 4) if words else 0.0,
    )
