"""A parser's overflow turned into the reader's refusal, the same words wherever it happens.

Reading a file and rebuilding it run the same parsers on the same hostile input: a deep
tree exhausts the stack, a huge one the memory. Either way the user is told, in one
sentence naming the file, why it is refused; the traceback goes to the log.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from articles.decoding import ArticleError


@contextmanager
def refusing_overflows(name: str, doing: str, log: logging.Logger) -> Iterator[None]:
    """Run the block; a RecursionError or MemoryError in it is logged (as "`doing` `name`")
    and raised again as an ArticleError naming the file."""
    try:
        yield
    except RecursionError:
        log.exception("%s %s", doing, name)
        raise ArticleError(name, "the file is nested too deeply to be read.") from None
    except MemoryError:
        log.exception("%s %s", doing, name)
        raise ArticleError(name, "the file is too large to be read here.") from None
