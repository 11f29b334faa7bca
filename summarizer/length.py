"""How long a summary is: a sentence count, a number of words, or a share of the article's words."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_SENTENCES = 5


@dataclass(frozen=True)
class Length:
    """Exactly one of `sentences` (a count) and `words` (a budget) is set."""

    sentences: int | None = None
    words: int | None = None


def summary_length(
    article_words: int,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> Length:
    """The asked length; `ratio` is a share of the article's WORDS (0 < ratio <= 1).

    A ratio gives round(ratio x article words) words, at least one. No
    setting means DEFAULT_SENTENCES sentences. Raises ValueError for a bad or
    doubled setting.
    """
    given = [name for name, value in (("sentences", sentences), ("ratio", ratio),
                                      ("words", words)) if value is not None]
    if len(given) > 1:
        raise ValueError(f"give one length, not {' and '.join(given)}")
    if sentences is not None:
        if sentences < 1:
            raise ValueError("the sentence count must be at least 1")
        return Length(sentences=sentences)
    if words is not None:
        if words < 1:
            raise ValueError("the word count must be at least 1")
        return Length(words=words)
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("the ratio must be greater than 0 and at most 1")
        return Length(words=max(1, int(article_words * ratio + 0.5)))
    return Length(sentences=DEFAULT_SENTENCES)


def pick_by_words(ranking: Sequence[int], word_counts: Sequence[int], budget: int) -> list[int]:
    """Sentences in ranking order while they fit in `budget` words; one that does not is skipped.

    The total never exceeds the budget, except when the best sentence alone is
    longer: then the summary is that one sentence.
    """
    if not ranking:
        return []
    first = ranking[0]
    if word_counts[first] > budget:
        return [first]
    chosen, used = [], 0
    for position in ranking:
        if used + word_counts[position] <= budget:
            chosen.append(position)
            used += word_counts[position]
            if used == budget:
                break
    return chosen
