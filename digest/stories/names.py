"""People, places and organisations named in an article, each with one key across scripts.

No model: a name is a run of capitalised words that is not at the start of a sentence
(or is, and is also written capitalised inside one), without the language's stop words,
month and weekday names, and words the article also writes in lower case ("The",
"Президент" at a sentence start). Runs may hold "of", "de", "al-"... between capitals
("University of North Carolina"). Words in capitals (NATO, ШОС, BID) are kept as they are.
Capitalised German nouns pass this test: names in German are noisier.

Each name gets its key (keys.name_key), its spelling in this article (the most frequent),
and a Latin spelling; a lone surname is counted with the full name it ends
("Schulman" with "Kori Schulman").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from digest.stories.calendar import MONTH_OF, WEEKDAYS
from digest.stories.keys import CONNECTORS as KEY_CONNECTORS
from digest.stories.keys import SLAVIC, TURKIC, latin, name_key, without_apostrophes
from digest.stories.places import CONJUNCTIONS, english_place, place
from digest.stories.spellings import looks_inflected, shown_spelling
from digest.stories.words import WORD
from languages.scripts import dominant_script

SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)]*\s+|\n+|[:;]\s*[«\"“„]|\s[–—-]\s")
"""Where a new sentence (or a quotation, or a clause after a dash) may start."""
CONNECTORS = KEY_CONNECTORS | {"ул", "кызы", "қызы", "улы", "ұлы", "uly", "qizi", "o'g'li",
                               "oʻgʻli"}
MAX_WORDS = 4
MIN_KEY = 2
TITLES = frozenset({
    "president", "prime", "minister", "premier", "king", "queen", "chairman", "senator",
    "governor", "mayor", "general", "ambassador", "secretary", "director", "sheikh",
    "президент", "президенті", "президенти", "министр", "министрі", "премьер", "премьер-министр",
    "глава", "посол", "мэр", "аким", "әкім", "әкімі", "губернатор", "председатель", "спикер",
    "prezident", "prezidenti", "vazir", "vaziri", "hokim", "hokimi", "rais", "raisi",
    "cumhurbaşkanı", "başbakan", "bakan", "bakanı", "büyükelçi", "vali", "başkan", "başkanı",
    "präsident", "kanzler", "bundeskanzler", "chancellor", "канцлер", "président", "ministre",
    "kazakh", "uzbek", "kyrgyz", "tajik", "turkmen", "russian", "chinese", "turkish",
    "american", "afghan", "mongolian",
})
"""Titles and nationality words written capitalised before a name ("Kazakh President
Kassym-Jomart Tokayev"): never part of the name, they split a run."""


@dataclass(frozen=True)
class Name:
    """One name of an article: its key (the same across scripts and spellings), its
    spelling in the article, a Latin spelling, and how often the article names it."""

    key: str
    text: str
    latin: str
    count: int
    spellings: tuple[str, ...] = ()
    """Every spelling the article gives it (inflected ones too)."""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.split())


@cache
def _stop_words(language: str) -> frozenset[str]:
    try:
        from summarizer.language import stop_words

        return stop_words(language)
    except Exception:  # noqa: BLE001 - a language sumy and stopwordsiso lack has none
        return frozenset()


NOUN_CAPITALS = frozenset({"de", "lb"})
"""Languages that capitalise every noun: there a capitalised word right after an article
("der Präsident", "im Vergleich") is a noun, not a name."""
_NOUN_MARKERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines", "kein", "keine", "keinen", "im", "am", "zum", "zur", "vom", "beim", "ins",
    "dieser", "diese", "dieses", "diesen", "diesem", "jede", "jeder", "jedes", "alle",
    "seine", "seiner", "seinen", "ihre", "ihrer", "ihren", "unsere", "mehr", "viele",
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf",
    "hundert", "tausend", "einige", "wenige", "mehrere", "beiden", "letzten", "ersten",
})


def _noun(previous: str) -> bool:
    return previous.lower() in _NOUN_MARKERS


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _common(word: str, lower_words: set[str], stops: frozenset[str], language: str) -> bool:
    lower = without_apostrophes(word, language).lower()
    return (lower in stops or lower in lower_words or lower in MONTH_OF or lower in WEEKDAYS
            or lower in TITLES or len(word) < 2)


def _runs(text: str, language: str):
    """(words of a run of capitalised words, whether it opens a sentence) of the text."""
    stops = _stop_words(language)
    lower_words = {w for w in WORD.findall(text) if w[0].islower()}
    starts = {0} | {m.end() for m in SENTENCE_END.finditer(text)}
    run: list[str] = []
    run_opens = False
    pending: list[str] = []  # connectors seen after a run, kept only if a capital follows
    previous_end = -1
    previous_word = ""
    nouns = language in NOUN_CAPITALS
    matches = list(WORD.finditer(text))
    for index, match in enumerate(matches):
        word = match.group()
        after, previous_word = previous_word, word
        if nouns and _capitalised(word) and not word.isupper() and (not run or not pending) and (
                _noun(after) if not run else False):
            if run:
                yield run, run_opens
            run, pending = [], []
            previous_end = match.end()
            continue
        gap = text[previous_end:match.start()] if previous_end >= 0 else ""
        previous_end = match.end()
        opens = match.start() in starts or _opens_after(text, match.start(), starts)
        broken = bool(gap) and any(c in gap for c in ".,;:!?()\"«»“”\n")
        if run and broken:
            yield run, run_opens
            run, pending = [], []
        if _capitalised(word) and (not _common(word, lower_words, stops, language)
                                   or _month_in_name(text, matches, index, lower_words,
                                                     stops, language)) or (
            _capitalised(word) and word.isupper() and len(word) >= 2 and word.lower() not in stops
            and word.lower() not in TITLES
        ):
            if not run:
                run_opens = opens
            run.extend(pending)
            pending = []
            run.append(word)
            if len(run) >= MAX_WORDS:
                yield run, run_opens
                run = []
        elif run and word.lower() in CONNECTORS and not pending:
            pending.append(word)
        else:
            if run:
                yield run, run_opens
            run, pending = [], []
    if run:
        yield run, run_opens


def _month_in_name(text: str, matches: list[re.Match[str]], index: int,
                   lower_words: set[str], stops: frozenset[str], language: str) -> bool:
    """A month's name right before another name, not after a figure or a small word, is a
    first name: Turkish "Kasım Cömert Tokayev" (Kasım is November), not "3 Kasım'da" or
    "In May Smith ..."."""
    word = matches[index].group()
    if without_apostrophes(word, language).lower() not in MONTH_OF or index + 1 >= len(matches):
        return False
    before = text[:matches[index].start()].rstrip()
    previous = matches[index - 1].group().lower() if index else ""
    following = matches[index + 1]
    return (not before[-1:].isdigit() and previous not in stops
            and not text[matches[index].end():following.start()].strip()
            and _capitalised(following.group())
            and not _common(following.group(), lower_words, stops, language))


def _opens_after(text: str, position: int, starts: set[int]) -> bool:
    """A word after opening quotes or a dash at a sentence start opens it too."""
    back = position
    while back > 0 and text[back - 1] in " \t«\"“„'(‘[–—-":
        back -= 1
    return back in starts and back != position


def extract_names(text: str, language: str, title: str = "") -> list[Name]:
    """The article's names, most mentioned first (the title counts as part of the text)."""
    mid_sentence: set[str] = set()
    found: list[tuple[list[str], bool]] = list(_runs(text, language))
    for words, opens in found:
        if not opens:
            mid_sentence.update(name_key(word, language) for word in words)
    # A title capitalises its words (or all of them): its words count as opening a
    # sentence, each a name only when the text also names it inside a sentence.
    for words, _ in _runs(title, language) if title else ():
        for word in words:
            if name_key(word, language) in mid_sentence:
                found.append(([word], False))
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    capitals = {w.lower() for w in WORD.findall(text) if w[0].isupper()}
    found = [piece for words, opens in found
             for part in _split_oblique(words, opens, language, capitals)
             for piece in _split_places(*part, language)]
    for words, opens in found:
        if opens:
            # The first word of a sentence is a name only when the article also writes it
            # capitalised inside a sentence, or when a name follows it in the run.
            words = _opening_name(words, language, mid_sentence)
        while words and words[-1].lower() in CONNECTORS:
            words = words[:-1]
        if not words:
            continue
        spelled = " ".join(without_apostrophes(word, language) for word in words)
        english = english_place(spelled, language)
        key = name_key(english or spelled, "en" if english else language)
        if len(key.replace(" ", "")) < MIN_KEY:
            continue
        counts[key] += 1
        spellings.setdefault(key, Counter())[spelled] += 1
    merged = _merge_parts(counts)
    names = []
    for key, count in merged.most_common():
        spelled = shown_spelling(spellings[key], language)
        known = place(spelled, language) or next(
            (found for raw in spellings[key] if (found := place(raw, language))), None)
        if known is not None and dominant_script(known.local) == dominant_script(spelled):
            spelled = known.local  # "Ташкент", not the "Ташкенте" the article wrote
        names.append(Name(key=key, text=spelled,
                          latin=known.english if known else latin(spelled), count=count,
                          spellings=tuple(spellings[key])))
    return names


def _opening_name(words: list[str], language: str, mid_sentence: set[str]) -> list[str]:
    """The name in a run of capitalised words that opens a sentence: its first word is
    one only when the article also writes it capitalised inside a sentence, when it is a
    known place or when it is in capitals (NATO, "NHS'nin"); what follows it inside the
    run is a name either way ("Heyet Almanya", "Yesterday John Smith")."""
    first = words[0]
    if (name_key(first, language) in mid_sentence or english_place(first, language)
            or without_apostrophes(first, language).isupper()
            or language in APOSTROPHE_NAMES and _APOSTROPHE_SUFFIX.search(first)):
        return words
    return words[1:]


APOSTROPHE_NAMES = frozenset({"tr", "az", "crh", "gag"})
"""Languages whose spelling puts an apostrophe only between a proper noun and its suffix
("Facebook'taki", "Ankara'da"): such a word is a name wherever it stands."""
_APOSTROPHE_SUFFIX = re.compile(r"\w['’]\w")


_OBLIQUE_PLACE = ("стана", "стане", "стану", "ии", "ией")
"""Russian endings of a place in an oblique case ("Казахстана", "России", "Германии")."""
_VOWEL_ENDS = "аяыиуе"


def _split_after_case(words: list[str], opens: bool) -> list[tuple[list[str], bool]]:
    """A Turkic run broken after each word with a long case ending: "Тоқаевтың Си
    Цзиньпинмен" (Tokayev's ... with Xi Jinping) is two names."""
    parts: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for index, word in enumerate(words):
        current.append(word)
        if looks_inflected(word) and index < len(words) - 1:
            parts.append((current, opens if not parts else False))
            current = []
    if current:
        parts.append((current, opens if not parts else False))
    return parts


def _split_oblique(words: list[str], opens: bool, language: str, capitals: set[str]
                   ) -> list[tuple[list[str], bool]]:
    """A Turkic run is broken after a case ending (see _split_after_case). A Russian run
    whose first word is in an oblique case and whose last is not
    ("Казахстана Касым-Жомарт Токаев", "России Владимир Путин") is two names: the place
    (or organisation) and the person."""
    if language in TURKIC and len(words) >= 2:
        return _split_after_case(words, opens)
    if language not in SLAVIC or len(words) < 2:
        return [(words, opens)]
    head, tail = words[0].lower(), words[-1].lower()
    oblique = head.endswith(_OBLIQUE_PLACE) or (
        head[-1] in _VOWEL_ENDS and head[:-1] in capitals)
    if oblique and tail[-1] not in _VOWEL_ENDS + "оь":
        return [([words[0]], opens), (words[1:], False)]
    return [(words, opens)]


def _split_places(words: list[str], opens: bool, language: str
                  ) -> list[tuple[list[str], bool]]:
    """A run holding two places or more that is not one place's name is a list of names:
    "Kazakhstan and Uzbekistan", "Ташкентте Өзбекстан" (in Tashkent, Uzbekistan's); so is
    a run ending in a place, and one of two names joined by a conjunction."""
    if len(words) < 2 or english_place(" ".join(words), language):
        return [(words, opens)]
    joined = next((i for i, word in enumerate(words) if word.lower() in CONJUNCTIONS), None)
    if joined is not None:
        return [*_split_places(words[:joined], opens, language),
                *_split_places(words[joined + 1:], False, language)]
    places = [_listed_place(word, language) for word in words]
    if sum(places) == 1 and places[-1] and words[-2].lower() not in CONNECTORS:
        # "Қасым-Жомарт Тоқаев Өзбекстан ..." (Tokayev, Uzbekistan's president ...); a
        # place inside a name comes first or after a connector ("Bank of China").
        return [(words[:-1], opens), ([words[-1]], False)]
    if sum(places) < 2:
        return [(words, opens)]
    parts: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for index, (word, is_place) in enumerate(zip(words, places, strict=True)):
        if is_place or word.lower() in CONNECTORS:
            if current:
                parts.append((current, opens and index == len(current)))
            current = []
            if is_place:
                parts.append(([word], opens and index == 0))
        else:
            current.append(word)
    if current:
        parts.append((current, opens and len(current) == len(words)))
    return parts


def _listed_place(word: str, language: str) -> bool:
    """A country, continent or capital: a town of GeoNames may be a surname ("Kirov")."""
    found = place(word, language)
    return found is not None and found.listed


def _merge_parts(counts: Counter[str]) -> Counter[str]:
    """A one-word name that ends (or starts) a longer name of the article counts for it."""
    longer = [key for key in counts if " " in key]
    merged: Counter[str] = Counter()
    for key, count in counts.items():
        if " " not in key:
            owner = next((full for full in longer if key in (full.split()[-1],
                                                              full.split()[0])), None)
            if owner is not None:
                merged[owner] += count
                continue
        merged[key] += count
    return merged
