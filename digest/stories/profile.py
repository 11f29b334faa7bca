"""What an article brings to story grouping: its names, key phrases and features.

A feature is a short string whose prefix says its kind; the kinds are what survives
across languages without a translation model (names, figures, dates, cognates), plus
the article's own stemmed words (which meet articles in the same language) and, when
the article was translated, the translation's stemmed words (which meet articles
written in, or translated into, that language).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from articles.metadata import dateline, dateline_end
from digest.stories.facts import dates, numbers
from digest.stories.keys import name_key, word_key
from digest.stories.keywords import keywords
from digest.stories.names import WORD, Name, _stop_words, extract_names
from digest.stories.words import cognate, stem

NAME, FULL_NAME, NUMBER, YEAR, DATE, COGNATE, WORD_ = "n:", "N:", "#:", "y:", "@:", "c:", "w:"
KINDS = (NAME, FULL_NAME, NUMBER, YEAR, DATE, COGNATE, WORD_)
"""Feature kinds. A translated word is a WORD_ of the target language: it meets the
articles written in that language and the others translated into it."""
GENITIVE_S = frozenset({"de", "nl", "sv", "da", "nb", "no"})
"""Languages that write a name's genitive with a bare -s ("Clintons Beziehungen",
"Putins Rede"): such a word also counts as the name without it."""
MAX_TEXT = 20_000
"""Characters of an article read for its features: a news story tells its event early,
and a 25 MB upload must not cost seconds here."""


@dataclass(frozen=True)
class Profile:
    """One article for story grouping: names (most mentioned first), key phrases, and
    the features it is matched on."""

    names: tuple[Name, ...] = ()
    keywords: tuple[str, ...] = ()
    features: frozenset[str] = field(default_factory=frozenset)

    @property
    def name_keys(self) -> tuple[str, ...]:
        return tuple(name.key for name in self.names)


def _without_outlet(names: list[Name], local: tuple[str, ...], language: str) -> list[Name]:
    """The names other than the outlet's ("Kazinform", "AKIpress", "Reuters") and the
    dateline's city (`local`): the whole name only, so that "Bishkek" stays a name of an
    article of "Vecherniy Bishkek"."""
    own = {name_key(text, code) for text in local if text.strip() for code in (language, "en")}
    return [name for name in names if name.key not in own] if own else names


def _genitive_keys(names: list[Name], language: str) -> set[str]:
    """The keys of the names' words ending in -s, without it ("Clintons" -> Clinton's key;
    "Davis" also gives "Davi"'s, a key no other article's name is likely to have)."""
    keys = set()
    for name in names:
        for form in name.spellings:
            for word in form.split():
                if len(word) > 4 and word.endswith("s") and not word.isupper():
                    key = word_key(word[:-1], language)
                    if len(key) >= 3:
                        keys.add(key)
    return keys


def _is_year(value: str) -> bool:
    return value.isdigit() and 1900 <= int(value) <= 2100


def profile(
    text: str,
    language: str,
    title: str = "",
    translation: str = "",
    target: str = "",
    keyword_count: int = 5,
    outlet: str = "",
) -> Profile:
    """The profile of one article (`translation`: its summary or text in `target`;
    `outlet`: who published it, when known).

    Its dateline ("ALMATY, March 3 (Reuters) –") is left out and so is its outlet's
    name: every report of that outlet, city and day shares them, whatever it tells."""
    text = text[:MAX_TEXT]
    head = dateline(text)
    text = text[dateline_end(text):]
    whole = f"{title}\n\n{text}" if title else text
    local = (outlet, head.outlet, head.place)
    names = _without_outlet(extract_names(text, language, title), local, language)
    features: set[str] = set()
    name_words: set[str] = set()
    for name in names:
        words = name.key.split()
        if len(words) > 1:
            features.add(FULL_NAME + name.key)
        for word in words:
            for part in word.split("-"):
                if len(part) >= 2:
                    features.add(NAME + part)
    if language in GENITIVE_S:
        features.update(NAME + key for key in _genitive_keys(names, language))
    for name in names:
        name_words.update(word.lower() for word in name.text.split())
        name_words.update(word.lower() for form in name.spellings for word in form.split())
    # an outlet of one word ("Kazinform") is not a word of the article's either
    name_words.update(text.lower() for text in local if WORD.fullmatch(text or "-"))
    for value in numbers(whole):
        features.add((YEAR if _is_year(value) else NUMBER) + value)
    features.update(DATE + value for value in dates(whole))
    stops = _stop_words(language)
    for word in WORD.findall(whole):
        lower = word.lower()
        if lower in stops or len(word) < 3 or lower in name_words:
            continue
        features.add(f"{WORD_}{language}:{stem(word, language)}")
        shape = cognate(word, language)
        if shape:
            features.add(COGNATE + shape)
    if translation and target:
        target_stops = _stop_words(target)
        for word in WORD.findall(translation[:MAX_TEXT]):
            if word.lower() not in target_stops and len(word) >= 3:
                features.add(f"{WORD_}{target}:{stem(word, target)}")
    return Profile(
        names=tuple(names),
        keywords=tuple(keywords(whole, language, keyword_count)),
        features=frozenset(features),
    )
