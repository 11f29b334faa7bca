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
PIVOT = "en"


def model_version(source: str, target: str) -> str:
    """Which packs would translate source -> target (direct or through English), with
    their versions: the memory's key for "the same model"."""
    from translator.packs import installed_packs, version_key

    best: dict[tuple[str, str], str] = {}
    for pack in installed_packs():
        key = (pack.from_code.lower(), pack.to_code.lower())
        if key not in best or version_key(pack.version) > version_key(best[key]):
            best[key] = pack.version
    used = [(source, target)] if (source, target) in best else [(source, PIVOT), (PIVOT, target)]
    return "+".join(f"{a}-{b}@{best.get((a, b), '?')}" for a, b in used)


def remembering(
    translate: Translate,
    library: Callable[[], Library],
    model: Callable[[str, str], str] = model_version,
) -> Translate:
    """translate, consulting the library's memory first and filling it after.

    A library that cannot be used (damaged file, full disk) costs the memory, never
    the translation: the error is logged and the step translates as before.
    """

    def translate_remembered(
        sentences: tuple[str, ...], source: str, target: str
    ) -> tuple[str, ...]:
        try:
            store, version = library(), model(source, target)
            known = store.recall(sentences, source, target, version)
        except LibraryError:
            log.exception("the translation memory cannot be read")
            return translate(sentences, source, target)
        missing = [index for index in range(len(sentences)) if index not in known]
        if missing:
            fresh = translate(tuple(sentences[index] for index in missing), source, target)
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
