"""What the operator chose for the server: address, limits and keys, as one immutable value.

`news-digest serve` builds it from its options; tests and the benchmark build it directly.
"""
from __future__ import annotations

from dataclasses import dataclass

from digest.job import ARTICLE_MAX_BYTES, MB

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000
"""LibreTranslate's port, so a client set up for it needs only the host changed."""
DEFAULT_CHAR_LIMIT = 10_000
"""Characters of text (or markup) in one request: a few pages, enough for a CAT tool's
segments or an extension's page, small enough that one request cannot hold a core for
minutes."""
DEFAULT_BATCH_LIMIT = 200
"""Texts in one `q` list (a browser extension sends a page's text nodes at once)."""
DEFAULT_ALTERNATIVES_LIMIT = 5
"""translator.engine.alternatives gives at most 5."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    char_limit: int = DEFAULT_CHAR_LIMIT
    """Characters in one request, all texts of a `q` list together."""
    file_limit_bytes: int = ARTICLE_MAX_BYTES
    """Largest file for /translate_file and /summarize (the dashboard's upload limit)."""
    rate_limit: int = 0
    """Requests per minute per client (its API key, else its address); 0: no limit."""
    api_keys: bool = False
    """Every request but /health, /frontend/settings and the docs needs a key of the library."""
    batch_limit: int = DEFAULT_BATCH_LIMIT
    alternatives_limit: int = DEFAULT_ALTERNATIVES_LIMIT
    download_minutes: int = 60
    """How long a translated file waits at /download_file before it is deleted."""

    @property
    def file_limit_label(self) -> str:
        return f"{self.file_limit_bytes / MB:g} MB"
