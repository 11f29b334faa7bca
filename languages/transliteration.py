"""Uzbek and Kazakh from one script to the other, for models that know only one of them.

NLLB-200 knows Uzbek only in Latin (`uzn_Latn`) and Kazakh only in Cyrillic (`kaz_Cyrl`);
M2M-100's `__uz__` and `__kk__` are the same. Uzbekistan's press still writes much in
Cyrillic, and Kazakh is more and more written in Latin, so a paragraph is converted to the
script the model was trained on before it reaches it (translator.engine decides when).

Uzbek: Cyrillic -> the official Latin alphabet of 1995 (oʻ gʻ with U+02BB, the tutuq belgisi
ʼ U+02BC for ъ, sh ch ng), with the positional rules for е and ц; and back. Kazakh: the
Latin alphabet of 2021 (ä ğ ı i ñ ö ş ū ü ...) -> Cyrillic, the two earlier official Latin
alphabets (2017 with apostrophes, 2018 with acute accents) recognised by their letters; and
Cyrillic -> 2021 Latin. Letters of other scripts pass through unchanged. Pure functions,
the tables are data.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from languages.flores import default_script
from languages.scripts import dominant_script, script_subtag, with_script

__all__ = [
    "TRANSLITERATORS",
    "can_transliterate",
    "script_tag",
    "kazakh_cyrillic_to_latin",
    "kazakh_latin_to_cyrillic",
    "transliterate",
    "uzbek_cyrillic_to_latin",
    "uzbek_latin_to_cyrillic",
]

OKINA = "\u02bb"  # ʻ MODIFIER LETTER TURNED COMMA: the Uzbek oʻ and gʻ
TUTUQ = "\u02bc"  # ʼ MODIFIER LETTER APOSTROPHE: the Uzbek tutuq belgisi (Cyrillic ъ)

# ---- Uzbek: Cyrillic -> Latin ----------------------------------------------------------------

UZBEK_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ч": "ch", "ш": "sh",
    "щ": "shch", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ў": "o" + OKINA, "қ": "q", "ғ": "g" + OKINA, "ҳ": "h",
}
"""Letters whose Latin spelling does not depend on their neighbours (е, ц, ъ do)."""

UZBEK_CYRILLIC_VOWELS = frozenset("аеёиоуўэюяы")
# After these е is "ye" (as at the start of a word); ь and ъ are not written in Latin.
_UZBEK_IOTATING = UZBEK_CYRILLIC_VOWELS | frozenset("ьъ")
_UZBEK_E_AFTER_SIGN = frozenset("еёюя")


def _is_word_start(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalpha()


def _cased(latin: str, upper: bool, whole_word_upper: bool) -> str:
    """"sh" as "Sh" for Ш in a capitalized word, "SH" in a word in capitals."""
    if not upper or not latin:
        return latin
    if whole_word_upper:
        return latin.upper()
    return latin[0].upper() + latin[1:]


def _word_is_upper(text: str, index: int) -> bool:
    """Whether the letter at index sits in a word of more than one letter written in capitals."""
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = index + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    letters = [c for c in text[start:end] if c.isalpha() and c.lower() != c.upper()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def uzbek_cyrillic_to_latin(text: str) -> str:
    """Uzbek in Cyrillic as the official Latin alphabet writes it.

    е is "ye" at the start of a word and after a vowel, ь or ъ, else "e"; ц is "ts" after a
    vowel, else "s"; ъ is the tutuq belgisi ʼ, or nothing before е ё ю я ("объект" ->
    "obyekt"); ь is dropped.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        previous = text[index - 1].lower() if index else ""
        if lower == "е":
            latin = "ye" if _is_word_start(text, index) or previous in _UZBEK_IOTATING else "e"
        elif lower == "ц":
            latin = "ts" if previous in UZBEK_CYRILLIC_VOWELS else "s"
        elif lower == "ъ":
            following = text[index + 1].lower() if index + 1 < len(text) else ""
            latin = "" if following in _UZBEK_E_AFTER_SIGN else TUTUQ
        elif lower in UZBEK_CYRILLIC_TO_LATIN:
            latin = UZBEK_CYRILLIC_TO_LATIN[lower]
        else:
            out.append(char)
            continue
        upper = char != lower
        out.append(_cased(latin, upper, upper and len(latin) > 1 and _word_is_upper(text, index)))
    return "".join(out)


# ---- Uzbek: Latin -> Cyrillic ----------------------------------------------------------------

# The apostrophes people type for ʻ and ʼ: ' ‘ ’ ` ʻ ʼ.
_APOSTROPHES = "'\u2018\u2019`\u02bb\u02bc"
UZBEK_LATIN_DIGRAPHS: dict[str, str] = {
    "sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я",
    **{f"o{mark}": "ў" for mark in _APOSTROPHES}, **{f"g{mark}": "ғ" for mark in _APOSTROPHES},
}
UZBEK_LATIN_TO_CYRILLIC: dict[str, str] = {
    "a": "а", "b": "б", "d": "д", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "x": "х", "y": "й", "z": "з", "c": "ц",
    "w": "в",
}
_UZBEK_LATIN_VOWELS = frozenset("aeiou")


def _lower_each(text: str, special: dict[str, str] | None = None) -> str:
    """text in lower case, letter for letter (str.lower() turns İ into two characters)."""
    special = special or {}
    out = []
    for char in text:
        lower = special.get(char) or char.lower()
        out.append(lower if len(lower) == 1 else char)
    return "".join(out)


def uzbek_latin_to_cyrillic(text: str) -> str:
    """Uzbek in the Latin alphabet (any apostrophe for ʻ) in Cyrillic.

    The inverse of uzbek_cyrillic_to_latin where the spelling allows: "ye" at the start of
    a word or after a vowel is е, after a consonant ъе ("obyekt" -> "объект"); "e" at the
    start of a word or after a vowel is э; "ts" is ц in "-tsiya", "-tsion"; ʼ between
    letters is ъ. Loanwords that Latin spells like native words ("sirk" for цирк) stay
    as spelt.
    """
    lower_text = _lower_each(text, {"İ": "i"})

    def letter(index: int, out: list[str]) -> tuple[int, str | None]:
        lower, pair = lower_text[index], lower_text[index:index + 2]
        previous = lower_text[index - 1] if index else ""
        start = _is_word_start(text, index)
        after_vowel = not start and previous in _UZBEK_LATIN_VOWELS
        if pair == "ye":
            return 2, "е" if start or after_vowel else "ъе"
        if lower_text.startswith(("tsiya", "tsion"), index) and not start:
            return 2, "ц"
        if pair in UZBEK_LATIN_DIGRAPHS and not (
            pair == "yo" and lower_text[index + 2:index + 3] in _APOSTROPHES  # y + oʻ
        ):
            return 2, UZBEK_LATIN_DIGRAPHS[pair]
        if lower == "e":
            return 1, "э" if start or after_vowel else "е"
        if lower in UZBEK_LATIN_TO_CYRILLIC:
            return 1, UZBEK_LATIN_TO_CYRILLIC[lower]
        if lower in _APOSTROPHES and previous.isalpha() and (
            lower_text[index + 1:index + 2].isalpha()
        ):
            return 1, "ъ"
        return 1, None

    return _respelled(text, lower_text, letter)


def _respelled(
    text: str, lower_text: str, letter: Callable[[int, list[str]], tuple[int, str | None]]
) -> str:
    """`text` letter by letter: `letter(index, out so far)` says how many characters the
    letter at `index` takes and what it becomes (None: kept as is), cased as it was."""
    out: list[str] = []
    index = 0
    while index < len(text):
        size, respelled = letter(index, out)
        char = text[index]
        if respelled is None:
            out.append(char)
        else:
            out.append(_cased(respelled, char != lower_text[index], _word_is_upper(text, index)))
        index += size
    return "".join(out)


# ---- Kazakh: Latin -> Cyrillic ---------------------------------------------------------------

KAZAKH_2021_TO_CYRILLIC: dict[str, str] = {
    "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ",
    "h": "х", "ı": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң",
    "o": "о", "ö": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т",
    "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "y": "ы", "z": "з", "c": "ц", "ç": "ч",
    "w": "у", "x": "кс",
}
"""The 2021 alphabet; i is и or й (below). c, ç, w, x: letters of loanwords and drafts."""

KAZAKH_2018_TO_CYRILLIC: dict[str, str] = {
    **KAZAKH_2021_TO_CYRILLIC,
    "á": "ә", "ǵ": "ғ", "i": "і", "ı": "и", "ń": "ң", "ó": "ө", "u": "ұ", "ú": "ү",
    "ý": "у", "y": "ы",
}
"""The 2018 alphabet (acute accents): i is і, ı is и/й, u is ұ, ú ү, ý у."""

KAZAKH_2017_TO_CYRILLIC: dict[str, str] = {
    **KAZAKH_2018_TO_CYRILLIC,
    "a'": "ә", "g'": "ғ", "i'": "и", "n'": "ң", "o'": "ө", "u'": "ү", "y'": "у",
    "s'": "ш", "c'": "ч",
}
"""The 2017 alphabet (apostrophes): a' ә, g' ғ, i' и/й, n' ң, o' ө, u' ү, y' у, s' ш, c' ч."""

_KAZAKH_ACUTE = re.compile("[áǵńóúýÁǴŃÓÚÝ]")
_KAZAKH_APOSTROPHE = re.compile("[agnouysciAGNOUYSCI]['’]")
_KAZAKH_2021 = re.compile("[äğñöşūüÄĞİÑÖŞŪÜ]")
_KAZAKH_CYRILLIC_VOWELS = frozenset("аәеиоөұүыіэюяуё")


def _kazakh_alphabet(text: str) -> tuple[dict[str, str], str]:
    """The Latin alphabet a Kazakh text is written in, told by its letters: its table and
    its letter for и/й ("i" in 2021, "ı" in 2018, "i'" in 2017)."""
    if _KAZAKH_2021.search(text):
        return KAZAKH_2021_TO_CYRILLIC, "i"
    if _KAZAKH_ACUTE.search(text):
        return KAZAKH_2018_TO_CYRILLIC, "ı"
    if len(_KAZAKH_APOSTROPHE.findall(text)) * 40 >= len(text) > 0:
        return KAZAKH_2017_TO_CYRILLIC, "i'"
    return KAZAKH_2021_TO_CYRILLIC, "i"


def kazakh_latin_to_cyrillic(text: str) -> str:
    """Kazakh in a Latin alphabet (2021; or 2018, 2017, told by their letters) in Cyrillic.

    The letter for и and й is й after a vowel ("syi" -> "сый", "üiıne" -> "үйіне") and и
    elsewhere; followed by a or u it is я, ю ("ia", "iu"); "sh" and "ch" are ш and ч.
    """
    table, short_i = _kazakh_alphabet(text)
    # 2021 pairs ı with I and i with İ, as Turkish does; the older alphabets I with i.
    capitals = {"İ": "i", "I": "ı" if table is KAZAKH_2021_TO_CYRILLIC else "i", "’": "'"}
    lower_text = _lower_each(text, capitals)

    def letter(index: int, out: list[str]) -> tuple[int, str | None]:
        pair = lower_text[index:index + 2]
        if lower_text.startswith(short_i, index):
            size = len(short_i)
            following = lower_text[index + size:index + size + 1]
            if following in ("a", "u"):
                return size + 1, "я" if following == "a" else "ю"
            after_vowel = bool(out) and out[-1][-1:].lower() in _KAZAKH_CYRILLIC_VOWELS
            return size, "й" if after_vowel and not _is_word_start(text, index) else "и"
        if pair in table:
            return 2, table[pair]
        if pair in ("sh", "ch"):
            return 2, "ш" if lower_text[index] == "s" else "ч"
        return 1, table.get(lower_text[index])

    return _respelled(text, lower_text, letter)


# ---- Kazakh: Cyrillic -> Latin (2021) --------------------------------------------------------

KAZAKH_CYRILLIC_TO_2021: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}


_KAZAKH_CAPITALS = str.maketrans({"i": "İ", "ı": "I"})


def kazakh_cyrillic_to_latin(text: str) -> str:
    """Kazakh in Cyrillic as the 2021 Latin alphabet writes it (и and й both i)."""
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = KAZAKH_CYRILLIC_TO_2021.get(lower)
        if latin is None:
            out.append(char)
            continue
        if char != lower:  # 2021 pairs ı with I and i with İ, as Turkish does
            first = latin[:1]
            capital = first.translate(_KAZAKH_CAPITALS) if first in "iı" else first.upper()
            rest = latin[1:]
            if rest and _word_is_upper(text, index):
                rest = rest.translate(_KAZAKH_CAPITALS).upper()
            latin = capital + rest
        out.append(latin)
    return "".join(out)


# ---- which conversions exist -----------------------------------------------------------------

TRANSLITERATORS: dict[tuple[str, str, str], Callable[[str], str]] = {
    ("uz", "Cyrl", "Latn"): uzbek_cyrillic_to_latin,
    ("uz", "Latn", "Cyrl"): uzbek_latin_to_cyrillic,
    ("kk", "Latn", "Cyrl"): kazakh_latin_to_cyrillic,
    ("kk", "Cyrl", "Latn"): kazakh_cyrillic_to_latin,
}
"""(ISO 639-1 code, from script, to script) -> the function, scripts as ISO 15924 codes."""

TRANSLITERATED_LANGUAGES = frozenset(language for language, _, _ in TRANSLITERATORS)


def can_transliterate(language: str, source_script: str, target_script: str) -> bool:
    return (language, source_script, target_script) in TRANSLITERATORS


def transliterate(text: str, language: str, source_script: str, target_script: str) -> str:
    """text converted from one script to the other; unchanged when the scripts are the same
    or no conversion is known for the language."""
    convert = TRANSLITERATORS.get((language, source_script, target_script))
    return convert(text) if convert is not None else text


def script_tag(code: str, text: str) -> str:
    """The language code of a paragraph, with its script when it is written in another
    script than the language's usual one and a conversion exists ("uz" + Cyrillic text ->
    "uz-Cyrl"); else the code as given. Only Uzbek and Kazakh text is looked at."""
    if code not in TRANSLITERATED_LANGUAGES or script_subtag(code):
        return code
    usual = default_script(code)
    script = dominant_script(text)
    if not can_transliterate(code, script, usual):
        return code
    return with_script(code, script, usual)
