"""Where translator/ keeps its files: read at call time, so tests and users can redirect it."""
from __future__ import annotations

import os
from pathlib import Path


def packages_dir() -> Path:
    """Argos's packs directory, or ARGOS_PACKAGES_DIR when set (read now, not at import)."""
    override = os.environ.get("ARGOS_PACKAGES_DIR")
    if override:
        return Path(override).expanduser()
    from argostranslate import settings  # light; imported late so the env is read at call time

    return Path(
        settings.get_setting("ARGOS_PACKAGES_DIR", default=settings.data_dir / "packages")
    ).expanduser()
