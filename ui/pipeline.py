"""The st.cache_* layer: each step of the pipeline cached on exactly its own inputs.

decode (file bytes) -> detect (text) -> build (text, language) -> summarize
(article, algorithm, length) -> translate (sentences, source, target).
Because every step is keyed only by what it reads, changing the target language
re-runs the translation alone, and changing the length re-runs the summary alone.
The packages do the work; this module only decides what is remembered.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass

import streamlit as st

from articles.building import build_article
from articles.decoding import ArticleError, decode_bytes
from articles.model import Article
from summarizer.summary import Summary
from translator.detection import ArticleLanguage, detect_text_language
from translator.packs import installed_packs


@dataclass(frozen=True)
class Loaded:
    """A decoded upload, or the reason it could not be decoded (cacheable either way)."""

    text: str = ""
    encoding: str = ""
    error: str | None = None


@st.cache_data(show_spinner=False, max_entries=1000)
def decode(data: bytes, name: str) -> Loaded:
    try:
        decoded = decode_bytes(data, name)
    except ArticleError as error:
        return Loaded(error=error.reason)
    return Loaded(text=decoded.text, encoding=decoded.encoding)


@st.cache_data(show_spinner=False, max_entries=1000)
def detect(text: str) -> ArticleLanguage:
    """Detect per paragraph; paragraphs do not depend on the language, sentences do."""
    return detect_text_language(text)


@st.cache_data(show_spinner=False, max_entries=1000)
def build(name: str, text: str, language: str, encoding: str) -> Article:
    return build_article(name, text, language=language, encoding=encoding)


@st.cache_data(show_spinner=False, max_entries=2000)
def summarize_article(
    article: Article, algorithm: str, sentences: int | None, ratio: float | None
) -> Summary:
    from summarizer import summarize  # sumy + nltk: 0.5-1.5 s to import, kept off first paint

    return summarize.summarize(article, algorithm=algorithm, sentences=sentences, ratio=ratio)


@st.cache_data(show_spinner=False, max_entries=2000)
def translate(sentences: tuple[str, ...], source: str, target: str) -> tuple[str, ...]:
    from translator import engine  # loads CTranslate2: only when a translation is asked for

    return tuple(engine.translate_sentences(list(sentences), source, target))


@st.cache_data(show_spinner=False, ttl=300)
def reachable_targets(sources: tuple[str, ...]) -> tuple[str, ...]:
    """Every language some source can reach with the installed packs, sorted."""
    if not sources:
        return ()
    from translator import engine

    targets: set[str] = set()
    for source in sources:
        targets.update(engine.reachable_targets(source))
    return tuple(sorted(targets))


@st.cache_data(show_spinner=False, ttl=300)
def can_translate(source: str, target: str) -> bool:
    from translator import engine

    return engine.can_translate(source, target)


@st.cache_data(show_spinner=False, ttl=300)
def pack_sources() -> tuple[str, ...]:
    return tuple(sorted({pack.from_code for pack in installed_packs()}))


WARM_UP_DELAY = 1.0
"""Seconds to leave the first paint alone before warming up."""


def warm_up() -> None:
    """Load the summarizer and the language detectors in the background, after the first paint.

    A user needs seconds to pick files; by then sumy and nltk are imported, langdetect
    has read its 55 language profiles and lingua its regional models (about 1 s in all,
    once per process).
    """
    global _warming
    if _warming is None:
        _warming = threading.Timer(WARM_UP_DELAY, _load_once)
        _warming.daemon = True
        _warming.start()


def _load_once() -> None:
    importlib.import_module("summarizer.summarize")
    importlib.import_module("translator.detection").preload()


_warming: threading.Timer | None = None


def clear_pack_caches() -> None:
    """Forget everything that depends on which packs are installed."""
    for cached in (translate, reachable_targets, can_translate, pack_sources):
        cached.clear()
    from translator import engine, models

    engine.clear_translation_cache()
    models.forget_removed()
