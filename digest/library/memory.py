"""The translation memory: a translate step that keeps every sentence's translation.

Keyed by the sentence (its hash), the language pair and the model that translated it
(the installed packs' versions), so a new pack version translates afresh while
reopening an article after a restart costs a database read, not a model run. A sentence
that glossary terms touch is keyed with a fingerprint of those terms too, so a glossary
change redoes only the sentences it touches; a retry on the other route is kept under that
route's key, and the reader's pick among alternatives under the first route's, marked.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from digest.library.store import Library, LibraryError
from digest.steps import Steps
from translator.glossary import Glossary

if TYPE_CHECKING:
    from translator.engine.retrying import Retried

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
        sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
        glossary: Glossary | None = None,
    ) -> tuple[str, ...]:
        extra = {"glossary": glossary} if glossary else {}

        def fresh(missing: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(translate(missing, source, target, prefer_model, **extra))

        try:
            store, version = library(), model(source, target, prefer_model)
        except LibraryError:
            log.exception("the translation memory cannot be read")
            return fresh(tuple(sentences))
        return _through_memory(store, sentences, source, target, version, glossary, fresh)

    return translate_remembered


def glossary_key(version: str, fingerprint: str) -> str:
    """The memory's model key for a sentence the glossary touches (the version alone for
    the others, so a glossary change redoes only what it touches)."""
    return f"{version}#glossary:{fingerprint}" if fingerprint else version


PICKED = "|picked"
"""Suffix of the model key under which the reader's pick among alternatives is kept."""


def _keys(sentences: Sequence[str], version: str, glossary: Glossary | None) -> list[str]:
    if not glossary:
        return [version] * len(sentences)
    return [glossary_key(version, glossary.fingerprint(sentence)) for sentence in sentences]


def _recall(store: Library, sentences: Sequence[str], source: str, target: str,
            keys: Sequence[str]) -> dict[int, str]:
    known: dict[int, str] = {}
    for key in dict.fromkeys(keys):
        indexes = [index for index, each in enumerate(keys) if each == key]
        found = store.recall([sentences[index] for index in indexes], source, target, key)
        known.update((indexes[position], text) for position, text in found.items())
    return known


def _through_memory(
    store: Library, sentences: Sequence[str], source: str, target: str, version: str,
    glossary: Glossary | None, fresh: Callable[[tuple[str, ...]], tuple[str, ...]],
) -> tuple[str, ...]:
    """The sentences' translations from the memory, the missing ones from `fresh` (kept)."""
    keys = _keys(sentences, version, glossary)
    try:
        known = _recall(store, sentences, source, target, keys)
    except LibraryError:
        log.exception("the translation memory cannot be read")
        return fresh(tuple(sentences))
    missing = [index for index in range(len(sentences)) if index not in known]
    if missing:
        known.update(zip(missing, fresh(tuple(sentences[index] for index in missing)),
                         strict=True))
        try:
            for key in dict.fromkeys(keys[index] for index in missing):
                store.remember(
                    ((sentences[index], known[index]) for index in missing
                     if keys[index] == key), source, target, key,
                )  # fmt: skip
        except LibraryError:
            log.exception("the translation memory cannot be written")
    return tuple(known[index] for index in range(len(sentences)))


class _NoRetry(Exception):
    """The other route failed: the first translations stay, and nothing is remembered."""


def remembering_retry(retry: Callable[..., Retried | None],
                      library: Callable[[], Library]) -> Callable[..., Retried | None]:
    """retry (digest.steps.retry), its translations kept under the other route's key."""

    def retry_remembered(
        sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
        glossary: Glossary | None = None,
    ) -> Retried | None:
        from translator.engine.retrying import Retried, other_route

        route = other_route(source, target, prefer_model)
        if route is None:
            return None

        def fresh(missing: tuple[str, ...]) -> tuple[str, ...]:
            done = retry(missing, source, target, prefer_model, glossary)
            if done is None:
                raise _NoRetry  # nothing to keep
            return done.texts

        try:
            store = library()
        except LibraryError:
            log.exception("the translation memory cannot be read")
            return retry(sentences, source, target, prefer_model, glossary)
        try:
            texts = _through_memory(store, sentences, source, target, route.key, glossary,
                                    fresh)
        except _NoRetry:
            return None
        return Retried(route.label, route.key, texts)

    return retry_remembered


def remembered_picks(library: Callable[[], Library],
                     model: Callable[[str, str, bool], str] = model_version):
    """The step that finds the reader's picks among alternatives (digest.steps.picked)."""

    def picks(
        sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
        glossary: Glossary | None = None,
    ) -> dict[int, str]:
        try:
            version = model(source, target, prefer_model)
            keys = [key + PICKED for key in _keys(sentences, version, glossary)]
            return _recall(library(), sentences, source, target, keys)
        except LibraryError:
            log.exception("the translation memory cannot be read")
            return {}

    return picks


def keep_pick(store: Library, sentence: str, translation: str, source: str, target: str,
              prefer_model: bool = False, glossary: Glossary | None = None) -> None:
    """Keep the reader's pick for a sentence: it is its translation from now on."""
    terms = glossary.for_pair(source, target) if glossary else None
    version = model_version(source, target, prefer_model)
    key = _keys([sentence], version, terms)[0] + PICKED
    store.remember([(sentence, translation)], source, target, key)


def with_memory(steps: Steps, library: Callable[[], Library]) -> Steps:
    """The same steps, with translations (and retries, and the reader's picks) kept in and
    read from the library."""
    return replace(
        steps, translate=remembering(steps.translate, library),
        retry=remembering_retry(steps.retry, library), picked=remembered_picks(library),
    )
