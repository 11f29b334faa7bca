"""Where the development data is: the nearest `shared/data` above the repository.

The main checkout sits next to it (../shared/data); a git worktree may sit one
level deeper, so every parent folder is tried, nearest first.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """shared/data/<name> in the nearest parent that has it (the first guess if none has)."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "data" / name
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data" / name
