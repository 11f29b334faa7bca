"""The digest grouped by story (plain text and Word): each story's heading (headline,
how many articles, languages, outlets, dates, names), then its articles' summaries as
articles.export and articles.export_docx show them."""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.export import ENGLISH, ExportLabels, SummaryRecord, digest_text

_RULE = "#" * 72


@dataclass(frozen=True)
class StoryLabels:
    """The words of a story's heading, English by default; the dashboard passes them in
    its interface language."""

    story: str = "Story: {headline}"
    story_rule: str = "STORY: {headline}"
    languages: str = "in {languages}"
    outlets: str = "by {outlets}"
    reported: str = "Reported: {span}"
    span: str = "{first} – {last}"
    names: str = "Names: {names}"
    keywords: str = "Key phrases: {phrases}"


STORY_ENGLISH = StoryLabels()


@dataclass(frozen=True)
class StoryHeading:
    """What a digest says of a story above its articles."""

    headline: str
    articles: int
    languages: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    first_report: str = ""
    last_report: str = ""
    names: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    count_text: str = ""
    """How many articles, in words ("3 статьи"); empty: in English."""

    def lines(self, labels: StoryLabels = STORY_ENGLISH) -> list[str]:
        count = self.count_text or (
            f"{self.articles} article" + ("s" if self.articles != 1 else ""))
        about = [count]
        if self.languages:
            about.append(labels.languages.format(languages=", ".join(self.languages)))
        if self.outlets:
            about.append(labels.outlets.format(outlets=", ".join(self.outlets)))
        lines = [labels.story_rule.format(headline=self.headline), " · ".join(about)]
        if self.first_report:
            span = self.first_report
            if self.last_report and self.last_report != self.first_report:
                span = labels.span.format(first=self.first_report, last=self.last_report)
            lines.append(labels.reported.format(span=span))
        if self.names:
            lines.append(labels.names.format(names=", ".join(self.names)))
        if self.keywords:
            lines.append(labels.keywords.format(phrases=", ".join(self.keywords)))
        return lines


def story_block(heading: StoryHeading, records: Sequence[SummaryRecord],
                labels: StoryLabels = STORY_ENGLISH, words: ExportLabels = ENGLISH) -> str:
    """One story of a plain-text digest."""
    return "\n".join([_RULE, *heading.lines(labels), _RULE, "", digest_text(records, words)])


def story_digest_text(groups: Iterable[tuple[StoryHeading, Sequence[SummaryRecord]]],
                      labels: StoryLabels = STORY_ENGLISH, words: ExportLabels = ENGLISH
                      ) -> str:
    """Every story, each with its articles' summaries (`labels`, `words`: the headings'
    and the summaries' words, for a digest in the reader's language)."""
    blocks = [story_block(heading, records, labels, words) for heading, records in groups]
    return "\n\n".join(blocks) if blocks else words.no_summaries + "\n"


def story_digest_docx(groups: Sequence[tuple[StoryHeading, Sequence[SummaryRecord]]],
                      title: str | None = None, labels: StoryLabels = STORY_ENGLISH,
                      words: ExportLabels = ENGLISH) -> bytes:
    """The Word digest grouped by story: a heading per story, its articles under it."""
    import docx

    from articles.export_docx import _article, _paragraph

    title = title or words.digest_title
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    if not groups:
        document.add_paragraph(words.no_summaries)
    for heading, records in groups:
        document.add_heading(labels.story.format(headline=heading.headline), level=1)
        _paragraph(document, "\n".join(heading.lines(labels)[1:]), italic=True)
        for record in records:
            _article(document, record, level=2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
