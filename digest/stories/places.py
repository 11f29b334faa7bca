"""Countries, continents and cities under one name whatever the language.

"China", "Китай", "Қытай", "Çin", "Chine" and "Xitoy" share no letter, so name keys
cannot meet them; CLDR (through Babel, which ships it) names every country, continent and
the cities of the time zones in each of the region's languages. A name's words are
stemmed in its language and looked up among those names, so "Китая", "Қытайдың" and
"Çin'in" are all China: the name gets the English spelling's key and shows one spelling
across an article's languages.

What it misses: places CLDR does not list (Astana has no time zone of its own; regions,
provinces) and short forms ("США", "ABD", "UK"). Measured in `bench.stories`: it brings
the names of one document in two languages closer, not the grouping (a country is named
by many unrelated articles).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location

from digest.stories.words import WORD, stem

log = logging.getLogger(__name__)

TERRITORY, CITY = "land:", "city:"
"""Code prefixes: a country or continent (CLDR's territory code), a city (its time
zone's)."""
MAX_WORDS = 4
CONJUNCTIONS = frozenset({"and", "и", "ve", "und", "et", "y", "e", "va", "ва", "және", "жана"})
"""Words that join two names ("Вашингтона и Линкольна", "Trump and Clinton"), or two parts
of one place ("Bosnia and Herzegovina", CLDR's "Bosnia & Herzegovina"): left out of a
place's words."""
_APOSTROPHE_SUFFIX = re.compile(r"['’ʼ].*$")
_ELISION = re.compile(r"^[a-z]{1,2}['’]", re.IGNORECASE)  # d'Almaty, l'Ouzbékistan
_APOSTROPHE = re.compile(r"['’‘ʻʼ`]")
_APOSTROPHE_LETTERS = frozenset({"uz"})
"""Languages whose apostrophe is part of a letter (oʻ, gʻ), typed in any of its shapes."""
_ASIDE = re.compile(r"\s*[(（].*?[)）]|,.*$")
_SKIPPED_ZONES = ("Etc/", "Antarctica/", "Arctic/", "Pacific/", "Indian/", "Atlantic/")
"""Time zones whose "cities" are islands and stations, often common words ("Easter",
"Christmas", "Casey")."""
_MIN_LETTERS = 2
_CLIPPED_FROM = 4
"""A stem this long is also found one letter shorter: a stemmer cuts some case forms of a
name one letter deeper than its nominative."""
_NOT_PLACES = frozenset({"001", "ZZ", "QO", "UN", "EZ"})
"""The world ("мир", "dünya" are common words), unknown, outlying and the UN, eurozone."""


def _normal(word: str, language: str) -> str:
    word = unicodedata.normalize("NFC", word).replace("ё", "е").replace("Ё", "Е")
    if language in _APOSTROPHE_LETTERS:  # Oʻzbekiston, O'zbekiston, O‘zbekistonda
        return _APOSTROPHE.sub("", word)
    word = _ELISION.sub("", word)
    return _APOSTROPHE_SUFFIX.sub("", word)


def _zones() -> list[str]:
    from babel.core import get_global

    zones = set(get_global("zone_territories"))
    return sorted(zone for zone in zones
                  if zone.count("/") == 1 and not zone.startswith(_SKIPPED_ZONES))


def _names(locale: Locale) -> Iterator[tuple[str, str]]:
    """(name, code) pairs of one locale: countries and continents, cities."""
    for code, name in locale.territories.items():
        if code not in _NOT_PLACES:
            yield name, TERRITORY + code
    for zone in _zones():
        try:
            city = get_timezone_location(zone, locale=locale, return_city=True)
        except (LookupError, ValueError):  # a zone this Babel does not know
            continue
        yield city, CITY + zone.split("/")[1]


@dataclass(frozen=True)
class Place:
    """A place a name stands for: its English name (the key across languages) and its
    name in the language it was found in (what a card shows, not an inflected form)."""

    english: str
    local: str


@lru_cache(maxsize=64)
def gazetteer(language: str) -> dict[tuple[str, ...], Place]:
    """Stemmed words of a place's name in `language` -> the place."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    english = _english_names()
    found: dict[tuple[str, ...], Place] = {}
    for name, code in _names(locale):
        name = _ASIDE.sub("", name)
        words = WORD.findall(name)
        if not words or len(words) > MAX_WORDS or code not in english:
            continue
        key = _stems(words, language)
        if sum(len(part) for part in key) >= _MIN_LETTERS:
            place = Place(english[code], name)
            found.setdefault(key, place)
            if len(key[-1]) >= _CLIPPED_FROM:  # "Китая" stems to "кит", "Китай" to "кита"
                found.setdefault((*key[:-1], key[-1][:-1]), place)
    log.debug("gazetteer %s: %d names", language, len(found))
    return found


@lru_cache(maxsize=64)
def _local_names(language: str) -> dict[str, str]:
    """English name -> the name in `language` (empty for a language CLDR lacks)."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    english = _english_names()
    local: dict[str, str] = {}
    for name, code in _names(locale):
        if code in english:
            local.setdefault(english[code], _ASIDE.sub("", name))
    return local


def place_in(name: str, language: str) -> str:
    """`name` in `language` when it is a place's English name ("China" -> "Қытай" in
    Kazakh), else `name` as it is: a reader sees places named in their own language."""
    return _local_names(language).get(name, name) if language and language != "en" else name


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """Code -> the English name."""
    names: dict[str, str] = {}
    for name, code in _names(Locale("en")):
        names.setdefault(code, _ASIDE.sub("", name))
    return names


def _stems(words: list[str], language: str) -> tuple[str, ...]:
    return tuple(stem(_normal(word, language), language) for word in words
                 if word.lower() not in CONJUNCTIONS)


@lru_cache(maxsize=100_000)
def place(name: str, language: str) -> Place | None:
    """The country, continent or city `name` names in `language` (any inflected form),
    else None. English names are known in every language: news quotes them."""
    words = WORD.findall(name)
    if not words or len(words) > MAX_WORDS or not language:
        return None
    for source in dict.fromkeys((language, "en")):
        found = gazetteer(source).get(_stems(words, source))
        if found is not None:
            return found
    return None


def english_place(name: str, language: str) -> str | None:
    """The English name of the place `name` names in `language`, else None."""
    found = place(name, language)
    return found.english if found else None
