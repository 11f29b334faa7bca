"""Which spelling of a name to show: the plain (nominative) one, not an inflected form.

One key gathers "Тоқаев", "Тоқаевтың", "Токаевым" and "Tokayev": the key is right to join
them, but a reader shown "Toqaevtyng" sees a case ending, not a name. A spelling is
inflected-looking when another spelling of the same name is a proper prefix of it
(Тоқаев / Тоқаевтың, Токаев / Токаевым), or when it ends in a Turkic case ending of three
letters or more (-тың, -дан, -ning...) after a letter it agrees with ("Нұрсұлтан" is not
"Нұрсұл" + -тан); when only such a form was seen in a Turkic article,
its ending is cut for display.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from digest.stories.keys import MIN_STEM, TURKIC, TURKIC_ENDINGS, _agrees, fold, reduce

CASE_ENDINGS: tuple[str, ...] = tuple(e for e in TURKIC_ENDINGS if len(e) >= 3)
"""Endings long enough to tell an inflected name from a plain one (genitive, ablative,
instrumental); two-letter ones (-на, -да) end plain names too ("Астана")."""


def _inflected_word(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("стан", "stan")):
        return False  # Қазақстан: -тан is the word's own
    return any(lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM
               and _agrees(ending, lower[-len(ending) - 1]) for ending in CASE_ENDINGS)


def looks_inflected(spelling: str) -> bool:
    """Whether a word of the spelling ends in a long Turkic case ending."""
    return any(_inflected_word(word) for word in spelling.split())


def plain_spellings(forms: Mapping[str, int]) -> Counter[str]:
    """The spellings (with their counts) that do not look inflected; all of them when
    every one does."""
    folded = {form: fold(form) for form in forms}
    kept = Counter({
        form: count for form, count in forms.items()
        if not any(len(folded[other]) < len(folded[form])
                   and folded[form].startswith(folded[other]) for other in forms)
    })
    unmarked = Counter({form: count for form, count in kept.items()
                        if not looks_inflected(form)})
    return unmarked or kept or Counter(forms)


def nominative(spelling: str, language: str) -> str:
    """The spelling with a long Turkic case ending cut from each word that has one
    ("Тоқаевтың" -> "Тоқаев"); other languages' spellings are kept as they are."""
    if language not in TURKIC:
        return spelling
    words = []
    for word in spelling.split():
        if _inflected_word(word):
            cut = reduce(word, language)
            if MIN_STEM <= len(cut) <= len(word) - 3:
                word = word[:len(cut)]
        words.append(word)
    return " ".join(words)


def shown_spelling(forms: Mapping[str, int], language: str) -> str:
    """The spelling to show of one name of an article in `language`: its most used plain
    spelling, its case ending cut when it only has inflected ones."""
    plain = plain_spellings(forms)
    return nominative(plain.most_common(1)[0][0], language)
