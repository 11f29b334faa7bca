"""manifest.jsonl: the batch's append-only record, one JSON object per finished file.

Append-only: each row is flushed to the system as it is written (a killed run loses
at most the line being written; reading skips such a torn last line) and fsync'd at
least every SYNC_SECONDS and at the end, so a power cut loses at most that much, which
the next run redoes. One fsync per row would cap a cluster's driver at a few hundred
rows a second. A file done twice has
two rows: the last one counts. Resume, the summary files and digest.txt are all
derived from this file.
"""
from __future__ import annotations

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

    @classmethod
    def of(cls, row: Row, offset: int) -> RowRef:
        return cls(
            path=row["path"],
            sha256=row["sha256"],
            settings=settings_key(row.get("settings")),
            status=row.get("status", ""),
            summary_file=row.get("summary_file"),
            offset=offset,
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
            except ValueError:
                log.warning("%s: line %d is torn or not JSON; it is ignored", path, number)
                continue
            if isinstance(row, dict) and "path" in row and "sha256" in row:
                yield offset, row


def read_rows(path: Path) -> Iterator[Row]:
    """Every complete row of a manifest, in the order written."""
    for _, row in _rows_at(path):
        yield row


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
        self._stream: IO[bytes] = path.open("ab")
        if self._stream.tell() > 0 and not _ends_with_newline(path):
            self._stream.write(b"\n")

    def append(self, row: Row) -> RowRef:
        """Write the row durably; returns where it is."""
        offset = self._stream.tell()
        line = json.dumps(row, ensure_ascii=False) + "\n"
        self._stream.write(line.encode("utf-8"))
        self._stream.flush()
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            self.sync()
        return RowRef.of(row, offset)

    def sync(self) -> None:
        os.fsync(self._stream.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        self.sync()
        self._stream.close()

    def __enter__(self) -> ManifestWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"
