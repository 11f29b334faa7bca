"""The files a batch leaves next to its manifest: one .summary.txt per article and
digest.txt of all, both made from manifest rows so that a rerun can rebuild them.

Summary file names are chosen once per input path and kept in the manifest, so a
resumed run (or the other engine) writes the same names.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from articles.export import digest_text, summary_file_name, summary_text
from digest.batch.article import OK, Row, summary_record
from digest.batch.manifest import RowRef, read_row

DIGEST_NAME = "digest.txt"
SUMMARIES_DIR = "summaries"


class SummaryNames:
    """Unique, safe `<stem>.summary.txt` names; names already in the manifest are kept."""

    def __init__(self, kept: Iterable[RowRef]) -> None:
        self._by_path: dict[str, str] = {}
        self._used: set[str] = set()
        for ref in kept:
            name = ref.summary_file
            if name and ref.path not in self._by_path and name.lower() not in self._used:
                self._by_path[ref.path] = name
                self._used.add(name.lower())

    def name_for(self, path: str, file: str) -> str:
        if path in self._by_path:
            return self._by_path[path]
        name = summary_file_name(file)
        stem, number = name[: -len(".summary.txt")], 2
        while name.lower() in self._used:
            name = f"{stem} ({number}).summary.txt"
            number += 1
        self._used.add(name.lower())
        self._by_path[path] = name
        return name


def write_atomically(path: Path, text: str) -> None:
    """Write text so that a reader (or a crash) never sees half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_summary(out: Path, row: Row) -> None:
    """The row's .summary.txt (with its translation when there is one)."""
    if row.get("status") == OK and row.get("summary_file"):
        folder = out / SUMMARIES_DIR
        folder.mkdir(exist_ok=True)
        write_atomically(folder / row["summary_file"], summary_text(summary_record(row)))


def remove_summary(out: Path, name: str | None) -> None:
    """Drop a summary a changed file no longer has (it now fails)."""
    if name:
        (out / SUMMARIES_DIR / name).unlink(missing_ok=True)


def write_digest(out: Path, manifest: Path, refs: Iterable[RowRef]) -> Path:
    """digest.txt: every `ok` row's summary in the order given, streamed row by row
    from the manifest (an archive's digest need not fit in memory)."""
    path = out / DIGEST_NAME
    temporary = path.with_name(f".{path.name}.tmp")
    written = 0
    with temporary.open("w", encoding="utf-8") as stream:
        for ref in refs:
            if ref.status != OK:
                continue
            if written:
                stream.write("\n\n")
            stream.write(digest_text([summary_record(read_row(manifest, ref.offset))]))
            written += 1
        if not written:
            stream.write(digest_text([]))
    os.replace(temporary, path)
    return path
