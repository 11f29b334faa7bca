"""The reader's library: every article kept on this computer, searchable, deletable for good.

`store.Library` is the database (SQLite: articles, the reading desk, the translation
memory, the full-text index); `search` makes the stemmed words it indexes and finds;
`memory` wraps a translate step so translations are kept per sentence; `glossary` keeps the
reader's glossary; `paths` says where the data folder is.
"""
from digest.library.paths import data_dir, database_path
from digest.library.store import (
    DeletedMeanwhile,
    Deletion,
    Hit,
    Library,
    LibraryError,
    StoredArticle,
    open_library,
)

__all__ = [
    "DeletedMeanwhile",
    "Deletion",
    "Hit",
    "Library",
    "LibraryError",
    "StoredArticle",
    "data_dir",
    "database_path",
    "open_library",
]
