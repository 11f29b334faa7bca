"""What the server can do, in LibreTranslate's terms: languages with their targets, and
detection with a confidence from 0 to 100.

The languages are those of the installed packs and multilingual models, each with every
target reachable from it (directly, through a model, or through English), as the
dashboard offers them. Detection is the project's own (languages.detect_language: two
detectors must agree); a text it cannot name is "und", never a neighbour's name.
"""
from __future__ import annotations

from dataclasses import dataclass

from languages.codes import UNDETERMINED
from languages.names import language_name


@dataclass(frozen=True)
class Detected:
    language: str
    confidence: float
    """0-100, as LibreTranslate gives it."""


def languages() -> list[dict[str, object]]:
    """[{code, name, targets}], every language a pack or a model reads or writes."""
    from translator import reachable_targets, translatable_sources

    sources = translatable_sources()
    targets = {source: reachable_targets(source) for source in sources}
    codes = sorted(set(sources).union(*targets.values()) if targets else set())
    return [{"code": code, "name": language_name(code), "targets": targets.get(code, [])}
            for code in codes]


def detect(text: str) -> list[Detected]:
    """The language of `text`, best first, then the runners-up; "und" (confidence 0)
    first when the detectors do not agree, then their candidates."""
    from languages.detection import detect_language

    found = detect_language(text)
    first = Detected(found.code, _percent(found.probability) if found.determined else 0.0)
    others = [Detected(code, _percent(probability)) for code, probability in found.alternatives
              if code != found.code and _percent(probability) > 0]
    return [first, *others]


def is_determined(detected: Detected) -> bool:
    return detected.language != UNDETERMINED


def _percent(probability: float) -> float:
    return round(max(0.0, min(1.0, probability)) * 100, 2)
