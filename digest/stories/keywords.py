"""Key phrases of an article, in its own language: runs of up to three content words
(no stop words, numbers or punctuation inside), scored by how often the article uses
their words and how rare those words are in the library (TF-IDF; without a library, by
frequency and length alone). A phrase is shown as the article spells it most often."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

from digest.stories.names import WORD, _stop_words
from digest.stories.words import stem

BREAK = re.compile(r"[.!?…;:,()\[\]«»\"“”„—–\n]")
MAX_WORDS = 3
MIN_LETTERS = 3


def _runs(text: str, language: str):
    stops = _stop_words(language)
    for piece in BREAK.split(text):
        run: list[str] = []
        for word in WORD.findall(piece):
            if word.lower() in stops or len(word) < MIN_LETTERS:
                if run:
                    yield run
                run = []
                continue
            run.append(word)
            if len(run) == MAX_WORDS:
                yield run
                run = []
        if run:
            yield run


def keywords(
    text: str,
    language: str,
    count: int = 5,
    rarity: Callable[[str], float] | None = None,
) -> list[str]:
    """The article's `count` best key phrases. `rarity(stem)` is the word's inverse
    document frequency in the library (None: every word equally rare)."""
    runs = list(_runs(text, language))
    frequency: Counter[str] = Counter()
    for run in runs:
        frequency.update(stem(word, language) for word in run)

    def score(word: str) -> float:
        key = stem(word, language)
        weight = rarity(key) if rarity else 1.0
        return (1 + math.log(frequency[key])) * weight

    phrases: dict[tuple[str, ...], float] = {}
    spelled: dict[tuple[str, ...], Counter[str]] = {}
    for run in runs:
        for size in range(1, len(run) + 1):
            for start in range(len(run) - size + 1):
                words = run[start:start + size]
                key = tuple(stem(word, language) for word in words)
                value = sum(score(word) for word in words) / (size ** 0.5)
                if size > 1 and frequency_of(key, runs, language) < 2:
                    continue  # a phrase is a phrase when the article repeats it
                phrases[key] = max(phrases.get(key, 0.0), value)
                spelled.setdefault(key, Counter())[" ".join(words)] += 1
    chosen: list[str] = []
    taken: set[str] = set()
    for key, _ in sorted(phrases.items(), key=lambda item: (-item[1], item[0])):
        if taken & set(key):
            continue
        chosen.append(_display(spelled[key].most_common(1)[0][0]))
        taken.update(key)
        if len(chosen) == count:
            break
    return chosen


def frequency_of(key: tuple[str, ...], runs: list[list[str]], language: str) -> int:
    size = len(key)
    total = 0
    for run in runs:
        stems = [stem(word, language) for word in run]
        total += sum(tuple(stems[i:i + size]) == key for i in range(len(stems) - size + 1))
    return total


def _display(phrase: str) -> str:
    """Lower case unless the phrase is a name or an acronym."""
    words = phrase.split()
    if all(word[0].isupper() for word in words):
        return phrase
    return phrase.lower() if not any(word.isupper() and len(word) > 1 for word in words) else phrase
