"""Dashboard results -> the export package's SummaryRecord, and the files to download.

The download buttons get the file's bytes, not a callable (Streamlit's deferred
download): the file a callable makes on click is kept by no session, so under
concurrent sessions Streamlit's clean-up after any other session's run could delete
it before the browser fetched it (2 of 20 clicks got a 404 with 5 sessions). Bytes
given to the button stay referenced by the session while the button is shown. They
are cached, so a rerun does not rebuild them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import streamlit as st

from articles.export import (
    ExportLabels,
    SummaryRecord,
    digest_text,
    summary_text,
    translation_text,
    zip_bytes,
)
from articles.export_docx import digest_docx
from articles.export_stories import (
    StoryHeading,
    StoryLabels,
    story_digest_docx,
    story_digest_text,
)
from articles.layout import joined_text
from digest.job import ArticleResult
from digest.settings import SummarySettings
from digest.stories.desk import stories_of
from languages.codes import is_determined
from languages.names import language_name
from ui import i18n
from ui.i18n import _, ngettext, number


def summary_record(result: ArticleResult, settings: SummarySettings) -> SummaryRecord:
    assert result.article is not None and result.summary is not None
    article, summary = result.article, result.summary
    translation = None
    if result.translations:
        translated = [result.translations.get(sentence.index) for sentence in summary.sentences]
        if all(text is not None for text in translated):
            translation = [text for text in translated if text is not None]
    stats = summary.stats
    whole = len(result.translations) == len(article.sentences)
    original_text = translated_text = None
    if result.translations:
        if whole:  # the article's own paragraphs and line breaks
            original_text = article.body
            translated_text = joined_text(article, result.translations)
        else:  # the summary: one sentence a line
            order = sorted(result.translations)
            original_text = "\n".join(article.sentences[index].text for index in order)
            translated_text = "\n".join(result.translations[index] for index in order)
    detection = result.detection
    target = i18n.language_name(result.target) if result.target else None
    from ui.settings import algorithm_label, length_label  # ui.settings draws: imported late

    of = ngettext("{count} of {total} sentence ({length})", "{count} of {total} sentences "
                  "({length})", stats.sentences)
    return SummaryRecord(
        file_name=result.name,
        title=article.title,
        language=result.language,
        language_name=i18n.language_name(result.language),
        algorithm=algorithm_label(settings),
        length_label=of.format(
            count=stats.summary_sentences, total=stats.sentences, length=length_label(settings)
        ),
        sentences=[sentence.text for sentence in summary.sentences],
        translation=translation,
        target_language=target,
        title_translation=result.title_translation,
        whole_article=whole,
        original_text=original_text,
        translated_text=translated_text,
        translation_reason=i18n.message(file_reason(result)) if result.target else None,
        kept_note=kept_note(result),
        language_note=i18n.shares_label(detection) if detection and detection.mixed else None,
        translated_by=translated_by(result),
        labels=export_labels(),
    )


def export_labels() -> ExportLabels:
    """The downloaded files' words in the interface language."""
    return ExportLabels(
        summary=_("Summary"),
        summary_line=_("Summary: {algorithm}, {length}"),
        source_file=_("Source file: {name}"),
        language=_("Language: {name} ({code})"),
        mixed=_("mixed: {note}"),
        translation=_("translation"),
        translation_heading=_("Translation ({target})"),
        translation_heading_scope=_("Translation ({target}, {scope})"),
        translation_line=_("Translation: {target}, {scope}"),
        whole_article=_("whole article"),
        summary_scope=_("summary"),
        machine=_("Machine translation. Translated offline."),
        machine_by=_("Machine translation. Translated offline by {by}."),
        no_translation=_("No translation: {reason}"),
        not_asked=_("no translation was asked for."),
        original=_("Original ({language})"),
        no_summaries=_("No summaries."),
        digest_title=_("News digest"),
    )


def file_reason(result: ArticleResult) -> str | None:
    """Why the article has no translation, in words for a file: a file has no "above"
    (the card's note says "choose it above", pointing at the language picker)."""
    if result.translation_reason and not is_determined(result.language):
        return _("The language of this article could not be determined, so it was not "
                 "translated.")
    return result.translation_reason


def translated_by(result: ArticleResult) -> str | None:
    """What translated the article's main language: "Argos pack ru→en", "Argos packs
    kk→en→ru" (through English) or the multilingual model's family ("NLLB-200")."""
    if not result.target or len(result.translations) <= len(result.kept):
        return None  # nothing was translated (or all of it was already in the target)
    source, target = result.language, result.target
    if not result.route:
        return _("Argos pack {source}→{target}").format(source=source, target=target)
    from translator.engine import PIVOT  # loaded by then: the article was translated

    via = result.route.removeprefix("via ")
    if via == language_name(PIVOT):
        return _("Argos packs {source}→{pivot}→{target}").format(
            source=source, pivot=PIVOT, target=target
        )
    return via  # a multilingual model: "NLLB-200", "M2M-100"


def kept_note(result: ArticleResult) -> str | None:
    """"2 sentences kept: already in English" for the sentences not translated because
    they are in the target language already."""
    if not result.kept or not result.target:
        return None
    kept = ngettext("{count} sentence kept: already in {language}",
                    "{count} sentences kept: already in {language}", len(result.kept))
    return kept.format(count=len(result.kept), language=i18n.language_name(result.target))


@st.cache_data(show_spinner=False, max_entries=2000)
def summary_file(record: SummaryRecord) -> bytes:
    return summary_text(record).encode("utf-8")


@dataclass(frozen=True)
class DeskStories:
    """The desk's articles grouped by story, as the digests show them: each story's
    heading with the indices of its records, and the headings' words."""

    groups: tuple[tuple[StoryHeading, tuple[int, ...]], ...] = ()
    labels: StoryLabels = StoryLabels()


def story_labels() -> StoryLabels:
    """The words of a story's heading in the interface language."""
    story = _("Story")
    return StoryLabels(
        story=story + ": {headline}",
        story_rule=story.upper() + ": {headline}",
        languages="{languages}",
        outlets=_("Outlets: {outlets}"),
        reported="{span}",
        span=_("{first} to {last}"),
        names=_("Names: {names}"),
        keywords=_("Key phrases: {phrases}"),
    )


_DESK_STORIES = "nd-desk-stories"


def desk_stories(results: Sequence[ArticleResult]) -> DeskStories:
    """The stories of the desk's read articles (digest.stories.desk), in the interface
    language. Grouped again only when the articles, their languages or translations
    change: a new interface language only puts the headings' words into it, so a
    language switch profiles no article again."""
    return DeskStories(tuple((_in_language(heading), indices)
                             for heading, indices in _grouping(results)), story_labels())


def _in_language(heading: StoryHeading) -> StoryHeading:
    """A heading of _grouping (languages as codes) in the interface language."""
    count = ngettext("{count} article", "{count} articles", heading.articles)
    return replace(
        heading,
        languages=tuple(i18n.language_name(code) for code in heading.languages),
        count_text=count.format(count=number(heading.articles)),
    )


def _grouping(results: Sequence[ArticleResult]
              ) -> tuple[tuple[StoryHeading, tuple[int, ...]], ...]:
    """The desk's stories with their languages as codes, kept for the session: the same
    whatever the interface language."""
    signature = tuple(
        (r.upload.sha256, r.language, r.target or "", len(r.translations)) for r in results)
    kept = st.session_state.get(_DESK_STORIES)
    if kept is not None and kept[0] == signature:
        return kept[1]
    found = tuple((heading, tuple(indices))
                  for heading, indices in stories_of(results, named=str))
    st.session_state[_DESK_STORIES] = (signature, found)
    return found


def _grouped(records: tuple[SummaryRecord, ...], stories: DeskStories
             ) -> list[tuple[StoryHeading, list[SummaryRecord]]]:
    return [(heading, [records[i] for i in indices if i < len(records)])
            for heading, indices in stories.groups]


@st.cache_data(show_spinner=False, max_entries=32)
def digest_file(records: tuple[SummaryRecord, ...], stories: DeskStories = DeskStories()
                ) -> bytes:
    """The plain-text digest, grouped by story when the stories are given."""
    words = records[0].labels if records else ExportLabels()
    if not stories.groups:
        return digest_text(records, words).encode("utf-8")
    return story_digest_text(_grouped(records, stories), stories.labels, words).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=2000)
def translation_file(record: SummaryRecord) -> bytes:
    return translation_text(record).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def zip_file(records: tuple[SummaryRecord, ...], stories: DeskStories = DeskStories()) -> bytes:
    """One file per article (`stories` does not change it)."""
    return zip_bytes(records)


@st.cache_data(show_spinner=False, max_entries=32)
def docx_file(records: tuple[SummaryRecord, ...], stories: DeskStories = DeskStories()
              ) -> bytes:
    """The Word digest, grouped by story when the stories are given."""
    words = records[0].labels if records else ExportLabels()
    if not stories.groups:
        return digest_docx(records, labels=words)
    return story_digest_docx(_grouped(records, stories), labels=stories.labels, words=words)
