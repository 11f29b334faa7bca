"""Which files a batch reads: files as given, folders walked, globs expanded.

No filtering by extension: every format the project reads today or tomorrow goes
through the same reader, and a file it cannot read becomes an `error` row naming
it. Only hidden files and folders (".git", ".DS_Store") are left out of walks.

Walks and `**` never follow a symbolic link to a folder, so a link loop cannot make them
endless; a link that loops is one file (its row says why it cannot be read). The output
folder is never read as input, wherever it is.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputFile:
    """One article file: where it is, the name the manifest and messages use, and its key
    for resuming (the absolute path with links resolved; as given when they loop)."""

    path: Path
    name: str
    key: str


@dataclass(frozen=True)
class Inputs:
    files: tuple[InputFile, ...]
    missing: tuple[str, ...]
    """Inputs that matched nothing (no such file, an empty glob)."""
    outputs: tuple[str, ...] = ()
    """Inputs that are the output folder or inside it: never read."""


def _hidden(name: str) -> bool:
    return name.startswith(".")


def resolved(path: Path) -> str:
    """The absolute path with links resolved; a link that loops (or cannot be resolved)
    stays as given, made absolute."""
    try:
        return os.path.realpath(path, strict=False)
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def _inside(path: str, folder: str | None) -> bool:
    if folder is None:
        return False
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(folder: Path, exclude: str | None) -> Iterator[Path]:
    """Every visible file under folder, in a stable (sorted) order, links to folders not
    followed, the output folder left out."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not _hidden(d) and not _inside(resolved(Path(root, d)), exclude)
        )
        for name in sorted(files):
            if not _hidden(name):
                yield Path(root, name)


def _is_glob(text: str) -> bool:
    return glob.has_magic(text)


def _matching(folder: str, part: str) -> Iterator[str]:
    """Entries of folder matching one pattern part (hidden ones only if it asks)."""
    try:
        names = os.listdir(folder or os.curdir)
    except OSError:
        return
    pattern = re.compile(fnmatch.translate(part))
    for name in names:
        if (not _hidden(name) or part.startswith(".")) and pattern.match(name):
            yield os.path.join(folder, name)


def _folders_below(folder: str, exclude: str | None) -> Iterator[str]:
    """folder and every visible folder under it, links not followed: what `**` matches
    (named as glob names them: "sub", not "./sub", under the current folder)."""
    for root, dirs, _ in os.walk(folder or os.curdir, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not _hidden(d) and not _inside(resolved(Path(root, d)), exclude)
        )
        yield root if folder else os.path.relpath(root).removeprefix(os.curdir)


def _glob(pattern: str, exclude: str | None) -> list[str]:
    """glob.glob(pattern, recursive=True), but `**` never follows a link to a folder."""
    anchor, parts = "", pattern.split(os.sep)
    if pattern.startswith(os.sep):
        anchor, parts = os.sep, parts[1:]
    found = [anchor]
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if not part:
            continue
        following: list[str] = []
        for base in found:
            if part == "**":
                folders = list(_folders_below(base, exclude))
                following += folders
                if last:  # `a/**` also matches the files in a itself
                    following += [
                        file for folder in folders for file in _matching(folder, "*")
                        if not os.path.isdir(file)
                    ]
            elif _is_glob(part):
                following += _matching(base, part)
            else:
                candidate = os.path.join(base, part)
                if os.path.lexists(candidate):
                    following.append(candidate)
        found = following
        if not last:
            found = [path for path in found if path == "" or os.path.isdir(path)]
    return sorted({path for path in found if path and path != anchor})


def _expand(given: str, exclude: str | None) -> list[Path]:
    if _is_glob(given):
        found: list[Path] = []
        for match in _glob(given, exclude):
            path = Path(match)
            found.extend(_walk(path, exclude) if path.is_dir() else [path])
        return found
    path = Path(given)
    if path.is_dir():
        return list(_walk(path, exclude))
    return [path] if os.path.lexists(path) else []


def _usable(path: Path) -> bool:
    """A file to read or to report: anything but a folder (a link loop, a device, a
    FIFO are kept, and their rows say why they cannot be read)."""
    return not path.is_dir()


def find_inputs(given: Sequence[str], out: Path | None = None) -> Inputs:
    """The files named by `given` (files, folders, globs), each once, in the order given,
    none of them in the output folder `out`."""
    exclude = resolved(out) if out is not None else None
    seen: set[str] = set()
    files: list[InputFile] = []
    missing: list[str] = []
    outputs: list[str] = []
    for item in given:
        if not _is_glob(item) and _inside(resolved(Path(item)), exclude):
            outputs.append(item)
            continue
        expanded = [path for path in _expand(item, exclude) if _usable(path)]
        if not expanded:
            missing.append(item)
        for path in expanded:
            key = resolved(path)
            if key in seen or _inside(key, exclude):
                continue
            seen.add(key)
            files.append(InputFile(path=path, name=str(path), key=key))
    return Inputs(files=tuple(files), missing=tuple(missing), outputs=tuple(outputs))
