"""One upload -> everything the dashboard shows about it, through the cached pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property

from articles.model import Article
from summarizer.summary import Summary
from translator.detection import ArticleLanguage, language_name
from ui import pipeline
from ui.settings import SummarySettings, TranslationSettings

MB = 1024 * 1024
"""Streamlit's upload limit counts megabytes of 2**20 bytes."""
ARTICLE_MAX_MB = 25
"""Largest article file accepted; language packs, far larger, have the server's limit."""


@dataclass(frozen=True)
class Upload:
    """A file (or pasted text) as the user gave it."""

    name: str
    data: bytes

    @cached_property
    def key(self) -> str:
        """Stable across reruns and unique per content: keys the article's widgets."""
        return f"{self.name}-{hashlib.sha1(self.data).hexdigest()[:12]}"


@dataclass(frozen=True)
class ArticleResult:
    upload: Upload
    error: str | None = None
    article: Article | None = None
    detection: ArticleLanguage | None = None
    language: str = "und"
    overridden: bool = False
    summary: Summary | None = None
    translations: dict[int, str] = field(default_factory=dict)
    """Sentence index (into article.sentences) -> its translation."""
    target: str | None = None
    translation_note: str | None = None
    missing_pair: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        return self.upload.name

    @property
    def ok(self) -> bool:
        return self.error is None


def analyse(
    upload: Upload, summary: SummarySettings, override: str | None, max_bytes: int
) -> ArticleResult:
    """Decode, detect, build and summarize one upload; bad input becomes `error`."""
    if len(upload.data) > max_bytes:
        size = len(upload.data) / MB
        return ArticleResult(
            upload,
            error=f"the file is too large ({size:.1f} MB); the limit is "
            f"{max_bytes // MB} MB.",
        )
    loaded = pipeline.decode(upload.data, upload.name)
    if loaded.error:
        return ArticleResult(upload, error=loaded.error)
    detection = pipeline.detect(loaded.text)
    language = override or detection.main.code
    article = pipeline.build(upload.name, loaded.text, language, loaded.encoding)
    if not article.sentences:
        return ArticleResult(upload, error="the file has a title but no text to summarize.")
    result = pipeline.summarize_article(
        article, summary.algorithm, summary.sentences, summary.ratio
    )
    return ArticleResult(
        upload,
        article=article,
        detection=detection,
        language=language,
        overridden=override is not None and override != detection.main.code,
        summary=result,
    )


def add_translation(result: ArticleResult, settings: TranslationSettings) -> ArticleResult:
    """Translate the summary (or the whole article); a missing pack becomes a note."""
    target = settings.target
    if not result.ok or target is None or result.article is None or result.summary is None:
        return result
    source = result.language
    if source == "und":
        return replace(
            result,
            target=target,
            translation_note="The language of this article is undetermined: "
            "choose it above to translate it.",
        )
    if source == target:
        return replace(
            result,
            target=target,
            translation_note=f"This article is already in {language_name(target)}.",
        )
    if not pipeline.can_translate(source, target):
        return replace(result, target=target, missing_pair=(source, target))
    if settings.whole_article:
        indices = list(range(len(result.article.sentences)))
    else:
        indices = [sentence.index for sentence in result.summary.sentences]
    try:
        texts = tuple(result.article.sentences[index].text for index in indices)
        translated = pipeline.translate(texts, source, target)
    except Exception as error:  # a broken pack must not cost the user the page
        return replace(result, target=target, translation_note=f"The translation failed: {error}")
    return replace(result, target=target, translations=dict(zip(indices, translated, strict=True)))
