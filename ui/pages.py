"""The app's pages, defined once so that any view can link to another."""

from __future__ import annotations

import streamlit as st


def _dashboard() -> None:
    from ui.dashboard import render

    render()


def _briefing() -> None:
    from ui.briefing_page import render

    render()


def _language_packs() -> None:
    from ui.packs_page import render

    render()


def _library() -> None:
    from ui.library_page import render

    render()


DASHBOARD = st.Page(
    _dashboard, title="Dashboard", icon=":material/newspaper:", url_path="dashboard", default=True
)
BRIEFING = st.Page(
    _briefing, title="Briefing", icon=":material/summarize:", url_path="briefing"
)
PACKS = st.Page(
    _language_packs, title="Language packs", icon=":material/translate:", url_path="language-packs"
)
LIBRARY = st.Page(_library, title="Library", icon=":material/local_library:", url_path="library")
