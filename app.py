"""Streamlit entry point: page set-up and navigation only."""

import streamlit as st

from ui.logs import configure_logging
from ui.pages import BRIEFING, DASHBOARD, LIBRARY, PACKS
from ui.state import keep_widget_state

st.set_page_config(
    page_title="News Digest", page_icon="📰", layout="wide", initial_sidebar_state="expanded"
)
configure_logging()
keep_widget_state()
st.navigation([DASHBOARD, BRIEFING, LIBRARY, PACKS]).run()
