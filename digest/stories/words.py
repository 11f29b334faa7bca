"""Content words as the story features see them: stemmed in the article's language (the
library's Snowball stemmers; Turkic case endings cut where there is no stemmer), and as
a spelling-free skeleton that survives transliteration, so cognates meet across
languages ("immigration", "иммиграции", "immigración" share "imgr")."""
from __future__ import annotations

import re
from functools import lru_cache

from digest.library.search import has_stemmer
from digest.library.search import stem as snowball_stem
from digest.stories.keys import TURKIC, reduce, skeleton

WORD = re.compile(r"[^\W\d_]+(?:[-'’‘ʻʼ][^\W\d_]+)*")
"""A word: letters, joined by a hyphen or an apostrophe of any shape (Tokayev'in, Oʻzbekiston,
O‘zbekiston, Касым-Жомарт)."""
SKELETON_LETTERS = 4
"""Letters of a word's skeleton kept as its cognate feature: the stem's first
consonants, which loanwords keep across the region's languages."""
MIN_COGNATE_LETTERS = 5
"""Shorter words meet by chance across languages."""


@lru_cache(maxsize=300_000)
def stem(word: str, language: str) -> str:
    """The word's stem in its language, lower case."""
    if has_stemmer(language):
        return snowball_stem(word, language)
    lower = word.lower()
    return reduce(lower, language) if language in TURKIC else lower


@lru_cache(maxsize=300_000)
def cognate(word: str, language: str) -> str:
    """The word's cognate skeleton ("" for a word too short to carry one)."""
    if len(word) < MIN_COGNATE_LETTERS:
        return ""
    shape = skeleton(stem(word, language))
    return shape[:SKELETON_LETTERS] if len(shape) >= 3 else ""
