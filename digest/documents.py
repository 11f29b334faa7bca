"""A whole document translated: the job's own steps (analyse, then add_translation of the
whole article), as the dashboard, `news-digest translate` and the batch runner do it.

The translator translates sentences; this is where a document's sentences are read,
each paragraph put in its own language, translated and joined back into paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass

from articles.layout import joined_text
from digest.job import ArticleResult, Upload, add_translation, analyse
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN, Steps
from languages.codes import normalize_code


def translate_document(
    upload: Upload,
    target: str,
    source: str | None = None,
    prefer_model: bool = False,
    steps: Steps = PLAIN,
) -> ArticleResult:
    """The upload read (in `source`, else its detected language) and translated whole into
    `target`; with prefer_model, every language of the article goes to the multilingual
    model even where a pack exists. Problems are the result's `error`, `missing_pair` or
    `translation_note`, never an exception."""
    result = analyse(upload, SummarySettings(), source, steps=steps, detect=False)
    if result.article is None:
        return result
    return add_translation(result, _settings(result, target, prefer_model), steps)


def _settings(result: ArticleResult, target: str, prefer_model: bool) -> TranslationSettings:
    preferred: frozenset[tuple[str, str]] = frozenset()
    if prefer_model:
        article = result.article
        languages = {result.language} | {
            normalize_code(article.sentence_language(index))
            for index in range(len(article.sentences))
        }
        preferred = frozenset((language, target) for language in languages)
    return TranslationSettings(target=target, whole_article=True, prefer_model=preferred)


@dataclass(frozen=True)
class SentencePair:
    """A source sentence and its translation (the original where it was kept)."""

    source: str
    target: str


def sentence_pairs(result: ArticleResult) -> tuple[SentencePair, ...]:
    """Every sentence of the article beside its translation, in document order."""
    article = result.article
    if article is None:
        return ()
    texts = _translations(result)
    return tuple(
        SentencePair(sentence.text, texts.get(index, ""))
        for index, sentence in enumerate(article.sentences)
    )


def translated_text(result: ArticleResult) -> str:
    """The translated headline, then the paragraphs, line breaks kept, separated by a blank
    line; an article already in the target language as it is; "" when nothing was
    translated."""
    article = result.article
    if article is None:
        return ""
    texts = _translations(result)
    title = result.title_translation
    if title is None and result.language == result.target:
        title = article.title
    body = joined_text(article, texts) if texts else ""
    return "\n\n".join(part for part in (title, body) if part)


def _translations(result: ArticleResult) -> dict[int, str]:
    if not result.translations and result.language == result.target and result.article:
        return {index: sentence.text for index, sentence in enumerate(result.article.sentences)}
    return dict(result.translations)
