"""Where the dashboard's own log goes: the server's stderr, tracebacks included.

A failure shown to the reader as a card message or an error box is logged where it is
caught (digest.job, ui.packs_page); this puts those records on the server's console.
"""
from __future__ import annotations

import logging

PROJECT_LOGGERS = ("articles", "languages", "summarizer", "translator", "digest", "ui")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: int = logging.INFO) -> None:
    """Send the project's log records to stderr once per process (reruns add nothing)."""
    for name in PROJECT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(getattr(handler, "_news_digest", False) for handler in logger.handlers):
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter(_FORMAT))
            handler._news_digest = True  # type: ignore[attr-defined]
            logger.addHandler(handler)
            logger.setLevel(level)
            logger.propagate = False


def log_shown(logger: logging.Logger, error: BaseException) -> None:
    """Log an error the page shows the reader as a message (offline, a pack refused).

    These are expected conditions whose message is a whole sentence: one line in the
    server's log; the traceback only at DEBUG level, for whoever looks for it.
    """
    logger.warning("%s: %s", type(error).__name__, error)
    logger.debug("the traceback of the error above", exc_info=error)


def show_error(
    logger: logging.Logger, error: BaseException, *, offline: bool = False, progress=None
) -> None:
    """An expected error logged in one line (log_shown) and its message shown on the page:
    a warning for what being offline explains, an error otherwise; a progress bar that was
    running is emptied first."""
    import streamlit as st

    from ui.i18n import message
    from ui.markup import md

    log_shown(logger, error)
    if progress is not None:
        progress.empty()
    if offline:
        st.warning(md(message(str(error))), icon=":material/cloud_off:")
    else:
        st.error(md(message(str(error))), icon=":material/error:")
