"""Removing a pack or a model: a Remove button, then a question to confirm.

A pack or a 600 MB model removed by a slip of the mouse costs a download (online, if
the computer may go online at all): removing is never one click.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from translator.errors import TranslatorError
from ui.i18n import _
from ui.logs import show_error

log = logging.getLogger(__name__)

CONFIRM_KEY = "confirm_removal"
"""What the reader clicked Remove for and is asked to confirm (one thing at a time)."""


def ask_to_confirm(what: str) -> None:
    st.session_state[CONFIRM_KEY] = what


def _cancel() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def confirmed(what: str, question: str) -> bool:
    """The second step of a removal: the question under the Remove button, with "Yes,
    remove" and "Cancel". True on the run of the reader's yes."""
    if st.session_state.get(CONFIRM_KEY) != what:
        return False
    st.warning(question, icon=":material/delete:")
    with st.container(horizontal=True):
        yes = st.button(
            _("Yes, remove"), key=f"confirm:{what}", type="primary", icon=":material/delete:"
        )
        st.button(_("Cancel"), key=f"cancel:{what}", on_click=_cancel)
    if yes:
        _cancel()
    return yes


def remove_with_confirmation(
    column, what: str, button_key: str, question: str, remove: Callable[[], None],
    done: str, changed: Callable[[str], None],
) -> None:
    """A Remove button in `column`; once the reader confirms `question`, `remove()`, then
    `changed(done)`, or the error's message on the page."""
    column.button(
        _("Remove"), key=button_key, icon=":material/delete:", on_click=ask_to_confirm,
        args=(what,),
    )
    if confirmed(what, question):
        try:
            remove()
        except TranslatorError as error:
            show_error(log, error)
        else:
            changed(done)
