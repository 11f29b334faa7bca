"""The project's one language-detection function.

Two detectors trained on different text judge every text: py3langid (139 languages,
every language of the region among them) and CLD2 (languages.detectors). A language is
named when both name it, or when py3langid alone is near-certain and CLD2 has no opinion
(a short text). Anything else is "und" with the candidates both proposed: a language
neither knows (Chuvash, Yakut), or a text of two neighbours they cannot tell apart, is
never given a neighbour's name. A language the project does not name (KNOWN) is "und"
too. Too short, or without letters: "und", never an exception.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from languages import alphabets
from languages.codes import UNDETERMINED
from languages.detectors import cld2_opinion, langid_candidates, preload
from languages.names import LANGUAGE_NAMES, language_name
from languages.scripts import dominant_script

__all__ = [
    "ArticleLanguage",
    "Detection",
    "KNOWN",
    "ParagraphLanguage",
    "detect_article_language",
    "detect_language",
    "preload",
]

KNOWN: frozenset[str] = frozenset(LANGUAGE_NAMES) - {UNDETERMINED, "zt"}
"""The languages detection names: everything else is "und" with its candidates."""

# Below this many letters a text is "too short to judge" (a CJK character counts 3).
MIN_LETTERS = 10
# A language is named when py3langid gives it this probability and CLD2 names it too,
# or this one when CLD2 says nothing (a short text)...
MIN_AGREED = 0.5
MIN_ALONE = 0.99
# CLD2 says nothing about a short text; about a longer one, only when it does not know
# the language (Yakut, Chuvash): then py3langid's nearest neighbour is not believed.
MAX_ALONE_LETTERS = 60
# ...or CLD2's reliable answer is py3langid's runner-up with at least this probability
# (Kyrgyz and Tatar, Uzbek and Turkish share most short words).
MIN_RUNNER_UP = 0.2
# ...or py3langid is this sure, and CLD2 finds its language in this share of the text
# (CLD2 splits Macedonian or Croatian text between them and Serbian).
MIN_SHARED = 0.9
MIN_SHARE = 0.3
# Below this many letters a text has too few distinct letters to be language: "aaaa…".
MIN_DISTINCT_LETTERS = 4
# A paragraph makes an article "mixed" only if it is this long (or in another script).
MIXED_MIN_LETTERS = 60
ALTERNATIVES = 3
# Only the start of a long text is read: enough to be sure, and a 100 KB article
# costs no more than a 20 KB one.
MAX_CHARS = 20_000
# An article's paragraphs are detected one by one only up to these bounds (200,000
# short paragraphs took 24 minutes): the longest paragraphs are detected (they are the
# ones that can make an article "mixed"), the others take the article's main language.
MAX_DETECTED_PARAGRAPHS = 64
MAX_DETECTED_CHARS = 120_000

# The script each language is written in when the script says nothing else; a
# detection reports the script it saw (Uzbek and Kazakh are written in two).
USUAL_SCRIPT: dict[str, str] = {"uz": "Latn", "kk": "Cyrl", "tt": "Cyrl", "az": "Latn",
                                "sr": "Cyrl", "mn": "Cyrl", "tk": "Latn"}
SCRIPT_NAMES: dict[str, str] = {"Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic"}

Candidates = Sequence[tuple[str, float]]


@dataclass(frozen=True)
class Detection:
    """A language guess: code ("und" when undetermined), English name, probability,
    the runner-up (code, probability) pairs, best first, and the script of the text
    (ISO 15924, "" when unknown)."""

    code: str
    name: str
    probability: float
    alternatives: tuple[tuple[str, float], ...] = ()
    script: str = ""

    @property
    def determined(self) -> bool:
        return self.code != UNDETERMINED

    @property
    def label(self) -> str:
        """The name, with the script where the language is written in several and this
        text is not in the usual one: "Uzbek (Cyrillic)", "Kazakh (Latin)"."""
        usual = USUAL_SCRIPT.get(self.code)
        if usual and self.script and self.script != usual:
            return f"{self.name} ({SCRIPT_NAMES.get(self.script, self.script)})"
        return self.name


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
    """Probabilities to 6 places, so the same text gives the same numbers everywhere."""
    return [(code, round(probability, 6)) for code, probability in candidates]


def _undetermined(candidates: Candidates = (), script: str = "") -> Detection:
    guesses = tuple(_rounded(candidates[:ALTERNATIVES]))
    return Detection(UNDETERMINED, language_name(UNDETERMINED), 0.0, guesses, script)


def _merged(first: Candidates, second: Candidates) -> list[tuple[str, float]]:
    """Both detectors' languages, each once, the first detector's order first."""
    seen: dict[str, float] = {}
    for code, probability in (*first, *second):
        if code in KNOWN and code not in seen:
            seen[code] = probability
    return list(seen.items())


def _judged(text: str, script: str, letters: int) -> Detection:
    """Named when both detectors agree: py3langid's best is CLD2's (MIN_AGREED), or CLD2's
    reliable answer is py3langid's runner-up (MIN_RUNNER_UP), or CLD2 found py3langid's
    best in a good part of the text (MIN_SHARED, MIN_SHARE); or when the text is short,
    py3langid near-certain and CLD2 silent (MIN_ALONE). Else "und" with both detectors'
    candidates."""
    heard = langid_candidates(text)
    second = cld2_opinion(text)
    chances = dict(heard)
    best, probability = heard[0] if heard else (UNDETERMINED, 0.0)
    named = None
    if second.candidates:
        theirs = second.candidates[0][0]
        if theirs == best and probability >= MIN_AGREED:
            named = best
        elif (second.reliable and theirs in [code for code, _ in heard[:2]]
              and chances[theirs] >= MIN_RUNNER_UP):
            named = theirs
        elif probability >= MIN_SHARED and dict(second.candidates).get(best, 0) >= MIN_SHARE:
            named = best  # CLD2 found it in a good part of the text, after another
    elif probability >= MIN_ALONE and letters < MAX_ALONE_LETTERS:
        named = best
    candidates = _merged(heard, second.candidates)
    if named not in KNOWN:
        return _undetermined(candidates, script)
    others = tuple(_rounded([item for item in candidates if item[0] != named]))
    return Detection(named, language_name(named), round(chances[named], 6),
                     others[:ALTERNATIVES], script)


def _start_of(text: str) -> str:
    """The first MAX_CHARS characters, cut at a space."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS)
    return text[:cut if cut > MAX_CHARS // 2 else MAX_CHARS]


def detect_language(text: str) -> Detection:
    """The language of a text, "und" when there is too little to judge or doubt."""
    if not text:
        return _undetermined()
    text = _start_of(text)
    letters = alphabets.count_letters(text)
    if letters.weighted < MIN_LETTERS:
        return _undetermined()
    script = dominant_script(text)
    if len({char.lower() for char in text if char.isalpha()}) < MIN_DISTINCT_LETTERS:
        return _undetermined(script=script)
    found = _judged(text, script, letters.weighted)
    if not found.determined and script == "Latn" and _KAZAKH_LATIN.search(text):
        return _kazakh_in_latin(text, letters.weighted) or found
    return found


# Letters only Kazakh's Latin alphabets write (2021: ū; 2018: ǵ ń).
_KAZAKH_LATIN = re.compile(r"[ūŪǵǴńŃ]")


def _kazakh_in_latin(text: str, letters: int) -> Detection | None:
    """Kazakh in a Latin alphabet (the detectors learnt it in Cyrillic): "kk" when its
    Cyrillic transliteration is confidently Kazakh, else None."""
    from languages.transliteration import kazakh_latin_to_cyrillic

    found = _judged(kazakh_latin_to_cyrillic(text), "Cyrl", letters)
    if found.code != "kk":
        return None
    return Detection(found.code, found.name, found.probability, found.alternatives, "Latn")


def best_in_script(text: str, script: str) -> Detection:
    """The most likely known language written in `script`, however short the text: a
    paragraph in another script than its article's (an English quotation in a Russian
    report) is in a language of that script whatever its length. "und" when neither
    detector proposes one."""
    return _in_script(text, detect_language(text), script)


def _in_script(text: str, detection: Detection, script: str) -> Detection:
    """`detection` of `text` if it names a language; else its likeliest candidate written
    in `script`. A text too short for the detectors has no candidates: py3langid's
    ranking, cheap on a few words, is asked then."""
    if detection.determined or not text.strip():
        return detection
    candidates = detection.alternatives or langid_candidates(text)
    for code, probability in candidates:
        if code in KNOWN and _writes(code, script):
            return Detection(code, language_name(code), round(probability, 6), (), script)
    return detection


# Languages written in a script other than Latin, by script; every other known language
# is written in Latin (Uzbek, Kazakh, Tatar, Azerbaijani, Serbian and Mongolian in two).
_SCRIPTS: dict[str, frozenset[str]] = {
    "Cyrl": frozenset("ru uk be bg mk sr kk ky tg mn tt ba uz az".split()),
    "Arab": frozenset("ar fa ur ug ps".split()),
    "Grek": frozenset({"el"}),
    "Hebr": frozenset({"he"}),
    "Hani": frozenset({"zh", "ja"}),
    "Hang": frozenset({"ko"}),
}
_NOT_LATIN = frozenset().union(*_SCRIPTS.values()) - {"uz", "kk", "tt", "az", "sr", "mn"}


def _writes(code: str, script: str) -> bool:
    if script == "Latn":
        return code not in _NOT_LATIN
    return code in _SCRIPTS.get(script, frozenset({code}))


def _is_foreign(detection: Detection, main: Detection) -> bool:
    return detection.determined and detection.code != main.code


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
    (counting a 25 MB paragraph letter by letter takes seconds)."""
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
    name, a dateline) is too short to judge, unless it is written in another script
    than the article (an English quotation in a Russian report), where the script
    decides however short it is. In a huge article only some paragraphs are detected
    (_paragraphs_to_detect); the others are given the main language.
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
        if _other_script(detection, main):
            detection = _in_script(paragraphs[index], detection, detection.script)
        elif detection.determined and detection.code != main.code and count < MIXED_MIN_LETTERS:
            detection = _undetermined(((detection.code, detection.probability),),
                                      detection.script)
        found.append(ParagraphLanguage(index, detection))
    mixed = main.determined and any(_is_foreign(p.detection, main) for p in found)
    return ArticleLanguage(main, tuple(found), mixed, _shares(found, words) if mixed else ())


def _other_script(detection: Detection, main: Detection) -> bool:
    """Whether a paragraph is written in another script than its article's language."""
    return bool(
        main.determined and detection.script and main.script
        and _family(detection.script) != _family(main.script)
    )


_EAST_ASIAN = frozenset({"Hani", "Hira", "Kana", "Hang", "Bopo"})


def _family(script: str) -> str:
    """Scripts that one language mixes in one text count as one: Japanese writes kanji
    and kana, Korean hangul and hanja."""
    return "CJK" if script in _EAST_ASIAN else script


def detect_text_language(text: str) -> ArticleLanguage:
    """The language of a decoded article's text, judged as everywhere in the project:
    the body's paragraphs (the title is too short to count), as the dashboard shows them."""
    from articles.building import article_paragraphs

    return detect_article_language(article_paragraphs(text))
