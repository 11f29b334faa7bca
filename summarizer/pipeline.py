"""Article -> Summary: the one pipeline every caller runs (window, filters, ranking, length)."""
from __future__ import annotations

from articles.model import Article, Sentence
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.bounds import rated_text, reading_window
from summarizer.document import article_document
from summarizer.filters import clean_candidates
from summarizer.length import DEFAULT_SENTENCES, Length, pick_by_words, summary_length
from summarizer.stats import article_stats, count_words
from summarizer.summary import SkippedSentence, Summary, SummarySentence
from summarizer.sumy_summarizers import make_summarizer

__all__ = ["DEFAULT_SENTENCES", "summarize"]


def summarize(
    article: Article,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> Summary:
    """Pick the article's most representative sentences with a sumy algorithm.

    Length: `sentences` (a count), `words` (sentences in the algorithm's order
    while they fit in N words; only a best sentence longer than N on its own
    goes over), or `ratio`: a share of the article's WORDS, 0 < ratio <= 1
    (0.2 = a fifth of its words). Default: DEFAULT_SENTENCES sentences.

    The title is never a candidate, nor are repeats of it, bylines, datelines,
    photo credits, "Read more" lines or a sentence seen before
    (summarizer.filters); `Summary.skipped` lists them. Only the first
    summarizer.bounds.MAX_SENTENCES sentences and MAX_WORDS words are read;
    `Summary.note` then says so. Raises ValueError for an unknown algorithm or
    a bad length.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    sentence_words = [count_words(sentence.text) for sentence in article.sentences]
    length = summary_length(sum(sentence_words), sentences, ratio, words)
    window = reading_window(article)
    kept, rejected = clean_candidates(
        rated_text(article.title), [rated_text(s.text) for s in window.sentences]
    )
    picks = _rank_and_pick(
        article, algorithm, [window.sentences[i] for i in kept], [sentence_words[i] for i in kept],
        length,
    )
    chosen = tuple(
        SummarySentence(index=kept[position], text=article.sentences[kept[position]].text,
                        score=score)
        for position, score in picks
    )
    return Summary(
        sentences=chosen,
        algorithm=algorithm,
        language=article.language,
        stats=article_stats(
            article, [s.text for s in chosen], words=sum(sentence_words),
            summary_words=sum(sentence_words[s.index] for s in chosen),
        ),
        word_limit=length.words,
        note=window.note,
        skipped=tuple(SkippedSentence(r.index, r.reason) for r in rejected),
    )


def _rank_and_pick(
    article: Article, algorithm: str, candidates: list[Sentence], word_counts: list[int],
    length: Length,
) -> tuple[tuple[int, float], ...]:
    """(position in candidates, score) of the picks, in document order."""
    if not candidates:
        return ()
    rated = Article(
        name=article.name, title=rated_text(article.title), paragraphs=(),
        sentences=tuple(Sentence(rated_text(s.text), s.paragraph) for s in candidates),
        language=article.language,
    )
    summarizer = make_summarizer(algorithm, rated)
    document = article_document(rated, with_title=algorithm == "edmundson")
    if length.sentences is not None:
        summarizer(document, min(length.sentences, len(candidates)))
        return summarizer.picks
    # KL-Sum and SumBasic rank one round per pick; N words hold at most N sentences
    summarizer(document, min(length.words, len(candidates)))
    scores = dict(summarizer.ranking)
    chosen = pick_by_words([i for i, _ in summarizer.ranking], word_counts, length.words)
    return tuple((position, scores[position]) for position in sorted(chosen))
