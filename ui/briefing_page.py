"""The Briefing page: every article's headline and summary (with translations) on one page.

Read top to bottom or printed (a print stylesheet hides the sidebar and the
buttons). The articles are those of the dashboard, through the same cached steps,
so opening the page costs no new summary or translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

import streamlit as st

from digest.job import ArticleResult, Upload
from digest.stories.views import DeskStory, desk_stories
from ui import desk, pipeline, state, story_service
from ui.i18n import (
    _,
    language_name,
    long_date,
    ngettext,
    number,
    offered,
)
from ui.markup import STYLE, md
from ui.pages import DASHBOARD
from ui.processing import process
from ui.settings import algorithm_label, length_label, summary_settings, translation_settings
from ui.story_card import STORY_STYLE, stories_html

BRIEFING_STYLE = """
<style>
.nd-brief { max-width: 46em; overflow-wrap: anywhere; }
.nd-brief article { margin: 0 0 1.6em 0; padding-bottom: 1.2em; border-bottom: 1px solid #e6e1d6;
  break-inside: avoid-page; }
.nd-brief h3 { margin: 0 0 0.15em 0; font-size: 1.3em; line-height: 1.3; }
.nd-brief .nd-brief-tr-title { margin: 0 0 0.3em 0; font-style: italic; color: #4a5560; }
.nd-brief .nd-brief-meta { margin: 0 0 0.6em 0; font-size: 0.85em; color: #6b7178; }
.nd-brief p.nd-brief-s { margin: 0 0 0.55em 0; line-height: 1.6; overflow-wrap: anywhere; }
.nd-brief .nd-tr { display: block; color: #4a5560; font-style: italic; margin-top: 0.15em;
  border-left: 3px solid #c9d8e4; padding-left: 0.6em; }
.nd-brief .nd-kept { font-style: normal; color: #8a8f94; }
.nd-brief .nd-brief-note { font-size: 0.9em; color: #8a5a00; }
.nd-brief .nd-brief-date { margin: 0 0 1.2em 0; font-size: 0.9em; color: #4a5560; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stBaseButton-secondary"],
  [data-testid="stBaseButton-tertiary"], .stButton, .stDownloadButton,
  [data-testid="stElementToolbar"], .st-key-briefing_controls {
    display: none !important; }
  .main .block-container, [data-testid="stMainBlockContainer"] { padding: 0 !important;
    max-width: 100% !important; }
  .nd-brief { max-width: 100%; font-size: 11pt; }
  .nd-brief a { color: inherit; text-decoration: none; }
}
</style>
"""


def made_on(when: datetime) -> str:
    """"Made on Tuesday 2 December 2025 at 09:41 (UTC+05:00)": a printed briefing says
    when it was made, so an old copy is not taken for today's."""
    zone = when.strftime("%Z") or when.strftime("UTC%z")
    return _("Made on {date} at {time} ({zone})").format(
        date=long_date(when), time=f"{when:%H:%M}", zone=zone
    )


def briefing_html(results: Sequence[ArticleResult], made: datetime | None = None,
                  stories: Sequence[DeskStory] | None = None) -> str:
    """The articles as one readable block: when it was made, then story by story (each
    its headline, languages, outlets, names, one summary with its translation, and its
    articles; ui.story_card). `stories` group the results (desk_stories); None: each
    article is a story of its own."""
    parts = []
    if made is not None:
        parts.append(f'<p class="nd-brief-date">{escape(made_on(made))}</p>')
    if stories is None:
        stories = desk_stories(None, [None] * len(results))
    parts.append(stories_html(stories, results))
    return f'<div class="nd-brief">{"".join(parts)}</div>'


def current_uploads() -> list[Upload]:
    """The dashboard's articles: the desk (the reader's articles, kept across reloads and
    restarts), the stored files and pasted texts, and the text in the box."""
    uploads = state.stored_uploads(None)
    pasted = st.session_state.get(state.PASTED) or ""
    if pasted.strip():
        uploads.append(Upload(state.pasted_name(), pasted.encode("utf-8")))
    unique: dict[str, Upload] = {}
    for upload in uploads:
        unique.setdefault(upload.key, upload)
    return desk.with_desk(list(unique.values()))


def render() -> None:
    st.html(STYLE + BRIEFING_STYLE + STORY_STYLE)
    st.title(_("Briefing"))
    summary = summary_settings()
    translation_slot = st.sidebar.container()
    uploads = current_uploads()
    if not uploads:
        translation_settings(translation_slot, pipeline.reachable_targets(pipeline.pack_sources()))
        st.info(_("No articles yet: add some on the dashboard, then come back for the "
                  "briefing."))
        st.page_link(DASHBOARD, label=_("Open the dashboard"), icon=":material/newspaper:")
        return
    results = [result for result in process(uploads, summary, translation_slot) if result.ok]
    languages = sorted({result.language for result in results}, key=language_name)
    controls = st.container(key="briefing_controls")  # left out when printed
    chosen = controls.pills(
        _("Languages"),
        languages,
        selection_mode="multi",
        default=languages,
        format_func=language_name,
        key="briefing_languages",
        help=_("Show only the articles in these languages."),
    )
    if chosen and len(offered(chosen, languages)) < len(chosen):
        chosen = languages  # an old label sent back after a switch: the default, all of them
    shown = [result for result in results if result.language in (chosen or [])]
    of = ngettext("{count} article of {total}", "{count} articles of {total}", len(shown))
    controls.caption(
        of.format(count=number(len(shown)), total=number(len(results)))
        + f" · {md(algorithm_label(summary))}, {md(length_label(summary))} · "
        + _("to print, use your browser's Print (Ctrl+P): the sidebar and the buttons are "
            "left out.")
    )
    if not shown:
        st.caption(_("No article in the chosen languages."))
        return
    grouped = story_service.desk_stories(desk.library(), [r.upload.sha256 for r in shown])
    st.html(briefing_html(shown, made=datetime.now().astimezone(), stories=grouped))
