"""Numbers and dates, written the same in every language once normalised: "1 500",
"1,500" and "1.500" are 1500; "103,7 миллиона" and "$103.7 million" are 103700000;
"March 3", "3 марта", "3-наурыз" and "3 Mart" are the 3rd of the 3rd month."""
from __future__ import annotations

import re

from digest.stories.calendar import MONTH_OF

NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:[ \u00a0\u202f,.’']\d{3})+)(?![\d])|\d+)"
    r"(?:[.,](\d+))?(?![\w])"
    r"(?:\s*(?:-|‑)?\s*([^\W\d_]+))?"
)
MULTIPLIERS: dict[str, int] = {
    **dict.fromkeys(("thousand", "тысяч", "тысячи", "тысяча", "тыс", "мың", "ming", "bin",
                     "tausend", "mille", "миң"), 1_000),
    **dict.fromkeys(("million", "millions", "миллион", "миллиона", "миллионов", "млн",
                     "milyon", "mln", "millionen", "millionen", "миллиондан", "million"),
                    1_000_000),
    **dict.fromkeys(("billion", "billions", "миллиард", "миллиарда", "миллиардов", "млрд",
                     "milyar", "mlrd", "milliard", "milliards", "milliarden"), 1_000_000_000),
}
"""Number words after a figure (lower case, in en, ru, kk, ky, uz, tr, de, fr)."""
SMALL = 10
"""Whole numbers under this are too common to tell stories apart (days of a month are
read as dates instead)."""


def _value(whole: str, fraction: str | None) -> float:
    digits = re.sub(r"\D", "", whole)
    value = float(digits)
    if fraction is not None:
        value += float(f"0.{fraction}")
    return value


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def numbers(text: str) -> list[str]:
    """The text's figures, normalised ("1500", "103700000", "103.7", "2004"); small whole
    numbers left out."""
    found: list[str] = []
    for match in NUMBER.finditer(text):
        whole, fraction, word = match.groups()
        if fraction is not None and len(fraction) == 3 and not re.search(r"\D", whole) and (
            len(whole) <= 3
        ):
            # "1.500" / "1,500": a thousands separator when three digits follow
            whole, fraction = whole + fraction, None
        value = _value(whole, fraction)
        lower = (word or "").lower().rstrip(".")
        multiplier = MULTIPLIERS.get(lower) or next(
            (factor for stem, factor in MULTIPLIERS.items() if len(stem) > 4
             and lower.startswith(stem)), None)
        if multiplier:
            value *= multiplier
        if value < SMALL and fraction is None and not multiplier:
            continue
        found.append(_format(value))
    return found


DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:-?(?:го|ші|шы|inchi|-inchi))?[.\-]?\s*([^\W\d_]{3,})")
MONTH_DAY = re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?!\d)")


def dates(text: str) -> list[str]:
    """Day-and-month dates of the text as "MM-DD"."""
    found: list[str] = []
    for match in DAY_MONTH.finditer(text):
        month = MONTH_OF.get(match.group(2).lower())
        day = int(match.group(1))
        if month and 1 <= day <= 31:
            found.append(f"{month:02d}-{day:02d}")
    for match in MONTH_DAY.finditer(text):
        month = MONTH_OF.get(match.group(1).lower())
        day = int(match.group(2))
        if month and 1 <= day <= 31:
            found.append(f"{month:02d}-{day:02d}")
    return found
