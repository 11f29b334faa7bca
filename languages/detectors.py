"""The two statistical detectors behind detect_language, loaded lazily, once, thread-safely.

py3langid (BSD-3-Clause) ships its model inside the package: a naive Bayes over byte
n-grams for 139 languages, trained on Wikipedia, news (Leipzig), web text (CC-100) and
Tatoeba; it knows every language of the region (Kazakh, Kyrgyz, Uzbek in both scripts,
Tajik, Turkmen, Mongolian, Uyghur, Tatar, Bashkir). CLD2 (pycld2, Apache-2.0) is Google's
compact detector, trained on other data (web pages) with other features (quadgrams and
words). Two detectors that learnt from different text rarely make the same mistake, so
their agreement is what makes a language "determined" (languages.detection).

Both return (ISO 639-1 code, probability) pairs, best first, with the codes the project
uses (languages.codes): varieties each detector tells apart are folded into the language
the project names.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass

# py3langid's and CLD2's labels -> the project's codes. Varieties the project does not
# name separately are folded into their language: Egyptian and Moroccan Arabic into
# Arabic, Cantonese and Wu (in Chinese characters) into Chinese, Bokmål into Norwegian,
# traditional Chinese into Chinese, Bosnian into Croatian (one standard language to
# the translation packs, and the pair neither detector separates reliably).
FOLDED: dict[str, str] = {
    "arz": "ar",
    "ary": "ar",
    "yue": "zh",
    "wuu": "zh",
    "nb": "no",
    "zh-Hant": "zh",
    "iw": "he",
    "bs": "hr",
    "fil": "tl",
}

TOP = 5  # candidates kept from the full distribution

Candidates = list[tuple[str, float]]

_langid_lock = threading.Lock()
_langid = None


def _identifier():
    global _langid
    if _langid is None:
        with _langid_lock:
            if _langid is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _langid = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _langid


def _fold(candidates: Candidates) -> Candidates:
    """Codes folded (FOLDED), the probabilities of folded varieties added up, best first."""
    merged: dict[str, float] = {}
    for code, probability in candidates:
        code = FOLDED.get(code, code)
        merged[code] = merged.get(code, 0.0) + probability
    return sorted(merged.items(), key=lambda item: -item[1])


def langid_candidates(text: str) -> Candidates:
    """py3langid's probabilities over its 139 languages (the best TOP after folding).

    `zxx` is its class for what is not language (numbers, markup, identifiers).
    """
    ranked = _identifier().rank(text)[: TOP * 2]
    return _fold([(code, float(probability)) for code, probability in ranked])[:TOP]


def _cld2_safe(text: str) -> str:
    """CLD2 refuses control characters and unpaired surrogates as invalid UTF-8: blank them."""
    return "".join(
        " " if (unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and char not in "\n\t")
        else char
        for char in text
    )


@dataclass(frozen=True)
class Opinion:
    """CLD2's languages with the share of the text each covers (best first; empty when
    it has no opinion: too little text, or nothing it knows), and whether CLD2 itself
    calls its answer reliable."""

    candidates: Candidates
    reliable: bool


def cld2_opinion(text: str) -> Opinion:
    """What CLD2 makes of a text."""
    import pycld2

    try:
        reliable, _, found = pycld2.detect(text)
    except pycld2.error:
        try:
            reliable, _, found = pycld2.detect(_cld2_safe(text))
        except pycld2.error:
            return Opinion([], False)
    candidates = _fold([(code, percent / 100) for _, code, percent, _ in found if code != "un"])
    return Opinion(candidates, bool(reliable) and bool(candidates))


def cld2_candidates(text: str) -> Candidates:
    """CLD2's languages, best first ([] when it has no opinion)."""
    return cld2_opinion(text).candidates


def preload() -> None:
    """Load py3langid's model and CLD2's tables now (under a second)."""
    langid_candidates("preload")
    cld2_candidates("preload")
