"""Heavy work on a large input runs in a worker process, not in the caller's thread.

The dashboard serves every reader from one process, and Python runs one thread at a
time: a 25 MB article being segmented and summarized in one session's thread would take
the interpreter from every other reader for seconds. Work on an input larger than
LARGE_BYTES goes to one worker process instead (started once, on first need, and kept);
the calling thread only waits, so other sessions keep running on the other core. Small
inputs, nearly all of them, stay in-process: a round trip to the worker costs more than
their whole job. If the worker cannot be used, the work runs in-process as before.

Reading is the exception: every format but plain text goes through a parser (trafilatura,
python-docx, lxml, pypdf, regular expressions) whose worst case is bounded but can still
take a second or more on a small hostile file, holding the interpreter all that time;
reading_size() sends those files to the worker whatever their size.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from articles.sniffing import MARKDOWN_EXTENSIONS, sniff

log = logging.getLogger(__name__)

LARGE_BYTES = int(os.environ.get("NEWS_DIGEST_OFFLOAD_BYTES", 2_000_000))
"""Inputs (bytes or characters) from this size up are worked on in the worker process
(NEWS_DIGEST_OFFLOAD_BYTES changes it; bench.responsiveness measures both ways)."""

OFFLOAD_FORMATS = os.environ.get("NEWS_DIGEST_OFFLOAD_FORMATS", "1") != "0"
"""Read every file that is not plain text in the worker process (NEWS_DIGEST_OFFLOAD_FORMATS=0
reads them in-process unless large; bench.responsiveness measures both ways)."""

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _worker() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn: the server has threads, and forking a threaded process is unsafe.
            spawn = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=spawn)
        return _pool


def _forget(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def run_sized(size: int, function: Callable[..., T], *args) -> T:
    """function(*args), in the worker process when `size` is LARGE_BYTES or more.

    `function` must be importable by name (a module-level function) and its arguments and
    result picklable, as the pipeline's steps and their dataclasses are.
    """
    if size < LARGE_BYTES:
        return function(*args)
    pool = _worker()
    try:
        return pool.submit(function, *args).result()
    except BrokenProcessPool:
        log.warning("the worker died; %s runs in-process", function.__name__, exc_info=True)
        _forget(pool)
        return function(*args)


def reading_size(data: bytes, name: str) -> int:
    """The size to give run_sized() for reading `data`: at least LARGE_BYTES for a web page,
    Markdown, Word, OpenDocument or PDF file, its own size for plain text."""
    if not OFFLOAD_FORMATS:
        return len(data)
    markdown = name.lower().rsplit(".", 1)[-1] in MARKDOWN_EXTENSIONS
    if markdown or sniff(data, name) != "text":
        return max(len(data), LARGE_BYTES)
    return len(data)
