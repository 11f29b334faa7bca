"""Concurrent requests for the same work do it once ("single flight").

Twenty clients asking for the same sentence at once would otherwise all miss the
translation memory and all run the model. The first caller of a key does the work; the
others wait for its result (or its error). Keys held by this caller are worked on before
it waits on anyone else's, so two callers waiting on each other cannot happen.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SingleFlight(Generic[K, V]):
    def __init__(self) -> None:
        self._running: dict[K, Future[V]] = {}
        self._lock = threading.Lock()

    def run(self, keys: Sequence[K], work: Callable[[list[K]], Sequence[V]]) -> list[V]:
        """One value per key, in order: work(keys nobody else is working on) for those,
        the other callers' results for the rest."""
        owned: list[K] = []
        waiting: dict[K, Future[V]] = {}
        with self._lock:
            for key in dict.fromkeys(keys):
                running = self._running.get(key)
                if running is None:
                    self._running[key] = Future()
                    owned.append(key)
                else:
                    waiting[key] = running
        found: dict[K, V] = {}
        if owned:
            try:
                values = list(work(owned))
                if len(values) != len(owned):
                    raise RuntimeError("single flight: one value per key expected")
            except BaseException as error:
                with self._lock:
                    for key in owned:
                        self._running.pop(key).set_exception(error)
                raise
            with self._lock:
                for key, value in zip(owned, values, strict=True):
                    self._running.pop(key).set_result(value)
                    found[key] = value
        for key, running in waiting.items():
            found[key] = running.result()
        return [found[key] for key in keys]

    def __len__(self) -> int:
        with self._lock:
            return len(self._running)
