"""The pipeline's steps as plain functions, each keyed only by what it reads.

decode (file bytes) -> detect (text) -> build (text, language) -> summarize
(article, algorithm, length) -> translate (sentences, source, target).
The dashboard caches each one (ui.pipeline); the CLIs and the batch runner call
them as they are. Heavy libraries (sumy, CTranslate2) are imported on first use.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articles.building import build_article
from articles.decoding import ArticleError
from articles.model import Article
from articles.reading import read_document
from languages.detection import ArticleLanguage, detect_text_language
from summarizer.summary import Summary
from translator.glossary import Glossary

if TYPE_CHECKING:
    from translator.engine.retrying import Retried

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decoded:
    """A file read in whatever format it is, or the reason it could not be read
    (cacheable either way)."""

    text: str = ""
    encoding: str = ""
    """The code page of a text or web page ("" for Word, PDF)."""
    title: str | None = None
    """The title the file gives itself (web page, Word); None: guessed from the text."""
    format: str = "text"
    notes: tuple[str, ...] = ()
    """What the reader should know about the reading ("3 unreadable bytes replaced")."""
    error: str | None = None


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Read a file of any supported format; `encoding` forces a text's code page."""
    try:
        document = read_document(data, name, encoding)
    except ArticleError as error:
        return Decoded(error=error.reason)
    return Decoded(
        text=document.text,
        encoding=document.encoding or "",
        title=document.title,
        format=document.format,
        notes=tuple(document.notes),
    )


def detect(text: str) -> ArticleLanguage:
    """Per paragraph; paragraphs do not depend on the language, sentences do."""
    return detect_text_language(text)


def build(
    name: str,
    text: str,
    language: str,
    encoding: str,
    title: str | None = None,
    paragraph_languages: tuple[str, ...] = (),
) -> Article:
    return build_article(
        name, text, language=language, encoding=encoding, title=title,
        paragraph_languages=paragraph_languages,
    )


def summarize(
    article: Article,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    words: int | None = None,
) -> Summary:
    from summarizer import summarize as summarize_article  # sumy + nltk load on first use

    if words is not None:  # a length in words takes precedence over the others
        return summarize_article(article, algorithm=algorithm, words=words)
    return summarize_article(article, algorithm=algorithm, sentences=sentences, ratio=ratio)


def translate(
    sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
    glossary: Glossary | None = None,
) -> tuple[str, ...]:
    from translator import engine  # loads CTranslate2: only when a translation is asked for

    return tuple(engine.translate_sentences(
        list(sentences), source, target, prefer_model=prefer_model, glossary=glossary
    ))


def retry(
    sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
    glossary: Glossary | None = None,
) -> Retried | None:
    """The sentences translated on the pair's other route (a model for a pack, a pack for a
    model, packs through English), for flagged sentences; None when there is none or it
    failed (the first translation stays)."""
    from translator.engine.retrying import retry_sentences
    from translator.errors import TranslatorError

    try:
        return retry_sentences(sentences, source, target, prefer_model, glossary)
    except TranslatorError:
        log.exception("retrying %d sentences %s -> %s failed", len(sentences), source, target)
        return None


def picked(
    sentences: tuple[str, ...], source: str, target: str, prefer_model: bool = False,
    glossary: Glossary | None = None,
) -> dict[int, str]:
    """The reader's picks among alternative translations (index -> translation): none
    without a library (digest.library.memory keeps them)."""
    return {}


def route(source: str, target: str, prefer_model: bool = False) -> str:
    """How the pair would be translated, for the reader ("via NLLB-200", "via English", "")."""
    from translator import engine
    from translator.errors import TranslatorError

    try:
        return engine.route_for(source, target, prefer_model).via
    except TranslatorError:
        return ""


def script_note(source: str, target: str, prefer_model: bool = False) -> str:
    """What translating from `source` ("uz-Cyrl") transliterates, for the reader; "" if
    nothing: "Uzbek in Cyrillic was transliterated to Latin for NLLB-200." """
    from translator import engine
    from translator.errors import TranslatorError

    try:
        return engine.script_note(source, target, prefer_model)
    except TranslatorError:
        return ""


def has_model_choice(source: str, target: str) -> bool:
    """Whether a multilingual model could translate a pair that a pack translates now."""
    from translator import engine
    from translator.errors import TranslatorError

    try:
        return engine.has_model_choice(source, target)
    except TranslatorError:
        return False


def can_translate(source: str, target: str) -> bool:
    from translator import engine

    return engine.can_translate(source, target)


def reachable_targets(sources: tuple[str, ...]) -> tuple[str, ...]:
    """Every language some source can reach with the installed packs, sorted."""
    if not sources:
        return ()
    from translator import engine

    targets: set[str] = set()
    for source in sources:
        targets.update(engine.reachable_targets(source))
    return tuple(sorted(targets))


def pack_sources() -> tuple[str, ...]:
    """The languages installed packs and multilingual models translate from."""
    from translator import engine

    return tuple(engine.translatable_sources())


@dataclass(frozen=True)
class Steps:
    """The steps one job runs; the dashboard passes cached versions of the same functions."""

    decode: Callable[[bytes, str, str | None], Decoded] = decode
    detect: Callable[[str], ArticleLanguage] = detect
    build: Callable[..., Article] = build
    summarize: Callable[..., Summary] = summarize
    can_translate: Callable[[str, str], bool] = can_translate
    translate: Callable[..., tuple[str, ...]] = translate
    route: Callable[[str, str, bool], str] = route
    script_note: Callable[[str, str, bool], str] = script_note
    retry: Callable[..., Retried | None] = retry
    picked: Callable[..., dict[int, str]] = picked


PLAIN = Steps()
"""The steps uncached, for the CLIs and the batch runner."""
