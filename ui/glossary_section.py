"""The reader's glossary on screen: its section of the Language packs page, and on an
article's card the names to add in one click, the marks of the side-by-side view and the
alternatives of one sentence.

The glossary lives in the library (digest.library.glossary); a change reruns the page, and
the translation memory redoes only the sentences the changed terms touch.
"""
from __future__ import annotations

import logging

import streamlit as st

from digest.checked import sentence_alternatives
from digest.job import ArticleResult
from digest.library import Library, LibraryError, open_library
from digest.library import glossary as kept
from digest.library.memory import keep_pick
from languages.codes import UNDETERMINED, is_determined, normalize_code
from languages.names import LANGUAGE_NAMES
from translator.errors import TranslatorError
from translator.glossary import Glossary, GlossaryError, Term
from ui import state
from ui.i18n import _, language_name, message, offered
from ui.logs import show_error
from ui.markup import SentenceMarks, md

log = logging.getLogger(__name__)

MAX_NAMES = 8
"""Names of an article offered for the glossary, the most mentioned first."""
ALTERNATIVES = 3
_CODES = tuple(code for code in LANGUAGE_NAMES if code not in (UNDETERMINED, "zt"))


def _library() -> Library | None:
    """The library, None when it cannot be used (the dashboard says why)."""
    try:
        return open_library()
    except LibraryError:
        log.exception("the library cannot be opened for the glossary")
        return None


def current_glossary() -> Glossary:
    """The library's glossary (empty when the library cannot be used)."""
    library = _library()
    if library is None:
        return Glossary()
    try:
        return kept.glossary(library)
    except LibraryError:
        log.exception("the glossary cannot be read")
        return Glossary()


def _languages() -> list[str]:
    return sorted(_CODES, key=language_name)


def _pair_label(term: Term) -> str:
    return f"{language_name(term.source_language)} → {language_name(term.target_language)}"


def render_section() -> None:
    """The glossary section of the Language packs page."""
    st.subheader(_("Glossary"))
    st.caption(_("Names and terms that must come out of every translation exactly as you say, "
                 "in whatever form the article writes them. Leave the translation empty to "
                 "keep a term as it is."))
    try:
        library = open_library()
    except LibraryError as error:
        show_error(log, error)
        return
    _flash()
    try:
        terms = kept.glossary(library).terms
    except LibraryError as error:
        show_error(log, error)
        return
    if not terms:
        st.caption(_("The glossary is empty."))
    for term in terms:
        pair, source, rendering, action = st.columns([3, 3, 3, 1.5],
                                                     vertical_alignment="center")
        pair.caption(md(_pair_label(term)))
        source.markdown(f"**{md(term.term)}**")
        rendering.markdown(md(term.translation) if term.translation
                           else f"*{md(_('kept as it is'))}*")
        if action.button(_("Remove"), key=f"glossary-remove:{term.source_language}:"
                         f"{term.target_language}:{term.term}", icon=":material/delete:"):
            kept.remove_term(library, term)
            _changed(_("Removed “{term}” from the glossary.").format(term=term.term))
    _render_add(library)
    _render_files(library, bool(terms))


def _flash() -> None:
    message = st.session_state.pop("glossary_message", None)
    if message:
        st.success(md(message), icon=":material/check_circle:")


def _changed(message: str) -> None:
    st.session_state["glossary_message"] = message
    st.rerun()


def _render_add(library) -> None:
    languages = _languages()
    target = st.session_state.get("target")
    with st.form("glossary_add", clear_on_submit=True, border=False):
        source_column, term_column, target_column, translation_column = st.columns(4)
        source = source_column.selectbox(_("From"), languages, format_func=language_name,
                                         index=languages.index("en"), key="glossary_source")
        term = term_column.text_input(_("Term"), key="glossary_term",
                                      placeholder=_("e.g. Kori Schulman"))
        to = target_column.selectbox(
            _("Into"), languages, format_func=language_name, key="glossary_target",
            index=languages.index(target if target in languages else "ru"),
        )
        translation = translation_column.text_input(
            _("Translation"), key="glossary_translation",
            placeholder=_("empty: keep as it is"),
        )
        submitted = st.form_submit_button(_("Add to the glossary"), icon=":material/add:")
    if not submitted:
        return
    try:
        source = offered(source, languages, "en")  # not an old label after a switch
        to = offered(to, languages, "ru")
        added = kept.add_term(library, source, term, to, translation)
    except GlossaryError as error:
        st.warning(md(message(str(error))), icon=":material/warning:")
        return
    except LibraryError as error:
        show_error(log, error)
        return
    _changed(_("Added “{term}” to the glossary.").format(term=added.term))


def _render_files(library, has_terms: bool) -> None:
    with st.container(horizontal=True, vertical_alignment="bottom"):
        upload = st.file_uploader(
            _("Import a glossary (.csv)"), type=["csv"], key="glossary_csv",
            help=_("Columns: source_language,term,target_language,translation; an empty "
                   "translation keeps the term as it is."),
        )
        if has_terms:
            st.download_button(
                _("Download the glossary (.csv)"), data=kept.export_csv(library).encode("utf-8"),
                file_name="glossary.csv", mime="text/csv", icon=":material/download:",
                on_click="ignore",
            )
    if upload is None or not st.button(_("Import these terms"), icon=":material/upload:"):
        return
    try:
        count = kept.import_csv(library, upload.getvalue().decode("utf-8", "replace"))
    except GlossaryError as error:
        st.warning(md(message(str(error))), icon=":material/warning:")
        return
    except LibraryError as error:
        show_error(log, error)
        return
    _changed(_("Imported {count} terms into the glossary.").format(count=count))


# ---- on an article's card -----------------------------------------------------------------


def sentence_marks(result: ArticleResult) -> dict[int, SentenceMarks]:
    """The marks of the side-by-side view: glossary terms, flags, retries and picks."""
    article, target = result.article, result.target
    if article is None or not target:
        return {}
    glossaries: dict[str, Glossary] = {}
    marks: dict[int, SentenceMarks] = {}
    for index in result.translations:
        if index in result.kept:
            continue
        language = _sentence_language(result, index)
        if language not in glossaries:
            glossaries[language] = result.glossary.for_pair(language, target)
        matches = glossaries[language].find(article.sentences[index].text)
        check = result.flags.get(index)
        note = ""
        if index in result.picked:
            note = _("your pick")
        elif index in result.retried:
            note = _("retried: {route}").format(route=message(result.retried[index]))
        if matches or check or note:
            marks[index] = SentenceMarks(
                source_spans=tuple((match.start, match.end) for match in matches),
                renderings=tuple(dict.fromkeys(match.term.rendering for match in matches)),
                reasons=" ".join(message(flag.reason) for flag in check.flags) if check else "",
                note=note,
            )
    return marks


def _sentence_language(result: ArticleResult, index: int) -> str:
    assert result.article is not None
    language = normalize_code(result.article.sentence_language(index))
    return language if is_determined(language) else result.language


def flagged_caption(result: ArticleResult) -> None:
    """How many translated sentences the checks flagged (the card's count)."""
    if not result.translations or not result.flags:
        return
    st.caption(":material/flag: " + md(_(
        "{count} translated sentences flagged by the checks: see Side by side (hover the "
        "flag for the reason)."
    ).format(count=len(result.flags))))


def render_article_tools(result: ArticleResult) -> None:
    """Under the side-by-side view: names to add to the glossary, alternatives."""
    if not result.translations or not result.target or result.language == result.target:
        return
    with st.expander(_("Glossary and alternatives"), icon=":material/spellcheck:",
                     key=f"glossary:{result.upload.key}"):  # stays open in every language
        _render_names(result)
        _render_alternatives(result)


def _names(result: ArticleResult) -> list[str]:
    assert result.article is not None
    try:
        from digest.stories.names import extract_names
    except ImportError:  # names come with digest.stories; a phrase can still be typed
        return []
    text = "\n\n".join(result.article.paragraphs)
    names = extract_names(text, result.language, result.article.title or "")
    return [name.text for name in names[:MAX_NAMES]]


def _render_names(result: ArticleResult) -> None:
    st.caption(_("Add a name of this article to the glossary, kept as it is in {language}: "
                 "one click.").format(language=language_name(result.target or "")))
    terms = {term.term.casefold() for term in
             result.glossary.for_pair(result.language, result.target or "").terms}
    names = [name for name in _names(result) if name.casefold() not in terms]
    with st.container(horizontal=True):
        for name in names:
            st.button(f"+ {md(name)}", key=f"glossary-name:{result.upload.key}:{name}",
                      on_click=_add_from_article, args=(result, name, ""), type="secondary")
    with st.form(f"glossary-phrase:{result.upload.key}", clear_on_submit=True, border=False):
        phrase_column, translation_column = st.columns(2)
        phrase_column.text_input(_("Or a phrase of the article"),
                                 key=f"glossary-phrase-text:{result.upload.key}")
        translation_column.text_input(
            _("Its translation"), placeholder=_("empty: keep as it is"),
            key=f"glossary-phrase-translation:{result.upload.key}",
        )
        st.form_submit_button(_("Add to the glossary"), icon=":material/add:",
                              on_click=_add_phrase, args=(result,))


def _add_phrase(result: ArticleResult) -> None:
    key = result.upload.key
    _add_from_article(result, st.session_state.get(f"glossary-phrase-text:{key}", ""),
                      st.session_state.get(f"glossary-phrase-translation:{key}", ""))


def _add_from_article(result: ArticleResult, term: str, translation: str) -> None:
    """A button's callback: the term kept for the article's pair (the card stays open)."""
    state.keep_card_open(result.upload)
    library = _library()
    if library is None:
        return
    try:
        kept.add_term(library, result.language, term, result.target or "", translation)
    except (GlossaryError, LibraryError) as error:
        st.session_state[f"glossary-problem:{result.upload.key}"] = str(error)


def _render_alternatives(result: ArticleResult) -> None:
    assert result.article is not None
    problem = st.session_state.pop(f"glossary-problem:{result.upload.key}", None)
    if problem:
        st.warning(md(message(problem)), icon=":material/warning:")
    indices = [index for index in sorted(result.translations) if index not in result.kept]
    if not indices:
        return
    sentences = result.article.sentences
    chosen = st.selectbox(
        _("Alternatives for the sentence"), indices,
        format_func=lambda index: f"{index + 1}. {sentences[index].text[:90]}",
        key=f"alternatives-sentence:{result.upload.key}",
    )
    st.button(_("Show alternatives"), key=f"alternatives-ask:{result.upload.key}",
              icon=":material/format_list_numbered:", on_click=_ask, args=(result, chosen))
    found = st.session_state.get(_found_key(result, chosen))
    if found is None:
        return
    if not found:
        st.caption(_("The model found no other translation of this sentence."))
        return
    st.radio(_("Alternatives"), found, key=f"alternatives-pick:{result.upload.key}", format_func=md,
             label_visibility="collapsed")
    st.button(_("Use this translation"), key=f"alternatives-use:{result.upload.key}",
              icon=":material/check:", on_click=_use, args=(result, chosen))


def _found_key(result: ArticleResult, index: int) -> str:
    return f"alternatives:{result.upload.key}:{index}"


def _ask(result: ArticleResult, index: int) -> None:
    """The button's callback: the sentence's alternatives, kept for the next run."""
    assert result.article is not None
    state.keep_card_open(result.upload)
    try:
        st.session_state[_found_key(result, index)] = sentence_alternatives(
            result.article.sentences[index].text, _sentence_language(result, index),
            result.target or "", ALTERNATIVES, _prefers_model(result), result.glossary,
        )
    except TranslatorError as error:
        log.warning("alternatives failed: %s", error)
        st.session_state[f"glossary-problem:{result.upload.key}"] = str(error)


def _use(result: ArticleResult, index: int) -> None:
    """The button's callback: the picked alternative kept in the translation memory."""
    assert result.article is not None
    state.keep_card_open(result.upload)
    pick = st.session_state.get(f"alternatives-pick:{result.upload.key}")
    library = _library()
    if library is None or not pick:
        return
    try:
        keep_pick(library, result.article.sentences[index].text, pick,
                  _sentence_language(result, index), result.target or "",
                  _prefers_model(result), result.glossary)
    except LibraryError as error:
        st.session_state[f"glossary-problem:{result.upload.key}"] = str(error)
        return
    st.session_state.pop(_found_key(result, index), None)


def _prefers_model(result: ArticleResult) -> bool:
    return (result.language, result.target) in state.preferred_pairs()
