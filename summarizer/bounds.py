"""How much of an article the algorithms read: a fixed bound, so no upload can take the machine.

The graph algorithms (LexRank, TextRank, Reduction) build a sentence x sentence
matrix and KL-Sum/SumBasic rescan every candidate once per pick, so their cost
grows with the square of the sentence count (and with the pairs of sentences
sharing a word). Reading at most MAX_SENTENCES sentences and MAX_WORDS words,
each sentence rated on at most MAX_SENTENCE_CHARS characters, bounds time and
memory for any input; the Summary then carries a note saying so.
"""
from __future__ import annotations

from dataclasses import dataclass

from articles.model import Article, Sentence
from summarizer.stats import count_words

MAX_SENTENCES = 2000
"""The graph algorithms grow with the square of the sentences: past this many they take
too long and too much memory (figures: docs/summarizer.md, bench/summarizer_limits.py).
A long news article has far fewer."""

MAX_WORDS = 50_000
"""Pairs of sentences sharing a word cost time and memory; a long read stays well under
this many words (figures: docs/summarizer.md)."""

MAX_SENTENCE_CHARS = 2000
"""articles cuts run-on text at 1,000 characters; an Article built another way
(one huge "sentence") is rated on its first MAX_SENTENCE_CHARS characters only."""


@dataclass(frozen=True)
class Window:
    """The sentences the algorithms see, and the note a reader gets when that is not all."""

    sentences: tuple[Sentence, ...]
    total: int

    @property
    def note(self) -> str | None:
        if len(self.sentences) >= self.total:
            return None
        return f"Summarized from the first {len(self.sentences):,} sentences of {self.total:,}."


def reading_window(article: Article) -> Window:
    """The first sentences, up to MAX_SENTENCES and MAX_WORDS (at least one sentence)."""
    words = 0
    end = 0
    for sentence in article.sentences[:MAX_SENTENCES]:
        words += count_words(rated_text(sentence.text))
        if words > MAX_WORDS and end:
            break
        end += 1
    return Window(sentences=article.sentences[:end], total=len(article.sentences))


def rated_text(text: str) -> str:
    """What an algorithm rates of a sentence: at most MAX_SENTENCE_CHARS characters."""
    return text if len(text) <= MAX_SENTENCE_CHARS else text[:MAX_SENTENCE_CHARS]
