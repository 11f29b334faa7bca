"""The article translated in its own format, to download: a Word, OpenDocument, web page
or Markdown file comes back as the same kind of file; a PDF as a Word file (its layout
cannot be re-flowed around translated words; the button says so).

Two steps: a first click translates the whole document (which may take a while when the
card shows only the summary's translation), then the download button holds the bytes.
The file is made by digest.formatted with the dashboard's cached steps and the glossary
the card's translation kept, so sentences already translated come from the translation
memory; it is cached by content, name, languages, route and glossary.
"""
from __future__ import annotations

import logging

import streamlit as st

from digest.formatted import FileNotTranslated, TranslatedFile, translate_file
from digest.job import ArticleResult
from translator.glossary import Glossary
from ui import pipeline, state
from ui.i18n import _, language_name, message
from ui.markup import md

log = logging.getLogger(__name__)

FORMATS = ("docx", "odt", "html", "markdown", "pdf")
"""The formats given back in their own kind (a PDF as .docx)."""


def _labels(kind: str) -> tuple[str, str]:
    """The first button's label and the download's, for a file of `kind`."""
    if kind in ("docx", "pdf"):
        return _("Translate as a Word file"), _("Download the translated Word file")
    if kind == "odt":
        return (_("Translate as an OpenDocument file"),
                _("Download the translated OpenDocument file"))
    if kind == "html":
        return _("Translate as a web page"), _("Download the translated web page")
    return _("Translate as a Markdown file"), _("Download the translated Markdown file")


@st.cache_data(show_spinner=False, max_entries=16)
def _translated(
    key: str, name: str, source: str | None, target: str, prefer_model: bool,
    glossary: Glossary, _data: bytes,
) -> TranslatedFile | str:
    """The translated file, or the reason it could not be made (both cacheable)."""
    try:
        return translate_file(name, _data, source, target, prefer_model=prefer_model,
                              glossary=glossary, steps=pipeline.STEPS)
    except FileNotTranslated as error:
        return error.reason


def _asked_key(result: ArticleResult) -> str:
    return f"formatted:{result.upload.key}:{result.target}"


def _ask(result: ArticleResult) -> None:
    st.session_state[_asked_key(result)] = True
    state.keep_card_open(result.upload)


def render_document_download(result: ArticleResult) -> None:
    """The button (then the download) for the translated document, when the article is a
    document and has a translation into a language other than its own."""
    target = result.target
    if (not target or result.format not in FORMATS or result.missing_pair
            or result.language == target or not result.translations):
        return
    first, download = _labels(result.format)
    pdf_help = _("A PDF's layout cannot be re-flowed around translated words, so its "
                 "translated text is given as a Word document (.docx).")
    if not st.session_state.get(_asked_key(result)):
        st.button(
            first,
            key=f"formatted-ask:{result.upload.key}:{target}",
            icon=":material/description:",
            on_click=_ask,
            args=(result,),
            help=pdf_help if result.format == "pdf" else _(
                "The whole document translated into {language}, as the same kind of file: "
                "styles, headings, lists, tables, bold and italic, links, headers and footers "
                "kept.").format(language=language_name(target)),
        )
        return
    source = result.language if result.overridden else None
    prefer = (result.language, target) in state.preferred_pairs()
    with st.spinner(_("Translating the document…")):
        made = _translated(result.upload.key, result.name, source, target, prefer,
                           result.glossary, result.upload.data)
    if isinstance(made, str):
        st.warning(_("The document could not be translated in its own format: {reason}")
                   .format(reason=md(message(made))), icon=":material/warning:")
        return
    st.download_button(
        download,
        data=made.data,  # bytes, not a callable: see ui.downloads
        file_name=made.name,
        mime=made.media_type,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_formatted:{result.upload.key}:{target}",
        help=pdf_help if result.format == "pdf" else None,
    )
    if result.format == "pdf":
        st.caption(md(pdf_help))
