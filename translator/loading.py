"""Loaded CTranslate2 models, Argos packs and multilingual models alike, shared process-wide.

Loading a model takes a second or more and hundreds of MB, so each is loaded once and shared by
every thread and Streamlit session. An entry is keyed by the model's folder and stamped with
what identifies that install (sizes and mtimes of its files): a model replaced by a newer
install is reloaded, a removed one is dropped. A translation already holding a Runner keeps
working after its model is removed (the weights are in memory); the next lookup reports it.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from translator.locking import PACKS_LOCK

T = TypeVar("T")


def intra_threads() -> int:
    """Threads per translation; the target machine has 2 cores (ARGOS_INTRA_THREADS overrides)."""
    configured = os.environ.get("ARGOS_INTRA_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(2, os.cpu_count() or 1))


def inter_threads() -> int:
    """Batches one loaded model runs at once (weights shared); 1 unless ARGOS_INTER_THREADS
    says more: the batch runner's per-node Ray actor serves all the node's tasks with it."""
    configured = os.environ.get("ARGOS_INTER_THREADS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else 1


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


@dataclass(eq=False)
class Runner:
    """A loaded model ready to translate one pair, as the engine batches through it.

    `key` changes when the model on disk is replaced (the sentence cache keys on it);
    `reader` names it in an error ("The German → English pack").
    """

    key: tuple
    translator: object  # ctranslate2.Translator
    tokenizer: Tokenizer
    target_prefix: str = ""
    reader: str = ""


@dataclass(eq=False)
class _Entry:
    stamp: tuple
    value: object
    stamp_of: Callable[[], tuple]


class LoadedModels:
    """The one cache of loaded models: folder -> the loaded model of its current install."""

    def __init__(self) -> None:
        self._items: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}
        self._loading_lock = threading.Lock()

    def get(self, name: str, stamp_of: Callable[[], tuple], load: Callable[[tuple], T],
            removed: Callable[[], Exception]) -> T:
        """The loaded model in folder `name`, loading it on first use or after a reinstall.

        stamp_of() identifies the install (OSError: it is gone, then removed() is raised);
        load(stamp) loads it under PACKS_LOCK, so no install swaps the folder meanwhile. Two
        sessions asking for the same model wait for one load; loading one model does not
        hold up sessions using models already loaded.
        """
        with self._loading_lock:
            loading = self._loading.setdefault(name, threading.Lock())
        with loading:
            with self._lock:
                try:
                    stamp = stamp_of()
                except OSError:
                    self._items.pop(name, None)
                    raise removed() from None
                cached = self._items.get(name)
                if cached is not None and cached.stamp == stamp:
                    return cached.value  # type: ignore[return-value]
                self._drop_stale()  # a replaced model frees its memory before another loads
            with PACKS_LOCK:
                try:
                    stamp = stamp_of()
                except OSError:
                    raise removed() from None
                value = load(stamp)
            with self._lock:
                self._items[name] = _Entry(stamp, value, stamp_of)
            return value

    def _drop_stale(self) -> None:
        """Forget models whose files are gone or changed; lock held."""
        for name, entry in list(self._items.items()):
            try:
                if entry.stamp_of() == entry.stamp:
                    continue
            except OSError:
                pass
            del self._items[name]

    def forget_removed(self) -> None:
        """Free the models whose folders were removed or replaced."""
        with self._lock:
            self._drop_stale()

    def clear(self) -> None:
        """Forget every loaded model (tests, or to free memory)."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


LOADED = LoadedModels()
