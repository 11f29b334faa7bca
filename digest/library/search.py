"""Words for the full-text index and for queries, and the snippets shown with results.

The index holds, for each article, its words reduced to their stem by the Snowball
stemmer of the article's language (Russian, English, Turkish and some thirty more),
or kept as they are (lower-cased) in languages without one (Kazakh, Uzbek, Kyrgyz...).
A query word matches any of its forms: it is stemmed by the stemmer of every language
present in the library, and each form is looked up.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""Letters and digits; an apostrophe inside a word (o'zbek, don't) keeps it whole."""

SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish",
    "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "nb": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
"""Language code -> Snowball algorithm (snowballstemmer 3.0)."""

_SPACES = re.compile(r"\s+")
SNIPPET_WORDS = 14
"""Words of context on each side of the first match in a snippet."""
SNIPPET_CHARS = 600
"""Characters looked at on each side of the first match (more than SNIPPET_WORDS need)."""


def has_stemmer(language: str) -> bool:
    return language in SNOWBALL


@cache
def _stemmer(language: str):
    import snowballstemmer  # its package imports every language: not before a search

    return snowballstemmer.stemmer(SNOWBALL[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The form the index keeps: lower-cased, ё as е, stemmed when the language can be."""
    folded = word.lower().replace("ё", "е").replace("’", "'")
    if language not in SNOWBALL:
        return folded
    return _stemmer(language).stemWord(folded)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def index_text(text: str, language: str) -> str:
    """The article as the index sees it: its stems, separated by spaces."""
    return " ".join(stem(word, language) for word in words(text))


def query_forms(word: str, languages: Iterable[str]) -> set[str]:
    """Every form of word the index may hold: as it is, and stemmed in each language."""
    return {stem(word, language) for language in {"", *languages}}


def _fts_term(form: str) -> str:
    # Inside double quotes FTS5 takes any text literally; a quote is doubled.
    return '"' + form.replace('"', '""') + '"'


def match_expression(query: str, languages: Iterable[str]) -> str | None:
    """The FTS5 MATCH text for a reader's query (every word, in any of its forms), or
    None when the query has no words."""
    languages = tuple(languages)
    groups = []
    for word in dict.fromkeys(words(query)):
        forms = sorted(query_forms(word, languages))
        groups.append("(" + " OR ".join(_fts_term(form) for form in forms) + ")")
    return " AND ".join(groups) if groups else None


@dataclass(frozen=True)
class Snippet:
    """A piece of an article around the first match: (text, matched) parts, in order.

    Plain text: the view escapes each part and marks the matched ones.
    """

    parts: tuple[tuple[str, bool], ...]
    cut_before: bool
    cut_after: bool

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)


def snippet(text: str, query: str, language: str, languages: Iterable[str]) -> Snippet:
    """The words around the first word of text that matches the query in any form."""
    wanted: set[str] = set()
    for word in words(query):
        wanted |= query_forms(word, languages)

    def matches(word: str) -> bool:
        return stem(word, language) in wanted or stem(word, "") in wanted

    first = _first_match(text, wanted, matches)
    window_start = max(0, first - SNIPPET_CHARS)
    window = text[window_start : first + SNIPPET_CHARS]
    found = list(WORD.finditer(window))
    if not found:
        return Snippet(((text[:200], False),), False, len(text) > 200)
    centre = next((i for i, m in enumerate(found) if m.end() > first - window_start), 0)
    low, high = max(0, centre - SNIPPET_WORDS), min(len(found), centre + SNIPPET_WORDS + 1)
    start, end = found[low].start(), found[high - 1].end()
    parts: list[tuple[str, bool]] = []
    position = start
    for match in found[low:high]:
        if not matches(match.group()):
            continue
        if match.start() > position:
            parts.append((window[position : match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    if end > position:
        parts.append((window[position:end], False))
    return Snippet(
        tuple((part if hit else _SPACES.sub(" ", part), hit) for part, hit in parts),
        cut_before=window_start + start > 0 and bool(text[: window_start + start].strip()),
        cut_after=bool(text[window_start + end :].strip()),
    )


def _first_match(text: str, wanted: set[str], matches) -> int:
    """Where the first matching word starts (0 if none). Stems are mostly beginnings of
    their words, so candidates are found by a regular expression and then checked; a
    stem that is not (English "happi" for "happy") falls back to checking every word."""
    if wanted:
        forms = sorted(wanted, key=len, reverse=True)
        pattern = "|".join(re.escape(form).replace("е", "[её]") for form in forms)
        for candidate in re.finditer(rf"(?<!\w)(?:{pattern})", text, re.IGNORECASE):
            word = WORD.match(text, candidate.start())
            if word and matches(word.group()):
                return candidate.start()
    return next((m.start() for m in WORD.finditer(text) if matches(m.group())), 0)
