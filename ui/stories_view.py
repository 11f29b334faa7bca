"""The Library's Stories view: every story of the library, a timeline of its coverage,
filters by language, outlet and name, downloads, and the reader's moves.

The list, its filters, its counts and the timeline are read from the library's outline
(one line per story from aggregates, once per version of its stories: ui.story_service)
and filtered in memory, so changing a filter costs no new reading; only the stories of
the page shown are assembled (their headlines, names and languages). A story's articles
and the move controls are drawn only when it is opened (the controls need every story's
headline), and the downloads only when asked for (they need every story assembled).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

import streamlit as st

from digest.library import Library
from digest.stories import Stories, Story, articles_csv, place_in, stories_csv, stories_json
from digest.stories import views as story_views
from ui import story_service
from ui.i18n import N_, _, current, language_name, ngettext, number, offered
from ui.markup import md
from ui.story_card import dates_label, short_date

log = logging.getLogger(__name__)

ARTICLES = N_("Articles")
STORIES = N_("Stories")
VIEW_KEY = "library_view"
PAGE_SIZE = story_service.PAGE_SIZE
_MOVED = "stories_moved"  # what the last move did, said on the next run
BY_LANGUAGE = N_("Language")
BY_STORY = N_("Story")
CHART_HEIGHT = 280

STORIES_STYLE = """
<style>
.nd-story-table { width: 100%; border-collapse: collapse; table-layout: auto; font-size: 0.92em; }
.nd-story-table th { text-align: left; font-weight: 600; padding: 0.25em 0.5em;
  border-bottom: 2px solid #ddd8cc; white-space: nowrap; }
.nd-story-table td { vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid #eee9df;
  overflow-wrap: anywhere; }
.nd-story-table td.nd-nowrap { white-space: nowrap; }
.nd-story-table .nd-pinned { color: #6a4c93; font-size: 0.85em; }
.nd-story-names .nd-name { display: inline-block; margin: 0 0.3em 0.3em 0; padding: 0 0.5em;
  border-radius: 0.6em; background: #eef2f6; color: #2f3a44; white-space: nowrap; }
</style>
"""


def library_view() -> str:
    """Articles or Stories: the Library's two views (a segmented control)."""
    chosen = st.segmented_control(
        _("View"), [ARTICLES, STORIES], default=ARTICLES, format_func=_, key=VIEW_KEY,
        label_visibility="collapsed", required=True,
    )
    return chosen if chosen in (ARTICLES, STORIES) else ARTICLES  # not an old label


def render_stories(library: Library) -> None:
    st.html(STORIES_STYLE)
    try:
        read = story_service.outlined(library)
    except Exception:  # noqa: BLE001 - the article list still works without stories
        log.exception("the stories of the library could not be listed")
        st.error(_("The stories could not be listed. The article list still works."),
                 icon=":material/error:")
        return
    moved = st.session_state.pop(_MOVED, None)
    if moved:
        st.success(moved, icon=":material/check:")
    languages, outlets, name = _filters(read.outline, read.example)
    named = story_service.named(library, read.version, name)
    shown = story_views.select_lines(read.outline.lines, languages, outlets, named)
    articles = sum(line.size for line in shown)
    st.markdown(
        ngettext("**{count} story**", "**{count} stories**", len(shown)).format(
            count=number(len(shown)))
        + " · " + ngettext("{count} article", "{count} articles", articles).format(
            count=number(articles))
        + " · " + _("latest report first")
    )
    if not shown:
        st.info(_("No story matches these filters."), icon=":material/filter_alt_off:")
        return
    _timeline(library, read.version, shown)
    _downloads(library, read.version, shown, (tuple(languages), tuple(outlets), name))
    _story_list(library, read, shown)


def _filters(outline: story_views.Outline, example: str) -> tuple[list[str], list[str], str]:
    language, outlet, who = st.columns([2, 2, 3])
    languages = language.multiselect(
        _("Language"), outline.languages, key="stories_languages",
        format_func=language_name, placeholder=_("All languages"),
        help=_("Stories covered in any of these languages."),
    )
    languages = offered(languages, outline.languages)
    outlets = outlet.multiselect(
        _("Outlet"), outline.outlets, key="stories_outlets",
        placeholder=_("All outlets"), help=_("Stories covered by any of these outlets."),
    )
    name = who.text_input(
        _("Name"), key="stories_name",
        placeholder=_("e.g. {name}").format(name=place_in(example, current()))
        if example else _("Any name"),
        help=_("A person, place or organisation, in any spelling or script: Токаев, Тоқаев "
               "and Tokayev are one name."),
    )
    return languages, outlets, name or ""


def _timeline(library: Library, version: str, shown: Sequence[story_views.StoryLine]) -> None:
    with st.container(key="stories_timeline"):
        head, switch = st.columns([3, 2], vertical_alignment="bottom")
        head.markdown("**" + _("Coverage by day") + "**")
        by = switch.segmented_control(
            _("Colour by"), [BY_LANGUAGE, BY_STORY], default=BY_LANGUAGE, format_func=_,
            key="stories_colour", required=True,
        )
        by = by if by in (BY_LANGUAGE, BY_STORY) else BY_LANGUAGE  # not an old label
        headlines: dict[str, str] = {}
        if by == BY_STORY:
            headlines = {str(story.id): story.headline for story in story_service.assembled(
                library, version, story_views.biggest(shown))}
        rows = story_views.lines_timeline(shown, by="story" if by == BY_STORY else "language")
        series = _("Language") if by == BY_LANGUAGE else _("Story")
        day, count = _("Day"), _("Articles")
        st.vega_lite_chart(_chart_rows(rows, by, headlines, (day, series, count)),
                           _bar_spec(day, series, count), height=CHART_HEIGHT)


def _chart_rows(rows: Sequence[story_views.Coverage], by: str, headlines: dict[str, str],
                columns: tuple[str, str, str]) -> object:
    """The chart's table as Arrow, read from JSON lines by Arrow itself: building it from
    Python lists (pa.array, pa.table) would load pandas, as st.bar_chart loads pandas and
    altair, on the view's first opening."""
    import json
    from io import BytesIO

    import pyarrow as pa
    from pyarrow import json as arrow_json

    day, series, count = columns
    schema = pa.schema([(day, pa.string()), (series, pa.string()), (count, pa.int64())])
    if not rows:
        return schema.empty_table()
    lines = "\n".join(json.dumps({
        day: row.day.isoformat(),  # one bar a day, quiet days too
        series: _series_label(row.series, by, headlines),
        count: row.articles,
    }, ensure_ascii=False) for row in rows)
    return arrow_json.read_json(BytesIO(lines.encode("utf-8")),
                                parse_options=arrow_json.ParseOptions(explicit_schema=schema))


def _bar_spec(day: str, series: str, count: str) -> dict:
    """The stacked bars of st.bar_chart(x=day, y=count, color=series, stack=True), as
    Vega-Lite (st.bar_chart itself builds them with altair and pandas)."""
    return {
        "mark": {"type": "bar"},
        "encoding": {
            "color": {"field": series, "type": "nominal",
                      "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"}},
            "tooltip": [{"field": day, "type": "nominal"},
                        {"field": count, "type": "quantitative"},
                        {"field": series, "type": "nominal"}],
            "x": {"field": day, "type": "ordinal", "title": day, "axis": {"grid": False}},
            "y": {"field": count, "type": "quantitative", "title": count, "stack": True,
                  "axis": {"grid": True, "tickMinStep": 1}},
        },
        "params": [{"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]},
                    "bind": "scales"}],
        "height": CHART_HEIGHT,
        "width": 0,  # the container's
    }


def _series_label(series: str, by: str, headlines: dict[str, str]) -> str:
    if by == BY_LANGUAGE:
        return language_name(series)
    if series == story_views.OTHER:
        return _("Other stories")
    headline = headlines.get(series, "")
    return headline if len(headline) <= 40 else headline[:39].rstrip() + "…"


def _downloads(library: Library, version: str, shown: Sequence[story_views.StoryLine],
               filters: tuple) -> None:
    """Drawn when opened: the files are made for the stories shown, once per version."""
    box = st.expander(_("Download the stories shown"), icon=":material/download:",
                      key="stories_downloads", on_change="rerun")
    if not box.open:
        return
    with box:
        chosen = {line.id for line in shown}
        files = _files(version, filters, [story for story in story_service.listed(
            library, version) if story.id in chosen])
        st.caption(_("CSV opens in a spreadsheet; JSON holds every story with its names and "
                     "articles."))
        with st.container(horizontal=True):
            st.download_button(
                _("Stories (CSV)"), data=files["stories.csv"], file_name="stories.csv",
                mime="text/csv", icon=":material/table:", on_click="ignore",
                key="download_stories_csv",
            )
            st.download_button(
                _("Articles (CSV)"), data=files["story-articles.csv"],
                file_name="story-articles.csv", mime="text/csv", icon=":material/table:",
                on_click="ignore", key="download_story_articles_csv",
            )
            st.download_button(
                _("Stories and articles (JSON)"), data=files["stories.json"],
                file_name="stories.json", mime="application/json", icon=":material/data_object:",
                on_click="ignore", key="download_stories_json",
            )


@st.cache_resource(show_spinner=False, max_entries=8)
def _files(version: str, filters: tuple, _shown: Sequence[Story]) -> dict[str, bytes]:
    return {
        "stories.csv": stories_csv(_shown).encode("utf-8"),
        "story-articles.csv": articles_csv(_shown).encode("utf-8"),
        "stories.json": stories_json(_shown).encode("utf-8"),
    }


def _story_list(library: Library, read: story_service.Outlined,
                shown: Sequence[story_views.StoryLine]) -> None:
    """A page of the stories shown, assembled: the others cost nothing."""
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = 1
    if pages > 1:
        page = int(st.number_input(
            _("Page (of {pages})").format(pages=number(pages)), min_value=1, max_value=pages,
            value=1, key="stories_page",
        ))
    first = (min(page, pages) - 1) * PAGE_SIZE
    ids = [line.id for line in shown[first:first + PAGE_SIZE]]
    with st.container(key="stories_list"):
        for story in story_service.assembled(library, read.version, ids):
            _story(library, read, story)


def story_label(story: Story) -> str:
    """The line naming a story in the list: headline, articles, languages, dates."""
    count = ngettext("{count} article", "{count} articles", story.size).format(
        count=number(story.size))
    languages = ", ".join(language_name(code) for code in story.languages)
    days = dates_label(story.first_report, story.last_report)
    return f"**{md(story.headline)}**  ·  {md(count)}  ·  {md(languages)}  ·  {md(days)}"


def _story(library: Library, read: story_service.Outlined, story: Story) -> None:
    box = st.expander(story_label(story), key=f"story:{story.id}", on_change="rerun")
    if not box.open:
        return  # drawn when opened
    stories = read.stories
    with box:
        facts = [_("First report {first}, last {last}").format(
            first=short_date(story.first_report), last=short_date(story.last_report))]
        if story.outlets:
            facts.append(_("Outlets: {outlets}").format(outlets=", ".join(story.outlets)))
        st.caption(md(" · ".join(facts)))
        names = story_views.in_reader_spelling(
            stories, story.names[:15], [a.id for a in story.articles],
            story_service.reader_languages())
        if names:
            chips = "".join(f'<span class="nd-name">{_escape(name.display)}</span>'
                            for name in names)
            st.html(f'<div class="nd-story-names"><b>{_escape(_("Names:"))}</b> {chips}</div>')
        if story.keywords:
            st.caption(md(_("Key phrases: {phrases}").format(phrases="; ".join(story.keywords))))
        st.html(_articles_table(story))
        _move_controls(stories, story, read.outline.lines,
                       story_service.headlines(library, read.version))


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _articles_table(story: Story) -> str:
    head = "".join(f"<th>{_escape(label)}</th>" for label in (
        _("Title"), _("Outlet"), _("Language"), _("Date")))
    rows = []
    for article in story.articles:
        title = _escape(article.title or article.name)
        if article.pinned:
            title += f' <span class="nd-pinned">({_escape(_("placed by you"))})</span>'
        rows.append(
            f'<tr><td>{title}</td><td class="nd-nowrap">{_escape(article.outlet or "—")}</td>'
            f'<td class="nd-nowrap">{_escape(language_name(article.language))}</td>'
            f'<td class="nd-nowrap">{_escape(short_date(article.reported))}</td></tr>'
        )
    return (f'<table class="nd-story-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _move_controls(stories: Stories, story: Story, lines: Sequence[story_views.StoryLine],
                   headlines: dict[int, str]) -> None:
    """Move one of the story's articles to another story, or split it out: kept."""
    titles = {article.id: article.title or article.name for article in story.articles}
    others = {line.id: line for line in lines if line.id != story.id}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox(
            _("Article"), list(titles), format_func=lambda a: titles[a],
            key=f"move_article:{story.id}", width=320,
        )
        st.selectbox(
            _("Move it to"), [None, *others],
            format_func=lambda s: _("A story of its own (split it out)") if s is None else
            _target_label(headlines.get(s, ""), others[s].size),
            key=f"move_target:{story.id}", width=360,
            help=_("Your choice is kept: regrouping the library leaves the article where "
                   "you put it."),
        )
        st.button(
            _("Move"), key=f"move:{story.id}", icon=":material/move_item:",
            on_click=_move, args=(stories, story.id, titles,
                                  {other: headlines.get(other, "") for other in others}),
        )


def _target_label(headline: str, size: int) -> str:
    count = ngettext("{count} article", "{count} articles", size).format(count=number(size))
    headline = headline if len(headline) <= 60 else headline[:59] + "…"
    return f"{headline} ({count})"


def _move(stories: Stories, story_id: int, titles: dict[int, str],
          headlines: dict[int, str]) -> None:
    """The Move button: the article and the target chosen in the story's two boxes."""
    article_id = st.session_state.get(f"move_article:{story_id}")
    target = st.session_state.get(f"move_target:{story_id}")
    if article_id is None or stories.move(article_id, target) is None:
        return
    title = md(titles.get(article_id, ""))
    if target is None:
        said = _("“{title}” is now a story of its own.").format(title=title)
    else:
        said = _("“{title}” moved to “{headline}”.").format(
            title=title, headline=md(headlines.get(target, "")))
    st.session_state[_MOVED] = said


# ---- the name filter of the Library's article list and search ---------------------------------


def named_articles(library: Library, name: str, languages: Sequence[str],
                   since: date | None, until: date | None) -> list | None:
    """The articles naming `name`, newest first (None when no name is asked for)."""
    if not name.strip():
        return None
    return story_views.named_articles(story_service.stories_of(library), name, languages,
                                      since, until)


def named_hits(library: Library, name: str, hits: Sequence, limit: int) -> list:
    """The search hits naming `name` (all of them when no name is asked for), at most
    `limit`."""
    if not name.strip():
        return list(hits)[:limit]
    named = story_views.named_ids(story_service.stories_of(library), name)
    return [hit for hit in hits if hit.article.id in named][:limit]
