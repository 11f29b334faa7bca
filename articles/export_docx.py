"""The digest as a Word file (.docx), the format readers forward.

Same content as articles.export.digest_text: every article's headline, summary and
translation (or the reason it has none), with line breaks kept as Word line breaks.
python-docx is imported on first use: only a click on the download needs it.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from articles.export import ENGLISH, ExportLabels, SummaryRecord, machine_translation_note

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _paragraph(document, text: str, style: str | None = None, italic: bool = False):
    """A Word paragraph; each "\n" inside it becomes a line break, not a new paragraph."""
    paragraph = document.add_paragraph(style=style)
    lines = text.split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.italic = italic
        if number < len(lines) - 1:
            run.add_break()
    return paragraph


def _blocks(document, text: str, italic: bool = False) -> None:
    """Blank-line separated paragraphs, each a Word paragraph."""
    for block in text.split("\n\n"):
        if block.strip():
            _paragraph(document, block.strip("\n"), italic=italic)


def _article(document, record: SummaryRecord, level: int = 1) -> None:
    """One article: its heading at `level` (2 under a story's heading), its parts below."""
    document.add_heading(record.title or record.file_name, level=level)
    if record.title_translation:
        _paragraph(document, record.title_translation, italic=True)
    words = record.labels
    about = f"{record.file_name} · {record.language_name} ({record.language})"
    if record.language_note:
        about += " · " + words.mixed.format(note=record.language_note)
    about += f" · {record.algorithm}, {record.length_label}"
    _paragraph(document, about, style="Caption" if "Caption" in _styles(document) else None)
    document.add_heading(words.summary, level=level + 1)
    for sentence in record.sentences:
        _paragraph(document, sentence, style="List Bullet")
    target = record.target_language or words.translation
    if record.translated_text:
        scope = words.whole_article if record.whole_article else words.summary_scope
        document.add_heading(
            words.translation_heading_scope.format(target=target, scope=scope), level=level + 1
        )
        _paragraph(document, machine_translation_note(record), italic=True)
        if record.kept_note:
            _paragraph(document, record.kept_note, italic=True)
        if record.title_translation:
            _paragraph(document, record.title_translation).runs[0].bold = True
        _blocks(document, record.translated_text)
    elif record.translation:
        document.add_heading(words.translation_heading.format(target=target),
                               level=level + 1)
        _paragraph(document, machine_translation_note(record), italic=True)
        for sentence in record.translation:
            _paragraph(document, sentence, style="List Bullet")
    elif record.translation_reason:
        document.add_heading(words.translation_heading.format(target=target),
                               level=level + 1)
        _paragraph(
            document, words.no_translation.format(reason=record.translation_reason), italic=True
        )


def _styles(document) -> set[str]:
    return {style.name for style in document.styles}


def digest_docx(
    records: Sequence[SummaryRecord], title: str | None = None, labels: ExportLabels = ENGLISH
) -> bytes:
    """Every article's summary and translation in one .docx (bytes); `labels` (and the
    records' own) give its words."""
    import docx

    document = docx.Document()
    title = title or labels.digest_title
    document.core_properties.title = title
    document.add_heading(title, level=0)
    if not records:
        document.add_paragraph(labels.no_summaries)
    for record in records:
        _article(document, record)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
