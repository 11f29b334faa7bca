"""`--library`: store each finished row in the reader's library (digest/library/).

The library is being built in parallel; this is the one place the lead wires it:
return a RowCallback that stores an `ok` row (its file, sha256, language, title,
summary, translation) so the dashboard shows it. The runner calls it in its own
process after the row is in the manifest, for new rows only (skipped ones were
stored by the run that made them).
"""
from __future__ import annotations

from digest.batch.article import Row
from digest.cli_support import CommandError


def library_callback():  # -> RowCallback
    """The callback storing rows in the library, or a clear error while it is not wired."""
    try:
        from digest.library import store_batch_row  # type: ignore[attr-defined]
    except ImportError:
        raise CommandError(
            "--library: the reader's library is not available in this version", status=2
        ) from None

    def store(row: Row) -> None:
        store_batch_row(row)

    return store
