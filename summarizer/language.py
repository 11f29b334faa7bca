"""Language code -> stop words and stemmer, the two things sumy needs per language.

sumy ships stop-word lists for some languages only (no Russian, Kazakh, ...), so
stopwordsiso fills the gaps, and our own lists in summarizer/stopwords/ fill the
languages of Central Asia that neither has (kk, ky, uz, tg, tk, tt, ba, ug, az,
be, mn): without them "and", "this", "for" count as content words and the graph
algorithms join sentences on them. Stemming uses sumy's Stemmer (nltk Snowball
plus sumy's own Czech, Ukrainian, Greek, Polish) and falls back to no stemming
(lower-casing only, as for all those languages). Both are cached: loading a list
or a stemmer costs more than summarizing a news article, and the stemmer memoizes
words because articles repeat them.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

import stopwordsiso
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.utils import get_stop_words, normalize_language

from languages.codes import UNDETERMINED, normalize_code

STEM_CACHE_SIZE = 200_000

SUMY_NAMES = {"el": "greek", "nb": "norwegian", "nn": "norwegian"}
"""Codes whose pycountry name is not the name sumy files its data under
("el" is "Modern Greek (1453-)" to pycountry, "greek" to sumy)."""

OWN_LISTS = "stopwords"
"""Folder of summarizer/ with one `<code>.txt` list a language (header: source, licence)."""

_FILE_CODE = re.compile(r"^[a-z]{2,3}$")
"""A code that may name a list file: never a path."""

APOSTROPHES = "'\u2019\u02bb\u02bc"
"""How Uzbek (o'zi) and others write the apostrophe: ASCII, ’, ʻ, ʼ. A listed word with
one is added in every spelling, since the press mixes them."""

# sumy's Czech stemmer warns about every word it skips; users cannot act on that.
warnings.filterwarnings("ignore", category=UserWarning, module=r"sumy\.nlp\.stemmers")


@cache
def stop_words(language: str) -> frozenset[str]:
    """Lower-case stop words: sumy's list, else stopwordsiso's, else ours, else none."""
    code = normalize_code(language)
    if code == UNDETERMINED:
        return frozenset()
    try:
        words = get_stop_words(SUMY_NAMES.get(code, code))
    except LookupError:
        words = stopwordsiso.stopwords(code) if stopwordsiso.has_lang(code) else own_list(code)
    return frozenset(word.lower() for word in words)


def own_list(code: str) -> frozenset[str]:
    """Our list for a base code (summarizer/stopwords/<code>.txt), empty if there is none.

    Read through importlib.resources, so it works from the source tree and from an
    installed package alike. Words are NFC (the form text is compared in) and lower case.
    """
    if not _FILE_CODE.match(code):
        return frozenset()
    source = resources.files("summarizer").joinpath(OWN_LISTS, f"{code}.txt")
    if not source.is_file():
        return frozenset()
    words: set[str] = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        for word in line.split("#", 1)[0].split():
            words.update(apostrophe_spellings(unicodedata.normalize("NFC", word).lower()))
    return frozenset(words)


def apostrophe_spellings(word: str) -> set[str]:
    """The word with each apostrophe written every way in APOSTROPHES."""
    if not any(mark in word for mark in APOSTROPHES):
        return {word}
    plain = word.translate({ord(mark): "'" for mark in APOSTROPHES})
    return {plain.replace("'", mark) for mark in APOSTROPHES}


def own_list_codes() -> tuple[str, ...]:
    """The codes we ship a list for, sorted."""
    folder = resources.files("summarizer").joinpath(OWN_LISTS)
    return tuple(sorted(
        entry.name.removesuffix(".txt") for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    ))


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
