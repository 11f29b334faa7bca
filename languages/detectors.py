"""The two statistical detectors behind detect_language, loaded lazily, once, thread-safely.

langdetect knows 55 languages but none of the regional ones; lingua, restricted to
a few languages at a time, knows Kazakh, Mongolian, Belarusian and Azerbaijani.
Both return (ISO 639-1 code, probability) pairs, best first.
"""
from __future__ import annotations

import threading

SEED = 0
# langdetect averages random trials (7 by default, so 6 of 7 = 0.857 agreeing): twice
# as many make its probability steadier, so fewer right answers fall below the
# threshold (measured: Portuguese/Spanish "und" 4 % -> 2.5 %) and fewer wrong ones pass.
LANGDETECT_TRIALS = 14
MIN_ALTERNATIVE = 0.01  # lingua's runner-ups below this are noise

LINGUA_CYRILLIC = ("kk", "mn", "be", "ru", "uk", "bg", "mk", "sr")
LINGUA_LATIN = ("az", "tr")

Candidates = list[tuple[str, float]]

_langdetect_lock = threading.Lock()
_langdetect_factory = None


def langdetect_candidates(text: str) -> Candidates:
    """langdetect's probabilities, codes normalized to ISO 639-1 (zh-cn, zh-tw -> zh).

    A private, seeded factory: each call gets a fresh Detector whose own Random is
    reseeded, so results depend neither on call order nor on other threads. Text
    langdetect cannot judge gives [] instead of its LangDetectException.
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


_lingua_lock = threading.Lock()
_lingua_detectors: dict[tuple[str, ...], object] = {}


def _lingua_detector(codes: tuple[str, ...]):
    """A lingua detector for these languages, built once (low-accuracy mode: ~16 MB)."""
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


def lingua_candidates(text: str, codes: tuple[str, ...]) -> Candidates:
    """lingua's confidence for each of these languages (those above 1 %)."""
    values = _lingua_detector(codes).compute_language_confidence_values(text)
    return [
        (value.language.iso_code_639_1.name.lower(), value.value)
        for value in values
        if value.value >= MIN_ALTERNATIVE
    ]


def preload() -> None:
    """Load langdetect's profiles and lingua's models now (about 1 s, 80 MB)."""
    langdetect_candidates("preload")
    lingua_candidates("предзагрузка", LINGUA_CYRILLIC)
    lingua_candidates("preload", LINGUA_LATIN)
