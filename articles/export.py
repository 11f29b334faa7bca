"""Summaries out: one article as plain text, a digest of many, a zip of files."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_STEM_CHARS = 120

_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')
_SEPARATOR = "=" * 72


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


def summary_text(record: SummaryRecord) -> str:
    """One article's summary as UTF-8-ready plain text, with what produced it."""
    lines = [
        record.title or record.file_name,
        "",
        f"Source file: {record.file_name}",
        f"Language: {record.language_name} ({record.language})",
        f"Summary: {record.algorithm}, {record.length_label}",
        "",
        "Summary",
        "-------",
        *record.sentences,
    ]
    if record.translation:
        target = record.target_language or "translation"
        heading = f"Translation ({target})"
        lines += ["", heading, "-" * len(heading), *record.translation]
    return "\n".join(lines).rstrip("\n") + "\n"


def digest_text(records: Sequence[SummaryRecord]) -> str:
    """Every article's summary in one file, each under its file name and title."""
    parts = []
    for record in records:
        header = f"{_SEPARATOR}\n{record.file_name}"
        if record.title:
            header += f" — {record.title}"
        parts.append(f"{header}\n{_SEPARATOR}\n\n{summary_text(record)}")
    return "\n\n".join(parts) if parts else "No summaries.\n"


def zip_bytes(records: Iterable[SummaryRecord]) -> bytes:
    """A zip with one <stem>.summary.txt per article; clashing names get a number."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for record in records:
            name = _unique(summary_file_name(record.file_name), used)
            archive.writestr(name, summary_text(record).encode("utf-8"))
    return buffer.getvalue()


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
