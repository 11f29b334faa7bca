"""`--library`: keep each finished article in the reader's library (digest/library/).

The runner calls `keep` in its own process for each new row before the row is written to
the manifest, so a row on file is an article kept: a run killed in between redoes the
file (keeping is once per content, so nothing is kept twice). For the rows a rerun skips
that it never kept (a run without --library, a keep that failed) it asks `has`, and keeps
what the library lacks; a row it kept whose article is gone was deleted by the reader, and
a row the library refused (articles deleted meanwhile) stays refused: deletions hold.
The file is read again in the driver, as the dashboard reads it, so the Library page shows
and searches it like any article; a translated summary goes into the translation memory,
so opening the article translated costs no model run.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.batch.article import OK, Refused, Row, printable_name
from digest.batch.manifest import RowRef
from digest.errors import JobError, unexpected
from digest.inputs import InputRefused, read_bounded

log = logging.getLogger(__name__)


def _expected_errors() -> tuple[type[BaseException], ...]:
    from digest.library import LibraryError

    return (LibraryError, OSError, sqlite3.Error, InputRefused)


@dataclass
class LibraryHook:
    """keep(row) -> None or the reason it was not kept; has(ref) -> kept already?"""

    library: Any
    stories: Any = None
    """digest.stories.Stories over the library, made on first use."""

    def keep(self, row: Row) -> str | None:
        if row.get("status") != OK:
            return None
        from digest.library import DeletedMeanwhile

        try:
            article_id = keep_row(self.library, row)
            if article_id is None:
                return "not kept in the library: the file changed or cannot be read again."
            self._story(article_id, row)
        except DeletedMeanwhile as error:  # it may be a deleted one: never brought back
            return Refused(f"not kept in the library: {error}")
        except _expected_errors() as error:
            log.warning("keeping %r in the library failed", row.get("file"), exc_info=True)
            return f"not kept in the library: {_reason(error)}"
        except Exception as error:  # noqa: BLE001 - one article must not stop the batch
            log.exception("keeping %r in the library failed", row.get("file"))
            return f"not kept in the library: {unexpected(error)}"
        return None

    def _story(self, article_id: int, row: Row) -> None:
        """Put the kept article in its story of the library (digest.stories); a failure
        costs the story, not the article."""
        try:
            if self.stories is None:
                from digest.stories.service import Stories

                self.stories = Stories(self.library)
            self.stories.assign(article_id, translation=" ".join(row.get("translation") or []),
                                target=row.get("translate_to") or "")
        except Exception:  # noqa: BLE001 - the article is kept; its story comes later
            log.exception("the story of %r could not be made", row.get("file"))

    def has(self, ref: RowRef) -> bool:
        return self.library.find(ref.sha256) is not None


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return str(error)


def library_hook() -> LibraryHook:
    """The hook keeping `ok` rows in the library; JobError when it cannot be opened."""
    from digest.library import open_library

    try:
        return LibraryHook(open_library())
    except _expected_errors() as error:
        log.warning("opening the library failed", exc_info=True)
        raise JobError(f"--library: {_reason(error)}") from None


def keep_row(library, row: Row) -> int | None:
    """Keep the row's article (and its summary's translation); its id, or None when the
    file changed since the row was made."""
    from digest.job import Upload, read_upload
    from digest.library.keeping import keep
    from digest.library.memory import model_version

    data = read_bounded(row["path"], pipes=False)
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        return None
    name = printable_name(Path(row["file"]).name)
    result = read_upload(Upload(name, data), override=row.get("language"))
    article_id = keep(library, result)
    source, target = row.get("language"), row.get("translate_to")
    translation = row.get("translation")
    if article_id is not None and source and target and translation:
        pairs = list(zip(row["summary"], translation, strict=False))
        library.remember(pairs, source, target, model_version(source, target))
    return article_id
