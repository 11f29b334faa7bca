"""Article -> Summary: the one entry point the UI and the CLI call."""
from __future__ import annotations

from articles.model import Article
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.document import article_document
from summarizer.stats import article_stats
from summarizer.summarizers import make_summarizer
from summarizer.summary import Summary, SummarySentence

DEFAULT_SENTENCES = 5


def summary_length(total: int, sentences: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to pick: a count, or a ratio (rounded, at least one), capped at total."""
    if sentences is not None and ratio is not None:
        raise ValueError("give either a sentence count or a ratio, not both")
    if sentences is not None:
        if sentences < 1:
            raise ValueError("the sentence count must be at least 1")
        wanted = sentences
    elif ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("the ratio must be greater than 0 and at most 1")
        wanted = max(1, int(total * ratio + 0.5))
    else:
        wanted = DEFAULT_SENTENCES
    return min(wanted, total)


def summarize(
    article: Article,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
) -> Summary:
    """Pick the article's most representative sentences with a sumy algorithm.

    The title is never a candidate. Raises ValueError for an unknown algorithm
    or a bad length.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    count = summary_length(len(article.sentences), sentences, ratio)
    picks: tuple[tuple[int, float], ...] = ()
    if count:
        summarizer = make_summarizer(algorithm, article)
        document = article_document(article, with_title=algorithm == "edmundson")
        summarizer(document, count)
        picks = summarizer.picks
    chosen = tuple(
        SummarySentence(index=index, text=article.sentences[index].text, score=score)
        for index, score in picks
    )
    return Summary(
        sentences=chosen,
        algorithm=algorithm,
        language=article.language,
        stats=article_stats(article, [s.text for s in chosen]),
    )
