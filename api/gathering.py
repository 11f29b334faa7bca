"""Sentences of concurrent requests translated together, in one batch per language pair.

One loaded model runs one batch at a time; a batch of twenty sentences costs far less
than twenty batches of one. While a batch runs, the sentences of the requests that
arrive are gathered; when it ends, one of the waiting requests runs everything gathered
for its pair as the next batch. No request waits on a timer: an idle server translates a
lone request at once.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future

Work = Callable[[tuple[str, ...], str, str], Sequence[str]]


class Gatherer:
    def __init__(self, work: Work) -> None:
        self._work = work
        self._pending: dict[Hashable, list[tuple[tuple[str, ...], Future]]] = {}
        self._running: set[Hashable] = set()
        self._changed = threading.Condition()

    def translate(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """work(sentences, source, target), possibly run together with other callers'."""
        pair = (source, target)
        mine: Future = Future()
        with self._changed:
            self._pending.setdefault(pair, []).append((tuple(sentences), mine))
            while not mine.done():
                if pair not in self._running:
                    self._running.add(pair)
                    batch = self._pending.pop(pair)
                    break
                self._changed.wait()
            else:
                return mine.result()
        try:
            self._run(batch, source, target)
        finally:
            with self._changed:
                self._running.discard(pair)
                self._changed.notify_all()
        return mine.result()

    def _run(self, batch: list[tuple[tuple[str, ...], Future]], source: str, target: str) -> None:
        unique = tuple(dict.fromkeys(sentence for sentences, _ in batch for sentence in sentences))
        try:
            done = dict(zip(unique, self._work(unique, source, target), strict=True))
        except BaseException as error:
            for _, waiting in batch:
                waiting.set_exception(error)
            return
        for sentences, waiting in batch:
            waiting.set_result([done[sentence] for sentence in sentences])
