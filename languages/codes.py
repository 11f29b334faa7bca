"""What a language code is: the project's one definition.

Codes are ISO 639-1 ("ru", "kk") as Argos packs and the detectors use them, with an
optional region or script after a hyphen ("zh-TW", "sr-Latn"). "und" (ISO 639-2
"undetermined") stands for a language nobody could tell. Every package that takes a
code from a user, a file or another library passes it through `normalize_code` first.
"""
from __future__ import annotations

import re

UNDETERMINED = "und"
"""The code of a text whose language is not known."""

AUTO = "auto"
"""What a user types to ask for detection instead of naming a language."""

LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
"""A code as people and pack metadata write it: a 2-8 letter language subtag, then
optional region/script subtags ("en", "kk", "pt-BR", "zh_Hant", "kaz_Cyrl")."""


def is_language_code(value: str) -> bool:
    """Whether `value` is written like a language code (not whether we know the language)."""
    return bool(LANGUAGE_CODE.match(value))


def normalize_code(code: str | None) -> str:
    """'ru-RU', 'RU', ' ru ', None, '' -> 'ru' / 'und': the base language, lower case."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return base or UNDETERMINED


def is_determined(code: str | None) -> bool:
    """Whether a code names a language (not empty, "auto" or "und")."""
    return normalize_code(code) not in (UNDETERMINED, AUTO)
