"""The reading desk: the articles open on the dashboard, kept in the library.

This is a single-reader local app, so the desk is one list in the database, not a
browser session's state: a reload, a restart of the server or a crash (kill -9)
brings the same articles back. The uploader and the paste box are only ways in:
every article read from them is kept in the library and put on the desk.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

import streamlit as st

from digest.job import ArticleResult, Upload
from digest.library import Library, LibraryError, open_library
from digest.library.keeping import keep, upload_of
from ui import state
from ui.article_view import set_language_override
from ui.markup import md

log = logging.getLogger(__name__)

_KEPT = "desk_kept"  # Upload.key -> (library id, language) of what this session has kept
PROBLEM = "library_problem"
_CAME = "desk_came_in"  # Upload.key -> sha256 of what this session's uploader and paste box hold


def library() -> Library | None:
    """The library, or None (the reason shown once on the page) when it cannot be used."""
    try:
        return open_library()
    except LibraryError as error:
        st.session_state[PROBLEM] = str(error)
        return None


def show_problem() -> None:
    problem = st.session_state.pop(PROBLEM, None)
    if problem:
        st.error(
            f"The library cannot be used, so articles are not kept: {md(problem)}",
            icon=":material/database:",
        )


def with_desk(uploads: Sequence[Upload]) -> list[Upload]:
    """The desk's articles (in the order they came), then this run's new uploads."""
    store = library()
    if store is None:
        return list(uploads)
    try:
        _follow_the_ways_in(store, uploads)
        stored = store.desk()
    except LibraryError as error:
        st.session_state[PROBLEM] = str(error)
        return list(uploads)
    on_desk: list[Upload] = []
    for article in stored:
        upload = upload_of(store, article)
        if upload is None:
            continue
        if article.overridden:
            set_language_override(upload, article.language, only_if_unset=True)
        on_desk.append(upload)
    known = {upload.sha256 for upload in on_desk}
    return on_desk + [upload for upload in uploads if upload.sha256 not in known]


def _follow_the_ways_in(store: Library, uploads: Sequence[Upload]) -> None:
    """A file the reader took out of the uploader (or a pasted text replaced) leaves the
    desk too: the ways in of this session say what it reads."""
    came: dict[str, str] = st.session_state.setdefault(_CAME, {})
    current = {upload.key for upload in uploads}
    for key in [key for key in came if key not in current]:
        st.session_state.get(_KEPT, {}).pop(key, None)
        found = store.find(came.pop(key))
        if found is not None:
            store.take_off_desk(found.id)
    came.update((upload.key, upload.sha256) for upload in uploads)


def keep_on_desk(results: Sequence[ArticleResult]) -> None:
    """Keep every article that could be read, and put it on the desk."""
    store = library()
    if store is None:
        return
    kept: dict[str, tuple[int, str]] = st.session_state.setdefault(_KEPT, {})
    try:
        fresh = []
        for result in results:
            if not result.ok or kept.get(result.upload.key, (0, ""))[1] == result.language:
                continue  # kept in this session already, as it is now: no write on a rerun
            article_id = keep(store, result)
            if article_id is not None:
                kept[result.upload.key] = (article_id, result.language)
                fresh.append(article_id)
        if fresh:
            store.put_on_desk(fresh)
    except LibraryError as error:
        log.exception("keeping the articles failed")
        st.session_state[PROBLEM] = str(error)


def remove_button(upload: Upload) -> None:
    """A button taking this article off the desk (it stays in the library)."""
    st.button(
        ":material/close:",  # an icon only: the card keeps its width on a narrow screen
        key=f"remove:{upload.key}",
        type="tertiary",
        help="Remove this article from the dashboard. It stays in the Library.",
        on_click=_remove,
        args=(upload,),
    )


def _remove(upload: Upload) -> None:
    st.session_state.get(_KEPT, {}).pop(upload.key, None)
    store = library()
    if store is not None:
        found = store.find(upload.sha256)
        if found is not None:
            store.take_off_desk(found.id)
    state.forget_upload(upload)


def clear_all() -> None:
    """"Clear all": the desk is emptied too (the articles stay in the Library)."""
    state.clear_uploads()
    st.session_state[state.PASTED] = ""
    st.session_state[_KEPT] = {}
    store = library()
    if store is not None:
        store.clear_desk()
