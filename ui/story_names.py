"""The names on an article's card: its people, places and organisations, one spelling
each whatever the script they were written in (digest.stories)."""
from __future__ import annotations

import logging

import streamlit as st

from digest.job import ArticleResult
from digest.library import LibraryError, open_library
from ui import story_service
from ui.i18n import _
from ui.markup import md

log = logging.getLogger(__name__)


def render_card_names(result: ArticleResult) -> None:
    """One line under the card's heading, when the library knows the article's names."""
    try:
        names = story_service.article_names(open_library(), result.upload.sha256)
    except LibraryError:
        return  # the page says once that the library cannot be used
    if names:
        st.caption(":material/person_pin: " + _("Names: {names}").format(
            names=", ".join(md(name) for name in names)))
