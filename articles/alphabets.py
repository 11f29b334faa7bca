"""The letters each language writes, beyond plain a-z or the Russian alphabet.

Used only to break ties between code pages that a detector finds equally
likely: ISO-8859-2 and Windows-1250 differ in a handful of letters, and a
Croatian text read with the wrong one shows "ľ" where it had "ž". A letter the
detected language does not write is a sign of the wrong page.
"""
from __future__ import annotations

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

_EXTRA_LATIN = {
    "en": "",
    "de": "äöüß",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "ca": "àçéèíïóòúü",
    "nl": "éëïóöüèáàíúêô",
    "sv": "åäöé",
    "da": "æøåé",
    "no": "æøåé",
    "fi": "äöåšž",
    "et": "äöõüšž",
    "is": "áðéíóúýþæö",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sl": "čćđšž",
    "sr": "čćđšž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "tr": "çğıöşüâîû",
    "az": "çəğıöşü",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "sq": "çë",
    "ga": "áéíóú",
    "mt": "ċġħż",
}
_CYRILLIC = {
    "ru": _RUSSIAN,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "kk": _RUSSIAN + "әғқңөұүһі",
    "ky": _RUSSIAN + "ңөү",
    "mn": _RUSSIAN + "өү",
    "tg": _RUSSIAN + "ғӣқӯҳҷ",
}


def alphabet(language: str | None) -> frozenset[str] | None:
    """Lower-case letters of `language` (ISO 639-1), or None when not known."""
    if not language:
        return None
    code = language.lower()[:2]
    if code in _CYRILLIC:
        return frozenset(_CYRILLIC[code] + _LATIN)
    if code in _EXTRA_LATIN:
        return frozenset(_LATIN + _EXTRA_LATIN[code])
    return None


def foreign_letters(text: str, letters: frozenset[str]) -> int:
    """How many letters of `text` the language does not write (scripts it does not
    know at all count too: a Croatian text should not show Cyrillic)."""
    return sum(1 for char in text.lower() if char.isalpha() and char not in letters)
