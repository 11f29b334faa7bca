"""The dashboard page: articles in, one card per article, downloads out."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from articles.export_docx import DOCX_MIME
from digest.job import ArticleResult, Upload
from digest.settings import SummarySettings
from ui import desk, pipeline, state, upload_limits
from ui.article_view import render_article
from ui.downloads import desk_stories, digest_file, docx_file, summary_record, zip_file
from ui.i18n import N_, _, message, ngettext, number
from ui.markup import STYLE, md
from ui.pages import PACKS
from ui.processing import process
from ui.reading_controls import render_read_as
from ui.settings import summary_settings, translation_settings

PASTED_NAME = state.PASTED_NAME



# The desk's downloads: label, the file made from the records, its name, type, icon, key, help.
_BULK_DOWNLOADS = (
    (N_("Download all summaries"), digest_file, "summaries.txt", "text/plain",
     ":material/description:", "download_digest", None),
    (N_("Download as Word"), docx_file, "summaries.docx", DOCX_MIME, ":material/article:",
     "download_docx", N_("Every summary and its translation (or why it has none) in one .docx.")),
    (N_("Download all as .zip"), zip_file, "summaries.zip", "application/zip",
     ":material/folder_zip:", "download_zip", None),
)

def render() -> None:
    st.title(_("News digest"))
    st.html(STYLE + upload_limits.style() + CARD_STYLE)
    summary = summary_settings()
    translation_slot = st.sidebar.container()
    st.caption(
        _("Language, summary and offline translation of news articles. Nothing leaves this "
          "computer.")
    )
    uploads, repeats = collect_uploads()
    desk.show_problem()
    if not uploads:
        translation_settings(translation_slot, pipeline.reachable_targets(pipeline.pack_sources()))
        render_not_read([], repeats)
        render_empty_state()
        pipeline.warm_up()
        return
    results = process(uploads, summary, translation_slot)
    render_results(results, summary, repeats)


CARD_STYLE = (
    "<style>[class*='st-key-nd-card-'] > [data-testid='stElementContainer']:has(> "
    "[data-testid='stExpander']) {flex: 1 1 0; min-width: 0;}</style>"
)
"""A card's row: the card takes the width the ✕ beside it leaves, whatever its title."""


def collect_uploads() -> tuple[list[Upload], list[tuple[str, str]]]:
    """The uploaded files and the pasted text, once each; and the repeats not read:
    (file name, the name its content is on the desk as)."""
    files = st.file_uploader(
        upload_limits.label(),
        # No type filter: the browser would refuse other files with a red mark only;
        # here every file reaches the app and a file that is not an article is named and
        # explained on the page ("this looks like a PNG image") and counted.
        accept_multiple_files=True,
        key=state.uploader_key(),
        on_change=state.on_uploader_change,
        args=(desk.desk_names,),
        max_upload_size=upload_limits.UPLOADER_MAX_MB,
        help=_("Articles as text (.txt, .md, any encoding), web pages (.html), Word (.docx, "
               ".odt) or PDF, up to {count} at once.").format(count=upload_limits.MAX_FILES),
    )
    upload_limits.browser_failures()
    with st.expander(_("Paste a text instead"), icon=":material/content_paste:",
                     key="paste-box"):  # stays open in every interface language
        pasted = st.text_area(
            _("Article text"),
            key=state.PASTED,
            height=180,
            placeholder=_("The title on the first line, a blank line, then the article."),
        )
        st.button(
            _("Add another text"),
            on_click=state.add_pasted_text,
            icon=":material/add:",
            key="add-pasted",  # the same widget in every interface language
            help=_("Keep this text as an article and empty the box for the next one."),
        )
    uploads = state.stored_uploads(files)
    if pasted and pasted.strip():
        uploads.append(Upload(state.pasted_name(), pasted.encode("utf-8")))
    repeats = state.repeats()
    unique: dict[str, Upload] = {}  # sha256 -> the first upload with that content
    for upload in uploads:
        first = unique.setdefault(upload.sha256, upload)
        if first.key != upload.key:
            repeats.append((upload.name, first.name))
    on_desk = desk.with_desk(upload_limits.capped(list(unique.values())))
    names = {upload.sha256: upload.name for upload in on_desk}
    keys = {upload.key for upload in on_desk}
    for upload in unique.values():  # merged with an article of the desk under another name
        if upload.key not in keys and upload.sha256 in names:
            repeats.append((upload.name, names[upload.sha256]))
    return on_desk, repeats


def render_results(
    results: list[ArticleResult], summary: SummarySettings, repeats: Sequence[tuple[str, str]] = ()
) -> None:
    good = [result for result in results if result.ok]
    bad = [result for result in results if not result.ok]
    render_not_read(bad, repeats)
    if not good:
        return
    _render_bulk_downloads(good, len(bad) + len(repeats), summary)
    for result in good:
        # No wrapping: the ✕ stays beside its own card at any width, whatever the title.
        with st.container(
            horizontal=True, vertical_alignment="top", gap="small", wrap=False,
            key=f"nd-card-{result.upload.key}",
        ):
            render_article(result, summary, expanded=len(good) <= 3 or result is good[0])
            desk.remove_button(result.upload)


def render_not_read(bad: Sequence[ArticleResult], repeats: Sequence[tuple[str, str]]) -> None:
    """Every file not read, named, counted and explained on the page."""
    total = len(bad) + len(repeats)
    if not total:
        return
    st.markdown(
        ngettext("**{count} file not read**", "**{count} files not read**", total).format(
            count=number(total)
        )
    )
    for result in bad:
        st.error(
            f"**{md(result.name)}** — {md(message(result.error))}", icon=":material/error:"
        )
        render_read_as(result)
    for name, twin in repeats:
        st.warning(
            _("**{name}** — not read again: already on your desk as **{twin}**.").format(
                name=md(name), twin=md(twin)
            ),
            icon=":material/content_copy:",
        )


def _render_bulk_downloads(
    good: list[ArticleResult], bad: int, summary: SummarySettings
) -> None:
    # Bytes, not data=callable: see ui.downloads (404s under concurrent sessions).
    records = tuple(summary_record(result, summary) for result in good)
    stories = desk_stories(good)  # the digests are grouped by story
    with st.container(horizontal=True, vertical_alignment="center"):
        done = ngettext(
            "**{count} article** summarized", "**{count} articles** summarized", len(good)
        ).format(count=number(len(good)))
        not_read = _(", {count} not read (see above)").format(count=number(bad)) if bad else ""
        st.markdown(done + not_read)
        st.space("stretch")
        st.button(
            _("Clear all"),
            on_click=desk.clear_all,
            type="tertiary",
            key="clear-all",  # the same widget in every interface language
            icon=":material/delete_sweep:",
            help=_("Take every article off the dashboard. They stay in the Library."),
        )
        for label, make, name, mime, icon, key, tip in _BULK_DOWNLOADS:
            st.download_button(
                _(label), data=make(records, stories), file_name=name, mime=mime, icon=icon,
                on_click="ignore", key=key, help=_(tip) if tip else None,
            )


def render_empty_state() -> None:
    with st.container(border=True):
        st.subheader(_("Start with a few articles"))
        first, second, third = st.columns(3)
        first.markdown(
            _("**1. Add articles**  \nDrop files above, as many as you like: text in any "
              "encoding (UTF-8, Windows-1251, KOI8-R…), saved web pages, Word or PDF; or "
              "paste a text.")
        )
        second.markdown(
            _("**2. Read the digest**  \nEach article gets its language, a summary and its "
              "key sentences highlighted. Tune the length and algorithm in the sidebar.")
        )
        third.markdown(
            _("**3. Translate offline**  \nPick a language in the sidebar. Translation needs a "
              "language pack, installed once.")
        )
        st.page_link(PACKS, label=_("Manage language packs"), icon=":material/translate:")
