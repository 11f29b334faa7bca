"""What the reader chose: summary and translation settings as small immutable values.

The dashboard's sidebar, the CLIs and the batch runner all build these, so one job
(digest.job) serves them all.
"""
from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.length import DEFAULT_SENTENCES
from translator.glossary import Glossary


def count(number: int, noun: str) -> str:
    """"1 sentence", "5 sentences": labels read as written English."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


@dataclass(frozen=True)
class SummarySettings:
    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = DEFAULT_SENTENCES
    ratio: float | None = None
    words: int | None = None
    """A length in words (summarize(..., words=N)); takes precedence over the others."""

    @property
    def length_label(self) -> str:
        if self.words is not None:
            return f"about {count(self.words, 'word')}"
        if self.ratio is not None:
            return f"{round(self.ratio * 100)} % of the words"
        return count(self.sentences or DEFAULT_SENTENCES, "sentence")

    @property
    def algorithm_label(self) -> str:
        return ALGORITHMS.get(self.algorithm, self.algorithm)


@dataclass(frozen=True)
class TranslationSettings:
    target: str | None = None
    whole_article: bool = False
    prefer_model: frozenset[tuple[str, str]] = frozenset()
    """Pairs (source, target) the reader wants translated by the multilingual model even
    where a language pack exists."""
    glossary: Glossary = Glossary()
    """Terms kept exactly through translation (translator.glossary); the library keeps the
    reader's (digest.library.glossary)."""


DEFAULT_PERCENT = 20
DEFAULT_WORDS = 100
SENTENCES_RANGE = (1, 50)
PERCENT_RANGE = (5, 80)
WORDS_RANGE = (20, 2000)
LENGTH_UNITS = ("sentences", "percent", "words")
PROFILE_VARIABLE = "NEWS_DIGEST_PROFILE"


def reader_profile() -> str:
    """Whose settings these are: $NEWS_DIGEST_PROFILE, else the computer's user name.

    Two readers sharing one computer (and one library) keep their own settings.
    """
    configured = os.environ.get(PROFILE_VARIABLE, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser() or "default"
    except (OSError, KeyError, ImportError):  # no user name in the environment or in passwd
        return "default"


@dataclass(frozen=True)
class Preferences:
    """The settings a reader keeps from one day to the next (the library stores them).

    Read leniently: a value that is missing, of the wrong type or out of range (an older
    version's, a hand-edited one) falls back to its default alone; the others are kept.
    """

    algorithm: str = DEFAULT_ALGORITHM
    length_unit: str = "sentences"
    sentences: int = DEFAULT_SENTENCES
    percent: int = DEFAULT_PERCENT
    words: int = DEFAULT_WORDS
    target: str | None = None
    """A language code; None for no translation."""
    whole_article: bool = False

    @classmethod
    def from_values(cls, values: Mapping[str, object] | None) -> Preferences:
        values = values if isinstance(values, Mapping) else {}
        default = cls()

        def number(key: str, bounds: tuple[int, int]) -> int:
            value = values.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                if bounds[0] <= value <= bounds[1]:
                    return value
            return getattr(default, key)

        algorithm = values.get("algorithm")
        unit = values.get("length_unit")
        target = values.get("target")
        whole = values.get("whole_article")
        return cls(
            algorithm=algorithm if algorithm in ALGORITHMS else default.algorithm,
            length_unit=unit if unit in LENGTH_UNITS else default.length_unit,
            sentences=number("sentences", SENTENCES_RANGE),
            percent=number("percent", PERCENT_RANGE),
            words=number("words", WORDS_RANGE),
            target=target if isinstance(target, str) and 0 < len(target) <= 16 else None,
            whole_article=whole if isinstance(whole, bool) else default.whole_article,
        )

    def values(self) -> dict[str, object]:
        """JSON-ready, for Library.save_preferences."""
        return asdict(self)
