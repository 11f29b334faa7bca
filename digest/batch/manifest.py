"""manifest.jsonl: the batch's append-only record, one JSON object per finished file.

Append-only with an fsync after each row, so a crash or Ctrl-C loses at most the
line being written; reading skips such a torn last line. A file done twice has
two rows: the last one counts. Resume, the summary files and digest.txt are all
derived from this file.
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from digest.batch.article import OK, Row

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"


def read_rows(path: Path) -> Iterator[Row]:
    """Every complete row of a manifest, in the order written (none if there is no file)."""
    if not path.exists():
        return
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                log.warning("%s: line %d is torn or not JSON; it is ignored", path, number)
                continue
            if isinstance(row, dict) and "path" in row and "sha256" in row:
                yield row


def latest_rows(path: Path) -> dict[str, Row]:
    """The last row written for each input path."""
    latest: dict[str, Row] = {}
    for row in read_rows(path):
        latest.pop(row["path"], None)  # keep the order of last writing
        latest[row["path"]] = row
    return latest


def is_done(row: Row | None, sha256: str, fingerprint: dict) -> bool:
    """A row that a rerun can keep: same content, same settings, and it succeeded."""
    return (
        row is not None
        and row.get("status") == OK
        and row.get("sha256") == sha256
        and row.get("settings") == fingerprint
    )


class ManifestWriter:
    """Appends rows durably; a torn last line left by a killed run is ended first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: IO[bytes] = path.open("ab")
        if self._stream.tell() > 0 and not _ends_with_newline(path):
            self._stream.write(b"\n")

    def append(self, row: Row) -> None:
        line = json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n"
        self._stream.write(line.encode("utf-8"))
        self._stream.flush()
        os.fsync(self._stream.fileno())

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> ManifestWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"
