"""The app's pages, defined once so that any view can link to another.

This module imports no view: app.py says which view draws each page (`set_view`), so a
view may link to any page without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

_views: dict[str, Callable[[], None]] = {}
"""Page title -> the function that draws the page (set by app.py)."""


def _page(title: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    def draw() -> None:
        _views[title]()

    return st.Page(draw, title=title, icon=icon, url_path=url_path, default=default)


def set_view(page: st.Page, view: Callable[[], None]) -> None:
    """Draw `page` with `view`."""
    _views[page.title] = view


DASHBOARD = _page("Dashboard", ":material/newspaper:", "dashboard", default=True)
BRIEFING = _page("Briefing", ":material/summarize:", "briefing")
PACKS = _page("Language packs", ":material/translate:", "language-packs")
LIBRARY = _page("Library", ":material/local_library:", "library")
