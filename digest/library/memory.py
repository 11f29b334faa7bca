"""The translation memory: a translate step that keeps every sentence's translation.

Keyed by the sentence (its hash), the language pair and the model that translated it
(the installed packs' versions), so a new pack version translates afresh while
reopening an article after a restart costs a database read, not a model run.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from digest.library.store import Library, LibraryError
from digest.steps import Steps

log = logging.getLogger(__name__)

Translate = Callable[[tuple[str, ...], str, str], tuple[str, ...]]


def model_version(source: str, target: str, prefer_model: bool = False) -> str:
    """Which packs or model would translate source -> target, with their versions: the
    memory's key for "the same model" (translator.engine.route_for)."""
    from translator.engine import route_for
    from translator.errors import TranslatorError

    try:
        return route_for(source, target, prefer_model).key
    except TranslatorError:
        return f"{source}-{target}@?"


def remembering(
    translate: Translate,
    library: Callable[[], Library],
    model: Callable[[str, str, bool], str] = model_version,
) -> Translate:
    """translate, consulting the library's memory first and filling it after.

    A library that cannot be used (damaged file, full disk) costs the memory, never
    the translation: the error is logged and the step translates as before.
    """

    def translate_remembered(
        sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False
    ) -> tuple[str, ...]:
        try:
            store, version = library(), model(source, target, prefer_model)
            known = store.recall(sentences, source, target, version)
        except LibraryError:
            log.exception("the translation memory cannot be read")
            return translate(sentences, source, target, prefer_model)
        missing = [index for index in range(len(sentences)) if index not in known]
        if missing:
            fresh = translate(
                tuple(sentences[index] for index in missing), source, target, prefer_model
            )
            known.update(zip(missing, fresh, strict=True))
            try:
                store.remember(
                    ((sentences[index], known[index]) for index in missing),
                    source, target, version,
                )  # fmt: skip
            except LibraryError:
                log.exception("the translation memory cannot be written")
        return tuple(known[index] for index in range(len(sentences)))

    return translate_remembered


def with_memory(steps: Steps, library: Callable[[], Library]) -> Steps:
    """The same steps, with translations kept in (and read from) the library."""
    return replace(steps, translate=remembering(steps.translate, library))
