"""Sidebar settings: what the user chose, as small immutable values, remembered.

The settings a reader keeps from day to day (algorithm, length, target language, whole
article) are stored in the library's settings for the reader's profile
(digest.settings.reader_profile) whenever the reader changes one, and put back into the
widgets at the start of every session: a reload or a restart of the server finds them
as they were left.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

import streamlit as st

from digest.library import LibraryError
from digest.settings import (
    DEFAULT_PERCENT,
    DEFAULT_SENTENCES,
    DEFAULT_WORDS,
    PERCENT_RANGE,
    SENTENCES_RANGE,
    WORDS_RANGE,
    Preferences,
    SummarySettings,
    TranslationSettings,
    reader_profile,
)
from languages.names import language_name
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from ui import state
from ui.markup import md
from ui.pages import PACKS

log = logging.getLogger(__name__)

NO_TRANSLATION = "none"
UNITS = {"sentences": "Sentences", "percent": "Percent", "words": "Words"}
"""Stored length unit -> the label of its button."""
SCOPES = ("Summary only", "Whole article")
SETTINGS = (
    "algorithm", "length_unit", "length_percent", "length_sentences", "length_words",
    "target", "scope",
)
"""The widgets' keys: re-claimed on every run, so they survive a page that does not draw them."""
DEFAULTS = {
    "algorithm": DEFAULT_ALGORITHM,
    "length_unit": "Sentences",
    "length_percent": DEFAULT_PERCENT,
    "length_sentences": DEFAULT_SENTENCES,
    "length_words": DEFAULT_WORDS,
}
"""Initial widget values, set in session state (ui.state) rather than as widget defaults,
because the settings are also re-claimed through session state on every run."""
WANTED_TARGET = "target_wanted"
"""The language the reader wants translations in. The "Translate into" box shows it when
the installed packs reach it from the articles, "No translation" otherwise, and the wish
stays: it comes back as soon as it can be met (another article, a new pack)."""
_RESTORED = "settings_restored"
PROBLEM = "settings_problem"

ALGORITHM_HELP = {
    "reduction": "Keeps the sentences that share the most words with the rest of the "
    "article. The default: the best on our news test set.",
    "lexrank": "Keeps the sentences most like the others, as if the sentences voted for "
    "each other.",
    "textrank": "Like LexRank, with a different measure of how alike two sentences are.",
    "lsa": "Finds the article's main topics from the words that occur together and keeps "
    "the sentences that carry them.",
    "luhn": "Keeps the sentences packed with the article's most frequent meaningful words.",
    "edmundson": "Weighs the words of the headline, cue words and where a sentence stands.",
    "kl": "Keeps the sentences whose words, together, are used as in the whole article.",
    "sumbasic": "Keeps sentences with frequent words, then avoids repeating those words.",
}
"""One line per algorithm in plain words, for the reader choosing one."""


ALGORITHMS_HELP = "How sentences are picked:\n\n" + "\n".join(
    f"- **{md(label)}**: {md(ALGORITHM_HELP.get(name, ''))}" for name, label in ALGORITHMS.items()
)


def algorithm_help(name: str) -> str:
    return ALGORITHM_HELP.get(name, "")


# ---- remembering ---------------------------------------------------------------------


def keep_widget_state() -> None:
    """Put back the reader's remembered settings (once per session), then re-claim the
    settings so that they survive a run that does not draw them."""
    restore_settings()
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    for key in (*SETTINGS, state.PASTED):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def restore_settings() -> None:
    """Put the reader's remembered settings into the widgets, once per session.

    A library that cannot be read leaves the defaults, and the reader is told once.
    """
    if st.session_state.get(_RESTORED):
        return
    st.session_state[_RESTORED] = True
    try:
        values = _library().preferences(reader_profile())
    except _LIBRARY_FAILURES as error:
        _problem("read", error)
        values = {}
    preferences = Preferences.from_values(values)
    st.session_state.update(
        {
            "algorithm": preferences.algorithm,
            "length_unit": UNITS[preferences.length_unit],
            "length_sentences": preferences.sentences,
            "length_percent": preferences.percent,
            "length_words": preferences.words,
            WANTED_TARGET: preferences.target or NO_TRANSLATION,
            "scope": SCOPES[1] if preferences.whole_article else SCOPES[0],
        }
    )


def current_preferences() -> Preferences:
    """The settings as the widgets hold them now."""
    state = st.session_state
    unit = next((k for k, label in UNITS.items() if label == state.get("length_unit")), None)
    target = state.get(WANTED_TARGET, NO_TRANSLATION)
    return Preferences.from_values(
        {
            "algorithm": state.get("algorithm"),
            "length_unit": unit,
            "sentences": _int(state.get("length_sentences")),
            "percent": _int(state.get("length_percent")),
            "words": _int(state.get("length_words")),
            "target": None if target == NO_TRANSLATION else target,
            "whole_article": state.get("scope") == SCOPES[1],
        }
    )


def remember_settings() -> None:
    """Store the settings for the reader's profile (a widget's on_change)."""
    try:
        _library().save_preferences(current_preferences().values(), reader_profile())
    except _LIBRARY_FAILURES as error:
        _problem("saved", error)


def _remember_target() -> None:
    st.session_state[WANTED_TARGET] = st.session_state.get("target", NO_TRANSLATION)
    remember_settings()


def _int(value) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _library():
    from digest.library import open_library

    return open_library()


_LIBRARY_FAILURES = (LibraryError, sqlite3.Error, OSError)
"""A library that cannot be used: the settings fall back to the defaults."""


def _problem(verb: str, error: Exception) -> None:
    """One line in the log and one message on the page, per session."""
    if st.session_state.get(PROBLEM) is not None:
        return
    log.warning("the reader's settings could not be %s: %s", verb, error)
    st.session_state[PROBLEM] = (
        f"Your settings could not be {verb}, so the defaults are used and changes are not "
        f"remembered: {error}"
    )


def show_settings_problem() -> None:
    """The message about settings that cannot be remembered, on the first run it is known."""
    problem = st.session_state.get(PROBLEM)
    if problem and not st.session_state.get(PROBLEM + "_shown"):
        st.session_state[PROBLEM + "_shown"] = True
        st.sidebar.warning(md(problem), icon=":material/settings_alert:")


# ---- the sidebar ---------------------------------------------------------------------


def summary_settings() -> SummarySettings:
    """The summary section of the sidebar."""
    show_settings_problem()
    sidebar = st.sidebar
    sidebar.subheader("Summary")
    names = list(ALGORITHMS)
    algorithm = sidebar.selectbox(
        "Algorithm",
        names,
        format_func=lambda name: ALGORITHMS[name],
        key="algorithm",
        on_change=remember_settings,
        help=ALGORITHMS_HELP,
    )
    sidebar.caption(algorithm_help(algorithm))
    unit = sidebar.segmented_control(
        "Length in",
        list(UNITS.values()),
        required=True,
        key="length_unit",
        on_change=remember_settings,
    )
    if unit == "Percent":
        percent = sidebar.slider(
            "Share of the article",
            *PERCENT_RANGE,
            step=5,
            format="%d %%",
            key="length_percent",
            on_change=remember_settings,
        )
        return SummarySettings(algorithm=algorithm, sentences=None, ratio=percent / 100)
    if unit == "Words":
        words = sidebar.number_input(
            "Words", *WORDS_RANGE, step=10, key="length_words", on_change=remember_settings,
            help="About this many words: whole sentences are picked up to this length.",
        )
        return SummarySettings(algorithm=algorithm, sentences=None, words=int(words))
    count = sidebar.number_input(
        "Sentences", *SENTENCES_RANGE, key="length_sentences", on_change=remember_settings
    )
    return SummarySettings(algorithm=algorithm, sentences=int(count), ratio=None)


def translation_settings(container, targets: Sequence[str]) -> TranslationSettings:
    """The translation section; `targets` are the languages the installed packs reach."""
    container.subheader("Translation")
    options = [NO_TRANSLATION, *targets]
    wanted = st.session_state.get(WANTED_TARGET, NO_TRANSLATION)
    st.session_state["target"] = wanted if wanted in options else NO_TRANSLATION
    target = container.selectbox(
        "Translate into",
        options,
        format_func=lambda code: (
            "No translation" if code == NO_TRANSLATION else language_name(code)
        ),
        key="target",
        on_change=_remember_target,
        help="Languages reachable with the installed language packs, directly or through English.",
    )
    if wanted != NO_TRANSLATION and wanted not in options:
        container.caption(
            f"You translate into {md(language_name(wanted))}: no installed pack reaches it "
            "from these articles, so they are not translated."
        )
    if not targets:
        container.caption("No language packs installed yet.")
        container.page_link(
            PACKS, label="Install language packs", icon=":material/download:"
        )
    scope = container.radio(
        "Translate",
        list(SCOPES),
        key="scope",
        horizontal=True,
        disabled=target == NO_TRANSLATION,
        on_change=remember_settings,
    )
    return TranslationSettings(
        target=None if target == NO_TRANSLATION else target,
        whole_article=scope == SCOPES[1],
        prefer_model=state.preferred_pairs(),
    )
