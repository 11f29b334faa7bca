"""One language's sentences translated and checked: the glossary kept, every sentence checked
(translator.checks), a flagged one retried on the pair's other route and the better kept.

digest.job calls this for each language of an article, with the job's steps, so the
dashboard's caches and the translation memory serve the retry and the reader's picks too.
"""
from __future__ import annotations

from dataclasses import dataclass

from digest.steps import Steps
from translator.checks import SentenceCheck, check_sentences, check_translation
from translator.glossary import Glossary


@dataclass(frozen=True)
class CheckedTexts:
    """Translations in order, each with its check, the label of the other route where its
    translation was kept instead ("" for the first route's), and the reader's picks."""

    texts: tuple[str, ...]
    checks: tuple[SentenceCheck, ...]
    retried: tuple[str, ...]
    picked: frozenset[int] = frozenset()


def translate_checked(
    steps: Steps, texts: tuple[str, ...], language: str, target: str, prefer: bool,
    glossary: Glossary | None = None,
) -> CheckedTexts:
    """`texts` from `language` into `target` through the steps, checked and retried."""
    terms = glossary.for_pair(language, target) if glossary else Glossary()
    extra = {"glossary": terms} if terms else {}  # a step of a test or an older caller
    translated = list(steps.translate(texts, language, target, prefer, **extra))
    picks = steps.picked(texts, language, target, prefer, terms)
    for index, text in picks.items():
        translated[index] = text
    checks = check_sentences(texts, translated, language, target, terms)
    labels = [""] * len(texts)
    flagged = [index for index, check in enumerate(checks) if not check.ok and index not in picks]
    if flagged:
        retried = steps.retry(tuple(texts[index] for index in flagged), language, target,
                              prefer, terms)
        for index, text in zip(flagged, retried.texts if retried else (), strict=False):
            check = check_translation(texts[index], text, language, target, terms)
            if check.weight < checks[index].weight:
                translated[index], checks[index], labels[index] = text, check, retried.label
    return CheckedTexts(tuple(translated), tuple(checks), tuple(labels), frozenset(picks))


def sentence_alternatives(
    sentence: str, language: str, target: str, count: int, prefer: bool = False,
    glossary: Glossary | None = None,
) -> list[str]:
    """Up to `count` other translations of one sentence (beam hypotheses), the glossary's
    terms kept; the reader's pick is kept with digest.library.memory.keep_pick."""
    from translator.engine.glossed import alternatives_with_glossary

    return alternatives_with_glossary(sentence, language, target, count, prefer, glossary)
