"""The library's story tables: where and when each article was published, its names,
key phrases and story features, and which story it is in (digest.stories groups them).

Every row hangs on its article (ON DELETE CASCADE), and a story row goes when its last
article leaves it (a trigger), so deleting an article leaves nothing of it here. These
are plain reads and writes; the grouping itself is digest.stories.Stories.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from digest.library.store import _COLUMNS, Library, StoredArticle, _article


@dataclass(frozen=True)
class ArticleFacts:
    """What the story tables hold for one article."""

    article_id: int
    outlet: str
    published: date | None
    place: str
    source: str
    keywords: tuple[str, ...]
    names: tuple[tuple[str, str, str, int], ...]
    """(key, spelling, latin, mentions), most mentioned first."""


@dataclass(frozen=True)
class Membership:
    article_id: int
    story_id: int
    pinned: bool
    score: float


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class StoryStore:
    """Reads and writes of the story tables of one Library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    # ---- per article ----------------------------------------------------------------------

    def save_article(self, article_id: int, *, outlet: str, published: date | None,
                     place: str, source: str, keywords: Sequence[str],
                     names: Iterable[tuple[str, str, str, int]], features: Iterable[str]) -> bool:
        """Keep an article's facts (replacing earlier ones); False when it is gone."""
        with self.library._write() as db:
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                return False
            db.execute(
                "INSERT OR REPLACE INTO article_provenance VALUES (?, ?, ?, ?, ?)",
                (article_id, outlet, published.isoformat() if published else None, place,
                 source),
            )
            db.execute(
                "INSERT OR REPLACE INTO article_profiles VALUES (?, ?, ?)",
                (article_id, json.dumps(list(keywords), ensure_ascii=False),
                 json.dumps(sorted(features), ensure_ascii=False)),
            )
            db.execute("DELETE FROM article_names WHERE article_id = ?", (article_id,))
            db.executemany(
                "INSERT OR REPLACE INTO article_names VALUES (?, ?, ?, ?, ?)",
                [(article_id, key, spelling, latin, mentions)
                 for key, spelling, latin, mentions in names],
            )
        return True

    def features(self, after: int = 0) -> list[tuple[int, list[str], date]]:
        """(article id, features, day reported) of every profiled article with an id above
        `after`; the day is the publication date the file gave, else the day it was added."""
        with self.library._connection() as db:
            rows = db.execute(
                "SELECT p.article_id, p.features, coalesce(v.published, substr(a.added, 1, 10))"
                " FROM article_profiles p JOIN articles a ON a.id = p.article_id"
                " LEFT JOIN article_provenance v ON v.article_id = p.article_id"
                " WHERE p.article_id > ? ORDER BY p.article_id", (after,))
            return [(row[0], json.loads(row[1]), date.fromisoformat(row[2])) for row in rows]

    def unprofiled(self) -> list[int]:
        """Articles kept before stories existed, or whose profile failed."""
        with self.library._connection() as db:
            rows = db.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_profiles)"
                " ORDER BY id")
            return [row[0] for row in rows]

    def facts(self, article_ids: Sequence[int]) -> dict[int, ArticleFacts]:
        found: dict[int, ArticleFacts] = {}
        with self.library._connection() as db:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start:start + 500])
                marks = ", ".join("?" * len(chunk))
                names: dict[int, list[tuple[str, str, str, int]]] = {}
                for row in db.execute(
                        "SELECT article_id, key, spelling, latin, mentions FROM article_names"
                        f" WHERE article_id IN ({marks}) ORDER BY mentions DESC, key", chunk):
                    names.setdefault(row[0], []).append((row[1], row[2], row[3], row[4]))
                for row in db.execute(
                        "SELECT p.article_id, coalesce(v.outlet, ''), v.published,"
                        " coalesce(v.place, ''), coalesce(v.source, ''), p.keywords"
                        " FROM article_profiles p LEFT JOIN article_provenance v"
                        f" ON v.article_id = p.article_id WHERE p.article_id IN ({marks})", chunk):
                    found[row[0]] = ArticleFacts(
                        article_id=row[0], outlet=row[1],
                        published=date.fromisoformat(row[2]) if row[2] else None,
                        place=row[3], source=row[4], keywords=tuple(json.loads(row[5])),
                        names=tuple(names.get(row[0], ())),
                    )
        return found

    # ---- stories --------------------------------------------------------------------------

    def memberships(self) -> dict[int, Membership]:
        with self.library._connection() as db:
            rows = db.execute("SELECT article_id, story_id, pinned, score FROM story_members")
            return {row[0]: Membership(row[0], row[1], bool(row[2]), row[3]) for row in rows}

    def new_story(self) -> int:
        with self.library._write() as db:
            return db.execute("INSERT INTO stories (created) VALUES (?)", (_now(),)).lastrowid

    def set_members(self, placed: Iterable[tuple[int, int, bool, float]]) -> dict[int, int]:
        """Put articles in stories: (article id, story id, pinned, score). A negative story
        id is a new story (one per distinct negative id); articles deleted meanwhile are
        left out. Returns the ids the new stories got (negative -> new)."""
        made: dict[int, int] = {}
        with self.library._write() as db:
            for article_id, story_id, pinned, score in placed:
                if not db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)
                                  ).fetchone():
                    continue
                if story_id < 0:
                    if story_id not in made:
                        made[story_id] = db.execute(
                            "INSERT INTO stories (created) VALUES (?)", (_now(),)).lastrowid
                    story_id = made[story_id]
                else:
                    db.execute("INSERT OR IGNORE INTO stories (id, created) VALUES (?, ?)",
                               (story_id, _now()))
                db.execute(
                    "INSERT INTO story_members (article_id, story_id, pinned, score)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
                    " story_id = excluded.story_id, pinned = excluded.pinned,"
                    " score = excluded.score",
                    (article_id, story_id, int(pinned), score),
                )
        return made

    def members(self, story_ids: Sequence[int] | None = None) -> dict[int, list[int]]:
        """Story id -> its article ids (oldest first)."""
        sql = "SELECT story_id, article_id FROM story_members"
        values: list = []
        if story_ids is not None:
            sql += f" WHERE story_id IN ({', '.join('?' * len(story_ids))})"
            values = list(story_ids)
        found: dict[int, list[int]] = {}
        with self.library._connection() as db:
            for story_id, article_id in db.execute(sql + " ORDER BY article_id", values):
                found.setdefault(story_id, []).append(article_id)
        return found

    def articles(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        found: dict[int, StoredArticle] = {}
        with self.library._connection() as db:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start:start + 500])
                rows = db.execute(
                    f"SELECT {_COLUMNS} FROM articles a WHERE a.id IN"
                    f" ({', '.join('?' * len(chunk))})", chunk)
                found.update((row[0], _article(row)) for row in rows)
        return found

    def coverage(self) -> list[tuple[int, str, str, str, int]]:
        """(story id, day reported, language, outlet, articles) of every story, counted by
        SQLite in one pass: what the story list, its filters and the timeline need without
        reading each article. The day and outlet are those of Stories.list (the file's
        date and outlet when the article is profiled, else the day it was added).

        The articles are the outer loop (CROSS JOIN keeps that order), read from the index
        on their language and date, which holds the id too: looking each one up in the
        table would walk past its original file and text to reach those two columns."""
        with self.library._connection() as db:
            rows = db.execute(
                "SELECT m.story_id, coalesce(v.published, substr(a.added, 1, 10)), a.language,"
                " coalesce(v.outlet, ''), count(*) FROM articles a"
                " CROSS JOIN story_members m ON m.article_id = a.id"
                " LEFT JOIN article_provenance v ON v.article_id = m.article_id"
                " AND v.article_id IN (SELECT article_id FROM article_profiles)"
                " GROUP BY 1, 2, 3, 4")
            return rows.fetchall()

    def pinned(self, article_ids: Sequence[int]) -> set[int]:
        """Those of the articles the reader placed in their story."""
        found: set[int] = set()
        with self.library._connection() as db:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start:start + 500])
                found.update(row[0] for row in db.execute(
                    "SELECT article_id FROM story_members WHERE pinned AND article_id IN"
                    f" ({', '.join('?' * len(chunk))})", chunk))
        return found

    # ---- the name filter ----------------------------------------------------------------

    def articles_named(self, keys: Sequence[str]) -> list[int]:
        """Articles naming any of these keys (a key of a whole name, or of one of its words:
        "tkv" finds "ksm-jmrt tkv")."""
        if not keys:
            return []
        clauses, values = _key_clauses(keys)
        with self.library._connection() as db:
            rows = db.execute(
                f"SELECT DISTINCT article_id FROM article_names WHERE {clauses}"
                " ORDER BY article_id", values)
            return [row[0] for row in rows]

    def stories_named(self, keys: Sequence[str]) -> set[int]:
        """The stories holding an article that names any of these keys (as articles_named)."""
        if not keys:
            return set()
        clauses, values = _key_clauses(keys)
        with self.library._connection() as db:
            rows = db.execute(
                "SELECT DISTINCT m.story_id FROM article_names n"
                " JOIN story_members m ON m.article_id = n.article_id"
                f" WHERE {clauses}", values)
            return {row[0] for row in rows}

    def name_counts(self) -> list[tuple[str, int]]:
        """(name key, articles in a story naming it), most named first."""
        with self.library._connection() as db:
            return db.execute(
                "SELECT n.key, count(*) FROM article_names n"
                " JOIN story_members m ON m.article_id = n.article_id"
                " WHERE n.article_id IN (SELECT article_id FROM article_profiles)"
                " GROUP BY n.key ORDER BY 2 DESC, 1").fetchall()

    def name_uses(self, key: str) -> list[tuple[int, int, str, str, int, str, str, str]]:
        """(story id, article id, language, spelling, mentions, day reported, added, latin)
        of each article in a story naming this key."""
        with self.library._connection() as db:
            return db.execute(
                "SELECT m.story_id, n.article_id, a.language, n.spelling, n.mentions,"
                " coalesce(v.published, substr(a.added, 1, 10)), a.added, n.latin"
                " FROM article_names n JOIN story_members m ON m.article_id = n.article_id"
                " JOIN articles a ON a.id = n.article_id"
                " JOIN article_profiles p ON p.article_id = n.article_id"
                " LEFT JOIN article_provenance v ON v.article_id = n.article_id"
                " WHERE n.key = ?", (key,)).fetchall()

    def members_sum(self) -> tuple[int, float]:
        """(memberships, a checksum of who is in which story and pinned), in one pass of
        SQLite: with state() it tells a library's stories from another's."""
        with self.library._connection() as db:
            return db.execute(
                "SELECT count(*), total(story_id * 1000003.0 + article_id * 7.0 + pinned)"
                " FROM story_members").fetchone()

    def state(self) -> tuple[int, int, int]:
        """(deletion generation, changes of memberships, highest profiled id): a holder of
        stories in memory reloads what changed (one indexed read: cheap at any size)."""
        with self.library._connection() as db:
            generation, changes = (db.execute(
                f"SELECT coalesce((SELECT value FROM state WHERE key = '{key}'), 0)"
            ).fetchone()[0] for key in ("generation", "stories"))
            top = db.execute(
                "SELECT coalesce(max(article_id), 0) FROM article_profiles").fetchone()[0]
        return generation, changes, top

    def source(self, article_id: int) -> tuple[StoredArticle, str, str, bytes] | None:
        """An article with its text, file name and original bytes, in one read."""
        with self.library._connection() as db:
            row = db.execute(
                f"SELECT {_COLUMNS}, a.text, a.original FROM articles a WHERE a.id = ?",
                (article_id,)).fetchone()
        if row is None:
            return None
        stored = _article(row)
        return stored, row[-2], stored.name, bytes(row[-1])


def _key_clauses(keys: Sequence[str]) -> tuple[str, list[str]]:
    """The WHERE clauses matching a name key, whole or as one of its words."""
    clauses = " OR ".join(["key = ? OR key LIKE ? OR key LIKE ?"] * len(keys))
    values: list[str] = []
    for key in keys:
        values += [key, f"{key} %", f"% {key}"]
    return f"({clauses})", values
