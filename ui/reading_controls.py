"""How a file was read, and "Read as": the reader picks another code page for one file.

The choice is kept under its own session key (like the language override), so a closed
card or a visit to another page keeps it; changing it re-reads only that file, because
the read step is cached on (bytes, name, encoding).
"""

from __future__ import annotations

import streamlit as st

from articles.decoding import ENCODING_CHOICES, display_name
from digest.job import ArticleResult, Upload
from ui.markup import md

DETECTED = "detected"
TEXT_FORMATS = ("text", "markdown", "html")
TEXT_EXTENSIONS = (".txt", ".md", ".text", ".html", ".htm", ".csv")
ENCODING_PROBLEMS = ("encoding", "decoded", "garbled", "readable text")
"""Words of the refusals another code page could cure (not "empty", not "a PNG image")."""
FORMAT_NAMES = {
    "text": "plain text", "markdown": "Markdown", "html": "web page",
    "docx": "Word document", "odt": "OpenDocument text", "pdf": "PDF",
}


def encoding_choice(upload: Upload) -> str | None:
    """The code page the reader chose for this file, or None to detect it."""
    return st.session_state.get(_choice_key(upload))


def _choice_key(upload: Upload) -> str:
    return f"encoding:{upload.key}"


def _widget_key(upload: Upload) -> str:
    return f"read-as:{upload.key}"


def _remember(upload: Upload) -> None:
    chosen = st.session_state[_widget_key(upload)]
    st.session_state[_choice_key(upload)] = None if chosen == DETECTED else chosen


def reading_caption(result: ArticleResult) -> str:
    """`file.txt · plain text, read as cp1251 (detected)`, Markdown-escaped."""
    kind = FORMAT_NAMES.get(result.format, result.format)
    encoding = result.article.encoding if result.article else ""
    if result.format in TEXT_FORMATS and encoding:
        how = "chosen by you" if result.forced_encoding else "detected"
        kind = f"{kind}, read as {display_name(encoding)} ({how})"
    return f"{md(result.name)} · {md(kind)}"


def can_read_as(result: ArticleResult) -> bool:
    """Whether another code page could change this file's reading."""
    if result.ok:
        return result.format in TEXT_FORMATS
    if result.forced_encoding is not None:
        return True
    unreadable = any(word in (result.error or "") for word in ENCODING_PROBLEMS)
    return unreadable and result.name.lower().endswith(TEXT_EXTENSIONS)


def render_read_as_button(result: ArticleResult) -> None:
    """A small "Read as…" button opening the control, for a card's heading row."""
    if not can_read_as(result):
        return
    with st.popover("Read as…", icon=":material/text_fields:", type="tertiary"):
        render_read_as(result)


def render_read_as(result: ArticleResult) -> None:
    """A "Read as" control for one file (text and web pages only)."""
    if not can_read_as(result):
        return
    options = [DETECTED, *ENCODING_CHOICES]
    chosen = encoding_choice(result.upload) or DETECTED
    st.selectbox(
        "Read as",
        options,
        index=options.index(chosen) if chosen in options else 0,
        format_func=lambda code: "Detect the encoding" if code == DETECTED else code,
        key=_widget_key(result.upload),
        on_change=_remember,
        args=(result.upload,),
        help="If the text looks garbled, choose the code page it was saved in; only this "
        "file is read again.",
        width=220,
    )
