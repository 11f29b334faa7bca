"""Every translated sentence checked for the ways small offline models go silently wrong.

- left untranslated or copied: the output is the source, or holds most of its words;
- wrong output script (Latin where Cyrillic is due) or, where the text is long enough to
  tell, a language detected with confidence that is not the target;
- a token or phrase repeated in a loop ("the the the", "ссссссс");
- a length far from the source's, measured against what the two scripts make usual;
- a glossary term whose rendering is missing.

The checks read the text only (no model), so they cost a small share of a translation.
Each finding is a Flag with a reason a reader understands; `SentenceCheck.weight` ranks two
translations of one sentence when a flagged one is retried on another route.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from languages.codes import normalize_code
from languages.flores import default_script
from languages.names import language_name
from languages.scripts import script_counts, script_name
from translator.glossary import Glossary, Match, missing_terms

COPIED, LANGUAGE, SCRIPT, LOOP, LENGTH, GLOSSARY, EMPTY = (
    "copied", "language", "script", "loop", "length", "glossary", "empty",
)
WEIGHTS = {EMPTY: 4, COPIED: 3, SCRIPT: 3, LANGUAGE: 3, LOOP: 3, GLOSSARY: 2, LENGTH: 1}
"""How bad each finding is, to keep the better of two translations."""

COPIED_SHARE = 0.7
"""Share of the source's longer words found again in the output that makes it a copy."""
COPIED_MIN_WORDS = 3
COPIED_MIN_COMMON = 2
"""Lower-case words (not names) a copy must repeat."""
LANGUAGE_MIN_LETTERS = 60
"""Letters below which a sentence's language is not judged (detection needs text)."""
LANGUAGE_MIN_PROBABILITY = 0.95
LENGTH_TOLERANCE = 3.0
"""A translation this many times longer or shorter than usual for the pair is flagged."""
LENGTH_SLACK = 20
"""Characters of difference always allowed: short lines vary most."""
LOOP_REPEATS = 4
"""A phrase said this many times in a row is a loop; a letter needs LETTER_REPEATS."""
LETTER_REPEATS = 6

# Characters per unit of meaning, relative to alphabets: an ideographic line is much
# shorter than its English translation.
_DENSITY = {"Hani": 0.3, "Hira": 0.4, "Kana": 0.4, "Hang": 0.45, "Thai": 0.9}
# Languages written in more than one script: any of them is right.
_SCRIPTS = {"uz": {"Latn", "Cyrl"}, "kk": {"Cyrl", "Latn"}, "sr": {"Cyrl", "Latn"},
            "az": {"Latn", "Cyrl"}, "tk": {"Latn", "Cyrl"}, "ja": {"Hani", "Hira", "Kana"},
            "ko": {"Hang", "Hani"}, "zh": {"Hani"}, "zt": {"Hani"}, "mn": {"Cyrl", "Mong"},
            "ug": {"Arab", "Cyrl", "Latn"}, "tt": {"Cyrl", "Latn"}}  # fmt: skip
_DENSE = re.compile(r"[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Characters of the scripts in _DENSITY: any other text counts one character a unit."""
_WORD = re.compile(r"[^\W\d_]{4,}")
_LETTERS = re.compile(r"[^\W\d_]")
_PHRASE_LOOP = re.compile(r"(\S.{1,40}?)(?:\s*\1){" + str(LOOP_REPEATS - 1) + ",}", re.S)
_LETTER_LOOP = re.compile(r"([^\W\d_])\1{" + str(LETTER_REPEATS - 1) + ",}")


@dataclass(frozen=True)
class Flag:
    """One finding: its kind (COPIED, LANGUAGE...) and the reason, for the reader."""

    kind: str
    reason: str


@dataclass(frozen=True)
class SentenceCheck:
    """What the checks found in one translated sentence (no flags: it looks right)."""

    flags: tuple[Flag, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.flags

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(flag.kind for flag in self.flags)

    @property
    def reasons(self) -> str:
        return " ".join(flag.reason for flag in self.flags)

    @property
    def weight(self) -> int:
        return sum(WEIGHTS.get(flag.kind, 1) for flag in self.flags)


def check_translation(
    source_text: str, translation: str, source: str, target: str,
    glossary: Glossary | None = None,
) -> SentenceCheck:
    """The flags of one sentence's translation from `source` into `target` (codes; "uz-Cyrl"
    counts as "uz"); `glossary`, the pair's terms, whose renderings must be there."""
    source, target = _code(source), _code(target)
    if not _LETTERS.search(source_text) or source == target:
        return SentenceCheck()
    if not translation.strip():
        return SentenceCheck((Flag(EMPTY, "The translation is empty."),))
    flags: list[Flag] = []
    counts = script_counts(translation)
    matches = glossary.find(source_text) if glossary else []
    for finding in (
        _copied(source_text, translation, target, matches),
        _script(counts, target) or _language(translation, counts, target),
        _loop(source_text, translation),
        _length(source_text, translation, source, target, counts),
    ):
        if finding is not None:
            flags.append(finding)
    if matches:
        for term in missing_terms(translation, matches):
            flags.append(Flag(GLOSSARY, f"The glossary term “{term.term}” should read "
                                        f"“{term.rendering}”."))
    return SentenceCheck(tuple(flags))


def check_sentences(
    sources: Sequence[str], translations: Sequence[str], source: str, target: str,
    glossary: Glossary | None = None,
) -> list[SentenceCheck]:
    """check_translation for each sentence and its translation, in order."""
    terms = glossary.for_pair(source, target) if glossary else None
    return [check_translation(text, translated, source, target, terms)
            for text, translated in zip(sources, translations, strict=True)]


_code = lru_cache(maxsize=256)(normalize_code)


def _copied(source_text: str, translation: str, target: str,
            matches: Sequence[Match]) -> Flag | None:
    similar = abs(len(source_text) - len(translation)) <= len(source_text) // 4 + 2
    if similar and _folded(source_text) == _folded(translation) and \
            len(_WORD.findall(source_text)) >= 2:
        return Flag(COPIED, f"Left untranslated: the output is the source, not "
                            f"{language_name(target)}.")
    kept = set()
    for match in matches:
        kept |= {word.casefold() for word in _WORD.findall(match.term.rendering)}
    words = [w for w in _WORD.findall(source_text) if w.casefold() not in kept]
    if len(words) < COPIED_MIN_WORDS:
        return None
    output = {word.casefold() for word in _WORD.findall(translation)}
    copied = [word for word in words if word.casefold() in output]
    share = len(copied) / len(words)
    # Names are rightly written alike in many languages: a copy repeats common words too.
    if share >= COPIED_SHARE and sum(word.islower() for word in copied) >= COPIED_MIN_COMMON:
        return Flag(COPIED, f"Mostly copied: {share:.0%} of the source's words are in the "
                            "output unchanged.")
    return None


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _expected_scripts(target: str) -> set[str]:
    return _SCRIPTS.get(target) or ({default_script(target)} - {""})


def _script(counts: dict[str, int], target: str) -> Flag | None:
    expected = _expected_scripts(target)
    letters = sum(counts.values())
    if not expected or letters < 3:
        return None
    right = sum(counts.get(script, 0) for script in expected)
    if right * 2 >= letters:
        return None
    found = max(counts, key=counts.get)
    return Flag(SCRIPT, f"Written in {script_name(found)}; {language_name(target)} is written "
                        f"in {' or '.join(sorted(script_name(s) for s in expected))}.")


def _language(translation: str, counts: dict[str, int], target: str) -> Flag | None:
    if sum(counts.values()) < LANGUAGE_MIN_LETTERS:
        return None
    from languages.detection import detect_language  # the detectors load on first use

    found = detect_language(translation)
    if not found.determined or found.code == target or found.probability < LANGUAGE_MIN_PROBABILITY:
        return None
    return Flag(LANGUAGE, f"Reads as {found.name}, not {language_name(target)}.")


def _loop(source_text: str, translation: str) -> Flag | None:
    for pattern in (_LETTER_LOOP, _PHRASE_LOOP):
        found = pattern.search(translation.casefold())
        if found and _LETTERS.search(found.group(1)) and not pattern.search(
                source_text.casefold()):
            unit = found.group(1).strip()
            return Flag(LOOP, f"“{unit[:20]}” is repeated in a loop.")
    return None


def _source_density(text: str) -> float:
    return _density(script_counts(text)) if _DENSE.search(text) else 1.0


def _density(counts: dict[str, int]) -> float:
    letters = sum(counts.values())
    if not letters:
        return 1.0
    return sum(_DENSITY.get(script, 1.0) * n for script, n in counts.items()) / letters


def _length(source_text: str, translation: str, source: str, target: str,
            counts: dict[str, int]) -> Flag | None:
    expected = _density(counts) / _source_density(source_text)
    have, had = len(translation.strip()), len(source_text.strip())
    if abs(have - had * expected) <= LENGTH_SLACK:
        return None
    ratio = have / max(had * expected, 1)
    if 1 / LENGTH_TOLERANCE <= ratio <= LENGTH_TOLERANCE:
        return None
    how = "longer" if ratio > 1 else "shorter"
    return Flag(LENGTH, f"{max(ratio, 1 / ratio):.1f} times {how} than a "
                        f"{language_name(source)} sentence's translation usually is.")
