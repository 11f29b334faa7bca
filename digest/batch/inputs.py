"""Which files a batch reads: files as given, folders walked, globs expanded.

No filtering by extension: every format the project reads today or tomorrow goes
through the same reader, and a file it cannot read becomes an `error` row naming
it. Only hidden files and folders (".git", ".DS_Store") are left out of walks.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputFile:
    """One article file: where it is, and the name the manifest and messages use."""

    path: Path
    name: str


@dataclass(frozen=True)
class Inputs:
    files: tuple[InputFile, ...]
    missing: tuple[str, ...]
    """Inputs that matched nothing (no such file, an empty glob)."""


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path]:
    """Every visible file under folder, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name):
                yield Path(root, name)


def _is_glob(text: str) -> bool:
    return glob.has_magic(text)


def _expand(given: str) -> list[Path]:
    if _is_glob(given):
        matches = sorted(glob.glob(given, recursive=True))
        found: list[Path] = []
        for match in matches:
            path = Path(match)
            found.extend(_walk(path) if path.is_dir() else [path])
        return found
    path = Path(given)
    if path.is_dir():
        return list(_walk(path))
    return [path] if path.exists() else []


def find_inputs(given: Sequence[str]) -> Inputs:
    """The files named by `given` (files, folders, globs), each once, in the order given."""
    seen: set[Path] = set()
    files: list[InputFile] = []
    missing: list[str] = []
    for item in given:
        expanded = [path for path in _expand(item) if path.is_file() or not path.exists()]
        if not expanded:
            missing.append(item)
        for path in expanded:
            key = path.resolve()
            if key in seen:
                continue
            seen.add(key)
            files.append(InputFile(path=path, name=str(path)))
    return Inputs(files=tuple(files), missing=tuple(missing))
