"""The reader's glossary, kept in the library beside the articles (table `glossary`).

One entry per term and language pair: adding a term again (in any letter case) replaces
it. The glossary is the reader's own, like the settings: deleting articles, even all of
them, leaves it.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from digest.library.paths import database_path
from digest.library.store import Library, open_library
from translator.glossary import Glossary, Term, make_term, read_csv, write_csv


def saved_glossary() -> Glossary:
    """The glossary of the library in the data folder, empty when there is no library yet
    (none is made for it); LibraryError when it cannot be read."""
    if not database_path().exists():
        return Glossary()
    return glossary(open_library())


def glossary(library: Library) -> Glossary:
    """Every term, in the order added."""
    with library._connection() as db:
        rows = db.execute(
            "SELECT source_language, term, target_language, translation FROM glossary"
            " ORDER BY added, term"
        ).fetchall()
    return Glossary(tuple(Term(*row) for row in rows))


def add_terms(library: Library, terms: Iterable[Term]) -> int:
    """Add or replace terms (made with translator.glossary.make_term); how many were given."""
    terms = list(terms)
    if not terms:
        return 0
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with library._write() as db:
        for term in terms:
            _delete(db, term)
            db.execute(
                "INSERT INTO glossary (source_language, term, target_language, translation,"
                " added) VALUES (?, ?, ?, ?, ?)",
                (term.source_language, term.term, term.target_language, term.translation, now),
            )
    return len(terms)


def add_term(library: Library, source_language: str, term: str, target_language: str,
             translation: str = "") -> Term:
    """Add one term (an empty translation keeps it as it is); GlossaryError when invalid."""
    made = make_term(source_language, term, target_language, translation)
    add_terms(library, [made])
    return made


def remove_term(library: Library, term: Term) -> None:
    with library._write() as db:
        _delete(db, term)


def _delete(db, term: Term) -> None:
    rows = db.execute(
        "SELECT term FROM glossary WHERE source_language = ? AND target_language = ?",
        (term.source_language, term.target_language),
    ).fetchall()
    for (stored,) in rows:
        if stored.casefold() == term.term.casefold():
            db.execute(
                "DELETE FROM glossary WHERE source_language = ? AND term = ? AND"
                " target_language = ?", (term.source_language, stored, term.target_language),
            )


def import_csv(library: Library, text: str) -> int:
    """Add the terms of a CSV glossary (translator.glossary.read_csv); how many. Nothing is
    added when a line is bad (GlossaryError says which)."""
    return add_terms(library, read_csv(text).terms)


def export_csv(library: Library) -> str:
    """The whole glossary as CSV, header first."""
    return write_csv(glossary(library).terms)
