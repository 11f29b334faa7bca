"""Summaries out: one article as plain text, its translation, a digest of many, a zip of files.

(The digest as a Word file is in articles.export_docx.)"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_STEM_CHARS = 120

_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')
_SEPARATOR = "=" * 72


@dataclass(frozen=True)
class ExportLabels:
    """The words of the files around the article's own text, English by default; the
    dashboard passes them in its interface language (the CLIs and batches keep English)."""

    summary: str = "Summary"
    summary_line: str = "Summary: {algorithm}, {length}"
    source_file: str = "Source file: {name}"
    language: str = "Language: {name} ({code})"
    mixed: str = "mixed: {note}"
    translation: str = "translation"
    translation_heading: str = "Translation ({target})"
    translation_heading_scope: str = "Translation ({target}, {scope})"
    translation_line: str = "Translation: {target}, {scope}"
    whole_article: str = "whole article"
    summary_scope: str = "summary"
    machine: str = "Machine translation. Translated offline."
    machine_by: str = "Machine translation. Translated offline by {by}."
    no_translation: str = "No translation: {reason}"
    not_asked: str = "no translation was asked for."
    original: str = "Original ({language})"
    no_summaries: str = "No summaries."
    digest_title: str = "News digest"


ENGLISH = ExportLabels()


@dataclass
class SummaryRecord:
    """Everything a downloaded summary shows about one article."""

    file_name: str
    title: str
    language: str
    language_name: str
    algorithm: str
    length_label: str
    sentences: list[str]
    translation: list[str] | None = None
    target_language: str | None = None
    title_translation: str | None = None
    """The headline in the target language (None: not translated, or already in it)."""
    whole_article: bool = False
    """The translation covers the whole article, not only the summary."""
    original_text: str | None = None
    """What was translated (the summary or the whole body), line breaks kept."""
    translated_text: str | None = None
    """Its translation, paragraph by paragraph, line breaks kept."""
    translation_reason: str | None = None
    """Why there is no translation ("No language pack for Kazakh → English.")."""
    kept_note: str | None = None
    """Which parts were already in the target language and are kept as they are."""
    language_note: str | None = None
    """The languages of a mixed article: "Russian 62 %, English 38 %"."""
    translated_by: str | None = None
    """What translated it: "Argos pack ru→en", "NLLB-200" (None: not said)."""
    labels: ExportLabels = field(default=ENGLISH)
    """The words of the file around the article's text (ExportLabels)."""


def _heading(text: str) -> list[str]:
    return [text, "-" * len(text)]


def _scope(record: SummaryRecord) -> str:
    return record.labels.whole_article if record.whole_article else record.labels.summary_scope


def machine_translation_note(record: SummaryRecord) -> str:
    """"Machine translation. Translated offline by Argos pack ru→en.": whoever reads the
    file (forwarded, printed) knows that no person translated it, and what did."""
    if record.translated_by:
        return record.labels.machine_by.format(by=record.translated_by)
    return record.labels.machine


def translation_lines(record: SummaryRecord) -> list[str]:
    """The translation section of a summary: the translation, or why there is none."""
    words = record.labels
    target = record.target_language or words.translation
    if record.translated_text:
        scope = _scope(record)
        lines = _heading(words.translation_heading_scope.format(target=target, scope=scope))
        lines.append(f"[{machine_translation_note(record)}]")
        if record.kept_note:
            lines.append(f"[{record.kept_note}]")
        if record.title_translation:
            lines += [record.title_translation, ""]
        return [*lines, record.translated_text]
    if record.translation:
        note = f"[{machine_translation_note(record)}]"
        return [*_heading(words.translation_heading.format(target=target)), note,
                *record.translation]
    if record.translation_reason:
        reason = words.no_translation.format(reason=record.translation_reason)
        return [*_heading(words.translation_heading.format(target=target)), reason]
    return []


def _about(record: SummaryRecord) -> list[str]:
    words = record.labels
    language = words.language.format(name=record.language_name, code=record.language)
    if record.language_note:
        language += "; " + words.mixed.format(note=record.language_note)
    return [words.source_file.format(name=record.file_name), language]


def summary_text(record: SummaryRecord) -> str:
    """One article's summary as UTF-8-ready plain text, with what produced it and its
    translation (or the reason it has none)."""
    lines = [
        record.title or record.file_name,
        "",
        *_about(record),
        record.labels.summary_line.format(algorithm=record.algorithm, length=record.length_label),
        "",
        *_heading(record.labels.summary),
        *record.sentences,
    ]
    translated = translation_lines(record)
    if translated:
        lines += ["", *translated]
    return "\n".join(lines).rstrip("\n") + "\n"


def translation_text(record: SummaryRecord) -> str:
    """One article's original and its translation (summary or whole article, as chosen),
    headline included and translated: the file a reader forwards."""
    lines = [record.title or record.file_name]
    if record.title_translation:
        lines.append(record.title_translation)
    lines += ["", *_about(record)]
    words = record.labels
    if not record.translated_text:
        reason = record.translation_reason or words.not_asked
        return "\n".join([*lines, "", words.no_translation.format(reason=reason)]) + "\n"
    target = record.target_language or words.translation
    lines += [words.translation_line.format(target=target, scope=_scope(record)), ""]
    lines += [*_heading(words.original.format(language=record.language_name))]
    if record.title:
        lines += [record.title, ""]
    lines += [record.original_text or "\n".join(record.sentences), ""]
    lines += translation_lines(record)
    return "\n".join(lines).rstrip("\n") + "\n"


def digest_text(records: Sequence[SummaryRecord], labels: ExportLabels = ENGLISH) -> str:
    """Every article's summary in one file, each under its file name and title."""
    parts = []
    for record in records:
        header = f"{_SEPARATOR}\n{record.file_name}"
        if record.title:
            header += f" — {record.title}"
        parts.append(f"{header}\n{_SEPARATOR}\n\n{summary_text(record)}")
    return "\n\n".join(parts) if parts else labels.no_summaries + "\n"


def zip_bytes(records: Iterable[SummaryRecord]) -> bytes:
    """A zip with one <stem>.summary.txt per article, and its <stem>.translation.txt when
    it was translated; clashing names get a number."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for record in records:
            name = _unique(summary_file_name(record.file_name), used)
            archive.writestr(name, summary_text(record).encode("utf-8"))
            if record.translated_text:
                translation = name[: -len(".summary.txt")] + ".translation.txt"
                archive.writestr(translation, translation_text(record).encode("utf-8"))
    return buffer.getvalue()


def translation_file_name(file_name: str) -> str:
    """"<stem>.translation.txt", as safe as summary_file_name."""
    return summary_file_name(file_name)[: -len(".summary.txt")] + ".translation.txt"


def summary_file_name(file_name: str) -> str:
    """A safe download name "<stem>.summary.txt" on every system, keeping Unicode letters."""
    base = re.split(r"[\\/]", file_name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    stem = _UNSAFE.sub("_", stem)
    stem = "".join(c for c in stem if unicodedata.category(c)[0] != "C")
    stem = re.sub(r"\s+", " ", stem).strip(" ._")
    if stem.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    stem = stem[:MAX_STEM_CHARS].rstrip(" .")
    return f"{stem or 'article'}.summary.txt"


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    stem = name[: -len(".summary.txt")]
    while candidate.lower() in used:
        candidate = f"{stem} ({number}).summary.txt"
        number += 1
    used.add(candidate.lower())
    return candidate
