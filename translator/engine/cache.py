"""Sentence translations remembered per process: a sentence seen before with the same loaded
model (in this document or an earlier one) is not translated again."""
from __future__ import annotations

import threading
from collections import OrderedDict

CACHE_SIZE = 20_000
"""Translated sentences remembered per process (a few MB)."""


class TranslationCache:
    """A bounded LRU of sentence translations keyed by (runner key, sentence); thread-safe."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._items: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> str | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: str) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


translation_cache = TranslationCache(CACHE_SIZE)


def clear_translation_cache() -> None:
    """Forget remembered sentence translations (loaded models stay loaded)."""
    translation_cache.clear()
