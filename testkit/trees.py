"""A folder's whole content, to check that a refused operation changed nothing."""
from __future__ import annotations

from pathlib import Path


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Relative path -> file bytes (None for a folder), for every entry below root."""
    return {
        str(path.relative_to(root)): path.read_bytes() if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }
