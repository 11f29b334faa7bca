"""Language code -> stop words and stemmer, the two things sumy needs per language.

sumy ships stop-word lists for some languages only (no Russian, Kazakh, ...), so
stopwordsiso fills the gaps; stemming uses sumy's Stemmer (nltk Snowball plus
sumy's own Czech, Ukrainian, Greek, Polish) and falls back to no stemming. Both
are cached: loading a list or a stemmer costs more than summarizing a news
article, and the stemmer memoizes words because articles repeat them.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import stopwordsiso
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.utils import get_stop_words, normalize_language

STEM_CACHE_SIZE = 200_000


def base_code(language: str | None) -> str:
    """'ru-RU', 'RU', None -> 'ru' / 'und'."""
    code = (language or "und").strip().lower().replace("_", "-").split("-")[0]
    return code or "und"


@cache
def stop_words(language: str) -> frozenset[str]:
    """Lower-case stop words: sumy's list, else stopwordsiso's, else none."""
    code = base_code(language)
    if code == "und":
        return frozenset()
    try:
        words = get_stop_words(code)
    except LookupError:
        words = stopwordsiso.stopwords(code) if stopwordsiso.has_lang(code) else ()
    return frozenset(word.lower() for word in words)


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """A memoized stemmer for the language; sumy's null stemmer when there is none."""
    return lru_cache(maxsize=STEM_CACHE_SIZE)(raw_stemmer(language))


@cache
def raw_stemmer(language: str) -> Callable[[str], str]:
    """sumy's own stemmer object (uncached), as a plain sumy user would build it."""
    code = base_code(language)
    if code == "und":
        return null_stemmer
    if Stemmer.SPECIAL_STEMMERS.get(normalize_language(code)) is null_stemmer:
        return null_stemmer  # sumy maps e.g. Chinese to its null stemmer
    try:
        return Stemmer(code)
    except (LookupError, KeyError):
        return null_stemmer


def has_stemmer(language: str) -> bool:
    return raw_stemmer(language) is not null_stemmer
