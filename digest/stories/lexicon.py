"""Whether a capitalised word is a common word of its language rather than a name.

Russian capitalises the first word of an organisation's or an event's name and leaves the
rest in lower case ("Национального фонда", "Республиканской партии", "Первой мировой"), so
such a word alone looks like a name. pymorphy3 (MIT, with OpenCorpora's dictionary, shipped
in its wheel) knows Russian words and marks names, surnames, patronymics, places and
organisations: a word it knows only as an adjective, participle, verb or adverb is not a
name. Nouns are kept: a surname may also be a common noun's form (Токаев is the genitive
plural of "токай").

It also tells a surname from a town ("Ивановой" is Ivanova, not Ivanovo: see places).
Other languages have no such dictionary here: every word passes.
"""
from __future__ import annotations

import logging
from functools import cache, lru_cache

log = logging.getLogger(__name__)

PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
"""pymorphy3's marks of a proper noun."""
NOT_NAMES = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "ADVB", "GRND",
                       "COMP", "NPRO", "PREP", "CONJ", "PRCL", "INTJ", "NUMR", "PRED"})
"""Parts of speech that never stand alone for a name."""


@cache
def _analyzer(language: str):
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except Exception:  # noqa: BLE001 - no dictionary: every word may be a name
        log.warning("no morphological dictionary for %s", language, exc_info=True)
        return None


@lru_cache(maxsize=100_000)
def common_word(word: str, language: str) -> bool:
    """True when `word` (capitalised in the text) is known only as a common word that is
    not a noun: "Национального", "Первой", "Разрешу"; False for a name or an unknown word."""
    if language != "ru":
        return False
    analyzer = _analyzer(language)
    if analyzer is None:
        return False
    parses = analyzer.parse(word.lower())
    if not any(parse.is_known for parse in parses):
        return False
    if any(PROPER & set(parse.tag.grammemes) for parse in parses):
        return False
    return all(parse.tag.POS in NOT_NAMES for parse in parses if parse.is_known)


@lru_cache(maxsize=100_000)
def person_name(word: str, language: str) -> bool:
    """True when the dictionary knows `word` as a person's name, surname or patronymic and
    not as a place ("Ивановой", "Марина"; not "Москве")."""
    if language != "ru":
        return False
    analyzer = _analyzer(language)
    if analyzer is None:
        return False
    marks = {mark for parse in analyzer.parse(word.lower()) if parse.is_known
             for mark in parse.tag.grammemes}
    return bool(marks & {"Name", "Surn", "Patr"}) and "Geox" not in marks
