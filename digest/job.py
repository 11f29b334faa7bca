"""One article's whole job: bytes and settings in; article, language, summary and
translation (or the reason each failed) out.

Nothing here knows Streamlit: the dashboard passes its cached steps, the CLIs and the
batch runner the plain ones. A failure inside one article becomes that article's
message; the traceback goes to the log, never to the reader.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from functools import cached_property

from articles.model import Article
from digest.checked import translate_checked
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN, Steps
from languages.codes import UNDETERMINED, is_determined, normalize_code
from languages.detection import ArticleLanguage
from languages.names import language_name
from languages.transliteration import script_tag
from summarizer.summary import Summary
from translator.checks import SentenceCheck
from translator.glossary import Glossary

log = logging.getLogger(__name__)

MB = 1024 * 1024
"""Upload limits count megabytes of 2**20 bytes, as Streamlit does."""
ARTICLE_MAX_MB = 25
"""Largest article file accepted; language packs, far larger, have the server's limit."""
ARTICLE_MAX_BYTES = ARTICLE_MAX_MB * MB


@dataclass(frozen=True)
class Upload:
    """A file (or pasted text) as the reader gave it."""

    name: str
    data: bytes

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

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
    language: str = UNDETERMINED
    overridden: bool = False
    summary: Summary | None = None
    translations: dict[int, str] = field(default_factory=dict)
    """Sentence index (into article.sentences) -> its translation."""
    target: str | None = None
    translation_note: str | None = None
    missing_pair: tuple[str, str] | None = None
    format: str = "text"
    """How the file was read: text, markdown, html, docx, odt, pdf."""
    reading_notes: tuple[str, ...] = ()
    """What the reader should know about the reading ("3 unreadable bytes replaced")."""
    forced_encoding: str | None = None
    """The code page the reader chose with "Read as", None when detected."""
    kept: frozenset[int] = frozenset()
    """Sentence indices already in the target language: their "translation" is the original."""
    title_translation: str | None = None
    route: str = ""
    """How the main language was translated: "via NLLB-200", "via English" or ""."""
    flags: dict[int, SentenceCheck] = field(default_factory=dict)
    """Sentence index -> what the checks found in its translation (flagged sentences only)."""
    retried: dict[int, str] = field(default_factory=dict)
    """Sentence index -> the other route whose translation was kept ("NLLB-200")."""
    picked: frozenset[int] = frozenset()
    """Sentence indices whose translation the reader picked among alternatives."""
    glossary: Glossary = Glossary()
    """The glossary the translation kept (to mark its terms)."""

    @property
    def translation_reason(self) -> str | None:
        """Why the article has no translation (None when it has one or none was asked)."""
        if self.translations and len(self.kept) < len(self.translations):
            return None
        if self.missing_pair:
            source, target = self.missing_pair
            return f"No language pack for {language_name(source)} → {language_name(target)}."
        return self.translation_note

    @property
    def name(self) -> str:
        return self.upload.name

    @property
    def ok(self) -> bool:
        return self.error is None


def too_large(upload: Upload, max_bytes: int = ARTICLE_MAX_BYTES) -> str | None:
    """The reason an upload is refused for its size, or None."""
    if len(upload.data) <= max_bytes:
        return None
    size = len(upload.data) / MB
    return (
        f"the file is too large ({size:.1f} MB, {len(upload.data):,} bytes); the limit is "
        f"{max_bytes // MB} MB ({max_bytes:,} bytes)."
    )


def read_upload(
    upload: Upload,
    override: str | None = None,
    max_bytes: int = ARTICLE_MAX_BYTES,
    steps: Steps = PLAIN,
    detect: bool = True,
    encoding: str | None = None,
) -> ArticleResult:
    """Read, detect and build one upload (no summary yet); bad input becomes `error`.

    With an override, detect=False skips detection (a CLI given --language needs none);
    `encoding` forces the code page of a text or web page ("Read as").
    """
    refusal = too_large(upload, max_bytes)
    if refusal:
        return ArticleResult(upload, error=refusal)
    loaded = steps.decode(upload.data, upload.name, encoding)
    if loaded.error:
        return ArticleResult(upload, error=loaded.error, forced_encoding=encoding)
    detection = steps.detect(loaded.text) if detect or not override else None
    detected = detection.main.code if detection else None
    language = override or detected or UNDETERMINED
    paragraph_languages = detection.paragraph_codes(language) if detection else ()
    if paragraph_languages and not is_determined(language):
        paragraph_languages = ()
    if any(code != language for code in paragraph_languages):
        article = steps.build(
            upload.name, loaded.text, language, loaded.encoding, loaded.title,
            paragraph_languages,
        )
    else:  # one language: the same call (and cache entry) as before
        article = steps.build(upload.name, loaded.text, language, loaded.encoding, loaded.title)
    if not article.sentences:
        return ArticleResult(
            upload, error="the file has a title but no text to summarize.",
            forced_encoding=encoding,
        )
    return ArticleResult(
        upload,
        article=article,
        detection=detection,
        language=language,
        overridden=override is not None and detected is not None and override != detected,
        format=loaded.format,
        reading_notes=loaded.notes,
        forced_encoding=encoding,
    )


def analyse(
    upload: Upload,
    summary: SummarySettings,
    override: str | None = None,
    max_bytes: int = ARTICLE_MAX_BYTES,
    steps: Steps = PLAIN,
    detect: bool = True,
    encoding: str | None = None,
) -> ArticleResult:
    """Read, detect, build and summarize one upload; bad input becomes `error`."""
    result = read_upload(upload, override, max_bytes, steps, detect, encoding)
    if not result.ok or result.article is None:
        return result
    if summary.words is not None:
        summarized = steps.summarize(
            result.article, summary.algorithm, None, None, summary.words
        )
    else:
        summarized = steps.summarize(
            result.article, summary.algorithm, summary.sentences, summary.ratio
        )
    return replace(result, summary=summarized)


def analyse_safely(
    upload: Upload,
    summary: SummarySettings,
    override: str | None = None,
    max_bytes: int = ARTICLE_MAX_BYTES,
    steps: Steps = PLAIN,
    encoding: str | None = None,
) -> ArticleResult:
    """analyse(), with a failure inside one article kept to that article (and logged)."""
    try:
        return analyse(upload, summary, override, max_bytes, steps, encoding=encoding)
    except Exception as error:  # noqa: BLE001 - shown to the reader by file name
        log.exception("processing %r failed", upload.name)
        return ArticleResult(
            upload, error=f"the article could not be processed ({type(error).__name__}: {error})."
        )


def add_translation(
    result: ArticleResult, settings: TranslationSettings, steps: Steps = PLAIN
) -> ArticleResult:
    """Translate the summary (or the whole article) and the headline, each paragraph from
    its own language; a paragraph already in the target language is kept as it is.

    A missing pack for the main language becomes `missing_pair`; one for a quoted
    paragraph's language leaves those sentences untranslated, with a note. Sentences of an
    Uzbek or Kazakh paragraph in its other script go as "uz-Cyrl" / "kk-Latn", so the
    engine transliterates them for a model that reads only one script; the note says so.
    """
    target = settings.target
    if not result.ok or target is None or result.article is None or result.summary is None:
        return result
    article, source = result.article, result.language
    if not is_determined(source):
        return replace(
            result,
            target=target,
            translation_note="The language of this article is undetermined: "
            "choose it above to translate it.",
        )
    if settings.whole_article:
        indices = list(range(len(article.sentences)))
    else:
        indices = [sentence.index for sentence in result.summary.sentences]
    groups: dict[str, list[int]] = {}
    tags: dict[int, str] = {}  # paragraph -> its language, with its script if unusual
    for index in indices:
        paragraph = article.sentences[index].paragraph
        if paragraph not in tags:
            tags[paragraph] = _paragraph_source(article, index, source, target)
        groups.setdefault(tags[paragraph], []).append(index)
    if source == target and set(groups) <= {target}:
        return replace(
            result,
            target=target,
            translation_note=f"This article is already in {language_name(target)}.",
        )
    if source != target and not steps.can_translate(source, target):
        return replace(result, target=target, missing_pair=(source, target))
    translations: dict[int, str] = {index: article.sentences[index].text
                                    for index in groups.pop(target, [])}
    kept = frozenset(translations)
    title, missing, notes = None, [], []
    flags: dict[int, SentenceCheck] = {}
    retried: dict[int, str] = {}
    picked: set[int] = set()
    # the headline goes with the main language's sentences written in its script
    main = script_tag(source, article.title) if article.title and source != target else source
    if article.title and source != target:
        groups.setdefault(main, [])
    try:
        for language, members in groups.items():
            base = normalize_code(language)
            if not steps.can_translate(language, target):
                if base not in missing:
                    missing.append(base)
                continue
            texts = tuple(article.sentences[index].text for index in members)
            with_title = language == main and bool(article.title)
            if with_title:  # the headline goes in the same call as its language's sentences
                texts = (article.title, *texts)
            prefer = (base, target) in settings.prefer_model
            checked = translate_checked(steps, texts, language, target, prefer,
                                        settings.glossary)
            translated = checked.texts
            if with_title:
                title, translated = translated[0], translated[1:]
            translations.update(zip(members, translated, strict=True))
            offset = 1 if with_title else 0
            for position, index in enumerate(members, start=offset):
                if not checked.checks[position].ok:
                    flags[index] = checked.checks[position]
                if checked.retried[position]:
                    retried[index] = checked.retried[position]
                if position in checked.picked:
                    picked.add(index)
            note = steps.script_note(language, target, prefer) if language != base else ""
            if note and note not in notes:
                notes.append(note)
    except Exception as error:  # noqa: BLE001 - a broken pack must not cost the reader the page
        log.exception("translating %r into %s failed", result.name, target)
        return replace(result, target=target, translation_note=f"The translation failed: {error}")
    if missing:
        names = ", ".join(language_name(code) for code in missing)
        notes.insert(0, f"Paragraphs in {names} are not translated: no language pack for "
                        f"{names} → {language_name(target)}.")
    note = " ".join(notes) or None
    return replace(
        result,
        target=target,
        translations=dict(sorted(translations.items())),
        kept=kept,
        title_translation=title,
        translation_note=note,
        flags=flags,
        retried=retried,
        picked=frozenset(picked),
        glossary=settings.glossary,
        route=steps.route(source, target, (source, target) in settings.prefer_model)
        if source != target else "",
    )


def _sentence_source(article: Article, index: int, main: str) -> str:
    """The language a sentence is translated from: its paragraph's, if determined."""
    language = article.sentence_language(index)
    return language if is_determined(language) else main


def _paragraph_source(article: Article, index: int, main: str, target: str) -> str:
    """The sentence's language, with its paragraph's script when that is not the
    language's usual one ("uz-Cyrl"); a paragraph in the target language stays as it is."""
    language = _sentence_source(article, index, main)
    paragraph = article.sentences[index].paragraph
    if language == target or not 0 <= paragraph < len(article.paragraphs):
        return language
    return script_tag(language, article.paragraphs[paragraph])


def process(
    upload: Upload,
    summary: SummarySettings,
    translation: TranslationSettings,
    override: str | None = None,
    steps: Steps = PLAIN,
) -> ArticleResult:
    """The whole job for one upload: analyse it, then translate it as asked."""
    analysed = analyse_safely(upload, summary, override, steps=steps)
    return add_translation(analysed, translation, steps)
