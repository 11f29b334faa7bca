"""Installed Argos language packs: where they live, what is there, and removing one.

The packs directory is Argos Translate's own (so packs installed for Argos or LibreTranslate are
found), unless ARGOS_PACKAGES_DIR names another; it is read at call time, not import time.
Installing lives in translator.packs.install (files) and translator.packs.index (downloads).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from languages.codes import is_language_code
from translator.errors import PackError
from translator.locking import PACKS_LOCK, clean_stale_staging, staging_area
from translator.paths import packages_dir

log = logging.getLogger(__name__)

MAX_METADATA_BYTES = 1024**2  # real ones are under 2 KB
MAX_VERSION_CHARS = 40
MAX_NAME_CHARS = 80


@dataclass(frozen=True)
class Pack:
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    path: Path | None
    size_bytes: int | None

    @property
    def label(self) -> str:
        return f"{self.from_name} → {self.to_name}"


def _size_on_disk(directory: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(directory):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def version_key(version: str) -> tuple[int, ...]:
    """Pack versions in numeric order ("1.10" after "1.9"); a part that is not plain ASCII
    digits (a hand-edited "1.²", "beta") counts as 0, never an error."""
    return tuple(
        int(part) if part.isascii() and part.isdigit() else 0
        for part in (version if isinstance(version, str) and version else "0").split(".")
    )


def described_pair(metadata: dict) -> dict[str, str]:
    """Codes, names and version from Argos package metadata (a metadata.json or an index
    entry, as a dict); a missing or non-text name is the code. PackError says what is wrong.

    Shared by installed packs (Pack) and the index's offers (translator.packs.index.AvailablePack).
    """
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise PackError(f"it is a {str(kind)[:40]!r} package, not a translation pack")
    codes = {}
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not is_language_code(code):
            shown = repr(code)[:40] if code is not None else "nothing"
            raise PackError(f"its {key} is {shown}, not a language code")
        codes[key] = code
    version = metadata.get("package_version", "")
    if not isinstance(version, str) or len(version) > MAX_VERSION_CHARS:
        raise PackError(f"its package_version {repr(version)[:40]} is not a short text")
    names = {}
    for key, code in (("from_name", codes["from_code"]), ("to_name", codes["to_code"])):
        name = metadata.get(key)
        names[key] = name[:MAX_NAME_CHARS] if isinstance(name, str) and name.strip() else code
    return {**codes, **names, "version": version}


def read_metadata(directory: Path) -> dict:
    """A pack folder's metadata.json as a dict; PackError naming the problem for a missing,
    huge, deeply nested (RecursionError in json) or non-object file."""
    path = directory / "metadata.json"
    try:
        with open(path, "rb") as metadata_file:
            raw = metadata_file.read(MAX_METADATA_BYTES + 1)
    except OSError as error:
        raise PackError(f"metadata.json cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_METADATA_BYTES:
        raise PackError(f"metadata.json is larger than {MAX_METADATA_BYTES // 1024} KiB")
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise PackError("metadata.json is not valid JSON") from None
    except RecursionError:
        raise PackError("metadata.json is nested too deeply") from None
    if not isinstance(metadata, dict):
        raise PackError("metadata.json is not a JSON object")
    return metadata


def check_pack(directory: Path, with_size: bool = True) -> Pack:
    """The Pack installed in directory; PackError (without the folder's name) if it is not a
    translation pack we can use."""
    described = described_pair(read_metadata(directory))
    if not (directory / "model" / "model.bin").is_file():
        raise PackError("model/model.bin is missing")
    return Pack(
        **described,
        path=directory,
        size_bytes=_size_on_disk(directory) if with_size else None,
    )


def read_pack(directory: Path, with_size: bool = True) -> Pack | None:
    """The Pack installed in directory, or None if it is not a translation pack we can read."""
    try:
        return check_pack(directory, with_size)
    except PackError:
        return None


@dataclass(frozen=True)
class SkippedFolder:
    """A folder in the packs directory that is not used, and why (shown to the user)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class PackScan:
    """The packs directory as found: the pack used for each pair (the newest valid one),
    and every other folder with the reason it is not used."""

    packs: list[Pack]
    skipped: list[SkippedFolder]


def _scan_folders(packs: Path, with_size: bool) -> tuple[list[Pack], list[SkippedFolder]]:
    try:
        entries = sorted(packs.iterdir())
    except OSError:
        return [], []
    found, skipped = [], []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir():  # a symlinked pack counts
            continue
        try:
            found.append(check_pack(entry, with_size=with_size))
        except PackError as error:
            skipped.append(SkippedFolder(entry, f"broken: {error}."))
        except (OSError, RecursionError, MemoryError) as error:  # never take the page down
            log.warning("pack folder %s unreadable", entry, exc_info=True)
            skipped.append(SkippedFolder(entry, f"broken: {type(error).__name__}."))
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name)), skipped


def _newest_first(pack: Pack) -> tuple:
    return (version_key(pack.version), pack.path.name if pack.path else "")


def _scan(packs: Path, with_size: bool) -> PackScan:
    found, skipped = _scan_folders(packs, with_size)
    pairs: dict[tuple[str, str], list[Pack]] = {}
    for pack in found:
        pairs.setdefault((pack.from_code, pack.to_code), []).append(pack)
    used = []
    for same_pair in pairs.values():
        newest = max(same_pair, key=_newest_first)
        used.append(newest)
        for older in same_pair:
            if older is not newest:
                skipped.append(SkippedFolder(older.path, (
                    f"another copy of the {older.from_code} → {older.to_code} pack "
                    f"(version {older.version or '?'}); {newest.path.name} "
                    f"(version {newest.version or '?'}) is used."
                )))
    return PackScan(used, sorted(skipped, key=lambda s: s.path.name))


def scan_packs() -> PackScan:
    """Every folder of packages_dir(): the packs used (one per pair) and those skipped.
    Staging folders left by a killed install are removed first (the app's start lists packs)."""
    clean_stale_staging()
    with PACKS_LOCK:
        return _scan(packages_dir(), with_size=True)


def installed_packs() -> list[Pack]:
    """The translation pack used for each pair in packages_dir(), sorted by (from, to):
    the newest valid one when a folder was copied in twice; unreadable folders are skipped
    (scan_packs says why)."""
    return scan_packs().packs


def installed_pair(from_code: str, to_code: str, packs: Path | None = None) -> list[Pack]:
    """Every installed pack for one pair (normally zero or one)."""
    with PACKS_LOCK:
        directory = packages_dir() if packs is None else packs
        return [
            pack
            for pack in _scan_folders(directory, with_size=False)[0]
            if (pack.from_code, pack.to_code) == (from_code, to_code)
        ]


def remove_pack(from_code: str, to_code: str) -> None:
    """Remove the from->to pack: renamed out of the packs dir at once, then deleted."""
    packs = packages_dir()
    with staging_area(packs) as trash:
        with PACKS_LOCK:
            doomed = installed_pair(from_code, to_code, packs)
            if not doomed:
                raise PackError(
                    f"No {from_code} → {to_code} language pack is installed (looked in {packs})."
                )
            for number, pack in enumerate(doomed):
                try:
                    os.rename(pack.path, trash / f"old-{number}")
                except OSError:
                    shutil.rmtree(pack.path, ignore_errors=True)
                if pack.path.exists():
                    raise PackError(f"Could not remove the pack at {pack.path}.")
