"""The reading desk: the articles open on the dashboard, kept in the library.

This is a single-reader local app, so the desk is one list in the database, not a
browser session's state: a reload, a restart of the server or a crash (kill -9)
brings the same articles back. The uploader and the paste box are only ways in:
every article read from them is kept in the library and put on the desk.

A delete is final for every session: each one remembers the library's deletion
generation its uploads were read under, presents it when keeping them (the store
refuses after a later delete), and on its next run drops what it holds of deleted
articles — everything after "Delete everything" in any tab, the CLI or a batch.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

import streamlit as st

from digest.job import ArticleResult, Upload
from digest.library import DeletedMeanwhile, Library, LibraryError, open_library
from digest.library.keeping import keep, upload_of
from ui import state, story_service
from ui.article_view import set_language_override
from ui.i18n import _, message
from ui.markup import md

log = logging.getLogger(__name__)

_KEPT = "desk_kept"  # Upload.key -> (library id, language) of what this session has kept
PROBLEM = "library_problem"
_CAME = "desk_came_in"  # Upload.key -> sha256 of what this session's uploader and paste box hold
_SEEN = "desk_generation"  # the library's deletion generation this session's uploads came under
_DROPPED = "desk_dropped"  # keys of ways in dropped after a delete that the run could not empty


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
            _("The library cannot be used, so articles are not kept: {problem}").format(
                problem=md(message(problem))
            ),
            icon=":material/database:",
        )


def desk_names() -> dict[str, str]:
    """sha256 -> name of the articles on the desk (empty when the library cannot be used)."""
    store = library()
    if store is None:
        return {}
    try:
        return {article.sha256: article.name for article in store.desk()}
    except Exception:  # noqa: BLE001 - the desk shows the library's problem itself
        return {}


def with_desk(uploads: Sequence[Upload]) -> list[Upload]:
    """The desk's articles (in the order they came), then this run's new uploads."""
    store = library()
    if store is None:
        return list(uploads)
    try:
        uploads = notice_deletes(store, uploads)
        _follow_the_ways_in(store, uploads)
        stored = store.desk()
    except LibraryError as error:
        st.session_state[PROBLEM] = str(error)
        return list(uploads)
    on_desk: list[Upload] = []
    for article in stored:
        upload = _desk_upload(store, article)
        if upload is None:
            continue
        if article.overridden:
            set_language_override(upload, article.language, only_if_unset=True)
        on_desk.append(upload)
    known = {upload.sha256 for upload in on_desk}
    return on_desk + [upload for upload in uploads if upload.sha256 not in known]


# The desk's files as read back from the library, shared by every session: the same Upload
# object at every rerun, so its digests are computed once and the cached steps
# (ui.pipeline) find it by identity; reading a 20 MB file back and hashing it again at
# every rerun cost more than the rest of the rerun. Bounded by the bytes it holds.
_DESK_BYTES = 256 * 1024 * 1024
_desk_uploads: OrderedDict[tuple[str, int, str], Upload] = OrderedDict()
_desk_lock = threading.Lock()


def _desk_upload(store: Library, article) -> Upload | None:
    key = (str(store.path), article.id, article.sha256)
    with _desk_lock:
        upload = _desk_uploads.get(key)
        if upload is not None:
            _desk_uploads.move_to_end(key)
            return upload
    upload = upload_of(store, article)
    if upload is None or upload.sha256 != article.sha256:
        return upload
    with _desk_lock:
        _desk_uploads[key] = upload
        held = sum(len(kept.data) for kept in _desk_uploads.values())
        while held > _DESK_BYTES and len(_desk_uploads) > 1:
            _, dropped = _desk_uploads.popitem(last=False)
            held -= len(dropped.data)
    return upload


def notice_deletes(store: Library, uploads: Sequence[Upload]) -> list[Upload]:
    """The uploads still to read after the deletes made since this session last looked
    (in another tab, on the Library page, by the CLI): none after "Delete everything",
    else all but those whose kept article is gone. What they were is forgotten."""
    now = store.generation()
    seen = st.session_state.get(_SEEN)
    st.session_state[_SEEN] = now.number
    dropped: set[str] = st.session_state.setdefault(_DROPPED, set())
    dropped.intersection_update(upload.key for upload in uploads)  # a changed way in is new
    if seen is not None and now.number > seen:
        with _desk_lock:
            _desk_uploads.clear()  # no copy of a deleted article stays in memory here
        kept: dict[str, tuple[int, str]] = st.session_state.setdefault(_KEPT, {})
        if now.cleared > seen:
            gone = list(uploads)
            state.clear_uploads()
            st.session_state[_CAME] = {}
            kept.clear()
        else:
            gone = [u for u in uploads if u.key in kept and store.find(u.sha256) is None]
        pasted = (st.session_state.get(state.PASTED) or "").encode("utf-8")
        for upload in gone:
            log.info("dropping %s: deleted from the library meanwhile", upload.name)
            kept.pop(upload.key, None)
            st.session_state.get(_CAME, {}).pop(upload.key, None)
            if upload.data == pasted:  # the paste box is drawn already: it cannot be emptied
                dropped.add(upload.key)
            else:
                state.forget_upload(upload)  # gone from the uploader from the next run on
        if gone:
            st.rerun()  # the uploader was drawn holding them: draw the page again without
    return [upload for upload in uploads if upload.key not in dropped]


def forget_everything() -> None:
    """After "Delete everything" in this session (a callback: run before any widget is
    drawn): the uploader, the paste box and what was kept are emptied at once."""
    state.clear_uploads()
    with _desk_lock:
        _desk_uploads.clear()
    st.session_state[state.PASTED] = ""
    st.session_state[_KEPT] = {}
    st.session_state[_CAME] = {}
    st.session_state.pop(_SEEN, None)  # the next run takes the library as it is then


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
    since = st.session_state.get(_SEEN, store.since)
    try:
        fresh = []
        for result in results:
            if not result.ok or kept.get(result.upload.key, (0, ""))[1] == result.language:
                continue  # kept in this session already, as it is now: no write on a rerun
            article_id = keep(store, result, since=since)
            if article_id is not None:
                kept[result.upload.key] = (article_id, result.language)
                fresh.append(article_id)
        if fresh:
            store.put_on_desk(fresh, since=since)
            story_service.place(store, fresh)  # each new article joins its story
    except DeletedMeanwhile:
        # Read before a delete made elsewhere during this run: not kept; the next run
        # drops what was deleted (notice_deletes).
        log.info("not keeping articles read before a delete")
        st.rerun()
    except LibraryError as error:
        log.exception("keeping the articles failed")
        st.session_state[PROBLEM] = str(error)


def remove_button(upload: Upload) -> None:
    """A button taking this article off the desk (it stays in the library)."""
    st.button(
        ":material/close:",  # an icon only: the card keeps its width on a narrow screen
        key=f"remove:{upload.key}",
        type="tertiary",
        help=_("Remove this article from the dashboard. It stays in the Library."),
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
    with _desk_lock:
        _desk_uploads.clear()
    st.session_state[state.PASTED] = ""
    st.session_state[_KEPT] = {}
    store = library()
    if store is not None:
        store.clear_desk()
