"""The app's pages, defined once so that any view can link to another.

This module imports no view: app.py says which view draws each page (`set_view`), so a
view may link to any page without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.i18n import N_, _

_views: dict[str, Callable[[], None]] = {}
"""Page url_path -> the function that draws the page (set by app.py)."""
_specs: dict[str, tuple[str, str, bool]] = {}
"""English page title -> (icon, url_path, default)."""
_titles: dict[int, str] = {}
"""id of a page defined here -> its English title (the key of _specs)."""


def _page(title: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    _specs[title] = (icon, url_path, default)
    page = _built(title, title)  # English: the key of set_view; translated() shows them
    _titles[id(page)] = title
    return page


def _built(title: str, shown: str) -> st.Page:
    icon, url_path, default = _specs[title]

    def draw() -> None:
        _views[url_path]()

    return st.Page(draw, title=shown, icon=icon, url_path=url_path, default=default)


def set_view(page: st.Page, view: Callable[[], None]) -> None:
    """Draw `page` with `view`."""
    _views[_specs[_titles[id(page)]][1]] = view


def translated(*pages: st.Page) -> list[st.Page]:
    """The pages titled in the interface language, for st.navigation on this run: the same
    url_paths (so links and bookmarks hold), drawn by the same views."""
    return [_built(_titles[id(page)], _(_titles[id(page)])) for page in pages]


DASHBOARD = _page(N_("Dashboard"), ":material/newspaper:", "dashboard", default=True)
BRIEFING = _page(N_("Briefing"), ":material/summarize:", "briefing")
PACKS = _page(N_("Language packs"), ":material/translate:", "language-packs")
LIBRARY = _page(N_("Library"), ":material/local_library:", "library")
