"""Read every article, then translate: one progress bar for both.

The dashboard and the briefing show the same results, so both call this; a page never
calls another page.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from digest.job import ARTICLE_MAX_BYTES, ArticleResult, Upload, add_translation, analyse_safely
from digest.library import LibraryError
from digest.settings import SummarySettings, TranslationSettings
from languages.codes import is_determined
from ui import desk, pipeline, story_service
from ui.article_view import language_override
from ui.glossary_section import current_glossary
from ui.i18n import _
from ui.markup import md
from ui.reading_controls import encoding_choice
from ui.settings import translation_settings


def process(
    uploads: Sequence[Upload], summary: SummarySettings, translation_slot
) -> list[ArticleResult]:
    """Analyse every upload, then translate; one progress bar for both."""
    bar = st.progress(0.0, text=_("Reading articles…"))
    results = []
    for number, upload in enumerate(uploads, start=1):
        bar.progress(
            (number - 1) / len(uploads),
            text=_("Reading {number} of {total}: {name}").format(
                number=number, total=len(uploads), name=md(upload.name)
            ),
        )
        results.append(
            analyse_safely(
                upload, summary, language_override(upload), ARTICLE_MAX_BYTES, pipeline.STEPS,
                encoding=encoding_choice(upload),
            )
        )
    desk.keep_on_desk(_worth_keeping(results))
    sources = tuple(sorted({r.language for r in results if r.ok and is_determined(r.language)}))
    translation = translation_settings(
        translation_slot, pipeline.reachable_targets(sources or pipeline.pack_sources())
    )
    if translation.target:
        translation = replace(translation, glossary=current_glossary())
        results = _translate_all(results, translation, bar.progress)
        story_service.place_translated(desk.library(), results)
    bar.empty()
    return results


def _worth_keeping(results: Sequence[ArticleResult]) -> list[ArticleResult]:
    """The results the library should keep as they are.

    A file the library holds already, re-read with "Read as" and no language of the
    reader's, is a trial reading: keeping it would store the trial's detection (often
    "undetermined" for a garbled reading) as if the reader had chosen it, and pin the
    article to it after going back. The library keeps the file's own reading.
    """
    trials = [
        result for result in results
        if result.ok and result.forced_encoding and language_override(result.upload) is None
    ]
    if not trials:
        return list(results)
    library = desk.library()
    kept = set()
    if library is not None:
        try:
            kept = {r.upload.key for r in trials if library.find(r.upload.sha256) is not None}
        except LibraryError:
            kept = {r.upload.key for r in trials}  # keep nothing of a trial we cannot check
    return [result for result in results if result.upload.key not in kept]


def _translate_all(
    results: list[ArticleResult], translation: TranslationSettings, report: Callable
) -> list[ArticleResult]:
    translated = []
    for number, result in enumerate(results, start=1):
        report(
            (number - 1) / len(results),
            text=_("Translating {number} of {total}: {name}").format(
                number=number, total=len(results), name=md(result.name)
            ),
        )
        translated.append(add_translation(result, translation, pipeline.STEPS))
    return translated
