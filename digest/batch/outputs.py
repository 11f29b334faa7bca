"""The files a batch leaves next to its manifest: one .summary.txt per article and
digest.txt of all, both made from manifest rows so that a rerun can rebuild them.

Summary file names are chosen once per input path and kept in the manifest, so a
resumed run (or the other engine) writes the same names. Every file written or removed
is a plain name inside `summaries/` (checked again here, whatever a manifest says), and
a write that fails leaves no temporary file behind.
"""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from articles.export import digest_text, summary_file_name, summary_text
from digest.batch.article import OK, Row, printable_name, summary_record
from digest.batch.manifest import (
    DISK_ERRORS,
    OutputError,
    RowRef,
    output_error,
    read_row,
    safe_summary_name,
)

log = logging.getLogger(__name__)

DIGEST_NAME = "digest.txt"
SUMMARIES_DIR = "summaries"
TRANSLATED_DIR = "translated"


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
        name = summary_file_name(printable_name(file))
        stem, number = name[: -len(".summary.txt")], 2
        while name.lower() in self._used:
            name = f"{stem} ({number}).summary.txt"
            number += 1
        self._used.add(name.lower())
        self._by_path[path] = name
        return name


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write text (UTF-8) or bytes so that a reader (or a crash) never sees half a file;
    on failure the temporary file is removed and the OSError raised."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        if isinstance(content, bytes):
            temporary.write_bytes(content)
        else:
            with temporary.open("w", encoding="utf-8") as stream:
                stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def _write_output(path: Path, content: str | bytes) -> None:
    """write_atomically(); a full or read-only disk is the whole run's OutputError, any
    other OSError this file's alone."""
    try:
        write_atomically(path, content)
    except OSError as error:
        if error.errno in DISK_ERRORS:
            raise output_error(path, error) from None
        raise


def _output_folder(out: Path, name: str) -> Path:
    """out/`name`, made if need be; OutputError when it is not a folder of out (a link
    elsewhere) or cannot be made."""
    folder = out / name
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise output_error(folder, error) from None
    if folder.is_symlink() or not folder.is_dir():
        raise OutputError(f"{folder}: not a folder inside {out}; move it away")
    return folder


def summaries_folder(out: Path) -> Path:
    """out/summaries, made if need be (see _output_folder)."""
    return _output_folder(out, SUMMARIES_DIR)


def summary_path(out: Path, name: object) -> Path | None:
    """Where a row's summary is, or None for a name that would lead out of summaries/."""
    if not safe_summary_name(name):
        return None
    return out / SUMMARIES_DIR / str(name)


def write_summary(out: Path, row: Row) -> None:
    """The row's .summary.txt (with its translation when there is one). OutputError when
    the folder cannot be written; any other OSError is this file's alone."""
    if row.get("status") != OK or not row.get("summary_file"):
        return
    path = summary_path(out, row["summary_file"])
    if path is None:
        raise ValueError(f"not a summary file name: {row['summary_file']!r}")
    summaries_folder(out)
    _write_output(path, summary_text(summary_record(row)))


def write_translated(out: Path, name: str, data: bytes) -> Path:
    """DIR/translated/<name>: an article translated in its own format (`--translated-files`).
    ValueError for a name that is not a plain file name; OutputError when the folder cannot
    be written; any other OSError is this file's alone."""
    if not name or name.startswith(".") or os.path.basename(name) != name or any(
            char in name for char in "/\\:\0"):
        raise ValueError(f"not a translated file name: {name!r}")
    path = _output_folder(out, TRANSLATED_DIR) / name
    _write_output(path, data)
    return path


def remove_summary(out: Path, name: str | None) -> None:
    """Drop a summary a changed file no longer has (it now fails); only ever a plain
    name inside summaries/."""
    path = summary_path(out, name) if name else None
    if path is None:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("%s could not be removed", path, exc_info=True)


def write_digest(out: Path, manifest: Path, refs: Iterable[RowRef]) -> Path:
    """digest.txt: every `ok` row's summary grouped by story (stories in the order of
    their first row, rows in the order given), streamed story by story from the manifest
    (an archive's digest need not fit in memory, one story's rows do)."""
    from articles.export_stories import story_block
    from digest.batch.stories import story_groups, story_heading

    path = out / DIGEST_NAME
    temporary = path.with_name(f".{path.name}.tmp")
    written = 0
    try:
        with temporary.open("w", encoding="utf-8") as stream:
            for group in story_groups(ref for ref in refs if ref.status == OK):
                rows, records = [], []
                for ref in group:
                    try:
                        row = read_row(manifest, ref.offset)
                        records.append(summary_record(row))
                        rows.append(row)
                    except (ValueError, TypeError, KeyError, RecursionError):
                        log.warning("%s: the row at %d cannot be shown", manifest, ref.offset)
                if not rows:
                    continue
                if written:
                    stream.write("\n\n")
                stream.write(story_block(story_heading(rows), records))
                written += 1
            if not written:
                stream.write(digest_text([]))
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise output_error(path, error) from None
    return path
