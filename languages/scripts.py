"""Which writing system (ISO 15924 script) a text is written in.

A language token of a multilingual model names a script too (NLLB-200's `uzn_Latn`,
`kaz_Cyrl`): Uzbek written in Cyrillic or Kazakh in Latin must be transliterated before
such a model reads it, and detection needs the script before it weighs letters. The
answer is the script most of the text's letters are in; letters of no script of their
own (the Uzbek modifier letter ʻ, digits, punctuation) do not count.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = [
    "MAX_CHARS", "SCRIPT_NAMES", "dominant_script", "script_counts", "script_name",
    "script_of", "script_subtag", "with_script",
]

# Only the start of a long text is read (as languages.detection does): the script of
# 20,000 characters is the script of the text, and a 25 MB paragraph stays fast.
MAX_CHARS = 20_000

# Unicode character-name prefixes -> ISO 15924 codes (the name of every letter of a
# script starts with the script's name).
_NAME_PREFIXES: tuple[tuple[str, str], ...] = (
    ("LATIN", "Latn"),
    ("CYRILLIC", "Cyrl"),
    ("ARABIC", "Arab"),
    ("GREEK", "Grek"),
    ("COPTIC", "Copt"),
    ("HEBREW", "Hebr"),
    ("ARMENIAN", "Armn"),
    ("GEORGIAN", "Geor"),
    ("CJK UNIFIED IDEOGRAPH", "Hani"),
    ("CJK COMPATIBILITY IDEOGRAPH", "Hani"),
    ("HIRAGANA", "Hira"),
    ("KATAKANA", "Kana"),
    ("HALFWIDTH KATAKANA", "Kana"),
    ("HANGUL", "Hang"),
    ("HALFWIDTH HANGUL", "Hang"),
    ("BOPOMOFO", "Bopo"),
    ("DEVANAGARI", "Deva"),
    ("BENGALI", "Beng"),
    ("GURMUKHI", "Guru"),
    ("GUJARATI", "Gujr"),
    ("ORIYA", "Orya"),
    ("TAMIL", "Taml"),
    ("TELUGU", "Telu"),
    ("KANNADA", "Knda"),
    ("MALAYALAM", "Mlym"),
    ("SINHALA", "Sinh"),
    ("THAI", "Thai"),
    ("LAO", "Laoo"),
    ("TIBETAN", "Tibt"),
    ("MYANMAR", "Mymr"),
    ("KHMER", "Khmr"),
    ("MONGOLIAN", "Mong"),
    ("ETHIOPIC", "Ethi"),
    ("SYRIAC", "Syrc"),
    ("THAANA", "Thaa"),
    ("NKO", "Nkoo"),
    ("TIFINAGH", "Tfng"),
    ("CHEROKEE", "Cher"),
    ("CANADIAN SYLLABICS", "Cans"),
    ("OLD TURKIC", "Orkh"),
    ("YI ", "Yiii"),
)


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """The ISO 15924 code of one letter ("ә" -> "Cyrl"), "" for a character that is
    not a letter or belongs to no particular script (ʻ, ª, digits)."""
    if not char.isalpha():
        return ""
    if char.isascii():
        return "Latn"
    name = unicodedata.name(char, "")
    for prefix, script in _NAME_PREFIXES:
        if name.startswith(prefix):
            return script
    return ""


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in the start of `text` (MAX_CHARS), most first."""
    totals: dict[str, int] = {}
    # Counting the characters first (C speed) leaves only the distinct ones to name.
    for char, count in Counter(text[:MAX_CHARS]).items():
        script = script_of(char)
        if script:
            totals[script] = totals.get(script, 0) + count
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def dominant_script(text: str) -> str:
    """The ISO 15924 code of the script most of the text's letters are in ("Latn",
    "Cyrl", "Arab", "Grek", "Hani", ...); "" when the text has no letters.

    Kana are scripts of their own: a text mostly of hiragana is "Hira", of kanji
    "Hani". Only the first MAX_CHARS characters are read.
    """
    counts = script_counts(text or "")
    return next(iter(counts), "")


SCRIPT_NAMES: dict[str, str] = {
    "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Grek": "Greek", "Hebr": "Hebrew",
    "Armn": "Armenian", "Geor": "Georgian", "Hani": "Chinese characters", "Hans": "simplified "
    "Chinese characters", "Hant": "traditional Chinese characters", "Mong": "Mongolian script",
}


def script_name(script: str) -> str:
    """"Cyrillic" for "Cyrl"; the code itself when it has no English name here."""
    return SCRIPT_NAMES.get(script, script)


_SCRIPT_SUBTAG = re.compile(r"^[A-Za-z]{2,3}[-_]([A-Z][a-z]{3})$")


def script_subtag(code: str) -> str:
    """The script of a language code that names one ("uz-Cyrl" -> "Cyrl"), else ""."""
    match = _SCRIPT_SUBTAG.match((code or "").strip())
    return match.group(1) if match else ""


def with_script(code: str, script: str, usual: str = "") -> str:
    """The code with a script subtag ("uz", "Cyrl" -> "uz-Cyrl"); the bare code when the
    script is unknown or the language's `usual` one, so that ordinary text keeps the plain
    code (caches and the translation memory key on it)."""
    if not script or script == usual:
        return code
    return f"{code}-{script}"
