"""Where rows are made: the Engine protocol and the local process pool.

An engine takes Tasks and hands back Outcomes as they finish; the runner keeps a
bounded number in flight, so a million-file archive never sits in memory. Ctrl-C
reaches only the runner (workers ignore SIGINT); `stop()` then drops the queued
tasks, lets the running ones finish and returns them, so nothing is half-written.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from digest.batch.article import (
    BatchSettings,
    Outcome,
    Task,
    WorkerInfo,
    error_row,
    run_task,
    warm_up,
)
from digest.batch.article import worker_info as _worker_info

log = logging.getLogger(__name__)


class Engine(Protocol):
    workers: int
    helpers: list[WorkerInfo]

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def submit(self, task: Task) -> None: ...

    def pending(self) -> int: ...

    def wait_any(self) -> list[Outcome]:
        """Block until at least one task is done; return every finished one."""

    def stop(self) -> list[Outcome]:
        """Drop queued tasks, wait for running ones and return what finished."""


PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0
STOP_WAIT = 30.0
"""Seconds the running articles get to finish after Ctrl-C."""


def _die_with(driver: int) -> None:
    """End this worker when the driver dies, even by kill -9 (which runs no clean-up in
    the driver): the kernel sends SIGKILL on Linux; elsewhere a thread watches the
    parent's pid. A worker whose driver is already gone exits at once."""
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            log.warning("batch: prctl is not available; watching the driver instead")
    if os.getppid() != driver:
        os._exit(1)
    if not watched:
        threading.Thread(target=_watch, args=(driver,), name="driver-watch", daemon=True).start()


def _watch(driver: int) -> None:
    while os.getppid() == driver:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _init_worker(driver: int, log_level: int = logging.CRITICAL) -> None:
    """Once per worker process: die with the driver, log as the driver does (tracebacks
    only with --verbose), leave Ctrl-C to the runner, translate
    on one thread (the workers are the parallelism: CTranslate2's extra threads only spin
    on small batches, docs/batch.md; unless ARGOS_INTRA_THREADS says otherwise), load sumy
    and the detectors."""
    _die_with(driver)
    logging.basicConfig(level=log_level, stream=sys.stderr,
                        format="digest: %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("ARGOS_INTRA_THREADS", "1")
    warm_up()


def lost(task: Task, settings: BatchSettings, error: BaseException) -> Outcome:
    """The row for a task whose worker died (killed, out of memory)."""
    reason = f"the worker processing this file stopped ({type(error).__name__}: {error})"
    return Outcome(task.index, error_row(task, settings, reason), _worker_info())


class LocalEngine:
    """A process pool on this machine; each worker loads its libraries and models once
    (translation models on first use, kept by translator.loading for the worker's life)."""

    def __init__(self, settings: BatchSettings, workers: int) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[Outcome], Task] = {}
        self.helpers: list[WorkerInfo] = []

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), logging.getLogger().getEffectiveLevel()),
        )

    def __enter__(self) -> LocalEngine:
        return self  # the pool starts with the first task: a run with nothing to do is quick

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, task: Task) -> None:
        if self._pool is None:
            self._pool = self._new_pool()
        try:
            future = self._pool.submit(run_task, task, self.settings)
        except BrokenProcessPool:
            log.warning("batch: the process pool broke; starting a new one")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            future = self._pool.submit(run_task, task, self.settings)
        self._futures[future] = task

    def pending(self) -> int:
        return len(self._futures)

    def _collect(self, futures: set[Future[Outcome]]) -> list[Outcome]:
        outcomes = []
        for future in futures:
            task = self._futures.pop(future)
            if future.cancelled():
                continue
            error = future.exception()
            outcomes.append(lost(task, self.settings, error) if error else future.result())
        return outcomes

    def wait_any(self) -> list[Outcome]:
        done, _ = wait(self._futures, return_when=FIRST_COMPLETED)
        return self._collect(done)

    def stop(self) -> list[Outcome]:
        """After Ctrl-C: the queued tasks are cancelled and the running ones may finish, for
        STOP_WAIT seconds at most; a worker still busy then is ended (its article gets no
        row, so the next run does it), so an interrupt never waits on one article."""
        for future in self._futures:
            future.cancel()  # only queued ones; running ones finish
        done, running = wait(self._futures, timeout=STOP_WAIT)
        if running:
            log.warning("batch: %d article(s) still being read %.0f s after the interrupt; "
                        "their workers are ended and the next run does them", len(running),
                        STOP_WAIT)
            self._end_workers()
            for future in running:
                self._futures.pop(future, None)
        return self._collect(done)

    def _end_workers(self) -> None:
        # ProcessPoolExecutor has no public way to end busy workers before Python 3.14
        # (terminate_workers); its process table is the documented-by-use alternative.
        processes = getattr(self._pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
