"""Dashboard results -> the export package's SummaryRecord, and the files to download.

The download buttons get the file's bytes, not a callable (Streamlit's deferred
download): the file a callable makes on click is kept by no session, so under
concurrent sessions Streamlit's clean-up after any other session's run could delete
it before the browser fetched it (2 of 20 clicks got a 404 with 5 sessions). Bytes
given to the button stay referenced by the session while the button is shown. They
are cached, so a rerun does not rebuild them.
"""

from __future__ import annotations

import streamlit as st

from articles.export import (
    SummaryRecord,
    digest_text,
    summary_text,
    translation_text,
    zip_bytes,
)
from articles.export_docx import digest_docx
from articles.layout import joined_text
from digest.job import ArticleResult
from digest.settings import SummarySettings
from languages.codes import is_determined
from languages.names import language_name


def summary_record(result: ArticleResult, settings: SummarySettings) -> SummaryRecord:
    assert result.article is not None and result.summary is not None
    article, summary = result.article, result.summary
    translation = None
    if result.translations:
        translated = [result.translations.get(sentence.index) for sentence in summary.sentences]
        if all(text is not None for text in translated):
            translation = [text for text in translated if text is not None]
    stats = summary.stats
    whole = len(result.translations) == len(article.sentences)
    original_text = translated_text = None
    if result.translations:
        if whole:  # the article's own paragraphs and line breaks
            original_text = article.body
            translated_text = joined_text(article, result.translations)
        else:  # the summary: one sentence a line
            order = sorted(result.translations)
            original_text = "\n".join(article.sentences[index].text for index in order)
            translated_text = "\n".join(result.translations[index] for index in order)
    detection = result.detection
    target = language_name(result.target) if result.target else None
    return SummaryRecord(
        file_name=result.name,
        title=article.title,
        language=result.language,
        language_name=language_name(result.language),
        algorithm=settings.algorithm_label,
        length_label=(
            f"{stats.summary_sentences} of {stats.sentences} sentences ({settings.length_label})"
        ),
        sentences=[sentence.text for sentence in summary.sentences],
        translation=translation,
        target_language=target,
        title_translation=result.title_translation,
        whole_article=whole,
        original_text=original_text,
        translated_text=translated_text,
        translation_reason=file_reason(result) if result.target else None,
        kept_note=kept_note(result),
        language_note=detection.shares_label if detection and detection.mixed else None,
        translated_by=translated_by(result),
    )


def file_reason(result: ArticleResult) -> str | None:
    """Why the article has no translation, in words for a file: a file has no "above"
    (the card's note says "choose it above", pointing at the language picker)."""
    if result.translation_reason and not is_determined(result.language):
        return "The language of this article could not be determined, so it was not translated."
    return result.translation_reason


def translated_by(result: ArticleResult) -> str | None:
    """What translated the article's main language: "Argos pack ru→en", "Argos packs
    kk→en→ru" (through English) or the multilingual model's family ("NLLB-200")."""
    if not result.target or len(result.translations) <= len(result.kept):
        return None  # nothing was translated (or all of it was already in the target)
    source, target = result.language, result.target
    if not result.route:
        return f"Argos pack {source}→{target}"
    from translator.engine import PIVOT  # loaded by then: the article was translated

    via = result.route.removeprefix("via ")
    if via == language_name(PIVOT):
        return f"Argos packs {source}→{PIVOT}→{target}"
    return via  # a multilingual model: "NLLB-200", "M2M-100"


def kept_note(result: ArticleResult) -> str | None:
    """"2 sentences kept: already in English" for the sentences not translated because
    they are in the target language already."""
    if not result.kept or not result.target:
        return None
    noun = "sentence" if len(result.kept) == 1 else "sentences"
    return f"{len(result.kept)} {noun} kept: already in {language_name(result.target)}"


@st.cache_data(show_spinner=False, max_entries=2000)
def summary_file(record: SummaryRecord) -> bytes:
    return summary_text(record).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def digest_file(records: tuple[SummaryRecord, ...]) -> bytes:
    return digest_text(records).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=2000)
def translation_file(record: SummaryRecord) -> bytes:
    return translation_text(record).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def zip_file(records: tuple[SummaryRecord, ...]) -> bytes:
    return zip_bytes(records)


@st.cache_data(show_spinner=False, max_entries=32)
def docx_file(records: tuple[SummaryRecord, ...]) -> bytes:
    return digest_docx(records)
