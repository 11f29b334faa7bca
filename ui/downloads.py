"""Dashboard results -> the export package's SummaryRecord (the files are made there)."""

from __future__ import annotations

from articles.export import SummaryRecord
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
