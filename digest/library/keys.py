"""API keys of the HTTP server (`news-digest serve --api-keys`), kept in the library.

Only a SHA-256 hash of each key is stored: a copied library file, a backup or a
stolen laptop gives no usable key. The key itself is shown once, when it is made.
Keys are long random tokens (not passwords people choose), so a plain hash is enough:
nobody can guess one from its hash.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from digest.library.store import Library

PREFIX = "nd-"
"""Every key starts with it, so a key pasted in the wrong place is recognisable."""
TOKEN_BYTES = 24
MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class ApiKey:
    """A key as listed: its number, the name given to it, when it was made."""

    id: int
    name: str
    created: datetime


@dataclass(frozen=True)
class NewKey:
    """A key just made: `secret` is the only time the key itself is seen."""

    key: ApiKey
    secret: str


def key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def add_key(library: Library, name: str) -> NewKey:
    """A new random key named `name` (who or what uses it); ValueError for an empty name."""
    name = " ".join(name.split())[:MAX_NAME_CHARS]
    if not name:
        raise ValueError("a key needs a name (who or what uses it)")
    secret = PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    created = datetime.now(UTC)
    with library._write() as db:
        cursor = db.execute(
            "INSERT INTO api_keys (name, hash, created) VALUES (?, ?, ?)",
            (name, key_hash(secret), created.isoformat(timespec="seconds")),
        )
        number = cursor.lastrowid
    return NewKey(ApiKey(number, name, created), secret)


def list_keys(library: Library) -> list[ApiKey]:
    """Every key, oldest first."""
    with library._connection() as db:
        rows = db.execute("SELECT id, name, created FROM api_keys ORDER BY id").fetchall()
    return [ApiKey(row[0], row[1], datetime.fromisoformat(row[2])) for row in rows]


def remove_key(library: Library, number: int) -> bool:
    """Revoke a key by its number; False when there is no such key."""
    with library._write() as db:
        return db.execute("DELETE FROM api_keys WHERE id = ?", (number,)).rowcount > 0


def has_keys(library: Library) -> bool:
    with library._connection() as db:
        return db.execute("SELECT 1 FROM api_keys LIMIT 1").fetchone() is not None


def is_valid_key(library: Library, secret: str | None) -> bool:
    """Whether `secret` is a key in the library (looked up by its hash)."""
    if not secret:
        return False
    with library._connection() as db:
        row = db.execute(
            "SELECT 1 FROM api_keys WHERE hash = ?", (key_hash(secret),)
        ).fetchone()
    return row is not None
