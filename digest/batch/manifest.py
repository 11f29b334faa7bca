"""manifest.jsonl: the batch's append-only record, one JSON object per finished file.

Append-only: each row is flushed to the system as it is written (a killed run loses
at most the line being written; reading skips such a torn last line) and fsync'd at
least every SYNC_SECONDS and at the end, so a power cut loses at most that much, which
the next run redoes. One fsync per row would cap a cluster's driver at a few hundred
rows a second. A file done twice has
two rows: the last one counts. Resume, the summary files and digest.txt are all
derived from this file.

A manifest is read as untrusted: a line that is not a row (torn, not JSON, nested past
the parser, fields of the wrong type) is skipped, and a row whose `summary_file` is not a
plain `.summary.txt` name in `summaries/` counts as not done, so no row can make a run
write or delete a file outside the output folder.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from digest.batch.article import OK, Row

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"
SYNC_SECONDS = 0.5
SUMMARY_SUFFIX = ".summary.txt"
IGNORED = "ignored"
"""The status a RowRef gets for a row that cannot be trusted: never done, no summary file."""
DISK_ERRORS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG, errno.EACCES, errno.EPERM}
)
"""Errors writing the output folder that every later file would hit as well."""


class OutputError(Exception):
    """The output folder cannot be written (full disk, read-only, I/O error): the run
    stops and says so; what was recorded stays consistent for the next run."""


def output_error(path: Path, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    return OutputError(f"{path}: cannot be written ({reason})")


def safe_summary_name(name: object) -> bool:
    """A plain `<stem>.summary.txt` file name: no folder, no way out of `summaries/`."""
    return (
        isinstance(name, str)
        and name.endswith(SUMMARY_SUFFIX)
        and len(name) > len(SUMMARY_SUFFIX)
        and not name.startswith(".")
        and os.path.basename(name) == name
        and not any(char in name for char in "/\\:\0")
        and all(char.isprintable() for char in name)
        and len(name.encode("utf-8", "surrogatepass")) <= 255
    )


@dataclass(frozen=True)
class RowRef:
    """What resuming needs of a row, and where the whole row is: a million of these fit
    in memory where a million rows (summaries, translations) would not."""

    path: str
    sha256: str
    settings: str
    status: str
    summary_file: str | None
    offset: int
    library: str | None = None
    """What `--library` did with the row: article.KEPT, NOT_KEPT, REFUSED or None."""
    story: str | None = None
    """The row's story in its run (digest.batch.stories): digest.txt is grouped by it."""

    @classmethod
    def of(cls, row: Row, offset: int) -> RowRef:
        """The ref of a row; a row naming a summary file that is not a plain name of
        `summaries/` (a tampered manifest: "../../x") is IGNORED: redone, nothing touched."""
        name = row.get("summary_file")
        status = str(row.get("status", ""))
        if name is not None and not safe_summary_name(name):
            log.warning("a manifest row names %r as its summary; it is ignored", name)
            name, status = None, IGNORED
        return cls(
            path=row["path"],
            sha256=row["sha256"],
            settings=settings_key(row.get("settings")),
            status=status,
            summary_file=name,
            offset=offset,
            library=row.get("library") if isinstance(row.get("library"), str) else None,
            story=row.get("story") if isinstance(row.get("story"), str) else None,
        )


def settings_key(settings: object) -> str:
    return json.dumps(settings, sort_keys=True)


def _rows_at(path: Path) -> Iterator[tuple[int, Row]]:
    """(offset, row) of every complete row, in the order written (none without a file)."""
    if not path.exists():
        return
    with path.open("rb") as stream:
        number = 0
        while True:
            offset = stream.tell()
            line = stream.readline()
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):
                log.warning("%s: line %d is torn or not JSON; it is ignored", path, number)
                continue
            if _is_row(row):
                yield offset, row


def _is_row(row: object) -> bool:
    return (
        isinstance(row, dict)
        and isinstance(row.get("path"), str)
        and isinstance(row.get("sha256"), str)
        and isinstance(row.get("summary_file"), str | None)
    )


def latest_rows(path: Path) -> dict[str, RowRef]:
    """The last row written for each input path, in the order of last writing."""
    latest: dict[str, RowRef] = {}
    for offset, row in _rows_at(path):
        latest.pop(row["path"], None)
        latest[row["path"]] = RowRef.of(row, offset)
    return latest


def read_row(path: Path, offset: int) -> Row:
    """The whole row at offset (from a RowRef)."""
    with path.open("rb") as stream:
        stream.seek(offset)
        return json.loads(stream.readline())


def encode_row(row: Row) -> bytes:
    """One manifest line. A path that is not UTF-8 (`caf\\xe9.txt` on Linux: a surrogate
    in Python) is written \\u-escaped, which reads back as the same path."""
    try:
        return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(row, ensure_ascii=True) + "\n").encode("ascii")


def is_done(ref: RowRef | None, sha256: str, fingerprint: dict) -> bool:
    """A row that a rerun can keep: same content, same settings, and it succeeded."""
    return (
        ref is not None
        and ref.status == OK
        and ref.sha256 == sha256
        and ref.settings == settings_key(fingerprint)
    )


class ManifestWriter:
    """Appends rows (see the module docstring); a torn last line left by a killed run is
    ended first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._synced = time.monotonic()
        self._broken = False
        try:
            self._stream: IO[bytes] = path.open("ab", buffering=0)
            self._end = self._stream.seek(0, os.SEEK_END)
            if self._end > 0 and not _ends_with_newline(path):
                self._write(b"\n")
        except OSError as error:
            raise output_error(path, error) from None

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._stream.write(view)
            view = view[written:]
            self._end += written

    def append(self, row: Row) -> RowRef:
        """Write the row durably; returns where it is. OutputError when the folder cannot
        take it (a torn line is then left, which reading skips and the next run ends)."""
        offset = self._end
        try:
            self._write(encode_row(row))
            if time.monotonic() - self._synced >= SYNC_SECONDS:
                self.sync()
        except OSError as error:
            self._broken = True
            raise output_error(self.path, error) from None
        return RowRef.of(row, offset)

    def sync(self) -> None:
        os.fsync(self._stream.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        try:
            if not self._broken:
                self.sync()
        except OSError as error:
            raise output_error(self.path, error) from None
        finally:
            self._stream.close()

    def __enter__(self) -> ManifestWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"
