"""What the letters of a text say about its language, before any statistics.

The regional languages langdetect does not know each add a few letters to the
Cyrillic or Latin alphabet, and langdetect's neighbours lack some letters: these
facts rule languages in or out more reliably than n-grams on short texts.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Cyrillic letters absent from Russian, by the languages that use them.
KAZAKH_ONLY = frozenset("әғқұһӘҒҚҰҺ")  # (қ ғ also Uzbek/Tajik)
TAJIK_ONLY = frozenset("ҷӣӯҶӢӮ")
SHORT_U = frozenset("ўЎ")  # Belarusian and Uzbek
UZBEK_TAJIK = frozenset("қғҳҚҒҲ")
UZBEK_TAJIK_H = frozenset("ҳҲ")
KAZAKH_MARKERS = frozenset("іІғҒқҚұҰ")  # at least one in any Kazakh sentence, none in Kyrgyz/Tatar
NOT_KAZAKH = frozenset("ҳҲҷҶӣӢӯӮўЎҗҖҙҘҡҠҫҪ")  # Uzbek, Tajik, Tatar, Bashkir
KYRGYZ_NG = frozenset("ңҢ")  # Kyrgyz and Kazakh, not Mongolian
MONGOLIAN_KYRGYZ_KAZAKH = frozenset("өүӨҮ")
BELARUSIAN_UKRAINIAN_I = frozenset("іІ")
UKRAINIAN_BELARUSIAN = frozenset("іІїЇєЄґҐўЎ")
REGIONAL_CYRILLIC = (
    KAZAKH_ONLY | TAJIK_ONLY | SHORT_U | UZBEK_TAJIK | KYRGYZ_NG | MONGOLIAN_KYRGYZ_KAZAKH
)
SCHWA = frozenset("əƏ")  # Azerbaijani Latin

# Share of letters that must be regional letters in lower-case words before the
# alphabet is believed: 1 in 100 (Kazakh sentences: median 9 %, Kyrgyz about 2 %).
# A Russian text quoting Kazakh names stays Russian: names are capitalized.
MIN_REGIONAL_SHARE = 0.01

# Letters langdetect's languages do not have: "Дэн смотрел на Фло." is not Bulgarian.
# A few (a quoted name) are allowed: they must make MIN_LACKING_SHARE of the letters.
_NOT_SOUTH_SLAVIC = "ыэёйщъьюяЫЭЁЙЩЪЬЮЯ"
LACKS_LETTERS = {
    "bg": frozenset("ыэёЫЭЁ"),
    "mk": frozenset(_NOT_SOUTH_SLAVIC + "ђћЂЋ"),  # ђ ћ are Serbian
    "sr": frozenset(_NOT_SOUTH_SLAVIC),
    "uk": frozenset("ыэёъЫЭЁЪ"),
    "ru": frozenset("іїєґўІЇЄҐЎ"),
    "tr": frozenset("qxəQXƏ"),  # Azerbaijani letters Turkish lacks (w: "web" is common)
}
MIN_LACKING_SHARE = 0.015

UZBEK_O_G = re.compile(r"(?:(?<=[a-z])|\b)[ogOG][ʻ‘'’`ʼ](?=[a-z])")


@dataclass(frozen=True)
class Letters:
    """Letter counts of a text; a CJK character weighs 3 in `weighted` (it carries
    about as much as a short word)."""

    weighted: int
    cyrillic: int
    latin: int
    cjk: int


def count_letters(text: str) -> Letters:
    weighted = cyrillic = latin = cjk = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii():
            weighted += 1
            latin += 1
            continue
        name = unicodedata.name(char, "")
        if name.startswith("CYRILLIC"):
            cyrillic += 1
            weighted += 1
        elif name.startswith("LATIN"):
            latin += 1
            weighted += 1
        elif name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            weighted += 3
            cjk += 1
        else:
            weighted += 1
    return Letters(weighted, cyrillic, latin, cjk)


def in_common_words(text: str, letters: frozenset[str]) -> int:
    """How many of these letters stand in lower-case words: in a text of that
    language they do; in a Russian text quoting a Kazakh name they do not."""
    return sum(
        sum(1 for char in word if char in letters)
        for word in text.split()
        if word[:1].islower()
    )


def has_regional_cyrillic(text: str, cyrillic: int) -> bool:
    return in_common_words(text, REGIONAL_CYRILLIC) >= MIN_REGIONAL_SHARE * cyrillic


def has_azerbaijani_schwa(text: str, latin: int) -> bool:
    return in_common_words(text, SCHWA) >= MIN_REGIONAL_SHARE * latin


def possible_in_alphabet(code: str, text: str, letters: int) -> bool:
    """False when the text often uses letters the language does not have (ы in "Bulgarian")."""
    lacking = LACKS_LETTERS.get(code)
    if not lacking:
        return True
    count = sum(1 for char in text if char in lacking)
    return count == 0 or count < MIN_LACKING_SHARE * letters


def regional_cyrillic_rule(text: str) -> str | None:
    """Tajik, Uzbek or Kyrgyz by their letters (lingua knows none of them), else None."""
    present = set(text) & REGIONAL_CYRILLIC
    if present & TAJIK_ONLY:
        return "tg"
    if present & SHORT_U and present & UZBEK_TAJIK:
        return "uz"
    if present & UZBEK_TAJIK_H and not present & (SHORT_U | (KAZAKH_ONLY - UZBEK_TAJIK)):
        return "tg"  # ҳ without ў: Tajik (Uzbek writes ў in almost every sentence)
    if present & KYRGYZ_NG and not present & KAZAKH_ONLY:
        if not set(text) & BELARUSIAN_UKRAINIAN_I:
            return "ky"
    return None


def fits_alphabet(code: str, text: str, cyrillic: int) -> bool:
    """Whether lingua's Cyrillic answer is possible given the letters, and not a
    language it does not know (Kyrgyz, Tatar) taken for its nearest neighbour."""
    letters = set(text)
    present = letters & REGIONAL_CYRILLIC
    if code == "kk":
        # Kazakh writes і, ғ, қ or ұ (Kyrgyz and Tatar do not); ҳ is Uzbek/Tajik,
        # not Kazakh (which has һ); җ ҙ ҡ ҫ are Tatar/Bashkir.
        return bool(letters & KAZAKH_MARKERS) and not letters & NOT_KAZAKH
    if code == "mn":
        # Mongolian has none of the Kazakh/Kyrgyz letters, and х is frequent in
        # it but rare in Kyrgyz, which lingua does not know.
        mongolian_x = sum(1 for char in text if char in "хХ")
        return not present & (KAZAKH_ONLY | KYRGYZ_NG | UZBEK_TAJIK) \
            and mongolian_x >= 0.01 * cyrillic
    if code == "be":
        return bool(letters & (SHORT_U | BELARUSIAN_UKRAINIAN_I)) \
            and not present & (KAZAKH_ONLY | UZBEK_TAJIK | MONGOLIAN_KYRGYZ_KAZAKH)
    return True


def is_uzbek_latin(text: str) -> bool:
    """Uzbek Latin writes oʻ and gʻ (a turned comma, often typed as ' or ‘) inside
    lower-case words, about one word in ten; O'Brien or o'clock are rare."""
    hits = len(UZBEK_O_G.findall(text))
    return hits >= 2 and hits * 30 >= len(text.split())


def has_hangul(text: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" for char in text)


def has_kana(text: str) -> bool:
    return any("\u3040" <= char <= "\u30ff" for char in text)
