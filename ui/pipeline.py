"""The st.cache_* layer: each step of digest.steps cached on exactly its own inputs.

Because every step is keyed only by what it reads, changing the target language
re-runs the translation alone, and changing the length re-runs the summary alone.
The packages do the work; this module only decides what is remembered.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import threading
from collections import OrderedDict

import streamlit as st

from articles.model import Article
from digest import steps as plain
from digest.library import open_library
from digest.library.memory import model_version as memory_model_version
from digest.library.memory import remembered_picks, remembering, remembering_retry
from digest.offload import reading_size, run_sized
from languages.detection import ArticleLanguage
from summarizer.summary import Summary

log = logging.getLogger(__name__)

# The reading steps: a large file is worked on in a worker process (digest.offload), so
# one huge upload does not take the interpreter from every other reader's session; so is
# every file that is not plain text, whatever its size (a parser's worst case on a small
# hostile file can take seconds).
#
# They are kept with st.cache_resource and keyed by a fingerprint of their big input (the
# bytes, the text, the article), passed as the key; the input itself goes in an argument
# Streamlit does not hash (a leading underscore). st.cache_data would hash a 20 MB text
# and unpickle a copy of its article at every call, on every rerun, for seconds; these
# results are frozen dataclasses, so every session can share the one object.
_fingerprint_lock = threading.Lock()
_fingerprints: OrderedDict[int, tuple[object, str]] = OrderedDict()
_FINGERPRINTS_KEPT = 4096


def fingerprint(value: bytes | str | object) -> str:
    """A digest of a step's big input, computed once per object: the objects these steps
    return come back identical from the cache, so a rerun finds them here by identity."""
    with _fingerprint_lock:
        known = _fingerprints.get(id(value))
        if known is not None and known[0] is value:
            _fingerprints.move_to_end(id(value))
            return known[1]
    if isinstance(value, str):
        value_bytes = value.encode("utf-8", "surrogatepass")
    elif isinstance(value, bytes):
        value_bytes = value
    else:
        raise TypeError(f"no fingerprint for {type(value).__name__} that no step returned")
    digest = hashlib.blake2b(value_bytes, digest_size=16).hexdigest()
    _remember(value, digest)
    return digest


def _remember(value: object, digest: str) -> None:
    with _fingerprint_lock:
        _fingerprints[id(value)] = (value, digest)  # kept alive, so its id is not reused
        _fingerprints.move_to_end(id(value))
        while len(_fingerprints) > _FINGERPRINTS_KEPT:
            _fingerprints.popitem(last=False)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _decode(key: str, name: str, encoding: str | None, _data: bytes) -> plain.Decoded:
    # One line per real reading (file name and size only): the log shows that a file is
    # read once per content and encoding, whatever the reruns.
    log.info("reading %s (%s bytes)", name, f"{len(_data):,}")
    decoded = run_sized(reading_size(_data, name), plain.decode, _data, name, encoding)
    fingerprint(decoded.text)  # remembered now: every rerun finds the text by identity
    return decoded


def decode(data: bytes, name: str, encoding: str | None = None) -> plain.Decoded:
    return _decode(fingerprint(data), name, encoding, data)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _detect(key: str, _text: str) -> ArticleLanguage:
    return run_sized(len(_text), plain.detect, _text)


def detect(text: str) -> ArticleLanguage:
    return _detect(fingerprint(text), text)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _build(
    key: str,
    name: str,
    language: str,
    encoding: str,
    title: str | None,
    paragraph_languages: tuple[str, ...],
    _text: str,
) -> Article:
    article = run_sized(
        len(_text), plain.build, name, _text, language, encoding, title, paragraph_languages
    )
    _remember(article, "article:" + "|".join(
        (key, name, language, encoding, title or "", ",".join(paragraph_languages))
    ))
    return article


def build(
    name: str,
    text: str,
    language: str,
    encoding: str,
    title: str | None = None,
    paragraph_languages: tuple[str, ...] = (),
) -> Article:
    return _build(fingerprint(text), name, language, encoding, title, paragraph_languages, text)


def _summarize_sized(
    article: Article, algorithm: str, sentences: int | None, ratio: float | None,
    words: int | None,
) -> Summary:
    """The summary, in the worker process for a long article (digest.offload)."""
    size = sum(len(sentence.text) for sentence in article.sentences)
    return run_sized(size, plain.summarize, article, algorithm, sentences, ratio, words)


@st.cache_resource(show_spinner=False, max_entries=2000)
def _summarize(
    key: str,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    _article: Article,
) -> Summary:
    return _summarize_sized(_article, algorithm, sentences, ratio, words)


def summarize_article(
    article: Article,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    words: int | None = None,
) -> Summary:
    with _fingerprint_lock:
        known = _fingerprints.get(id(article))
    if known is None or known[0] is not article:
        # An article no step built here (a test's own): summarized uncached.
        return _summarize_sized(article, algorithm, sentences, ratio, words)
    return _summarize(known[1], algorithm, sentences, ratio, words, article)


translate = st.cache_data(show_spinner=False, max_entries=2000)(
    remembering(plain.translate, open_library)  # the library's translation memory
)
retry = st.cache_data(show_spinner=False, max_entries=2000)(
    remembering_retry(plain.retry, open_library)
)
model_version = st.cache_data(show_spinner=False, ttl=300)(memory_model_version)
picked = remembered_picks(open_library, model_version)  # the reader's latest pick
reachable_targets = st.cache_data(show_spinner=False, ttl=300)(plain.reachable_targets)
can_translate = st.cache_data(show_spinner=False, ttl=300)(plain.can_translate)
pack_sources = st.cache_data(show_spinner=False, ttl=300)(plain.pack_sources)
route = st.cache_data(show_spinner=False, ttl=300)(plain.route)
has_model_choice = st.cache_data(show_spinner=False, ttl=300)(plain.has_model_choice)
script_note = st.cache_data(show_spinner=False, ttl=300)(plain.script_note)


@st.cache_data(show_spinner=False, ttl=300)
def install_advice(source: str, target: str) -> str:
    """What to install for a missing pair (reads the index kept on disk, no network)."""
    from translator.packs.index import install_advice as advice

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
    retry=retry,
    picked=picked,
)
"""The job's steps as the dashboard runs them: cached, shared by every session."""

WARM_UP_DELAY = 1.0
"""Seconds to leave the first paint alone before warming up."""


def warm_up() -> None:
    """Load the summarizer and the language detectors in the background, after the first paint.

    A user needs seconds to pick files; by then sumy and nltk are imported and the two
    language detectors have loaded their models (once per process).
    """
    global _warming
    if _warming is None:
        _warming = threading.Timer(WARM_UP_DELAY, _load_once)
        _warming.daemon = True
        _warming.start()


def _load_once() -> None:
    importlib.import_module("summarizer.pipeline")
    importlib.import_module("languages.detection").preload()


_warming: threading.Timer | None = None


def clear_pack_caches() -> None:
    """Forget everything that depends on which packs are installed."""
    for cached in (
        translate, reachable_targets, can_translate, pack_sources, route, has_model_choice,
        install_advice, script_note, retry, model_version,
    ):
        cached.clear()
    from translator.changes import packs_changed

    packs_changed()
