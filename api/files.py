"""/translate_file and /download_file: a document translated in its own format, fetched
once ready.

A file goes through digest.formatted.translate_file, as on the dashboard and in
`news-digest translate --output-format same`: a Word, OpenDocument, web page or Markdown
file comes back as the same kind of file, a PDF as a Word file, a text as UTF-8 text, with
the translation memory (and the glossary) of the library.

Translated files wait in a private folder under a random name for `minutes`, then are
deleted; a name that is not one of ours is refused without touching the disk.
"""
from __future__ import annotations

import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePath

from api.errors import ApiError
from digest.job import Upload

FORMATS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf")
"""Extensions translated in their own format (LibreTranslate's supportedFilesFormat)."""
MAX_KEPT = 500
_STORED = re.compile(r"^[0-9a-f]{32}\.[\w.-]{1,120}$")


@dataclass(frozen=True)
class TranslatedDocument:
    name: str
    """The translated file's own name: report.docx -> report.en.docx."""
    data: bytes


@dataclass(frozen=True)
class StoredFile:
    name: str
    """The stored name, for /download_file/<name>."""


def extension(name: str) -> str:
    return PurePath(name).suffix.lower()


def download_name(stored: str) -> str:
    """The name the reader gets: the original's, without our random prefix."""
    return stored.split(".", 1)[1]


def _safe(name: str) -> str:
    """The name without folders, spaces or signs (letters of any script kept), never
    starting with a dot."""
    path = PurePath(name.replace("\\", "/"))
    stem = re.sub(r"[^\w.-]+", "_", path.stem).strip("._-")[:90] or "document"
    suffix = re.sub(r"[^\w]+", "", path.suffix)[:10]
    return f"{stem}.{suffix}" if suffix else stem


class Downloads:
    """The folder of translated files waiting to be fetched."""

    def __init__(self, minutes: int) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="news-digest-api-")
        self.folder = Path(self._folder.name)
        self.seconds = minutes * 60

    def keep(self, name: str, data: bytes) -> StoredFile:
        self.clean()
        stored = f"{secrets.token_hex(16)}.{_safe(name)}"
        (self.folder / stored).write_bytes(data)
        return StoredFile(stored)

    def path(self, stored: str) -> Path:
        """The file to send; ApiError 404 when it is not (or no longer) there."""
        if not _STORED.match(stored):
            raise ApiError(400, "Invalid filename")
        path = self.folder / stored
        if not path.is_file():
            raise ApiError(404, "Not found: the file is not (or no longer) here")
        return path

    def clean(self) -> None:
        """Delete files older than the waiting time, and the oldest past MAX_KEPT."""
        now = time.time()
        files = sorted(self.folder.iterdir(), key=lambda path: path.stat().st_mtime)
        for index, path in enumerate(files):
            if now - path.stat().st_mtime > self.seconds or index < len(files) - MAX_KEPT:
                path.unlink(missing_ok=True)

    def close(self) -> None:
        self._folder.cleanup()


def translate_file(upload: Upload, source: str | None, target: str, steps) -> TranslatedDocument:
    """The file translated into `target` (from `source`, else its detected language) in its
    own format; ApiError 400 saying why it could not be."""
    from digest.formatted import FileNotTranslated
    from digest.formatted import translate_file as translate_in_format

    try:
        translated = translate_in_format(upload.name, upload.data, source, target, steps=steps)
    except FileNotTranslated as refused:
        raise ApiError(400, f"Invalid request: {refused.reason}") from None
    return TranslatedDocument(translated.name, translated.data)

