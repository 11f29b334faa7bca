"""The Briefing's stories as HTML: each story's headline, one summary, the languages and
outlets that covered it, its names and its articles (title, outlet, language, date).

A story of one article is that article (headline, line, summary); a story of several is
headed by its central article's headline and summary, then lists every article. Each
article is an <article> element, so the page's print stylesheet keeps each whole. Every
piece of article text is escaped.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from digest.job import ArticleResult
from digest.stories.views import DeskStory
from ui.i18n import DEFAULT, _, babel_locale, current, language_name, message, ngettext, number
from ui.i18n import shares_label as _shares_label
from ui.markup import KEPT

STORY_STYLE = """
<style>
.nd-brief section.nd-story { margin: 0 0 1.8em 0; padding-bottom: 1.2em;
  border-bottom: 1px solid #e6e1d6; }
.nd-brief section.nd-story > article:last-child,
.nd-brief section.nd-story li > article { border-bottom: none; margin: 0; padding: 0; }
.nd-brief h2.nd-story-h { margin: 0 0 0.2em 0; padding: 0; font-size: 1.45em; line-height: 1.3; }
.nd-brief .nd-story-meta { margin: 0 0 0.35em 0; font-size: 0.9em; color: #4a5560; }
.nd-brief .nd-story-names { margin: 0 0 0.7em 0; font-size: 0.9em; color: #4a5560; }
.nd-brief .nd-story-names b { font-weight: 600; color: #2f3a44; }
.nd-brief .nd-name { display: inline-block; margin: 0 0.3em 0.25em 0; padding: 0 0.45em;
  border-radius: 0.6em; background: #eef2f6; color: #2f3a44; white-space: nowrap; }
.nd-brief ol.nd-story-articles { margin: 0.6em 0 0 0; padding-left: 1.4em; }
.nd-brief ol.nd-story-articles li { margin: 0 0 0.5em 0; }
.nd-brief ol.nd-story-articles h3 { font-size: 1.02em; margin: 0; font-weight: 600; }
.nd-brief ol.nd-story-articles .nd-brief-tr-title { margin: 0; font-size: 0.95em; }
.nd-brief ol.nd-story-articles .nd-brief-meta { margin: 0.1em 0 0 0; }
.nd-brief .nd-story-more { font-size: 0.85em; color: #6b7178; margin: 0.3em 0 0 0; }
@media print {
  .nd-brief section.nd-story { break-inside: auto; }
  .nd-brief .nd-name { background: none; border: 1px solid #c9d0d6; }
}
</style>
"""


def short_date(day: date) -> str:
    """A day: ISO in English (as the Library shows dates), the locale's medium form else."""
    if current() == DEFAULT:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, "medium", locale=babel_locale())


def dates_label(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return short_date(first)
    return _("{first} to {last}").format(first=short_date(first), last=short_date(last))


def stories_html(stories: Sequence[DeskStory], results: Sequence[ArticleResult]) -> str:
    """The stories of the results (DeskStory.members index `results`)."""
    return "".join(_story(story, list(story.members), results) for story in stories
                   if story.members)


def _story(story: DeskStory, members: list[int], results: Sequence[ArticleResult]) -> str:
    central = story.central if story.central in members else members[0]
    lead = results[central]
    if len(members) == 1:
        return (f'<section class="nd-story">'
                f"{_article(story, central, lead, summary=True, names=True)}</section>")
    title = lead.article.title if lead.article and lead.article.title else lead.name
    lines = [f'<h2 class="nd-story-h">{escape(title)}</h2>']
    if lead.title_translation:
        lines.append(f'<p class="nd-brief-tr-title">{escape(lead.title_translation)}</p>')
    languages = _languages([results[i].language for i in members])
    count = ngettext("{count} article", "{count} articles", len(members)).format(
        count=number(len(members)))
    meta = [count, ", ".join(languages)]
    outlets = [o for o in story.outlets if any(
        (a := story.articles.get(i)) is not None and a.outlet == o for i in members)]
    if outlets:
        meta.append(", ".join(outlets))
    days = dates_label(story.first_report, story.last_report)
    if days:
        meta.append(days)
    lines.append(f'<p class="nd-story-meta">{escape(" · ".join(meta))}</p>')
    lines.append(_names(story))
    lines.append(_summary(lead))
    items = "".join(f"<li>{_article(story, index, results[index])}</li>" for index in members)
    lines.append(f'<ol class="nd-story-articles">{items}</ol>')
    if story.elsewhere:
        more = ngettext("{count} more article on this story in the Library.",
                        "{count} more articles on this story in the Library.",
                        story.elsewhere).format(count=number(story.elsewhere))
        lines.append(f'<p class="nd-story-more">{escape(more)}</p>')
    return f'<section class="nd-story">{"".join(lines)}</section>'


def _languages(codes: Sequence[str]) -> list[str]:
    counted: dict[str, int] = {}
    for code in codes:
        counted[code] = counted.get(code, 0) + 1
    return [language_name(code) for code, _ in sorted(counted.items(), key=lambda c: -c[1])]


def _names(story: DeskStory) -> str:
    if not story.names:
        return ""
    shown = "".join(f'<span class="nd-name">{escape(name.display)}</span>'
                    for name in story.names[:10])
    return f'<p class="nd-story-names"><b>{escape(_("Names:"))}</b> {shown}</p>'


def _article(story: DeskStory, index: int, result: ArticleResult, summary: bool = False,
             names: bool = False) -> str:
    """One article: headline, translated headline, a line (file, outlet, language, date,
    words), and for a story of one article its names and summary."""
    assert result.article is not None and result.summary is not None
    facts = story.articles.get(index)
    title = escape(result.article.title or result.name)
    lines = [f"<h3>{title}</h3>"]
    if result.title_translation:
        lines.append(f'<p class="nd-brief-tr-title">{escape(result.title_translation)}</p>')
    stats = result.summary.stats
    words = ngettext("{count} word", "{count} words", stats.words).format(
        count=number(stats.words))
    language = language_name(result.language)
    if result.detection and result.detection.mixed and result.detection.shares_label:
        language += f" ({_shares_label(result.detection)})"
    meta = [result.name]
    if facts is not None and facts.outlet:
        meta.append(facts.outlet)
    meta.append(language)
    if facts is not None:
        meta.append(short_date(facts.reported))
    meta.append(words)
    lines.append(f'<p class="nd-brief-meta">{escape(" · ".join(meta))}</p>')
    if names:
        lines.append(_names(story))
    if summary:
        lines.append(_summary(result))
    reason = result.translation_reason if result.target else None
    if reason and not result.translations:
        note = _("No translation: {reason}").format(reason=message(reason))
        lines.append(f'<p class="nd-brief-note">{escape(note)}</p>')
    return f"<article>{''.join(lines)}</article>"


def _summary(result: ArticleResult) -> str:
    """Each summary sentence with its translation under it."""
    assert result.summary is not None
    target = language_name(result.target) if result.target else ""
    lines = []
    for sentence in result.summary.sentences:
        under = ""
        if sentence.index in result.kept:
            label = escape(_(KEPT).format(language=target))
            under = f'<span class="nd-tr nd-kept">{label}</span>'
        elif sentence.index in result.translations:
            under = f'<span class="nd-tr">{escape(result.translations[sentence.index])}</span>'
        lines.append(f'<p class="nd-brief-s">{escape(sentence.text)}{under}</p>')
    return "".join(lines)
