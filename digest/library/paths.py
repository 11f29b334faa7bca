"""Where the library lives: $NEWS_DIGEST_DATA, else the platform's user data folder."""
from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT_VARIABLE = "NEWS_DIGEST_DATA"
APP_NAME = "news-digest"
DATABASE_NAME = "library.sqlite3"


def data_dir() -> Path:
    """The data folder (not created here): e.g. ~/.local/share/news-digest on Linux."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path() -> Path:
    return data_dir() / DATABASE_NAME
