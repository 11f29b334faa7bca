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

from articles.export import SummaryRecord, digest_text, summary_text, zip_bytes
from digest.job import ArticleResult
from digest.settings import SummarySettings
from languages.names import language_name


def summary_record(result: ArticleResult, settings: SummarySettings) -> SummaryRecord:
    assert result.article is not None and result.summary is not None
    summary = result.summary
    translation = None
    if result.translations:
        translated = [result.translations.get(sentence.index) for sentence in summary.sentences]
        if all(text is not None for text in translated):
            translation = [text for text in translated if text is not None]
    stats = summary.stats
    return SummaryRecord(
        file_name=result.name,
        title=result.article.title,
        language=result.language,
        language_name=language_name(result.language),
        algorithm=settings.algorithm_label,
        length_label=(
            f"{stats.summary_sentences} of {stats.sentences} sentences ({settings.length_label})"
        ),
        sentences=[sentence.text for sentence in summary.sentences],
        translation=translation,
        target_language=language_name(result.target) if translation and result.target else None,
    )


@st.cache_data(show_spinner=False, max_entries=2000)
def summary_file(record: SummaryRecord) -> bytes:
    return summary_text(record).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def digest_file(records: tuple[SummaryRecord, ...]) -> bytes:
    return digest_text(records).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def zip_file(records: tuple[SummaryRecord, ...]) -> bytes:
    return zip_bytes(records)
