"""A whole document translated: the job's own steps (analyse, then add_translation of the
whole article), as the dashboard, `news-digest translate` and the batch runner do it.

The translator translates sentences; this is where a document's sentences are read,
each paragraph put in its own language, translated and joined back into paragraphs.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from articles.layout import joined_text
from digest.job import ArticleResult, Upload, add_translation, analyse
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN, Steps
from languages.codes import normalize_code
from translator.glossary import Glossary


def translate_document(
    upload: Upload,
    target: str,
    source: str | None = None,
    prefer_model: bool = False,
    steps: Steps = PLAIN,
    glossary: Glossary | None = None,
) -> ArticleResult:
    """The upload read (in `source`, else its detected language) and translated whole into
    `target`; with prefer_model, every language of the article goes to the multilingual
    model even where a pack exists; the glossary's terms come out as it says. Problems are
    the result's `error`, `missing_pair` or `translation_note`, never an exception."""
    result = analyse(upload, SummarySettings(), source, steps=steps, detect=False)
    if result.article is None:
        return result
    settings = _settings(result, target, prefer_model)
    if glossary:
        settings = replace(settings, glossary=glossary)
    return add_translation(result, settings, steps)


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


def translate_paragraphs(
    paragraphs: Sequence[str],
    target: str,
    source: str | None = None,
    prefer_model: bool = False,
    steps: Steps = PLAIN,
    name: str = "document",
    glossary: Glossary | None = None,
) -> ArticleResult:
    """Paragraphs (a document's own: headings, list items, table cells) translated whole
    by the job's add_translation, each from its own language, its sentences split as the
    job splits them, the glossary kept; read back with paragraph_translations. Without
    `source`, the languages are detected as an article's are. For digest.formatted."""
    from articles.model import Article, Sentence
    from articles.segmentation import split_sentences
    from languages.detection import detect_article_language
    from summarizer.summary import ArticleStats, Summary

    texts = tuple(" ".join(paragraph.split()) for paragraph in paragraphs)
    codes: tuple[str, ...] = ()
    language = source
    if language is None:
        detection = detect_article_language(texts)
        language = detection.main.code
        codes = detection.paragraph_codes(language)
        codes = codes if len(codes) == len(texts) else ()
    sentences = tuple(
        Sentence(sentence, index)
        for index, text in enumerate(texts)
        for sentence in split_sentences(text, codes[index] if codes else language)
    )
    article = Article(name=name, title="", paragraphs=texts, sentences=sentences,
                      language=language,
                      paragraph_languages=codes if any(c != language for c in codes) else ())
    nothing = Summary((), "", language, ArticleStats(0, len(sentences), 0.0, 0, 0, 0.0))
    result = ArticleResult(Upload(name, b""), article=article, language=language,
                           summary=nothing)  # no summary is asked for: the whole is translated
    settings = _settings(result, target, prefer_model)
    if glossary:
        settings = replace(settings, glossary=glossary)
    return add_translation(result, settings, steps)


def paragraph_translations(result: ArticleResult) -> list[str]:
    """Each paragraph of translate_paragraphs' result translated (a sentence left
    untranslated, its language having no pack, stays as it was)."""
    article = result.article
    if article is None:
        return []
    texts = _translations(result)
    joined: list[list[str]] = [[] for _ in article.paragraphs]
    for index, sentence in enumerate(article.sentences):
        joined[sentence.paragraph].append(texts.get(index) or sentence.text)
    return [" ".join(parts) if parts else article.paragraphs[number]
            for number, parts in enumerate(joined)]
