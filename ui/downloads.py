"""Dashboard results -> the export package's SummaryRecord (the files are made there)."""

from __future__ import annotations

from articles.export import SummaryRecord
from articles.layout import joined_text
from digest.job import ArticleResult
from digest.settings import SummarySettings
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
        translation_reason=result.translation_reason if result.target else None,
        kept_note=kept_note(result),
        language_note=detection.shares_label if detection and detection.mixed else None,
    )


def kept_note(result: ArticleResult) -> str | None:
    """"2 sentences kept: already in English" for the sentences not translated because
    they are in the target language already."""
    if not result.kept or not result.target:
        return None
    noun = "sentence" if len(result.kept) == 1 else "sentences"
    return f"{len(result.kept)} {noun} kept: already in {language_name(result.target)}"
