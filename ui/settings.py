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
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from ui import i18n, state
from ui.i18n import N_, _, language_name, ngettext, number, pgettext
from ui.markup import md
from ui.pages import PACKS

log = logging.getLogger(__name__)

NO_TRANSLATION = "none"
UNITS = {"sentences": N_("Sentences"), "percent": N_("Percent"), "words": N_("Words")}
"""Stored length unit -> the label of its button (its value; shown translated)."""
SCOPES = (N_("Summary only"), N_("Whole article"))
"""The scope's values (shown translated)."""
ALGORITHM_LABELS = (N_("LSA (latent semantic analysis)"), N_("Reduction"))
"""The algorithms' names that are words, not proper names (summarizer.algorithms)."""
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
    "reduction": N_("Keeps the sentences that share the most words with the rest of the "
                    "article. The default: the best on our news test set."),
    "lexrank": N_("Keeps the sentences most like the others, as if the sentences voted for "
                  "each other."),
    "textrank": N_("Like LexRank, with a different measure of how alike two sentences are."),
    "lsa": N_("Finds the article's main topics from the words that occur together and keeps "
              "the sentences that carry them."),
    "luhn": N_("Keeps the sentences packed with the article's most frequent meaningful words."),
    "edmundson": N_("Weighs the words of the headline, cue words and where a sentence "
                    "stands."),
    "kl": N_("Keeps the sentences whose words, together, are used as in the whole article."),
    "sumbasic": N_("Keeps sentences with frequent words, then avoids repeating those words."),
}
"""One line per algorithm in plain words, for the reader choosing one."""


def algorithms_help() -> str:
    return _("How sentences are picked:") + "\n\n" + "\n".join(
        f"- **{md(algorithm_name(name))}**: {md(algorithm_help(name))}" for name in ALGORITHMS
    )


def unit_label(label: str) -> str:
    """A length unit's button: a word short enough for three buttons on one row."""
    return {
        "Sentences": pgettext("length unit", "Sentences"),
        "Percent": pgettext("length unit", "Percent"),
        "Words": pgettext("length unit", "Words"),
    }.get(label, label)


def algorithm_help(name: str) -> str:
    return _(ALGORITHM_HELP[name]) if name in ALGORITHM_HELP else ""


def algorithm_name(name: str) -> str:
    """An algorithm's name in the interface language (most are proper names)."""
    return _(ALGORITHMS.get(name, name))


def algorithm_label(settings: SummarySettings) -> str:
    """SummarySettings.algorithm_label in the interface language."""
    return algorithm_name(settings.algorithm)


def length_label(settings: SummarySettings) -> str:
    """SummarySettings.length_label in the interface language: "about 100 words"."""
    if settings.words is not None:
        words = ngettext("{count} word", "{count} words", settings.words)
        return _("about {words}").format(words=words.format(count=number(settings.words)))
    if settings.ratio is not None:
        return _("{percent} % of the words").format(percent=round(settings.ratio * 100))
    sentences = settings.sentences or DEFAULT_SENTENCES
    return ngettext("{count} sentence", "{count} sentences", sentences).format(
        count=number(sentences)
    )


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
    i18n.restore_language(values.get(i18n.PREFERENCE))
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
        values = {**current_preferences().values(), **i18n.saved_values()}
        _library().save_preferences(values, reader_profile())
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
    said = (
        _("Your settings could not be read, so the defaults are used and changes are not "
          "remembered: {error}")
        if verb == "read"
        else _("Your settings could not be saved, so the defaults are used and changes are "
               "not remembered: {error}")
    )
    st.session_state[PROBLEM] = said.format(error=error)


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
    sidebar.subheader(_("Summary"))
    names = list(ALGORITHMS)
    algorithm = sidebar.selectbox(
        _("Algorithm"),
        names,
        format_func=algorithm_name,
        key="algorithm",
        on_change=remember_settings,
        help=algorithms_help(),
    )
    sidebar.caption(algorithm_help(algorithm))
    unit = sidebar.segmented_control(
        _("Length in"),
        list(UNITS.values()),
        format_func=unit_label,
        required=True,
        key="length_unit",
        on_change=remember_settings,
    )
    if unit == "Percent":
        percent = sidebar.slider(
            _("Share of the article"),
            *PERCENT_RANGE,
            step=5,
            format="%d %%",
            key="length_percent",
            on_change=remember_settings,
        )
        return SummarySettings(algorithm=algorithm, sentences=None, ratio=percent / 100)
    if unit == "Words":
        words = sidebar.number_input(
            _("Words"), *WORDS_RANGE, step=10, key="length_words", on_change=remember_settings,
            help=_("About this many words: whole sentences are picked up to this length."),
        )
        return SummarySettings(algorithm=algorithm, sentences=None, words=int(words))
    count = sidebar.number_input(
        _("Sentences"), *SENTENCES_RANGE, key="length_sentences", on_change=remember_settings
    )
    return SummarySettings(algorithm=algorithm, sentences=int(count), ratio=None)


def translation_settings(container, targets: Sequence[str]) -> TranslationSettings:
    """The translation section; `targets` are the languages the installed packs reach."""
    container.subheader(_("Translation"))
    options = [NO_TRANSLATION, *targets]
    wanted = st.session_state.get(WANTED_TARGET, NO_TRANSLATION)
    st.session_state["target"] = wanted if wanted in options else NO_TRANSLATION
    target = container.selectbox(
        _("Translate into"),
        options,
        format_func=lambda code: (
            _("No translation") if code == NO_TRANSLATION else language_name(code)
        ),
        key="target",
        on_change=_remember_target,
        help=_("Languages reachable with the installed language packs, directly or through "
               "English."),
    )
    if wanted != NO_TRANSLATION and wanted not in options:
        container.caption(
            _("You translate into {language}: no installed pack reaches it from these "
              "articles, so they are not translated.").format(language=md(language_name(wanted)))
        )
    if not targets:
        container.caption(_("No language packs installed yet."))
        container.page_link(
            PACKS, label=_("Install language packs"), icon=":material/download:"
        )
    scope = container.radio(
        _("Translate"),
        list(SCOPES),
        format_func=_,
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
