"""Sidebar settings: what the user chose, as small immutable values."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from digest.settings import DEFAULT_SENTENCES, SummarySettings, TranslationSettings
from languages.names import language_name
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

NO_TRANSLATION = "none"
DEFAULT_PERCENT = 20
DEFAULT_WORDS = 100
DEFAULTS = {
    "algorithm": DEFAULT_ALGORITHM,
    "length_unit": "Sentences",
    "length_percent": DEFAULT_PERCENT,
    "length_sentences": DEFAULT_SENTENCES,
    "length_words": DEFAULT_WORDS,
}
"""Initial widget values, set in session state (ui.state) rather than as widget defaults,
because the settings are also re-claimed through session state on every run."""


def summary_settings() -> SummarySettings:
    """The summary section of the sidebar."""
    sidebar = st.sidebar
    sidebar.subheader("Summary")
    names = list(ALGORITHMS)
    algorithm = sidebar.selectbox(
        "Algorithm",
        names,
        format_func=lambda name: ALGORITHMS[name],
        key="algorithm",
        help="How sentences are picked. The default scored best on our news test set.",
    )
    unit = sidebar.segmented_control(
        "Length in",
        ["Sentences", "Percent", "Words"],
        required=True,
        key="length_unit",
    )
    if unit == "Percent":
        percent = sidebar.slider(
            "Share of the article",
            5,
            80,
            step=5,
            format="%d %%",
            key="length_percent",
        )
        return SummarySettings(algorithm=algorithm, sentences=None, ratio=percent / 100)
    if unit == "Words":
        words = sidebar.number_input(
            "Words", 20, 2000, step=10, key="length_words",
            help="About this many words: whole sentences are picked up to this length.",
        )
        return SummarySettings(algorithm=algorithm, sentences=None, words=int(words))
    count = sidebar.number_input("Sentences", 1, 50, key="length_sentences")
    return SummarySettings(algorithm=algorithm, sentences=int(count), ratio=None)


def translation_settings(container, targets: Sequence[str]) -> TranslationSettings:
    """The translation section; `targets` are the languages the installed packs reach."""
    container.subheader("Translation")
    options = [NO_TRANSLATION, *targets]
    target = container.selectbox(
        "Translate into",
        options,
        format_func=lambda code: (
            "No translation" if code == NO_TRANSLATION else language_name(code)
        ),
        key="target",
        help="Languages reachable with the installed language packs, directly or through English.",
    )
    if not targets:
        container.caption("No language packs installed yet.")
        container.page_link(
            _packs_page(), label="Install language packs", icon=":material/download:"
        )
    scope = container.radio(
        "Translate",
        ["Summary only", "Whole article"],
        key="scope",
        horizontal=True,
        disabled=target == NO_TRANSLATION,
    )
    from ui.state import preferred_pairs

    return TranslationSettings(
        target=None if target == NO_TRANSLATION else target,
        whole_article=scope == "Whole article",
        prefer_model=preferred_pairs(),
    )


def _packs_page():
    from ui.pages import PACKS

    return PACKS
