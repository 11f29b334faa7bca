"""Streamlit entry point: page set-up and navigation only."""

import streamlit as st

from ui.i18n import language_switch
from ui.logs import configure_logging
from ui.pages import BRIEFING, DASHBOARD, LIBRARY, PACKS, set_view, translated
from ui.settings import keep_widget_state, remember_settings
from ui.state import keep_cards


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


def _language_switched() -> None:
    """Every card relabelled stays as it was; the choice is remembered."""
    keep_cards()
    remember_settings()


st.set_page_config(
    page_title="News Digest", page_icon="📰", layout="wide", initial_sidebar_state="expanded"
)
configure_logging()
for page, view in ((DASHBOARD, _dashboard), (BRIEFING, _briefing), (PACKS, _language_packs),
                   (LIBRARY, _library)):
    set_view(page, view)
keep_widget_state()  # the reader's settings, the interface language among them
language_switch(_language_switched)
st.navigation(translated(DASHBOARD, BRIEFING, LIBRARY, PACKS)).run()
