"""How a file was read, and "Read as": the reader picks another code page for one file.

The choice is kept under its own session key (like the language override), so a closed
card or a visit to another page keeps it; changing it re-reads only that file, because
the read step is cached on (bytes, name, encoding).
"""

from __future__ import annotations

import streamlit as st

from articles.decoding import ENCODING_CHOICES, display_name
from digest.job import ArticleResult, Upload
from ui import state
from ui.i18n import N_, _
from ui.markup import md

DETECTED = "detected"
TEXT_FORMATS = ("text", "markdown", "html")
TEXT_EXTENSIONS = (".txt", ".md", ".text", ".html", ".htm", ".csv")
ENCODING_PROBLEMS = ("encoding", "decoded", "garbled", "readable text")
"""Words of the refusals another code page could cure (not "empty", not "a PNG image")."""
FORMAT_NAMES = {
    "text": N_("plain text"), "markdown": "Markdown", "html": N_("web page"),
    "docx": N_("Word document"), "odt": N_("OpenDocument text"), "pdf": "PDF",
}

ENCODING_NAMES = {
    "utf-8": N_("Unicode (UTF-8)"),
    "utf-16": N_("Unicode (UTF-16)"),
    "cp1251": N_("Cyrillic (Windows-1251)"),
    "koi8-r": N_("Russian (KOI8-R)"),
    "koi8-u": N_("Ukrainian (KOI8-U)"),
    "cp866": N_("Cyrillic DOS (CP866)"),
    "kz1048": N_("Kazakh (KZ-1048)"),
    "cp1125": N_("Ukrainian DOS (CP1125)"),
    "iso-8859-5": N_("Cyrillic (ISO-8859-5)"),
    "mac-cyrillic": N_("Cyrillic (Mac)"),
    "cp1252": N_("Western European (Windows-1252)"),
    "iso-8859-1": N_("Western European (ISO-8859-1)"),
    "iso-8859-15": N_("Western European (ISO-8859-15)"),
    "cp1250": N_("Central European (Windows-1250)"),
    "iso-8859-2": N_("Central European (ISO-8859-2)"),
    "iso-8859-16": N_("South-Eastern European (ISO-8859-16)"),
    "cp1254": N_("Turkish (Windows-1254)"),
    "iso-8859-9": N_("Turkish (ISO-8859-9)"),
    "cp1257": N_("Baltic (Windows-1257)"),
    "iso-8859-13": N_("Baltic (ISO-8859-13)"),
    "iso-8859-4": N_("Baltic (ISO-8859-4)"),
    "cp1253": N_("Greek (Windows-1253)"),
    "iso-8859-7": N_("Greek (ISO-8859-7)"),
    "cp1255": N_("Hebrew (Windows-1255)"),
    "iso-8859-8": N_("Hebrew (ISO-8859-8)"),
    "cp1256": N_("Arabic (Windows-1256)"),
    "iso-8859-6": N_("Arabic (ISO-8859-6)"),
    "cp874": N_("Thai (Windows-874)"),
    "shift_jis": N_("Japanese (Shift_JIS)"),
    "cp932": N_("Japanese (Windows-932)"),
    "euc-jp": N_("Japanese (EUC-JP)"),
    "euc-kr": N_("Korean (EUC-KR)"),
    "gb18030": N_("Chinese Simplified (GB18030)"),
    "big5": N_("Chinese Traditional (Big5)"),
}
"""The code pages as readers know them (a browser's Encoding menu), not Python's ids."""


def encoding_label(encoding: str) -> str:
    """"Kazakh (KZ-1048)" for "kz1048"; an unlisted code page by its name, upper-cased."""
    name = display_name(encoding)
    return _(ENCODING_NAMES[name]) if name in ENCODING_NAMES else name.upper()


def encoding_choice(upload: Upload) -> str | None:
    """The code page the reader chose for this file, or None to detect it."""
    return st.session_state.get(_choice_key(upload))


def _choice_key(upload: Upload) -> str:
    return f"encoding:{upload.key}"


def _widget_key(upload: Upload) -> str:
    return f"read-as:{upload.key}"


def _remember(upload: Upload) -> None:
    chosen = st.session_state[_widget_key(upload)]
    if chosen != DETECTED and chosen not in ENCODING_CHOICES:
        return  # an old label sent back after the interface language changed: no choice
    st.session_state[_choice_key(upload)] = None if chosen == DETECTED else chosen
    state.keep_card_open(upload)  # the re-read file's headline and language relabel the card


def reading_caption(result: ArticleResult) -> str:
    """`file.txt · plain text, read as Cyrillic (Windows-1251), detected`, Markdown-escaped."""
    kind = _(FORMAT_NAMES.get(result.format, result.format))
    encoding = result.article.encoding if result.article else ""
    if result.format in TEXT_FORMATS and encoding:
        how = _("chosen by you") if result.forced_encoding else _("detected")
        kind = _("{kind}, read as {encoding}, {how}").format(
            kind=kind, encoding=encoding_label(encoding), how=how
        )
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
    with st.popover(_("Read as…"), icon=":material/text_fields:", type="tertiary"):
        render_read_as(result)


def render_read_as(result: ArticleResult) -> None:
    """A "Read as" control for one file (text and web pages only)."""
    if not can_read_as(result):
        return
    options = [DETECTED, *ENCODING_CHOICES]
    chosen = encoding_choice(result.upload) or DETECTED
    st.selectbox(
        _("Read as"),
        options,
        index=options.index(chosen) if chosen in options else 0,
        format_func=lambda code: (
            _("Detect the encoding") if code == DETECTED else encoding_label(code)
        ),
        key=_widget_key(result.upload),
        on_change=_remember,
        args=(result.upload,),
        help=_("If the text looks garbled, choose the code page it was saved in; only this "
               "file is read again. Its language is detected again too, unless you chose it."),
        width=300,
    )
