"""How many letters a text has, and of which kind, before any statistics.

A text with too few letters is too short to judge; a CJK character carries about as much
as a short word, so it weighs 3.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Letters:
    """Letter counts of a text; a CJK character weighs 3 in `weighted`."""

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
