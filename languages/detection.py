"""The project's one language-detection function.

langdetect (seeded, so the same text always gets the same answer) judges the
languages it knows. It does not know the regional languages our readers meet
(Kazakh, Kyrgyz, Uzbek, Tajik, Mongolian, Azerbaijani, Belarusian) and calls
Kazakh or Mongolian Russian and Azerbaijani Turkish, often confidently. So the
letters decide first (languages.alphabets): letters only those languages use
send the text to lingua (restricted to the few languages in question) or, for
the languages lingua does not know (Kyrgyz, Uzbek, Tajik), to an alphabet rule;
letters a language lacks rule langdetect's answer out. Anything too short,
without letters or not confident enough is "und", never an exception.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from languages import alphabets
from languages.codes import UNDETERMINED
from languages.detectors import (
    LINGUA_CYRILLIC,
    LINGUA_LATIN,
    langdetect_candidates,
    lingua_candidates,
    preload,
)
from languages.names import language_name

__all__ = [
    "ArticleLanguage",
    "Detection",
    "ParagraphLanguage",
    "detect_article_language",
    "detect_language",
    "preload",
]

# Below this many letters a text is "too short to judge" (a CJK character counts 3).
MIN_LETTERS = 10
# langdetect and lingua answers below this probability are "und".
MIN_PROBABILITY = 0.90
# Confidence reported for a language identified by its alphabet alone.
ALPHABET_RULE_PROBABILITY = 0.90
# A paragraph makes an article "mixed" only if it is this long and this confident.
MIXED_MIN_LETTERS = 60
MIXED_MIN_PROBABILITY = 0.90
ALTERNATIVES = 3
# Only the start of a long text is read (langdetect itself stops at 10,000): enough to
# be sure, and a 100 KB article costs no more than a 20 KB one.
MAX_CHARS = 20_000
# An article's paragraphs are detected one by one only up to these bounds (200,000
# short paragraphs took 24 minutes): the longest paragraphs are detected (they are the
# ones that can make an article "mixed"), the others take the article's main language.
MAX_DETECTED_PARAGRAPHS = 64
MAX_DETECTED_CHARS = 120_000

Candidates = Sequence[tuple[str, float]]


@dataclass(frozen=True)
class Detection:
    """A language guess: code ("und" when undetermined), English name, probability
    and the runner-up (code, probability) pairs, best first."""

    code: str
    name: str
    probability: float
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def determined(self) -> bool:
        return self.code != UNDETERMINED


@dataclass(frozen=True)
class ParagraphLanguage:
    """The detected language of one paragraph (index into the article's paragraphs)."""

    index: int
    detection: Detection


@dataclass(frozen=True)
class ArticleLanguage:
    """The main language of an article, every paragraph's language, and whether some
    long paragraph is confidently in another language (a quoted statement).

    `shares` gives each language's share of the words of the paragraphs whose language
    is known, largest first: (("ru", 0.62), ("en", 0.38)).
    """

    main: Detection
    paragraphs: tuple[ParagraphLanguage, ...]
    mixed: bool
    shares: tuple[tuple[str, float], ...] = ()

    def paragraph_codes(self, main: str | None = None) -> tuple[str, ...]:
        """Each paragraph's language for segmenting, summarizing and translating it:
        its own where it is confidently another language than the detected main
        one (a quotation), else `main`: the reader's override replaces the detected
        main language, never a quotation's."""
        main = main or self.main.code
        return tuple(
            p.detection.code if _is_foreign(p.detection, self.main) else main
            for p in self.paragraphs
        )

    @property
    def shares_label(self) -> str:
        """"Russian 62 %, English 38 %" (a no-break space before "%"; empty for one language)."""
        if len(self.shares) < 2:
            return ""
        return ", ".join(
            f"{language_name(code)} {round(share * 100)}\u00a0%" for code, share in self.shares
        )

    @property
    def foreign(self) -> tuple[ParagraphLanguage, ...]:
        """The paragraphs that make the article mixed."""
        if not self.mixed:
            return ()
        return tuple(p for p in self.paragraphs if _is_foreign(p.detection, self.main))


def _rounded(candidates: Candidates) -> list[tuple[str, float]]:
    """Probabilities to 6 places: lingua's last digits vary between threads."""
    return [(code, round(probability, 6)) for code, probability in candidates]


def _undetermined(candidates: Candidates = ()) -> Detection:
    guesses = tuple(_rounded(candidates[:ALTERNATIVES]))
    return Detection(UNDETERMINED, language_name(UNDETERMINED), 0.0, guesses)


def _detection(candidates: Candidates) -> Detection:
    """The best candidate if it is confident enough, else "und" (keeping the guesses)."""
    candidates = _rounded(candidates)
    if not candidates or candidates[0][1] < MIN_PROBABILITY:
        return _undetermined(candidates)
    code, probability = candidates[0]
    return Detection(code, language_name(code), probability, tuple(candidates[1:1 + ALTERNATIVES]))


def _rule(code: str) -> Detection:
    return Detection(code, language_name(code), ALPHABET_RULE_PROBABILITY, ())


def _langdetect(text: str, letters: int) -> Detection:
    """langdetect's answer among the languages the letters allow."""
    return _detection([
        item for item in langdetect_candidates(text)
        if alphabets.possible_in_alphabet(item[0], text, letters)
    ])


def _plain_cyrillic(text: str, cyrillic: int) -> Detection:
    """Russian-alphabet text: langdetect, with lingua's second opinion: Mongolian needs
    no letter of its own; a Kazakh or Kyrgyz sentence that uses none is "und"."""
    ours = _langdetect(text, cyrillic)
    if ours.code in ("ru", "bg", "mk", "sr") and not set(text) & alphabets.UKRAINIAN_BELARUSIAN:
        heard = lingua_candidates(text, LINGUA_CYRILLIC)
        if heard and heard[0][0] in ("kk", "mn") and heard[0][1] >= MIN_PROBABILITY:
            if heard[0][0] == "mn" and alphabets.fits_alphabet("mn", text, cyrillic):
                return _detection(heard)
            return _undetermined([heard[0], (ours.code, ours.probability)])
    return ours


def _cyrillic(text: str, cyrillic: int) -> Detection:
    if not alphabets.has_regional_cyrillic(text, cyrillic):
        return _plain_cyrillic(text, cyrillic)
    ruled = alphabets.regional_cyrillic_rule(text)
    if ruled:
        return _rule(ruled)
    candidates = [
        item for item in lingua_candidates(text, LINGUA_CYRILLIC)
        if alphabets.fits_alphabet(item[0], text, cyrillic)
    ]
    if candidates and candidates[0][0] not in ("kk", "mn", "be"):
        # lingua thinks it is a language langdetect knows: let langdetect judge,
        # but only if both agree (regional letters make a mistake likely).
        ours = langdetect_candidates(text)
        if ours and ours[0][0] == candidates[0][0]:
            return _detection(ours)
        return _undetermined(candidates)
    return _detection(candidates)


def _chinese_japanese_korean(text: str) -> Detection:
    """langdetect often calls Chinese Korean; without Hangul it cannot be Korean,
    without kana it cannot be Japanese."""
    excluded = set()
    if not alphabets.has_hangul(text):
        excluded.add("ko")
    if not alphabets.has_kana(text):
        excluded.add("ja")
    kept = [item for item in langdetect_candidates(text) if item[0] not in excluded]
    total = sum(probability for _, probability in kept)
    if not kept or total <= 0:
        return _undetermined()
    return _detection([(code, probability / total) for code, probability in kept])


def detect_language(text: str) -> Detection:
    """The language of a text, "und" when there is too little to judge or doubt."""
    if not text:
        return _undetermined()
    if len(text) > MAX_CHARS:
        cut = text.rfind(" ", 0, MAX_CHARS)
        text = text[:cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    letters = alphabets.count_letters(text)
    if letters.weighted < MIN_LETTERS:
        return _undetermined()
    if letters.cyrillic * 2 >= letters.weighted:
        return _cyrillic(text, letters.cyrillic)
    if letters.latin * 2 >= letters.weighted:
        if alphabets.has_azerbaijani_schwa(text, letters.latin):
            return _detection(lingua_candidates(text, LINGUA_LATIN))
        if alphabets.is_uzbek_latin(text):
            return _rule("uz")
    if letters.cjk:
        return _chinese_japanese_korean(text)
    return _langdetect(text, letters.weighted)


def _is_foreign(detection: Detection, main: Detection) -> bool:
    return (
        detection.determined
        and detection.code != main.code
        and detection.probability >= MIXED_MIN_PROBABILITY
    )


def _agreed(each: Sequence[Detection], letters: Sequence[int]) -> Detection | None:
    """The surest paragraph's detection when every paragraph long enough to judge is
    confidently in one language: the whole text would say the same, so it is not
    detected again (that was a third of an article's detection time)."""
    judged = [
        detection for detection, count in zip(each, letters, strict=True) if count >= MIN_LETTERS
    ]
    if judged and all(d.determined and d.code == judged[0].code for d in judged):
        return max(judged, key=lambda detection: detection.probability)
    return None


def _majority(each: Sequence[Detection], weights: Sequence[int]) -> Detection | None:
    """The surest paragraph of the language that holds more than half of the article's
    words (or letters): the weights are each paragraph's.

    A Russian report quoting English paragraphs is Russian when most of its words
    are Russian, whatever a detector makes of the whole text, which a long quotation
    can leave undetermined.
    """
    shares: dict[str, int] = {}
    for detection, count in zip(each, weights, strict=True):
        if detection.determined:
            shares[detection.code] = shares.get(detection.code, 0) + count
    if not shares:
        return None
    code, count = max(shares.items(), key=lambda item: item[1])
    if count * 2 <= sum(weights):
        return None
    return max((d for d in each if d.code == code), key=lambda detection: detection.probability)


_WORD = re.compile(r"[^\W\d_]+")


def _word_count(text: str) -> int:
    """Words in a paragraph; past MAX_CHARS estimated from its start, like _letters."""
    if len(text) <= MAX_CHARS:
        return sum(1 for _ in _WORD.finditer(text))
    counted = sum(1 for _ in _WORD.finditer(text[:MAX_CHARS]))
    return counted * len(text) // MAX_CHARS


def _shares(
    found: Sequence[ParagraphLanguage], words: Sequence[int]
) -> tuple[tuple[str, float], ...]:
    totals: dict[str, int] = {}
    for paragraph, count in zip(found, words, strict=True):
        if paragraph.detection.determined and count:
            code = paragraph.detection.code
            totals[code] = totals.get(code, 0) + count
    whole = sum(totals.values())
    if not whole:
        return ()
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return tuple((code, round(count / whole, 4)) for code, count in ranked)


def _paragraphs_to_detect(paragraphs: Sequence[str]) -> list[int]:
    """Indexes (in text order) of the paragraphs detected one by one: all of them in
    an ordinary article; in a huge one the longest (ties: the earlier) until
    MAX_DETECTED_PARAGRAPHS or MAX_DETECTED_CHARS, so time stays bounded."""
    if len(paragraphs) <= MAX_DETECTED_PARAGRAPHS and (
        sum(min(len(p), MAX_CHARS) for p in paragraphs) <= MAX_DETECTED_CHARS
    ):
        return list(range(len(paragraphs)))
    by_length = sorted(range(len(paragraphs)), key=lambda index: -len(paragraphs[index]))
    chosen, budget = [], MAX_DETECTED_CHARS
    for index in by_length[:MAX_DETECTED_PARAGRAPHS]:
        cost = min(len(paragraphs[index]), MAX_CHARS)
        if chosen and cost > budget:
            break
        chosen.append(index)
        budget -= cost
    return sorted(chosen)


def _letters(paragraph: str) -> int:
    """The paragraph's weighted letter count; past MAX_CHARS estimated from its start
    (counting 25 MB letter by letter takes 9 s)."""
    if len(paragraph) <= MAX_CHARS:
        return alphabets.count_letters(paragraph).weighted
    counted = alphabets.count_letters(paragraph[:MAX_CHARS]).weighted
    return counted * len(paragraph) // MAX_CHARS


def _start(paragraphs: Sequence[str]) -> str:
    """The paragraphs joined, only as far as detect_language reads (MAX_CHARS)."""
    kept, size = [], 0
    for paragraph in paragraphs:
        kept.append(paragraph)
        size += len(paragraph) + 2
        if size > MAX_CHARS:
            break
    return "\n\n".join(kept)


def detect_article_language(paragraphs: Sequence[str]) -> ArticleLanguage:
    """The article's main language, each paragraph's, and whether it mixes languages.

    The main language is the one most of the words are in. Only long, confidently
    detected paragraphs count as another language: a paragraph of a few words (a
    name, a dateline) is too short to judge. In a huge article only some paragraphs
    are detected (_paragraphs_to_detect); the others are given the main language.
    """
    chosen = _paragraphs_to_detect(paragraphs)
    each = [detect_language(paragraphs[index]) for index in chosen]
    letters = [_letters(paragraphs[index]) for index in chosen]
    words = [_word_count(paragraph) for paragraph in paragraphs]
    if len(paragraphs) == 1:
        main = each[0]
    else:
        main = (
            _agreed(each, letters)
            or _majority(each, [words[index] for index in chosen])
            or detect_language(_start(paragraphs))
        )
        if not main.determined:
            main = _majority(each, letters) or main
    detected = dict(zip(chosen, zip(each, letters, strict=True), strict=True))
    found = []
    for index in range(len(paragraphs)):
        if index not in detected:
            found.append(ParagraphLanguage(index, main))
            continue
        detection, count = detected[index]
        if detection.determined and detection.code != main.code and count < MIXED_MIN_LETTERS:
            detection = _undetermined(((detection.code, detection.probability),))
        found.append(ParagraphLanguage(index, detection))
    mixed = main.determined and any(_is_foreign(p.detection, main) for p in found)
    return ArticleLanguage(main, tuple(found), mixed, _shares(found, words) if mixed else ())


def detect_text_language(text: str) -> ArticleLanguage:
    """The language of a decoded article's text, judged as everywhere in the project:
    the body's paragraphs (the title is too short to count), as the dashboard shows them."""
    from articles.building import article_paragraphs

    return detect_article_language(article_paragraphs(text))
