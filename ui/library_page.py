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
from ui import pipeline
from ui.article_view import language_override, render_article
from ui.desk import forget_everything, show_problem
from ui.i18n import _, date_time, language_name, message, ngettext, number, offered
from ui.markup import STYLE, md
from ui.settings import summary_settings
from ui.stories_view import STORIES, library_view, named_articles, named_hits, render_stories
from ui.story_service import warm_up as warm_up_stories

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
    st.title(_("Library"))
    st.html(STYLE + SNIPPET_STYLE)
    try:
        library = open_library()
    except LibraryError as error:
        st.error(md(message(str(error))), icon=":material/database:")
        return
    total = library.count()
    st.caption(
        ngettext(
            "{count} article kept on this computer in {folder} ({size}). Nothing is sent "
            "anywhere.",
            "{count} articles kept on this computer in {folder} ({size}). Nothing is sent "
            "anywhere.",
            total,
        ).format(count=number(total), folder=md(str(library.folder)), size=_size(library.size()))
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
            _("No articles yet. Every article read on the Dashboard is kept here."),
            icon=":material/info:",
        )
        return
    view = library_view()
    _render_open_article(library)
    if view == STORIES:
        render_stories(library)
    else:
        warm_up_stories(library)  # listed in the background: the Stories view opens at once
        query, languages, since, until, name = _filters(library)
        if query.strip():
            _render_hits(library, query, languages, since, until, name)
        else:
            _render_list(library, languages, since, until, name)
    _render_delete_everything(library, total)


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return _("{size} KB").format(size=number(size / 1024, 0))
    return _("{size} MB").format(size=number(size / 1024 / 1024, 1))


def _filters(library: Library) -> tuple[str, list[str], date | None, date | None, str]:
    search, language, dates = st.columns([3, 2, 2])
    query = search.text_input(
        _("Search"),
        key="library_query",
        placeholder=_("Words in any form: переговоры finds переговоров"),
        help=_("Finds every article holding all the words, in any of their forms in Russian, "
               "English and other languages with a stemmer; as written in the others."),
    )
    kept_languages = library.languages()
    languages = offered(language.multiselect(
        _("Language"),
        kept_languages,
        key="library_languages",
        format_func=language_name,
        placeholder=_("All languages"),
    ), kept_languages)
    chosen = dates.date_input(_("Added"), value=(), key="library_dates", format="YYYY-MM-DD")
    since = until = None
    if isinstance(chosen, tuple | list):
        since = chosen[0] if len(chosen) > 0 else None
        until = chosen[1] if len(chosen) > 1 else since
    elif isinstance(chosen, date):
        since = until = chosen
    who, _rest = st.columns([3, 4])  # a row of its own: the first keeps its widths at 800 px
    name = who.text_input(
        _("Name"), key="library_name", placeholder=_("Tokayev, Токаев…"),
        help=_("Only the articles naming this person, place or organisation, in any spelling "
               "or script: Токаев, Тоқаев and Tokayev are one name."),
    )
    return query, languages, since, until, name


def _render_hits(
    library: Library, query: str, languages: list[str], since: date | None, until: date | None,
    name: str = "",
) -> None:
    hits = named_hits(library, name, library.search(
        query, languages, since, until, limit=SEARCH_LIMIT * (20 if name.strip() else 1)),
        SEARCH_LIMIT)
    if not hits:
        st.info(_("Nothing found for “{query}”.").format(query=md(query)),
                icon=":material/search_off:")
        return
    found = ngettext("**{count} article** found", "**{count} articles** found", len(hits))
    best = _(" (the best ones)") if len(hits) == SEARCH_LIMIT else ""
    st.markdown(found.format(count=number(len(hits))) + best)
    for hit in hits:
        _render_row(library, hit.article, hit)


def _render_list(
    library: Library, languages: list[str], since: date | None, until: date | None,
    name: str = "",
) -> None:
    named = named_articles(library, name, languages, since, until)
    matching = library.count(languages, since, until) if named is None else len(named)
    if not matching:
        st.info(_("No article matches these filters."), icon=":material/filter_alt_off:")
        return
    pages = max(1, -(-matching // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = int(
            st.number_input(
                _("Page (of {pages})").format(pages=number(pages)), min_value=1,
                max_value=pages, value=1, key="library_page",
            )
        )
    first = (page - 1) * PAGE_SIZE
    articles = (library.articles(languages, since, until, limit=PAGE_SIZE, offset=first)
                if named is None else named[first:first + PAGE_SIZE])
    st.markdown(
        ngettext("**{count} article**, newest first", "**{count} articles**, newest first",
                 matching).format(count=number(matching))
    )
    for article in articles:
        _render_row(library, article)


def _render_row(library: Library, article: StoredArticle, hit: Hit | None = None) -> None:
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center"):
            text = st.container(width="stretch")
            added = date_time(article.added.astimezone())
            text.markdown(
                f"**{md(article.title or article.name)}**  \n"
                f":gray[{md(article.name)} · {md(language_name(article.language))} · {md(added)}]"
            )
            if hit is not None:
                text.html(snippet_html(hit.snippet))
            st.button(
                _("Open"), key=f"open:{article.id}", icon=":material/article:", on_click=_open,
                args=(article.id,), type="tertiary", width="content",
            )  # fmt: skip
            st.button(
                _("Delete"), key=f"delete:{article.id}", icon=":material/delete:",
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
        _("Delete **{title}** for good? Its file, text and translations are erased from this "
          "computer.").format(title=md(article.title or article.name)),
        icon=":material/warning:",
    )
    with st.container(horizontal=True):
        st.button(
            _("Delete for good"),
            key=f"confirm:{article.id}",
            type="primary",
            on_click=_delete,
            args=(article.id,),
        )
        st.button(_("Cancel"), key=f"cancel:{article.id}", on_click=_cancel)


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
    with st.spinner(_("Reading the article…")):
        result = analyse_safely(upload, summary, language, steps=pipeline.STEPS)
    with st.container(horizontal=True, vertical_alignment="top", gap="small"):
        if result.ok:
            render_article(result, summary)
        else:
            st.error(f"**{md(article.name)}** — {md(message(result.error))}")
        st.button(_("Close"), key="library_close", icon=":material/close:", type="tertiary",
                  on_click=_close)  # fmt: skip
    library.touch(article.id)


def _render_delete_everything(library: Library, total: int) -> None:
    with st.expander(_("Delete everything"), icon=":material/delete_forever:"):
        st.markdown(
            ngettext(
                "Erase the {count} article, its translations and the reading desk from this "
                "computer. This cannot be undone.",
                "Erase all {count} articles, their translations and the reading desk from "
                "this computer. This cannot be undone.",
                total,
            ).format(count=number(total))
        )
        sure = st.checkbox(_("Yes, delete every article for good"), key="library_sure")
        st.button(
            _("Delete everything"),
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
                _("Deleted {title} for good.").format(title=md(article.title or article.name)),
                done.left,
            )
    except LibraryError as error:  # nothing was deleted (Library.delete)
        log.exception("deleting %s failed", article_id)
        st.session_state[_FAILED] = md(message(str(error)))


def _delete_everything() -> None:
    st.session_state.pop(_OPEN, None)
    st.session_state.pop(_CONFIRM, None)
    st.session_state["library_sure"] = False
    try:
        done = open_library().delete_everything()
    except LibraryError as error:  # nothing was deleted
        log.exception("deleting everything failed")
        st.session_state[_FAILED] = md(message(str(error)))
        return
    forget_everything()  # this session's dashboard too (the others notice on their next run)
    st.session_state[_DONE] = _said(_("Every article was deleted for good."), done.left)


def _said(done: str, left: str) -> str:
    """"Deleted", and what is still on disk for a while when something is (Deletion.left)."""
    return _("{done} Note: {left}.").format(done=done, left=md(message(left))) if left else done
