"""The project's one language-detection function.

langdetect (seeded, so the same text always gets the same answer) judges the
languages it knows. It does not know the regional languages our readers meet
(Kazakh, Kyrgyz, Uzbek, Tajik, Mongolian, Azerbaijani, Belarusian) and calls
Kazakh or Mongolian Russian and Azerbaijani Turkish, often confidently. So the
script decides first: letters that only those languages use send the text to
lingua (restricted to the few languages in question, low-accuracy mode, loaded
lazily once) or, for the languages lingua does not know (Kyrgyz, Uzbek, Tajik),
to an alphabet rule. Anything too short, without letters or not confident
enough is "und", never an exception.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from translator.languages import UNDETERMINED, language_name

__all__ = [
    "ArticleLanguage",
    "Detection",
    "ParagraphLanguage",
    "detect_article_language",
    "detect_language",
    "language_name",
    "preload",
]

# Below this many letters a text is "too short to judge" (a CJK character counts
# as three letters: it carries about as much as a short word).
MIN_LETTERS = 10
# langdetect and lingua answers below this probability are "und".
MIN_PROBABILITY = 0.90
# langdetect averages random trials (7 by default, so 6 of 7 = 0.857 agreeing): twice
# as many make its probability steadier, so fewer right answers fall below 0.90
# (measured: Portuguese/Spanish "und" 4 % -> 2.5 %) and fewer wrong ones pass it.
LANGDETECT_TRIALS = 14
# Confidence reported for a language identified by its alphabet alone.
ALPHABET_RULE_PROBABILITY = 0.90
# A paragraph makes an article "mixed" only if it is this long and this confident.
MIXED_MIN_LETTERS = 60
MIXED_MIN_PROBABILITY = 0.90
SEED = 0
ALTERNATIVES = 3
MIN_ALTERNATIVE = 0.01  # runner-ups below this are noise

# Cyrillic letters absent from Russian, by the languages that use them.
KAZAKH_ONLY = frozenset("әғқұһӘҒҚҰҺ")  # (қ ғ ҳ also Uzbek/Tajik; handled before)
TAJIK_ONLY = frozenset("ҷӣӯҶӢӮ")
SHORT_U = frozenset("ўЎ")  # Belarusian and Uzbek
UZBEK_TAJIK = frozenset("қғҳҚҒҲ")
UZBEK_H = frozenset("ҳҲ")
KAZAKH_MARKERS = frozenset("іІғҒқҚұҰ")
NOT_KAZAKH = frozenset("ҳҲҷҶӣӢӯӮўЎҗҖҙҘҡҠҫҪ")
KYRGYZ_NG = frozenset("ңҢ")  # Kyrgyz and Kazakh, not Mongolian
MONGOLIAN_KYRGYZ_KAZAKH = frozenset("өүӨҮ")
BYELORUSSIAN_UKRAINIAN_I = frozenset("іІ")
UKRAINIAN_BELARUSIAN = frozenset("іІїЇєЄґҐўЎ")
# Letters langdetect's Cyrillic languages do not have: "Дэн смотрел на Фло." is not
# Bulgarian. A few (a quoted name) are allowed: the share must reach MIN_LACKING_SHARE.
_NOT_SOUTH_SLAVIC = "ыэёйщъьюяЫЭЁЙЩЪЬЮЯ"
LACKS_LETTERS = {
    "bg": frozenset("ыэёЫЭЁ"),
    "mk": frozenset(_NOT_SOUTH_SLAVIC + "ђћЂЋ"),  # ђ ћ are Serbian
    "sr": frozenset(_NOT_SOUTH_SLAVIC),
    "uk": frozenset("ыэёъЫЭЁЪ"),
    "ru": frozenset("іїєґўІЇЄҐЎ"),
    "tr": frozenset("qxəQXƏ"),  # Azerbaijani letters Turkish lacks (w: "web" is common)
}
MIN_LACKING_SHARE = 0.015
REGIONAL_CYRILLIC = (
    KAZAKH_ONLY | TAJIK_ONLY | SHORT_U | UZBEK_TAJIK | KYRGYZ_NG | MONGOLIAN_KYRGYZ_KAZAKH
)
# Share of Cyrillic letters that must be regional letters in lower-case words
# before lingua and the alphabet rules are asked: 1 in 100 (Kazakh sentences:
# median 9 %, Kyrgyz about 2 %). A Russian text quoting Kazakh names stays with
# langdetect: names are capitalized.
MIN_REGIONAL_SHARE = 0.01
SCHWA = frozenset("əƏ")  # Azerbaijani Latin

LINGUA_CYRILLIC = ("kk", "mn", "be", "ru", "uk", "bg", "mk", "sr")
LINGUA_LATIN = ("az", "tr")


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
    long paragraph is confidently in another language (a quoted statement)."""

    main: Detection
    paragraphs: tuple[ParagraphLanguage, ...]
    mixed: bool

    @property
    def foreign(self) -> tuple[ParagraphLanguage, ...]:
        """The paragraphs that make the article mixed."""
        if not self.mixed:
            return ()
        return tuple(p for p in self.paragraphs if _is_foreign(p.detection, self.main, None))


Candidates = Sequence[tuple[str, float]]


def _rounded(candidates: Candidates) -> list[tuple[str, float]]:
    """Probabilities to 6 places: lingua's last digits vary between threads."""
    return [(code, round(probability, 6)) for code, probability in candidates]


def _undetermined(candidates: Candidates = ()) -> Detection:
    guesses = tuple(_rounded(candidates[:ALTERNATIVES]))
    return Detection(UNDETERMINED, language_name(UNDETERMINED), 0.0, guesses)


def _detection(candidates: Candidates, threshold: float = MIN_PROBABILITY) -> Detection:
    """The best candidate if it is confident enough, else "und" (keeping the guesses)."""
    candidates = _rounded(candidates)
    if not candidates or candidates[0][1] < threshold:
        return _undetermined(candidates)
    code, probability = candidates[0]
    return Detection(code, language_name(code), probability, tuple(candidates[1:1 + ALTERNATIVES]))


# --- langdetect ---------------------------------------------------------------

_langdetect_lock = threading.Lock()
_langdetect_factory = None


def _langdetect_candidates(text: str) -> list[tuple[str, float]]:
    """langdetect's probabilities, codes normalized to ISO 639-1 (zh-cn, zh-tw -> zh).

    A private, seeded factory: each call gets a fresh Detector whose own Random is
    reseeded, so results neither depend on call order nor on other threads.
    """
    global _langdetect_factory
    from langdetect.lang_detect_exception import LangDetectException

    if _langdetect_factory is None:
        with _langdetect_lock:
            if _langdetect_factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                factory = DetectorFactory()
                factory.load_profile(PROFILES_DIRECTORY)
                factory.set_seed(SEED)
                _langdetect_factory = factory
    detector = _langdetect_factory.create()
    detector.n_trial = LANGDETECT_TRIALS
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    merged: dict[str, float] = {}
    for language in found:
        code = language.lang.split("-")[0]
        merged[code] = merged.get(code, 0.0) + language.prob
    return sorted(merged.items(), key=lambda item: -item[1])


def preload() -> None:
    """Load langdetect's profiles and lingua's models now (about 1 s, 90 MB), e.g. in a
    background thread after the first paint, instead of on the first detection."""
    _langdetect_candidates("preload")
    _lingua_candidates("предзагрузка", LINGUA_CYRILLIC)
    _lingua_candidates("preload", LINGUA_LATIN)


# --- lingua -------------------------------------------------------------------

_lingua_lock = threading.Lock()
_lingua_detectors: dict[tuple[str, ...], object] = {}


def _lingua_detector(codes: tuple[str, ...]):
    """A lingua detector for these languages, built once (low-accuracy mode: ~20 MB)."""
    detector = _lingua_detectors.get(codes)
    if detector is None:
        with _lingua_lock:
            detector = _lingua_detectors.get(codes)
            if detector is None:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                languages = [
                    Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                    for code in codes
                ]
                detector = (
                    LanguageDetectorBuilder.from_languages(*languages)
                    .with_low_accuracy_mode()
                    .build()
                )
                _lingua_detectors[codes] = detector
    return detector


def _lingua_candidates(text: str, codes: tuple[str, ...]) -> list[tuple[str, float]]:
    values = _lingua_detector(codes).compute_language_confidence_values(text)
    return [
        (value.language.iso_code_639_1.name.lower(), value.value)
        for value in values
        if value.value >= MIN_ALTERNATIVE
    ]


# --- the decision -------------------------------------------------------------


def _letters(text: str) -> tuple[int, int, int, int]:
    """(weighted letter count, Cyrillic letters, Latin letters, CJK characters)."""
    total = cyrillic = latin = cjk = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii():
            total += 1
            latin += 1
            continue
        name = unicodedata.name(char, "")
        if name.startswith("CYRILLIC"):
            cyrillic += 1
            total += 1
        elif name.startswith("LATIN"):
            latin += 1
            total += 1
        elif name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            total += 3
            cjk += 1
        else:
            total += 1
    return total, cyrillic, latin, cjk


def _rule(code: str) -> Detection:
    return Detection(code, language_name(code), ALPHABET_RULE_PROBABILITY, ())


def _in_common_words(text: str, letters: frozenset[str]) -> int:
    """How many of these letters stand in lower-case words: in a text of that
    language they do; in a Russian text quoting a Kazakh name they do not."""
    return sum(
        sum(1 for char in word if char in letters)
        for word in text.split()
        if word[:1].islower()
    )


def _possible_in_alphabet(code: str, text: str, letters: int) -> bool:
    """False when the text often uses letters the language does not have (ы in "Bulgarian")."""
    lacking = LACKS_LETTERS.get(code)
    if not lacking:
        return True
    count = sum(1 for char in text if char in lacking)
    return count == 0 or count < MIN_LACKING_SHARE * letters


def _plain_cyrillic(text: str, cyrillic: int) -> Detection:
    """Russian-alphabet text: langdetect, unless lingua hears Kazakh or Mongolian in it
    (a Kyrgyz or Kazakh sentence that happens to use no letter of its own)."""
    candidates = [
        item for item in _langdetect_candidates(text)
        if _possible_in_alphabet(item[0], text, cyrillic)
    ]
    ours = _detection(candidates)
    if ours.code in ("ru", "bg", "mk", "sr") and not set(text) & UKRAINIAN_BELARUSIAN:
        heard = _lingua_candidates(text, LINGUA_CYRILLIC)
        if heard and heard[0][0] in ("kk", "mn") and heard[0][1] >= MIN_PROBABILITY:
            present = set(text) & REGIONAL_CYRILLIC
            if heard[0][0] == "mn" and _fits_alphabet("mn", text, present, cyrillic):
                return _detection(heard)  # Mongolian needs no letter of its own
            return _undetermined([heard[0], (ours.code, ours.probability)])
    return ours


def _cyrillic(text: str, cyrillic: int) -> Detection:
    present = set(text) & REGIONAL_CYRILLIC
    if _in_common_words(text, REGIONAL_CYRILLIC) < MIN_REGIONAL_SHARE * cyrillic:
        return _plain_cyrillic(text, cyrillic)
    if present & TAJIK_ONLY:
        return _rule("tg")
    if present & SHORT_U and present & UZBEK_TAJIK:
        return _rule("uz")
    if present & UZBEK_H and not present & (SHORT_U | (KAZAKH_ONLY - UZBEK_TAJIK)):
        return _rule("tg")  # ҳ without ў: Tajik (Uzbek writes ў in almost every sentence)
    if present & KYRGYZ_NG and not present & KAZAKH_ONLY:
        if not set(text) & BYELORUSSIAN_UKRAINIAN_I:
            return _rule("ky")
    candidates = [
        item for item in _lingua_candidates(text, LINGUA_CYRILLIC)
        if _fits_alphabet(item[0], text, present, cyrillic)
    ]
    if candidates and candidates[0][0] not in ("kk", "mn", "be"):
        # lingua thinks it is a language langdetect knows: let langdetect judge,
        # but only if both agree (regional letters make a mistake likely).
        ours = _langdetect_candidates(text)
        if ours and ours[0][0] == candidates[0][0]:
            return _detection(ours)
        return _undetermined(candidates)
    return _detection(candidates)


def _fits_alphabet(code: str, text: str, present: set[str], cyrillic: int) -> bool:
    """Whether lingua's answer is possible given the letters, and not a language it
    does not know (Kyrgyz, Uzbek) that it would take for its nearest neighbour."""
    letters = set(text)
    if code == "kk":
        # Kazakh writes і, ғ, қ or ұ (Kyrgyz and Tatar do not); ҳ is Uzbek/Tajik,
        # not Kazakh (which has һ); җ ҙ ҡ ҫ are Tatar/Bashkir.
        return bool(letters & KAZAKH_MARKERS) and not letters & NOT_KAZAKH
    if code == "mn":
        # Mongolian has none of the Kazakh/Kyrgyz letters, and х is frequent in
        # it but rare in Kyrgyz, which lingua does not know.
        mongolian_x = sum(1 for char in text if char in "хХ")
        return not present & (KAZAKH_ONLY | KYRGYZ_NG | UZBEK_TAJIK) \
            and mongolian_x >= 0.01 * cyrillic
    if code == "be":
        return bool(letters & (SHORT_U | BYELORUSSIAN_UKRAINIAN_I)) \
            and not present & (KAZAKH_ONLY | UZBEK_TAJIK | MONGOLIAN_KYRGYZ_KAZAKH)
    return True


UZBEK_O_G = re.compile(r"(?:(?<=[a-z])|\b)[ogOG][ʻ‘'’`ʼ](?=[a-z])")


def _uzbek_latin(text: str) -> bool:
    """Uzbek Latin writes oʻ and gʻ (a turned comma, often typed as ' or ‘) inside
    lower-case words, about one word in ten; O'Brien or o'clock are rare."""
    hits = len(UZBEK_O_G.findall(text))
    return hits >= 2 and hits * 30 >= len(text.split())


def detect_language(text: str) -> Detection:
    """The language of a text, "und" when there is too little to judge or doubt."""
    if not text:
        return _undetermined()
    total, cyrillic, latin, cjk = _letters(text)
    if total < MIN_LETTERS:
        return _undetermined()
    if cyrillic * 2 >= total:
        return _cyrillic(text, cyrillic)
    if latin * 2 >= total:
        if _in_common_words(text, SCHWA) >= MIN_REGIONAL_SHARE * latin:
            return _detection(_lingua_candidates(text, LINGUA_LATIN))
        if _uzbek_latin(text):
            return _rule("uz")
    if cjk:
        return _detection(_chinese_japanese_korean(text))
    candidates = [
        item for item in _langdetect_candidates(text) if _possible_in_alphabet(item[0], text, total)
    ]
    return _detection(candidates)


def _chinese_japanese_korean(text: str) -> list[tuple[str, float]]:
    """langdetect often calls Chinese Korean; without Hangul it cannot be Korean,
    without kana it cannot be Japanese."""
    candidates = _langdetect_candidates(text)
    has_hangul = any("\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" for char in text)
    has_kana = any("\u3040" <= char <= "\u30ff" for char in text)
    excluded = {"ko"} if not has_hangul else set()
    if not has_kana:
        excluded.add("ja")
    kept = [item for item in candidates if item[0] not in excluded]
    total = sum(probability for _, probability in kept)
    if not kept or total <= 0:
        return []
    return [(code, probability / total) for code, probability in kept]


def _letter_count(text: str) -> int:
    return _letters(text)[0]


def _is_foreign(detection: Detection, main: Detection, text: str | None) -> bool:
    return (
        detection.determined
        and detection.code != main.code
        and detection.probability >= MIXED_MIN_PROBABILITY
        and (text is None or _letter_count(text) >= MIXED_MIN_LETTERS)
    )


def detect_article_language(paragraphs: Sequence[str]) -> ArticleLanguage:
    """The article's main language, each paragraph's, and whether it mixes languages.

    Only long, confidently detected paragraphs count as another language: a
    paragraph of a few words (a name, a dateline) is too short to judge.
    """
    each = [detect_language(paragraph) for paragraph in paragraphs]
    main = each[0] if len(each) == 1 else detect_language("\n\n".join(paragraphs))
    found = []
    mixed = False
    for index, (paragraph, detection) in enumerate(zip(paragraphs, each, strict=True)):
        if detection.determined and _letter_count(paragraph) < MIXED_MIN_LETTERS:
            if detection.code != main.code:
                detection = _undetermined(((detection.code, detection.probability),))
        found.append(ParagraphLanguage(index, detection))
        mixed = mixed or (main.determined and _is_foreign(detection, main, paragraph))
    return ArticleLanguage(main, tuple(found), mixed)
