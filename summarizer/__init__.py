"""Article -> extractive summary made with sumy.

    from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, summarize

`import summarizer` is cheap: each name below loads its module on first use (sumy and
nltk only with `summarize`, `stop_words` or the stemmers). The modules: `pipeline` (the
entry point), `summary` (the result types), `algorithms` (the names), `sumy_summarizers`
(sumy's objects, configured), `language` (stop words, stemmers), `filters`, `bounds`,
`length`, `stats`, `fast/` (faster versions of sumy's classes).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
    from summarizer.bounds import MAX_SENTENCES, MAX_WORDS
    from summarizer.filters import furniture_reason
    from summarizer.language import has_stemmer, stemmer, stop_words
    from summarizer.length import DEFAULT_SENTENCES
    from summarizer.pipeline import summarize
    from summarizer.stats import READING_WPM, article_stats, count_words
    from summarizer.summary import ArticleStats, SkippedSentence, Summary, SummarySentence

__all__ = [
    "ALGORITHMS", "DEFAULT_ALGORITHM", "DEFAULT_SENTENCES", "MAX_SENTENCES", "MAX_WORDS",
    "READING_WPM", "ArticleStats", "SkippedSentence", "Summary", "SummarySentence",
    "article_stats", "count_words", "furniture_reason", "has_stemmer", "stemmer", "stop_words",
    "summarize",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "summarizer.algorithms": ("ALGORITHMS", "DEFAULT_ALGORITHM"),
    "summarizer.bounds": ("MAX_SENTENCES", "MAX_WORDS"),
    "summarizer.filters": ("furniture_reason",),
    "summarizer.language": ("has_stemmer", "stemmer", "stop_words"),
    "summarizer.length": ("DEFAULT_SENTENCES",),
    "summarizer.pipeline": ("summarize",),
    "summarizer.stats": ("READING_WPM", "article_stats", "count_words"),
    "summarizer.summary": ("ArticleStats", "SkippedSentence", "Summary", "SummarySentence"),
})
