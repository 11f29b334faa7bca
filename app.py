"""Streamlit entry point: page set-up and navigation only."""

import streamlit as st

from ui.pages import DASHBOARD, PACKS
from ui.state import keep_widget_state

st.set_page_config(
    page_title="News Digest", page_icon="📰", layout="wide", initial_sidebar_state="expanded"
)
keep_widget_state()
st.navigation([DASHBOARD, PACKS]).run()
