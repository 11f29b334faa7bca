"""The Library page: every article kept on this computer, searched, opened, deleted.

The list is drawn a page at a time (PAGE_SIZE rows), so ten thousand articles cost
the browser no more than twenty-five; a count and a page number say where one is.
"""
from __future__ import annotations

import logging
from datetime import date
from html import escape

import streamlit as st

from digest.job import analyse_safely
from digest.library import Hit, Library, LibraryError, StoredArticle, open_library
from digest.library.keeping import delete_for_good, upload_of
from digest.library.search import Snippet
from digest.settings import count
from languages.names import language_name
from ui import pipeline
from ui.article_view import language_override, render_article
from ui.desk import forget_everything, show_problem
from ui.markup import STYLE, md
from ui.settings import summary_settings

log = logging.getLogger(__name__)

PAGE_SIZE = 25
SEARCH_LIMIT = 50
_OPEN = "library_open"  # the id of the article shown as a card
_CONFIRM = "library_confirm_delete"  # the id whose deletion awaits a confirmation
_DONE = "library_done"  # a message for the next run ("Deleted ...")
_FAILED = "library_failed"  # a delete that did not happen, and why

SNIPPET_STYLE = """
<style>
.nd-snippet { color: #3d4650; line-height: 1.55; margin: 0.1em 0 0.2em 0;
  overflow-wrap: anywhere; }
.nd-snippet mark { background: #fbe8a6; padding: 0 0.1em; border-radius: 3px; }
</style>
"""


def render() -> None:
    st.title("Library")
    st.html(STYLE + SNIPPET_STYLE)
    try:
        library = open_library()
    except LibraryError as error:
        st.error(str(error), icon=":material/database:")
        return
    total = library.count()
    st.caption(
        f"{count(total, 'article')} kept on this computer in {md(str(library.folder))} "
        f"({_size(library.size())}). Nothing is sent anywhere."
    )
    show_problem()
    done = st.session_state.pop(_DONE, None)
    if done:
        st.success(done, icon=":material/check:")
    failed = st.session_state.pop(_FAILED, None)
    if failed:
        st.error(failed, icon=":material/error:")
    if not total:
        st.info(
            "No articles yet. Every article read on the Dashboard is kept here.",
            icon=":material/info:",
        )
        return
    _render_open_article(library)
    query, languages, since, until = _filters(library)
    if query.strip():
        _render_hits(library, query, languages, since, until)
    else:
        _render_list(library, languages, since, until)
    _render_delete_everything(library, total)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _filters(library: Library) -> tuple[str, list[str], date | None, date | None]:
    search, language, dates = st.columns([3, 2, 2])
    query = search.text_input(
        "Search",
        key="library_query",
        placeholder="Words in any form: переговоры finds переговоров",
        help="Finds every article holding all the words, in any of their forms in Russian, "
        "English and other languages with a stemmer; as written in the others.",
    )
    languages = language.multiselect(
        "Language",
        library.languages(),
        key="library_languages",
        format_func=language_name,
        placeholder="All languages",
    )
    chosen = dates.date_input("Added", value=(), key="library_dates", format="YYYY-MM-DD")
    since = until = None
    if isinstance(chosen, tuple | list):
        since = chosen[0] if len(chosen) > 0 else None
        until = chosen[1] if len(chosen) > 1 else since
    elif isinstance(chosen, date):
        since = until = chosen
    return query, languages, since, until


def _render_hits(
    library: Library, query: str, languages: list[str], since: date | None, until: date | None
) -> None:
    hits = library.search(query, languages, since, until, limit=SEARCH_LIMIT)
    if not hits:
        st.info(f"Nothing found for “{md(query)}”.", icon=":material/search_off:")
        return
    shown = count(len(hits), "article")
    best = " (the best ones)" if len(hits) == SEARCH_LIMIT else ""
    st.markdown(f"**{md(shown)}** found{best}")
    for hit in hits:
        _render_row(library, hit.article, hit)


def _render_list(
    library: Library, languages: list[str], since: date | None, until: date | None
) -> None:
    matching = library.count(languages, since, until)
    if not matching:
        st.info("No article matches these filters.", icon=":material/filter_alt_off:")
        return
    pages = max(1, -(-matching // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = int(
            st.number_input(
                f"Page (of {pages:,})", min_value=1, max_value=pages, value=1, key="library_page"
            )
        )
    first = (page - 1) * PAGE_SIZE
    articles = library.articles(languages, since, until, limit=PAGE_SIZE, offset=first)
    st.markdown(f"**{count(matching, 'article')}**, newest first")
    for article in articles:
        _render_row(library, article)


def _render_row(library: Library, article: StoredArticle, hit: Hit | None = None) -> None:
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center"):
            text = st.container(width="stretch")
            added = article.added.astimezone().strftime("%Y-%m-%d %H:%M")
            text.markdown(
                f"**{md(article.title or article.name)}**  \n"
                f":gray[{md(article.name)} · {md(language_name(article.language))} · {md(added)}]"
            )
            if hit is not None:
                text.html(snippet_html(hit.snippet))
            st.button(
                "Open", key=f"open:{article.id}", icon=":material/article:", on_click=_open,
                args=(article.id,), type="tertiary", width="content",
            )  # fmt: skip
            st.button(
                "Delete", key=f"delete:{article.id}", icon=":material/delete:",
                on_click=_ask_to_delete, args=(article.id,), type="tertiary", width="content",
            )  # fmt: skip
        if st.session_state.get(_CONFIRM) == article.id:
            _render_confirmation(library, article)


def snippet_html(snippet: Snippet) -> str:
    """The snippet with its matches in <mark>; every piece of article text escaped."""
    body = "".join(
        f"<mark>{escape(text)}</mark>" if matched else escape(text)
        for text, matched in snippet.parts
    )
    before = "… " if snippet.cut_before else ""
    after = " …" if snippet.cut_after else ""
    return f'<p class="nd-snippet">{before}{body}{after}</p>'


def _render_confirmation(library: Library, article: StoredArticle) -> None:
    st.warning(
        f"Delete **{md(article.title or article.name)}** for good? Its file, text and "
        "translations are erased from this computer.",
        icon=":material/warning:",
    )
    with st.container(horizontal=True):
        st.button(
            "Delete for good",
            key=f"confirm:{article.id}",
            type="primary",
            on_click=_delete,
            args=(article.id,),
        )
        st.button("Cancel", key=f"cancel:{article.id}", on_click=_cancel)


def _render_open_article(library: Library) -> None:
    article_id = st.session_state.get(_OPEN)
    if article_id is None:
        return
    article = library.get(article_id)
    upload = upload_of(library, article) if article else None
    if article is None or upload is None:
        st.session_state.pop(_OPEN, None)
        return
    summary = summary_settings()
    language = language_override(upload) or article.language
    if language != article.language:  # the reader chose another language in the card
        library.set_language(article.id, language)
    with st.spinner("Reading the article…"):
        result = analyse_safely(upload, summary, language, steps=pipeline.STEPS)
    with st.container(horizontal=True, vertical_alignment="top", gap="small"):
        if result.ok:
            render_article(result, summary)
        else:
            st.error(f"**{md(article.name)}** — {md(result.error or '')}")
        st.button("Close", key="library_close", icon=":material/close:", type="tertiary",
                  on_click=_close)  # fmt: skip
    library.touch(article.id)


def _render_delete_everything(library: Library, total: int) -> None:
    with st.expander("Delete everything", icon=":material/delete_forever:"):
        st.markdown(
            f"Erase all {count(total, 'article')}, their translations and the reading desk "
            "from this computer. This cannot be undone."
        )
        sure = st.checkbox("Yes, delete every article for good", key="library_sure")
        st.button(
            "Delete everything",
            key="library_delete_all",
            type="primary",
            disabled=not sure,
            on_click=_delete_everything,
        )


# ---- callbacks (run before the next draw) -----------------------------------------------------


def _open(article_id: int) -> None:
    st.session_state[_OPEN] = article_id


def _close() -> None:
    st.session_state.pop(_OPEN, None)


def _ask_to_delete(article_id: int) -> None:
    st.session_state[_CONFIRM] = article_id


def _cancel() -> None:
    st.session_state.pop(_CONFIRM, None)


def _delete(article_id: int) -> None:
    st.session_state.pop(_CONFIRM, None)
    if st.session_state.get(_OPEN) == article_id:
        st.session_state.pop(_OPEN, None)
    try:
        library = open_library()
        article = library.get(article_id)
        done = delete_for_good(library, article_id, pipeline.STEPS) if article else None
        if article and done:
            st.session_state[_DONE] = _said(
                f"Deleted {md(article.title or article.name)} for good.", done.left
            )
    except LibraryError as error:  # nothing was deleted (Library.delete)
        log.exception("deleting %s failed", article_id)
        st.session_state[_FAILED] = md(str(error))


def _delete_everything() -> None:
    st.session_state.pop(_OPEN, None)
    st.session_state.pop(_CONFIRM, None)
    st.session_state["library_sure"] = False
    try:
        done = open_library().delete_everything()
    except LibraryError as error:  # nothing was deleted
        log.exception("deleting everything failed")
        st.session_state[_FAILED] = md(str(error))
        return
    forget_everything()  # this session's dashboard too (the others notice on their next run)
    st.session_state[_DONE] = _said("Every article was deleted for good.", done.left)


def _said(done: str, left: str) -> str:
    """"Deleted", and what is still on disk for a while when something is (Deletion.left)."""
    return f"{done} Note: {md(left)}." if left else done
