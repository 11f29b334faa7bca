"""Language code -> stop words and stemmer, the two things sumy needs per language.

sumy ships stop-word lists for some languages only (no Russian, Kazakh, ...), so
stopwordsiso fills the gaps; stemming uses sumy's Stemmer (nltk Snowball plus
sumy's own Czech, Ukrainian, Greek, Polish) and falls back to no stemming. Both
are cached: loading a list or a stemmer costs more than summarizing a news
article, and the stemmer memoizes words because articles repeat them.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import cache, lru_cache

import stopwordsiso
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.utils import get_stop_words, normalize_language

from languages.codes import UNDETERMINED, normalize_code

STEM_CACHE_SIZE = 200_000

SUMY_NAMES = {"el": "greek", "nb": "norwegian", "nn": "norwegian"}
"""Codes whose pycountry name is not the name sumy files its data under
("el" is "Modern Greek (1453-)" to pycountry, "greek" to sumy)."""

# sumy's Czech stemmer warns about every word it skips; users cannot act on that.
warnings.filterwarnings("ignore", category=UserWarning, module=r"sumy\.nlp\.stemmers")


@cache
def stop_words(language: str) -> frozenset[str]:
    """Lower-case stop words: sumy's list, else stopwordsiso's, else none."""
    code = normalize_code(language)
    if code == UNDETERMINED:
        return frozenset()
    try:
        words = get_stop_words(SUMY_NAMES.get(code, code))
    except LookupError:
        words = stopwordsiso.stopwords(code) if stopwordsiso.has_lang(code) else ()
    return frozenset(word.lower() for word in words)


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """A memoized stemmer for the language; lower-casing only when there is none.

    A word a stemmer chokes on is kept as it is rather than losing the summary.
    """
    stem = raw_stemmer(language)

    @lru_cache(maxsize=STEM_CACHE_SIZE)
    def memoized(word: str) -> str:
        try:
            return stem(word)
        except Exception:  # noqa: BLE001
            return null_stemmer(word)

    return memoized


@cache
def raw_stemmer(language: str) -> Callable[[str], str]:
    """sumy's own stemmer object (uncached), as a plain sumy user would build it."""
    code = normalize_code(language)
    if code == UNDETERMINED:
        return null_stemmer
    name = SUMY_NAMES.get(code, code)
    if Stemmer.SPECIAL_STEMMERS.get(normalize_language(name)) is null_stemmer:
        return null_stemmer  # sumy maps e.g. Chinese to its null stemmer
    try:
        stem = Stemmer(name)
        stem("test")  # sumy's Polish and Greek stemmers need packages we do not install
    except Exception:  # noqa: BLE001 - any stemmer that cannot work means no stemming
        return null_stemmer
    return stem


def has_stemmer(language: str) -> bool:
    return raw_stemmer(language) is not null_stemmer
