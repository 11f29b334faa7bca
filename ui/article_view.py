"""One article's card: heading, language, counts, then Summary / Original / Side by side."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from articles.export import summary_file_name, translation_file_name
from digest.job import ArticleResult, Upload
from digest.settings import SummarySettings
from languages.codes import UNDETERMINED, is_determined
from languages.detection import ArticleLanguage
from languages.names import LANGUAGE_NAMES
from ui import pipeline, state
from ui.document_download import render_document_download
from ui.downloads import summary_file, summary_record, translation_file
from ui.glossary_section import flagged_caption, render_article_tools, sentence_marks
from ui.i18n import (
    _,
    detection_label,
    language_name,
    message,
    ngettext,
    number,
    percent,
    shares_label,
)
from ui.markup import SentenceMarks, highlighted_article, md, side_by_side, summary_list
from ui.pages import PACKS
from ui.reading_controls import reading_caption, render_read_as_button
from ui.story_names import render_card_names

_LANGUAGES = tuple(code for code in LANGUAGE_NAMES if code not in (UNDETERMINED, "zt"))


def _languages() -> list[str]:
    """The picker's languages, in the order of their names in the interface language."""
    return sorted(_LANGUAGES, key=language_name)


def language_override(upload: Upload) -> str | None:
    """The language the reader chose for this article, or None to use the detected one.

    Kept under its own session key, not the widget's: a collapsed card draws no
    widget, and Streamlit forgets the state of widgets that are not drawn. The language
    in use is this choice, else the detection: the one source of truth, which the picker
    shows and the library keeps.
    """
    chosen = st.session_state.get(_override_key(upload))
    return chosen if is_determined(chosen) else None


def set_language_override(upload: Upload, language: str, only_if_unset: bool = False) -> None:
    """Choose the article's language for the reader (e.g. as the library remembers it).

    "Undetermined" is never a reader's choice (the picker does not offer it): it is what
    a garbled reading detected, and taking it for a choice would pin the article to it.
    """
    if not is_determined(language):
        return
    if only_if_unset and _override_key(upload) in st.session_state:
        return
    st.session_state[_override_key(upload)] = language


def _override_key(upload: Upload) -> str:
    return f"override:{upload.key}"


def _widget_key(upload: Upload) -> str:
    return f"language:{upload.key}"


def _choose_language(upload: Upload, detected: str) -> None:
    """The picker's on_change: choosing the detected language again is no choice, and
    neither is an old label a browser sends back after the interface language changed
    (it had not drawn the picker anew yet): only a language the picker offers is one."""
    chosen = st.session_state[_widget_key(upload)]
    if chosen not in _LANGUAGES and is_determined(chosen):
        return
    st.session_state[_override_key(upload)] = (
        None if chosen == detected or not is_determined(chosen) else chosen
    )
    state.keep_card_open(upload)  # the card's label names the language


def _back_to_detected(upload: Upload) -> None:
    st.session_state[_override_key(upload)] = None
    state.keep_card_open(upload)


def _picker_label(code: str, detected: str) -> str:
    if not is_determined(code):
        return _("Undetermined: choose the language")
    if code == detected:
        return _("{language} (detected)").format(language=language_name(code))
    return language_name(code)


def render_article(result: ArticleResult, summary: SummarySettings, expanded: bool = True) -> None:
    article, detection = result.article, result.detection
    assert article is not None and detection is not None and result.summary is not None
    title = article.title or result.name
    card = st.expander(
        f"**{md(title)}**  ·  {md(result.name)}  ·  {md(language_name(result.language))}",
        expanded=expanded,
        key=state.card_key(result.upload),
        on_change="rerun",
    )
    if not card.open:
        return  # drawn when opened: twenty closed cards cost the browser almost nothing
    with card:
        # One container for the lines above the tabs, however many a run draws (a note,
        # the names, a flagged count arrive with later runs): the tabs keep their place in
        # the card, so the tab the reader chose stays chosen.
        with st.container():
            _render_heading(result, detection)
            render_card_names(result)
            _render_counts(result)
            _render_translation_note(result)
            flagged_caption(result)
        marks = sentence_marks(result)  # glossary terms and flags, for two tabs
        summary_tab, original_tab, both_tab = st.tabs([_("Summary"), _("Original"),
                                                       _("Side by side")])
        with summary_tab:
            _render_summary(result, marks)
        with original_tab:
            highlighted = {sentence.index for sentence in result.summary.sentences}
            if article.title:
                st.markdown(f"##### {md(article.title)}")
            if result.title_translation:
                st.caption(md(result.title_translation))
            st.html(highlighted_article(article, highlighted))
        with both_tab:
            _render_side_by_side(result, marks)
        record = summary_record(result, summary)
        with st.container(horizontal=True):
            st.download_button(
                _("Download summary"),
                data=summary_file(record),  # bytes, not a callable: see ui.downloads
                file_name=summary_file_name(result.name),
                mime="text/plain",
                icon=":material/download:",
                on_click="ignore",
                key=f"download:{result.upload.key}",
            )
            if result.target:
                st.download_button(
                    _("Download translation"),
                    data=translation_file(record),
                    file_name=translation_file_name(result.name),
                    mime="text/plain",
                    icon=":material/translate:",
                    on_click="ignore",
                    key=f"download_translation:{result.upload.key}",
                    help=_("The original and its translation (summary or whole article, as "
                           "chosen under Translation), headline included."),
                )
                render_document_download(result)


def _render_heading(result: ArticleResult, detection: ArticleLanguage) -> None:
    main = detection.main
    detected = main.code if main.determined else UNDETERMINED
    in_use = result.language
    languages = _languages()
    options = languages if in_use in _LANGUAGES else [in_use, *languages]
    # The picker shows the language in use (the reader's choice, else the detection),
    # set before it is drawn: a re-read that detects anew moves it too.
    st.session_state[_widget_key(result.upload)] = in_use
    # One row that wraps on a narrow screen: the language control keeps its full width.
    with st.container(horizontal=True, vertical_alignment="center"):
        if result.overridden:
            st.badge(
                _("{language} · set by you").format(language=md(language_name(result.language))),
                icon=":material/edit:",
                color="violet",
            )
            st.caption(
                _("Detected: {language} ({share})").format(
                    language=md(detection_label(main)), share=percent(main.probability)
                )
            )
        elif main.determined:
            st.badge(
                _("{language} · {share} confidence").format(
                    language=md(detection_label(main)), share=percent(main.probability)
                ),
                icon=":material/language:",
                color="blue",
            )
        else:
            st.badge(_("Language undetermined"), icon=":material/help:", color="orange")
        st.caption(reading_caption(result))
        render_read_as_button(result)
        st.space("stretch")
        st.selectbox(
            _("Language"),
            options,
            format_func=lambda code: _picker_label(code, detected),
            key=_widget_key(result.upload),
            on_change=_choose_language,
            args=(result.upload, detected),
            help=_("The language the article is read in: detected, or chosen by you. The "
                   "summary and the translation follow it."),
            label_visibility="collapsed",
            width=250,
        )
        if result.overridden:
            st.button(
                _("Back to detected ({language})").format(
                    language=md(detection_label(main) if main.determined else _("undetermined"))
                ),
                key=f"back-to-detected:{result.upload.key}",
                on_click=_back_to_detected,
                args=(result.upload,),
                type="tertiary",
                icon=":material/undo:",
                help=_("Forget your choice: the article is read in the detected language "
                       "again."),
            )
    for note in result.reading_notes:
        st.caption(f":material/info: {md(message(note))}")
    if not main.determined and not result.overridden:
        guesses = ", ".join(f"{language_name(code)} {percent(p)}" for code, p in main.alternatives)
        hint = _(" Best guesses: {guesses}.").format(guesses=guesses) if guesses else ""
        st.warning(
            _("The language could not be determined.{hint} Choose it under Language so that "
              "sentences are split and translated with the right rules.").format(hint=hint),
            icon=":material/warning:",
        )
    if detection.mixed:
        lines = []
        for paragraph in detection.foreign:
            text = result.article.paragraphs[paragraph.index] if result.article else ""
            excerpt = text[:80] + ("…" if len(text) > 80 else "")
            found = paragraph.detection
            lines.append(
                _("- Paragraph {number}: {language} ({share}) — {excerpt}").format(
                    number=paragraph.index + 1, language=md(language_name(found.code)),
                    share=percent(found.probability), excerpt=md(excerpt),
                )
            )
        shares = f" ({md(shares_label(detection))})" if detection.shares_label else ""
        st.warning(
            _("This article mixes languages{shares}; most of it is {language}, but these "
              "paragraphs are read, summarized and translated in their own language:").format(
                shares=shares, language=md(language_name(main.code))
            )
            + "\n"
            + "\n".join(lines),
            icon=":material/warning:",
        )


def _render_counts(result: ArticleResult) -> None:
    stats = result.summary.stats if result.summary else None
    if stats is None:
        return
    minutes = stats.reading_minutes
    reading = (
        _("under 1 min") if minutes < 1 else _("{minutes} min").format(minutes=round(minutes))
    )
    with st.container(horizontal=True):
        st.metric(_("Words"), number(stats.words))
        st.metric(_("Sentences"), number(stats.sentences))
        st.metric(_("Reading time"), reading)
        sentences = ngettext("{count} sentence", "{count} sentences", stats.summary_sentences)
        st.metric(
            _("Summary"),
            _("{sentences} · {share} of words").format(
                sentences=sentences.format(count=number(stats.summary_sentences)),
                share=percent(stats.compression),
            ),
        )


def _render_translation_note(result: ArticleResult) -> None:
    if result.missing_pair:
        source, target = result.missing_pair
        with st.container(border=True):
            st.markdown(
                ":material/link_off: "
                + _("No language pack for **{source} → {target}**; the summary works without "
                    "it.").format(
                    source=md(language_name(source)), target=md(language_name(target))
                )
                + f"  \n{message(pipeline.install_advice(source, target))}"  # names and codes only
            )
            st.page_link(PACKS, label=_("Open Language packs"), icon=":material/translate:")
    elif result.translation_note and result.language == result.target:
        st.caption(md(message(result.translation_note)))
    elif result.translation_note:
        st.warning(md(message(result.translation_note)), icon=":material/info:")
    _render_route(result)


def _render_route(result: ArticleResult) -> None:
    """Which resource translated the article, and the choice of the multilingual model."""
    if result.route and result.translations:
        st.caption(":material/route: " + _("Translated {route}").format(
            route=md(message(result.route))))
    if not result.target or result.language == result.target:
        return
    pair = (result.language, result.target)
    if pipeline.has_model_choice(*pair):
        st.toggle(
            _("Use the multilingual model for {source} → {target}").format(
                source=md(language_name(pair[0])), target=md(language_name(pair[1]))
            ),
            value=pair in state.preferred_pairs(),
            key=f"prefer:{pair[0]}:{pair[1]}:{result.upload.key}",
            on_change=state.toggle_model_preference,
            args=(pair,),
            help=_("A language pack is used first when both exist (smaller and faster); the "
                   "model may translate this pair better."),
        )


def _render_summary(result: ArticleResult, marks: Mapping[int, SentenceMarks]) -> None:
    assert result.summary is not None
    sentences = [sentence.text for sentence in result.summary.sentences]
    if result.summary.note:  # "Summarized from the first 2,000 sentences of 295,060."
        st.caption(f":material/content_cut: {md(message(result.summary.note))}")
    if not sentences:
        st.caption(_("The summary is empty: the article is too short."))
        return
    translations = [
        result.translations.get(sentence.index) for sentence in result.summary.sentences
    ]
    kept = [n for n, s in enumerate(result.summary.sentences) if s.index in result.kept]
    if result.title_translation:
        st.caption(md(result.title_translation))
    st.html(summary_list(sentences, translations, kept, language_name(result.target or ""),
                         [marks.get(sentence.index) for sentence in result.summary.sentences]))


def _render_side_by_side(result: ArticleResult, marks: Mapping[int, SentenceMarks]) -> None:
    assert result.article is not None and result.summary is not None
    if not result.translations:
        if not result.missing_pair and not result.translation_note:
            st.caption(
                _("Choose a language under Translation in the sidebar to see the original "
                  "and its translation side by side.")
            )
        elif result.missing_pair:
            st.caption(_("No translation: the language pack is missing (see above)."))
        else:
            st.caption(md(message(result.translation_note)))
        return
    only_summary = len(result.translations) < len(result.article.sentences)
    if only_summary:
        st.caption(
            _("Summary sentences only. Choose “Whole article” under Translation in the "
              "sidebar to translate everything.")
        )
    st.html(
        side_by_side(
            result.article,
            result.translations,
            source_label=_("Original ({language})").format(
                language=language_name(result.language)
            ),
            target_label=language_name(result.target or ""),
            highlighted={sentence.index for sentence in result.summary.sentences}
            if not only_summary
            else (),
            only_translated=only_summary,
            kept=result.kept,
            marks=marks,
        )
    )
    render_article_tools(result)
