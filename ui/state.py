"""What a session keeps while the user visits the Language packs page and comes back.

Streamlit forgets a widget's state when a run does not draw it, so leaving the
dashboard would reset the settings and empty the uploader: a user sent to the packs
page by a missing-pack note would come back to nothing. Settings are re-claimed on
every run; uploaded files are kept in a session store that the uploader only adds
to (and removes from when the user removes a file in it).
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from digest.job import Upload

PASTED = "pasted"
PASTED_NAME = "Pasted text"
_PASTED_COUNT = "pasted_count"  # pasted texts already added to the store
_GENERATION = "uploader_generation"  # a new uploader key empties the widget
_STORE = "uploads"  # Upload.key -> Upload, in upload order
_HELD = "uploader_held"  # the keys the uploader widget held after its last change
_REPEATS = "uploader_repeats"  # entry -> (file name, the name it is on the desk as)


def uploader_key() -> str:
    return f"files-{st.session_state.get(_GENERATION, 0)}"


def on_uploader_change(desk_names: Callable[[], dict[str, str]]) -> None:
    """Mirror the user's additions and removals in the uploader into the store.

    A file whose content is already on the desk (`desk_names`: sha256 -> name; the same
    file again, or a renamed copy) is not read a second time: it is kept aside as a
    repeat, which the page names.
    """
    files = st.session_state.get(uploader_key()) or []
    store: dict[str, Upload] = st.session_state.setdefault(_STORE, {})
    held: set[str] = st.session_state.get(_HELD, set())
    before: dict[str, tuple[str, str]] = st.session_state.get(_REPEATS, {})
    current: dict[str, Upload] = {}
    repeats: dict[str, tuple[str, str]] = {}
    occurrences: dict[str, int] = {}
    on_desk: dict[str, str] | None = None
    for file in files:
        upload = Upload(file.name, file.getvalue())
        seen = occurrences[upload.key] = occurrences.get(upload.key, 0) + 1
        entry = upload.key if seen == 1 else f"{upload.key}#{seen}"  # the same file again
        twin = before[entry][1] if entry in before else _twin(upload, current.values())
        if twin is None and upload.key not in held:  # new to the uploader: on the desk already?
            if on_desk is None:
                on_desk = desk_names()
            twin = _twin(upload, store.values()) or on_desk.get(upload.sha256)
        if twin is not None:
            repeats[entry] = (upload.name, twin)
        else:
            current[upload.key] = upload
    for key in held - current.keys():
        store.pop(key, None)
    for key, upload in current.items():
        store.setdefault(key, upload)
    st.session_state[_HELD] = set(current)
    st.session_state[_REPEATS] = repeats


def _twin(upload: Upload, others) -> str | None:
    """The name under which the same content is already there, if it is."""
    return next((other.name for other in others if other.sha256 == upload.sha256), None)


def repeats() -> list[tuple[str, str]]:
    """(file name, the name it is on the desk as) for each file not read as a repeat."""
    return list(st.session_state.get(_REPEATS, {}).values())


def stored_uploads(uploader_value) -> list[Upload]:
    """The uploaded files of this session, after the uploader was drawn."""
    if not uploader_value:
        # An empty uploader holds nothing, so nothing it held before may be taken as removed
        # later: after the user emptied it this is already so; after a visit to another page
        # (a new, empty widget) it must be said here.
        st.session_state[_HELD] = set()
        st.session_state[_REPEATS] = {}
    return list(st.session_state.get(_STORE, {}).values())


def clear_uploads() -> None:
    """Forget every uploaded file, and show an empty uploader."""
    st.session_state[_STORE] = {}
    st.session_state[_PASTED_COUNT] = 0
    st.session_state[_HELD] = set()
    st.session_state[_REPEATS] = {}
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1


def pasted_name() -> str:
    """The name of the text in the paste box: "Pasted text", then "Pasted text 2", ..."""
    added = st.session_state.get(_PASTED_COUNT, 0)
    return PASTED_NAME if added == 0 else f"{PASTED_NAME} {added + 1}"


def add_pasted_text() -> None:
    """Keep the pasted text as an article of its own and empty the box for the next one.

    It keeps its name (and so its card, language override and cached results).
    """
    text = st.session_state.get(PASTED) or ""
    if not text.strip():
        return
    upload = Upload(pasted_name(), text.encode("utf-8"))
    st.session_state.setdefault(_STORE, {}).setdefault(upload.key, upload)
    st.session_state[_PASTED_COUNT] = st.session_state.get(_PASTED_COUNT, 0) + 1
    st.session_state[PASTED] = ""


def forget_upload(upload: Upload) -> None:
    """Forget one article (its file, or the pasted text), and show an empty uploader."""
    st.session_state.get(_STORE, {}).pop(upload.key, None)
    st.session_state[_HELD] = set()
    st.session_state[_REPEATS] = {}  # the new uploader holds none of them
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    pasted = st.session_state.get(PASTED) or ""
    if pasted.strip() and pasted.encode("utf-8") == upload.data:
        st.session_state[PASTED] = ""


PREFERRED_PAIRS = "prefer_model_pairs"


def preferred_pairs() -> frozenset[tuple[str, str]]:
    """The pairs the reader wants translated by the multilingual model (kept all session)."""
    return frozenset(st.session_state.get(PREFERRED_PAIRS, ()))


def toggle_model_preference(pair: tuple[str, str]) -> None:
    st.session_state[PREFERRED_PAIRS] = preferred_pairs() ^ {pair}


_CARD = "card:"


def card_key(upload: Upload) -> str:
    """The session key of an article's card (open or closed)."""
    return f"{_CARD}{upload.key}"


def keep_card_open(upload: Upload) -> None:
    """The card the reader is working in stays open after a change that relabels it.

    A new label (another language, another headline after "Read as") is a new expander
    for Streamlit, closed by default when there are many cards.
    """
    st.session_state[card_key(upload)] = True


def keep_cards() -> None:
    """Every card stays open or closed as the reader left it when all are relabelled at
    once (another interface language names each card's language anew): a callback's
    value is what the new expanders start with."""
    for key in [key for key in st.session_state if str(key).startswith(_CARD)]:
        st.session_state[key] = st.session_state[key]
