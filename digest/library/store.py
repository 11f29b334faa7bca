"""The library's database: one SQLite file in the data folder.

- WAL, foreign keys, a busy timeout: several browser sessions (threads) and the CLI
  (processes) read at once; writes take the write lock first (BEGIN IMMEDIATE), so
  there is one writer at a time and no writer fails half-way on a lock.
- `PRAGMA user_version` is the schema version; MIGRATIONS bring an older file up to
  date, `PRAGMA application_id` marks the file as ours. A file that is not ours, is
  damaged, or comes from a newer version raises LibraryError and is never written to.
- A connection per operation: cheap (a millisecond), and safe across threads.
- Deleting is for good: the full-text index is merged ('optimize': FTS5 keeps deleted
  words in old segments until then, and SQLite before 3.44 has no FTS5 secure-delete);
  `secure_delete` zeroes freed pages; VACUUM rewrites the file so no stale copy of a
  key survives in the b-trees; the WAL is checkpointed and truncated. Nothing of a
  deleted article is left in any file of the data folder.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from digest.library import search
from digest.library.paths import database_path

log = logging.getLogger(__name__)

APPLICATION_ID = 0x4E444C42  # "NDLB": marks the file as a News Digest library
BUSY_TIMEOUT_MS = 10_000
SCRUB_WAIT = 5.0  # seconds a delete waits for other readers before the log is emptied later
SQLITE_HEADER = b"SQLite format 3\x00"
_SUFFIXES = ("-wal", "-shm")

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: articles, the reading desk, the translation memory, the full-text index.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        original BLOB NOT NULL,
        text TEXT NOT NULL,
        encoding TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        detected TEXT NOT NULL DEFAULT 'und',
        language TEXT NOT NULL DEFAULT 'und',
        added TEXT NOT NULL,
        opened TEXT NOT NULL
    );
    CREATE INDEX articles_added ON articles(added);
    CREATE INDEX articles_language ON articles(language, added);
    CREATE TABLE desk (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL
    );
    CREATE TABLE translations (
        sentence TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        model TEXT NOT NULL,
        translation TEXT NOT NULL,
        PRIMARY KEY (sentence, source, target, model)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE article_words USING fts5(
        words, tokenize = 'unicode61 remove_diacritics 0'
    );
    """,
    # 1 -> 2: the reader's settings per profile, the library's own state (deletion
    # generations, a scrub still to finish), and every encoding an article was read with
    # (its translations are keyed by the sentences of each reading).
    """
    CREATE TABLE settings (
        profile TEXT PRIMARY KEY,
        preferences TEXT NOT NULL
    );
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO state (key, value) VALUES ('generation', 0), ('cleared', 0), ('scrub', 0);
    CREATE TABLE readings (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        encoding TEXT NOT NULL,
        PRIMARY KEY (article_id, encoding)
    ) WITHOUT ROWID;
    INSERT INTO readings (article_id, encoding) SELECT id, encoding FROM articles;
    """,
    # API keys of `news-digest serve` (digest.library.keys): only a hash of each key.
    """
    CREATE TABLE IF NOT EXISTS api_keys (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
    );
    """,
    # The reader's glossary (digest.library.glossary): terms kept exactly in translation.
    """
    CREATE TABLE IF NOT EXISTS glossary (
        source_language TEXT NOT NULL,
        term TEXT NOT NULL,
        target_language TEXT NOT NULL,
        translation TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        PRIMARY KEY (source_language, term, target_language)
    ) WITHOUT ROWID;
    """,
    # Stories across languages (digest.library.stories, digest.stories): where and when each
    # article was published, its names and story features, and the stories. Every row
    # hangs on its article (ON DELETE CASCADE); a story goes with its last article.
    """
    CREATE TABLE IF NOT EXISTS article_provenance (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL DEFAULT '',
        published TEXT,
        place TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE IF NOT EXISTS article_profiles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        keywords TEXT NOT NULL DEFAULT '[]',
        features TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE IF NOT EXISTS article_names (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        spelling TEXT NOT NULL,
        latin TEXT NOT NULL,
        mentions INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (article_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS article_names_key ON article_names(key, article_id);
    CREATE TABLE IF NOT EXISTS stories (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS story_members (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        pinned INTEGER NOT NULL DEFAULT 0,
        score REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
    CREATE TRIGGER IF NOT EXISTS story_emptied AFTER DELETE ON story_members BEGIN
        DELETE FROM stories WHERE id = OLD.story_id
            AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = OLD.story_id);
    END;
    CREATE TRIGGER IF NOT EXISTS story_left AFTER UPDATE OF story_id ON story_members BEGIN
        DELETE FROM stories WHERE id = OLD.story_id
            AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = OLD.story_id);
    END;
    INSERT OR IGNORE INTO state (key, value) VALUES ('stories', 0);
    CREATE TRIGGER IF NOT EXISTS stories_added AFTER INSERT ON story_members BEGIN
        UPDATE state SET value = value + 1 WHERE key = 'stories';
    END;
    CREATE TRIGGER IF NOT EXISTS stories_changed AFTER UPDATE ON story_members BEGIN
        UPDATE state SET value = value + 1 WHERE key = 'stories';
    END;
    CREATE TRIGGER IF NOT EXISTS stories_removed AFTER DELETE ON story_members BEGIN
        UPDATE state SET value = value + 1 WHERE key = 'stories';
    END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class LibraryError(Exception):
    """The library cannot be used (damaged, foreign or newer file, full disk): say why."""


class DeletedMeanwhile(LibraryError):
    """Articles were deleted after the writer read what it wants to keep: keeping it now
    could bring a deleted article back, so nothing is written."""


@dataclass(frozen=True)
class Generation:
    """How many deletes the library has seen (`number`), and the number of the last
    "Delete everything" (`cleared`). A holder of articles read before a delete may not
    keep them: it presents the number it read them under."""

    number: int
    cleared: int


@dataclass(frozen=True)
class Deletion:
    """What a delete did: how many articles are gone, and `left`, why the last traces of
    their words are still on disk ("" once none are; they are erased later, see scrub)."""

    deleted: int
    left: str = ""

    def __bool__(self) -> bool:
        return self.deleted > 0


@dataclass(frozen=True)
class StoredArticle:
    id: int
    sha256: str
    name: str
    title: str
    language: str
    detected: str
    encoding: str
    added: datetime
    opened: datetime
    size: int

    @property
    def overridden(self) -> bool:
        return self.language != self.detected


@dataclass(frozen=True)
class Hit:
    article: StoredArticle
    snippet: search.Snippet


_COLUMNS = (
    "a.id, a.sha256, a.name, a.title, a.language, a.detected, a.encoding, a.added, a.opened,"
    " length(a.original)"
)


def _article(row: Sequence) -> StoredArticle:
    return StoredArticle(
        id=row[0], sha256=row[1], name=row[2], title=row[3], language=row[4], detected=row[5],
        encoding=row[6], added=datetime.fromisoformat(row[7]),
        opened=datetime.fromisoformat(row[8]), size=row[9],
    )  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def sentence_key(text: str) -> str:
    """The translation memory's key for a sentence: its hash, not its words."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_checked: dict[Path, tuple[int, int]] = {}  # path -> (device, inode) of the file checked
_damaged: dict[Path, str] = {}  # path -> why: found damaged in this process, never written
_unfinished: set[Path] = set()  # deleted words still in the log (readers held it)
_checked_lock = threading.Lock()


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the library file, None when absent; LibraryError for anything
    that is not a regular file (a FIFO would block the open for ever)."""
    found = None
    for candidate in (path, *(path.with_name(path.name + s) for s in _SUFFIXES)):
        try:
            info = os.stat(candidate)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise LibraryError(f"{candidate} cannot be read: {error.strerror or error}.") from None
        if stat.S_ISDIR(info.st_mode) and candidate == path:
            raise LibraryError(f"{path} is a folder, not a library database.")
        if not stat.S_ISREG(info.st_mode):
            raise LibraryError(
                f"{candidate} is not a regular file ({_kind(info.st_mode)}). It was left "
                "untouched: move it away or set NEWS_DIGEST_DATA to another folder."
            )
        if candidate == path:
            found = (info.st_dev, info.st_ino)
    return found


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISFIFO: "a named pipe", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device",
        stat.S_ISBLK: "a device", stat.S_ISDIR: "a folder",
    }  # fmt: skip
    return next((name for test, name in kinds.items() if test(mode)), "a special file")


def _is_damage(error: Exception) -> bool:
    """A damaged or foreign file, as opposed to a busy, full or read-only one."""
    return not isinstance(error, sqlite3.OperationalError) or "malformed" in str(error)


class Library:
    """The articles kept on this computer. Every method opens its own connection.

    `since` is the deletion generation this object was opened under: its writes are
    refused (DeletedMeanwhile) after a later delete by anyone else, so a holder of old
    results (a batch run, another browser tab) cannot bring deleted articles back."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.folder = self.path.parent
        with _checked_lock:
            identity = _identity(self.path)
            if self.path in _damaged:
                raise LibraryError(_damaged[self.path])
            if identity is None or _checked.get(self.path) != identity:
                self._open_or_create()
                _checked[self.path] = _identity(self.path) or (0, 0)
        if self.path in _unfinished:
            self._empty_log(0)
        self.since = self.generation().number

    # ---- opening ----------------------------------------------------------------------

    def _open_or_create(self) -> None:
        name = str(self.path)
        if self.path.exists():
            try:
                with open(self.path, "rb") as file:
                    header = file.read(len(SQLITE_HEADER))
            except OSError as error:
                raise LibraryError(f"{name} cannot be read: {error.strerror or error}.") from None
            if header and header != SQLITE_HEADER:
                raise LibraryError(
                    f"{name} is not a News Digest library (not an SQLite database). "
                    "It was left untouched: move it away or set NEWS_DIGEST_DATA to another folder."
                )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"The data folder {self.folder} cannot be made: {error}") from None
        try:
            if self.path.exists() and self.path.stat().st_size:
                # Look before touching: a read-only connection changes nothing in a file
                # that turns out not to be ours (even WAL mode is a change to its header).
                reader = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
                try:
                    self._check(reader)
                    # Once per process and file, before anything can be written: a damaged
                    # page found later by a reader must not be written around meanwhile.
                    verdict = reader.execute("PRAGMA quick_check(1)").fetchone()[0]
                    if verdict != "ok":
                        raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
                finally:
                    reader.close()
            db = self._connect()
            try:
                self._check(db)
                self._migrate(db)
                stage = _state(db, "scrub")
            finally:
                db.close()
        except sqlite3.DatabaseError as error:
            log.exception("opening %s failed", name)
            if _is_damage(error):
                _damaged[self.path] = damaged(self.path, error)
            raise LibraryError(damaged(self.path, error)) from None
        if stage:  # a delete whose scrub did not finish (a crash, a full disk, readers)
            log.info("library %s: finishing the scrub of an earlier delete", self.path)
            if stage > 1:
                self.scrub(wait=0)
            else:
                self._empty_log(0)

    def _check(self, db: sqlite3.Connection) -> None:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if application_id != APPLICATION_ID and (tables or version):
            raise LibraryError(
                f"{self.path} is an SQLite database of another program, not a News Digest "
                "library. It was left untouched: set NEWS_DIGEST_DATA to another folder."
            )
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was made by a newer News Digest (schema {version}, this one "
                f"reads {SCHEMA_VERSION}). It was left untouched: update News Digest."
            )

    def _migrate(self, db: sqlite3.Connection) -> None:
        if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        with self._writing(db):
            # Read again under the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                log.info("library %s: schema %d -> %d", self.path, number, number + 1)
                for statement in _statements(MIGRATIONS[number]):
                    db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )  # fmt: skip
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            db = self._connect()
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"The library {self.path} cannot be opened: {error}") from None
        try:
            yield db
        except sqlite3.DatabaseError as error:
            log.exception("library %s", self.path)
            if _is_damage(error):
                _damaged[self.path] = damaged(self.path, error)
            raise LibraryError(damaged(self.path, error)) from None
        finally:
            db.close()

    @contextmanager
    def _writing(self, db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the write lock from its start (one writer at a time)."""
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as db, self._writing(db):
            yield db

    # ---- articles -----------------------------------------------------------------------

    def add(
        self,
        name: str,
        original: bytes,
        text: str,
        *,
        encoding: str = "",
        title: str = "",
        detected: str = "und",
        language: str | None = None,
        since: int | None = None,
    ) -> int:
        """Keep an article (once per content: the same bytes again only update the date it
        was last opened); its id.

        `since`: the deletion generation the caller read the article under (default: when
        this object was opened); DeletedMeanwhile if anything was deleted after it."""
        sha = hashlib.sha256(original).hexdigest()
        language = language or detected
        now = _now()
        with self._write() as db:
            self._refuse_stale(db, since)
            row = db.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                db.execute("UPDATE articles SET opened = ? WHERE id = ?", (now, row[0]))
                db.execute("INSERT OR IGNORE INTO readings VALUES (?, ?)", (row[0], encoding))
                return row[0]
            cursor = db.execute(
                "INSERT INTO articles (sha256, name, original, text, encoding, title, detected,"
                " language, added, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha, name, original, text, encoding, title, detected, language, now, now),
            )
            article_id = cursor.lastrowid
            db.execute(
                "INSERT INTO article_words (rowid, words) VALUES (?, ?)",
                (article_id, search.index_text(text, language)),
            )
            db.execute("INSERT INTO readings VALUES (?, ?)", (article_id, encoding))
            return article_id

    def _refuse_stale(self, db: sqlite3.Connection, since: int | None) -> None:
        """Under the write lock, so no delete can come between this look and the write."""
        since = self.since if since is None else since
        if _state(db, "generation") > since:
            raise DeletedMeanwhile(
                "articles were deleted from the library after these were read, so they are "
                "not kept (they might be the deleted ones)"
            )

    def generation(self) -> Generation:
        with self._connection() as db:
            return Generation(_state(db, "generation"), _state(db, "cleared"))

    def readings(self, article_id: int) -> list[str]:
        """Every encoding the article was read with ("Read as" adds one)."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT encoding FROM readings WHERE article_id = ?", (article_id,)
            )
            return [row[0] for row in rows]

    def add_many(self, articles: Iterable[dict], since: int | None = None) -> int:
        """add() for many articles in one transaction (imports); how many were new."""
        added = 0
        with self._write() as db:
            self._refuse_stale(db, since)
            for item in articles:
                original: bytes = item["original"]
                sha = hashlib.sha256(original).hexdigest()
                if db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha,)).fetchone():
                    continue
                now = _now()
                detected = item.get("detected", "und")
                language = item.get("language") or detected
                cursor = db.execute(
                    "INSERT INTO articles (sha256, name, original, text, encoding, title,"
                    " detected, language, added, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (sha, item["name"], original, item["text"], item.get("encoding", ""),
                     item.get("title", ""), detected, language, item.get("added", now), now),
                )  # fmt: skip
                db.execute(
                    "INSERT INTO article_words (rowid, words) VALUES (?, ?)",
                    (cursor.lastrowid, search.index_text(item["text"], language)),
                )
                db.execute(
                    "INSERT INTO readings VALUES (?, ?)",
                    (cursor.lastrowid, item.get("encoding", "")),
                )
                added += 1
        return added

    def set_language(self, article_id: int, language: str, detected: str | None = None) -> None:
        """The reader's choice of language (None-like "" goes back to the detected one);
        with `detected`, a new detection (a new reading of the file, a newer detector) that
        is also the language in use."""
        with self._write() as db:
            row = db.execute(
                "SELECT text, detected FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if not row:
                return
            language = language or detected or row[1]
            db.execute(
                "UPDATE articles SET language = ?, detected = ? WHERE id = ?",
                (language, detected or row[1], article_id),
            )
            db.execute("DELETE FROM article_words WHERE rowid = ?", (article_id,))
            db.execute(
                "INSERT INTO article_words (rowid, words) VALUES (?, ?)",
                (article_id, search.index_text(row[0], language)),
            )

    def touch(self, article_id: int) -> None:
        with self._write() as db:
            db.execute("UPDATE articles SET opened = ? WHERE id = ?", (_now(), article_id))

    def get(self, article_id: int) -> StoredArticle | None:
        with self._connection() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM articles a WHERE id = ?", (article_id,)
            ).fetchone()
        return _article(row) if row else None

    def find(self, sha256: str) -> StoredArticle | None:
        with self._connection() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM articles a WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return _article(row) if row else None

    def original(self, article_id: int) -> tuple[str, bytes] | None:
        """The file as the reader gave it: (name, bytes)."""
        with self._connection() as db:
            row = db.execute(
                "SELECT name, original FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def text(self, article_id: int) -> str | None:
        with self._connection() as db:
            row = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def _filters(
        self, languages: Sequence[str] | None, since: date | None, until: date | None
    ) -> tuple[str, list]:
        clauses, values = [], []
        if languages:
            clauses.append(f"a.language IN ({', '.join('?' * len(languages))})")
            values.extend(languages)
        if since:
            clauses.append("a.added >= ?")
            values.append(since.isoformat())
        if until:
            clauses.append("a.added < ?")
            values.append((until + timedelta(days=1)).isoformat())
        return (" AND ".join(clauses) or "1"), values

    def articles(
        self,
        languages: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredArticle]:
        """Stored articles, newest first, filtered by language and by the date added."""
        where, values = self._filters(languages, since, until)
        sql = f"SELECT {_COLUMNS} FROM articles a WHERE {where} ORDER BY a.added DESC, a.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values += [limit, offset]
        with self._connection() as db:
            return [_article(row) for row in db.execute(sql, values)]

    def count(
        self,
        languages: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        where, values = self._filters(languages, since, until)
        with self._connection() as db:
            sql = f"SELECT count(*) FROM articles a WHERE {where}"
            return db.execute(sql, values).fetchone()[0]

    def languages(self) -> list[str]:
        """The languages of the stored articles, most common first."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT language FROM articles GROUP BY language ORDER BY count(*) DESC, language"
            )
            return [row[0] for row in rows]

    def search(
        self,
        query: str,
        languages: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
    ) -> list[Hit]:
        """The articles holding every word of the query in some form, best first."""
        present = self.languages()
        expression = search.match_expression(query, present)
        if expression is None:
            return []
        where, values = self._filters(languages, since, until)
        sql = (
            f"SELECT {_COLUMNS}, a.text FROM article_words w JOIN articles a ON a.id = w.rowid"
            f" WHERE article_words MATCH ? AND {where} ORDER BY w.rank LIMIT ?"
        )
        with self._connection() as db:
            rows = db.execute(sql, [expression, *values, limit]).fetchall()
        return [
            Hit(_article(row), search.snippet(row[-1], query, row[4], present)) for row in rows
        ]

    # ---- the reading desk: the articles open on the dashboard ----------------------------

    def desk(self) -> list[StoredArticle]:
        with self._connection() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM desk d JOIN articles a ON a.id = d.article_id"
                " ORDER BY d.position"
            )
            return [_article(row) for row in rows]

    def put_on_desk(self, article_ids: Iterable[int], since: int | None = None) -> None:
        """DeletedMeanwhile when anything was deleted after `since` (the ids might now
        name other articles)."""
        with self._write() as db:
            self._refuse_stale(db, since)
            position = db.execute("SELECT coalesce(max(position), 0) FROM desk").fetchone()[0]
            for article_id in article_ids:
                position += 1
                db.execute(
                    "INSERT OR IGNORE INTO desk (article_id, position) VALUES (?, ?)",
                    (article_id, position),
                )

    def take_off_desk(self, article_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM desk WHERE article_id = ?", (article_id,))

    def clear_desk(self) -> None:
        with self._write() as db:
            db.execute("DELETE FROM desk")

    # ---- the translation memory ---------------------------------------------------------

    def recall(
        self, sentences: Sequence[str], source: str, target: str, model: str
    ) -> dict[int, str]:
        """Translations kept for these sentences (index -> translation)."""
        keys = [sentence_key(sentence) for sentence in sentences]
        found: dict[str, str] = {}
        with self._connection() as db:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = db.execute(
                    "SELECT sentence, translation FROM translations WHERE source = ? AND"
                    f" target = ? AND model = ? AND sentence IN ({', '.join('?' * len(chunk))})",
                    [source, target, model, *chunk],
                )
                found.update(rows)
        return {index: found[key] for index, key in enumerate(keys) if key in found}

    def remember(
        self, pairs: Iterable[tuple[str, str]], source: str, target: str, model: str
    ) -> None:
        rows = [(sentence_key(s), source, target, model, t) for s, t in pairs]
        if not rows:
            return
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows
            )

    def forget_translations(self, sentences: Iterable[str]) -> None:
        keys = [(sentence_key(sentence),) for sentence in sentences]
        with self._write() as db:
            db.executemany("DELETE FROM translations WHERE sentence = ?", keys)

    # ---- deleting for good --------------------------------------------------------------

    def delete(self, article_id: int, sentences: Iterable[str] = ()) -> Deletion:
        """Delete an article, its place on the desk and the translations of its sentences
        in one transaction, then scrub the files.

        LibraryError (with nothing deleted) when the transaction fails; otherwise the
        article is gone, and `Deletion.left` says if its last traces could not be erased
        yet (they are, at the next start or the next delete)."""
        keys = [(sentence_key(sentence),) for sentence in sentences]
        try:
            with self._write() as db:
                gone = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
                if gone:
                    db.execute("DELETE FROM article_words WHERE rowid = ?", (article_id,))
                    db.executemany("DELETE FROM translations WHERE sentence = ?", keys)
                    self._deleted(db, everything=False)
                pending = _state(db, "scrub")
        except LibraryError as error:
            raise LibraryError(f"Nothing was deleted: {error}") from None
        left = self.scrub() if pending else ""
        return Deletion(gone, left)

    def delete_everything(self) -> Deletion:
        """Every article, the desk and the translation memory (the settings stay); every
        holder of articles read before (another tab, a batch run) may no longer keep them."""
        try:
            with self._write() as db:
                gone = db.execute("SELECT count(*) FROM articles").fetchone()[0]
                for table in ("desk", "readings", "translations", "article_words", "articles"):
                    db.execute(f"DELETE FROM {table}")
                self._deleted(db, everything=True)
        except LibraryError as error:
            raise LibraryError(f"Nothing was deleted: {error}") from None
        return Deletion(gone, self.scrub())

    def _deleted(self, db: sqlite3.Connection, everything: bool) -> None:
        """In the delete's transaction: a new generation, and a scrub to do (done at the
        next start if this process dies before it)."""
        db.execute("UPDATE state SET value = value + 1 WHERE key = 'generation'")
        if everything:
            db.execute(
                "UPDATE state SET value = (SELECT value FROM state WHERE key = 'generation')"
                " WHERE key = 'cleared'"
            )
        db.execute("UPDATE state SET value = 2 WHERE key = 'scrub'")
        self.since = _state(db, "generation")  # this holder's own delete does not stale it

    def scrub(self, wait: float = SCRUB_WAIT) -> str:
        """Leave no copy of deleted words in any file: merge the full-text index (which
        keeps deleted words until its segments are merged), rewrite the database, and
        empty the write-ahead log. Idempotent: the `scrub` state row says what is left
        to do, so a crash or a full disk half-way is finished at the next start.

        "" when done; else what is left on disk and when it goes."""
        try:
            db = self._connect()
            try:
                with self._writing(db):
                    db.execute("INSERT INTO article_words (article_words) VALUES ('optimize')")
                _vacuum(db)
                with self._writing(db):
                    db.execute("UPDATE state SET value = 1 WHERE key = 'scrub'")
            finally:
                db.close()
        except sqlite3.OperationalError as error:
            log.warning("library %s: scrub failed: %s", self.path, error)
            return (
                f"its words could not be erased from the library's file yet ({error}); "
                "they will be at the next start or the next delete"
            )
        return self._empty_log(wait)

    def _empty_log(self, wait: float) -> str:
        """Checkpoint and truncate the write-ahead log, waiting at most `wait` seconds for
        readers; if they still hold it, try again at the next opening of the library in
        this process (and at the next start of any)."""
        deadline = time.monotonic() + wait
        try:
            db = self._connect()
            try:
                db.execute("PRAGMA busy_timeout = 50")
                while db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                    if time.monotonic() >= deadline:
                        _unfinished.add(self.path)
                        log.warning("library %s: the log is held by readers", self.path)
                        return (
                            "another program is reading the library, so the last copy of "
                            "its words stays in the library's log until it stops; it is "
                            "erased then"
                        )
                    time.sleep(0.05)
                _unfinished.discard(self.path)
                with self._writing(db):
                    db.execute("UPDATE state SET value = 0 WHERE key = 'scrub'")
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                db.close()
        except sqlite3.OperationalError as error:  # busy writer: the flag is cleared later
            log.warning("library %s: emptying the log: %s", self.path, error)
        return ""

    # ---- the reader's settings, per profile --------------------------------------------

    def preferences(self, profile: str = "default") -> dict[str, object]:
        """The settings saved for this profile ({} when none)."""
        with self._connection() as db:
            row = db.execute(
                "SELECT preferences FROM settings WHERE profile = ?", (profile,)
            ).fetchone()
        if not row:
            return {}
        try:
            values = json.loads(row[0])
        except ValueError:
            log.warning("library %s: the settings of %r are not JSON", self.path, profile)
            return {}
        return values if isinstance(values, dict) else {}

    def save_preferences(self, values: dict[str, object], profile: str = "default") -> None:
        """Replace the profile's settings (JSON-serialisable values; TypeError otherwise)."""
        text = json.dumps(dict(values), ensure_ascii=False, sort_keys=True)
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings (profile, preferences) VALUES (?, ?)",
                (profile, text),
            )

    # ---- sizes and checks -----------------------------------------------------------------

    def files(self) -> list[Path]:
        """The database and its companions (-wal, -shm) as they are on disk."""
        return [
            path
            for path in (self.path, *(self.path.with_name(self.path.name + s) for s in _SUFFIXES))
            if path.exists()
        ]

    def size(self) -> int:
        """Bytes on disk. SQLite removes the -wal file when its last connection closes, which
        another thread may do between listing the files and reading their sizes."""
        total = 0
        for path in self.files():
            try:
                total += path.stat().st_size
            except FileNotFoundError:
                continue
        return total


def damaged(path: Path, error: Exception) -> str:
    """The words for a file SQLite cannot read, or cannot write now.

    (The whole file is not checked when it is opened: on 10,000 articles that takes most
    of a second; SQLite notices a damaged page when it reads it, and nothing is written
    to a file it found damaged.)"""
    if isinstance(error, sqlite3.OperationalError) and "malformed" not in str(error):
        # locked for longer than the busy timeout, disk full, read-only, I/O error
        return f"The library {path} cannot be used now: {error}."
    return (
        f"{path} is damaged or not a News Digest library ({error}). It was left untouched: "
        "restore a backup, or move it away to start anew."
    )


def _state(db: sqlite3.Connection, key: str) -> int:
    row = db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else 0


def _vacuum(db: sqlite3.Connection) -> None:
    """VACUUM (a function of its own: tests make it fail as a full disk does)."""
    db.execute("VACUUM")


def _statements(script: str) -> list[str]:
    """The statements of a migration script, each whole.

    Split where SQLite says a statement is complete, not at every ";": a ";" inside a
    string, a comment or a trigger's body does not end one.
    """
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"  # the last piece gets one too: a final ";" may be left out
        if sqlite3.complete_statement(pending):
            if pending[:-1].strip():
                statements.append(pending.strip())
            pending = ""
    if pending[:-1].strip():
        statements.append(pending.strip())  # unfinished: SQLite says what is wrong with it
    return statements


def open_library(path: Path | None = None) -> Library:
    """The library in the data folder ($NEWS_DIGEST_DATA), made on first use."""
    return Library(path or database_path())


def forget_checks() -> None:
    """Check every library file again when next opened (tests)."""
    with _checked_lock:
        _checked.clear()
        _damaged.clear()

