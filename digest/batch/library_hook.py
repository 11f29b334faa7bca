"""`--library`: keep each finished article in the reader's library (digest/library/).

The runner calls the callback in its own process after the row is in the manifest, for
new rows only (skipped ones were kept by the run that made them). The file is read again
in the driver, as the dashboard reads it, so the Library page shows and searches it like
any article; a translated summary goes into the translation memory, so opening the
article translated costs no model run.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from digest.batch.article import Row
from digest.cli_support import CommandError, display_name, report

log = logging.getLogger(__name__)


def library_callback():  # -> RowCallback
    """The callback keeping `ok` rows in the library; CommandError when it cannot be opened."""
    from digest.library import LibraryError, open_library

    try:
        library = open_library()
    except LibraryError as error:
        raise CommandError(f"--library: {error}") from None

    def store(row: Row) -> None:
        if row.get("status") != "ok":
            return
        try:
            keep_row(library, row)
        except (OSError, LibraryError) as error:  # the manifest has the row; say what is missing
            log.warning("keeping %r in the library failed", row.get("file"), exc_info=True)
            report("digest", f"{display_name(str(row.get('file')))}: not kept in the library: "
                   f"{error}")

    return store


def keep_row(library, row: Row) -> int | None:
    """Keep the row's article (and its summary's translation); its id, or None when the
    file changed since the row was made."""
    from digest.job import Upload, read_upload
    from digest.library.keeping import keep
    from digest.library.memory import model_version

    data = Path(row["path"]).read_bytes()
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        return None
    result = read_upload(Upload(Path(row["file"]).name, data), override=row.get("language"))
    article_id = keep(library, result)
    source, target = row.get("language"), row.get("translate_to")
    translation = row.get("translation")
    if article_id is not None and source and target and translation:
        pairs = list(zip(row["summary"], translation, strict=False))
        library.remember(pairs, source, target, model_version(source, target))
    return article_id
