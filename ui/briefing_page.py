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
from languages.names import language_name
from ui import desk, pipeline, state
from ui.markup import KEPT, STYLE, md
from ui.pages import DASHBOARD
from ui.processing import process
from ui.settings import summary_settings, translation_settings

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
    return f"Made on {when:%A} {when.day} {when:%B %Y} at {when:%H:%M} ({zone})"


def briefing_html(results: Sequence[ArticleResult], made: datetime | None = None) -> str:
    """The articles as one readable block: when it was made, then each article's headline,
    translated headline, a short line about it, and each summary sentence with its
    translation under it."""
    parts = []
    if made is not None:
        parts.append(f'<p class="nd-brief-date">{escape(made_on(made))}</p>')
    for result in results:
        assert result.article is not None and result.summary is not None
        article = result.article
        title = escape(article.title or result.name)
        lines = [f"<h3>{title}</h3>"]
        if result.title_translation:
            lines.append(f'<p class="nd-brief-tr-title">{escape(result.title_translation)}</p>')
        stats = result.summary.stats
        meta = f"{result.name} · {language_name(result.language)} · {stats.words:,} words"
        if result.detection and result.detection.mixed and result.detection.shares_label:
            meta += f" ({result.detection.shares_label})"
        lines.append(f'<p class="nd-brief-meta">{escape(meta)}</p>')
        target = language_name(result.target) if result.target else ""
        for sentence in result.summary.sentences:
            under = ""
            if sentence.index in result.kept:
                label = escape(KEPT.format(language=target))
                under = f'<span class="nd-tr nd-kept">{label}</span>'
            elif sentence.index in result.translations:
                under = f'<span class="nd-tr">{escape(result.translations[sentence.index])}</span>'
            lines.append(f'<p class="nd-brief-s">{escape(sentence.text)}{under}</p>')
        reason = result.translation_reason if result.target else None
        if reason and not result.translations:
            lines.append(f'<p class="nd-brief-note">No translation: {escape(reason)}</p>')
        parts.append(f"<article>{''.join(lines)}</article>")
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
    st.html(STYLE + BRIEFING_STYLE)
    st.title("Briefing")
    summary = summary_settings()
    translation_slot = st.sidebar.container()
    uploads = current_uploads()
    if not uploads:
        translation_settings(translation_slot, pipeline.reachable_targets(pipeline.pack_sources()))
        st.info("No articles yet: add some on the dashboard, then come back for the briefing.")
        st.page_link(DASHBOARD, label="Open the dashboard", icon=":material/newspaper:")
        return
    results = [result for result in process(uploads, summary, translation_slot) if result.ok]
    languages = sorted({result.language for result in results}, key=language_name)
    controls = st.container(key="briefing_controls")  # left out when printed
    chosen = controls.pills(
        "Languages",
        languages,
        selection_mode="multi",
        default=languages,
        format_func=language_name,
        key="briefing_languages",
        help="Show only the articles in these languages.",
    )
    shown = [result for result in results if result.language in (chosen or [])]
    noun = "article" if len(shown) == 1 else "articles"
    controls.caption(
        f"{len(shown)} {noun} of {len(results)} · {md(summary.algorithm_label)}, "
        f"{md(summary.length_label)} · to print, use your browser's Print (Ctrl+P): the "
        "sidebar and the buttons are left out."
    )
    if not shown:
        st.caption("No article in the chosen languages.")
        return
    st.html(briefing_html(shown, made=datetime.now().astimezone()))
