"""Algorithm name + language + article -> a configured sumy summarizer.

One place sets stop words, stemmer and Edmundson's word lists, for our fast
classes and for sumy's own (the benchmark and the tests compare the two).
"""
from __future__ import annotations

from collections import Counter

from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from articles.model import Article
from summarizer.fast import (
    FastKLSummarizer,
    FastLexRankSummarizer,
    FastLsaSummarizer,
    FastLuhnSummarizer,
    FastReductionSummarizer,
    FastSumBasicSummarizer,
    FastTextRankSummarizer,
)
from summarizer.language import raw_stemmer, stemmer, stop_words
from summarizer.scoring import ScoringMixin
from summarizer.tokenizer import WordTokenizer

SUMY_CLASSES = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
"""sumy's own classes, as a sumy user would call them."""

OUR_CLASSES = {
    **SUMY_CLASSES,
    "lexrank": FastLexRankSummarizer,
    "textrank": FastTextRankSummarizer,
    "lsa": FastLsaSummarizer,
    "luhn": FastLuhnSummarizer,
    "reduction": FastReductionSummarizer,
    "kl": FastKLSummarizer,
    "sumbasic": FastSumBasicSummarizer,
}
"""What summarize() uses: the numpy versions where sumy's are quadratic in Python."""

BONUS_FREQUENT_WORDS = 10

_NEVER_A_WORD = frozenset({"\x00"})
"""A stand-in for an empty list: sumy's Edmundson refuses empty word sets."""

_scoring_classes: dict[type, type] = {}


def scoring_class(cls: type) -> type:
    """cls with ScoringMixin in front, built once per class."""
    if cls not in _scoring_classes:
        _scoring_classes[cls] = type(f"Scoring{cls.__name__}", (ScoringMixin, cls), {})
    return _scoring_classes[cls]


def make_summarizer(algorithm: str, article: Article, fast: bool = True):
    """A ready summarizer for this article; `fast=False` gives sumy's own class and stemmer.

    Both variants record their picks (ScoringMixin), which does not change
    sumy's selection.
    """
    language = article.language
    classes = OUR_CLASSES if fast else SUMY_CLASSES
    stem = stemmer(language) if fast else raw_stemmer(language)
    summarizer = scoring_class(classes[algorithm])(stem)
    words = stop_words(language)
    if algorithm == "edmundson":
        configure_edmundson(summarizer, article, words)
    else:
        summarizer.stop_words = words
    return summarizer


def configure_edmundson(
    summarizer: EdmundsonSummarizer, article: Article, words: frozenset[str]
) -> None:
    """Give Edmundson's cue, title and location methods word lists that exist in any language.

    - null words (ignored by the title and location methods) = the stop words;
    - bonus words (cue method) = the title's content words plus the
      BONUS_FREQUENT_WORDS most frequent content words of the body, Edmundson's
      "key" idea, since no curated cue list exists for most of our languages;
    - stigma words: none. There is no multilingual list of belittling words and
      a guessed one would penalise at random; sumy demands a non-empty set, so
      it gets one token our tokenizer can never produce.
    The title reaches the title and location methods as a sumy heading.
    """
    tokenizer = WordTokenizer(article.language)
    title_words = [w.lower() for w in tokenizer.to_words(article.title)]
    body_words = Counter(
        w.lower() for sentence in article.sentences for w in tokenizer.to_words(sentence.text)
    )
    frequent = [w for w, _ in body_words.most_common() if w not in words][:BONUS_FREQUENT_WORDS]
    bonus = {w for w in title_words if w not in words} | set(frequent)
    summarizer.null_words = words or _NEVER_A_WORD
    summarizer.bonus_words = bonus or _NEVER_A_WORD
    summarizer.stigma_words = _NEVER_A_WORD
