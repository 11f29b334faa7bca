"""The st.cache_* layer: each step of digest.steps cached on exactly its own inputs.

Because every step is keyed only by what it reads, changing the target language
re-runs the translation alone, and changing the length re-runs the summary alone.
The packages do the work; this module only decides what is remembered.
"""

from __future__ import annotations

import importlib
import threading

import streamlit as st

from articles.model import Article
from digest import steps as plain
from digest.library import open_library
from digest.library.memory import remembering
from digest.offload import reading_size, run_sized
from languages.detection import ArticleLanguage
from summarizer.summary import Summary


# The reading steps: a large file is worked on in a worker process (digest.offload), so
# one huge upload does not take the interpreter from every other reader's session; so is
# every file that is not plain text, whatever its size (a parser's worst case on a small
# hostile file can take seconds).
@st.cache_data(show_spinner=False, max_entries=1000)
def decode(data: bytes, name: str, encoding: str | None = None) -> plain.Decoded:
    return run_sized(reading_size(data, name), plain.decode, data, name, encoding)


@st.cache_data(show_spinner=False, max_entries=1000)
def detect(text: str) -> ArticleLanguage:
    return run_sized(len(text), plain.detect, text)


@st.cache_data(show_spinner=False, max_entries=1000)
def build(
    name: str,
    text: str,
    language: str,
    encoding: str,
    title: str | None = None,
    paragraph_languages: tuple[str, ...] = (),
) -> Article:
    return run_sized(
        len(text), plain.build, name, text, language, encoding, title, paragraph_languages
    )


@st.cache_data(show_spinner=False, max_entries=2000)
def summarize_article(
    article: Article,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    words: int | None = None,
) -> Summary:
    size = sum(len(sentence.text) for sentence in article.sentences)
    return run_sized(size, plain.summarize, article, algorithm, sentences, ratio, words)


translate = st.cache_data(show_spinner=False, max_entries=2000)(
    remembering(plain.translate, open_library)  # the library's translation memory
)
reachable_targets = st.cache_data(show_spinner=False, ttl=300)(plain.reachable_targets)
can_translate = st.cache_data(show_spinner=False, ttl=300)(plain.can_translate)
pack_sources = st.cache_data(show_spinner=False, ttl=300)(plain.pack_sources)
route = st.cache_data(show_spinner=False, ttl=300)(plain.route)
has_model_choice = st.cache_data(show_spinner=False, ttl=300)(plain.has_model_choice)
script_note = st.cache_data(show_spinner=False, ttl=300)(plain.script_note)


@st.cache_data(show_spinner=False, ttl=300)
def install_advice(source: str, target: str) -> str:
    """What to install for a missing pair (reads the index kept on disk, no network)."""
    from translator.index import install_advice as advice

    return advice(source, target)

STEPS = plain.Steps(
    decode=decode,
    detect=detect,
    build=build,
    summarize=summarize_article,
    can_translate=can_translate,
    translate=translate,
    route=route,
    script_note=script_note,
)
"""The job's steps as the dashboard runs them: cached, shared by every session."""

WARM_UP_DELAY = 1.0
"""Seconds to leave the first paint alone before warming up."""


def warm_up() -> None:
    """Load the summarizer and the language detectors in the background, after the first paint.

    A user needs seconds to pick files; by then sumy and nltk are imported and the two
    language detectors have loaded their models (about 1 s in all, once per process).
    """
    global _warming
    if _warming is None:
        _warming = threading.Timer(WARM_UP_DELAY, _load_once)
        _warming.daemon = True
        _warming.start()


def _load_once() -> None:
    importlib.import_module("summarizer.summarize")
    importlib.import_module("languages.detection").preload()


_warming: threading.Timer | None = None


def clear_pack_caches() -> None:
    """Forget everything that depends on which packs are installed."""
    for cached in (
        translate, reachable_targets, can_translate, pack_sources, route, has_model_choice,
        install_advice, script_note,
    ):
        cached.clear()
    from translator.changes import packs_changed

    packs_changed()
