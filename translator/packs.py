"""Installed Argos language packs: where they live, what is there, and removing one.

The packs directory is Argos Translate's own (so packs installed for Argos or LibreTranslate are
found), unless ARGOS_PACKAGES_DIR names another; it is read at call time, not import time.
Installing lives in translator.install (files) and translator.index (downloads).
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from translator.errors import PackError
from translator.locking import PACKS_LOCK, staging_area
from translator.paths import packages_dir


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
    """Pack versions in numeric order ("1.10" after "1.9"); a non-numeric part counts as 0."""
    return tuple(int(part) if part.isdigit() else 0 for part in (version or "0").split("."))


def described_pair(info) -> dict[str, str]:
    """Codes, names and version of Argos package metadata (an IPackage); a missing name is the code.

    Shared by installed packs (Pack) and the index's offers (translator.index.AvailablePack).
    """
    return {
        "from_code": info.from_code,
        "to_code": info.to_code,
        "from_name": str(info.from_name or info.from_code),
        "to_name": str(info.to_name or info.to_code),
        "version": str(info.package_version or ""),
    }


def read_pack(directory: Path, with_size: bool = True) -> Pack | None:
    """The Pack installed in directory, or None if it is not a translation pack we can read."""
    from argostranslate.package import IPackage

    try:
        with open(directory / "metadata.json", encoding="utf-8") as metadata_file:
            metadata = json.load(metadata_file)
        info = IPackage()
        info.load_metadata_from_json(metadata)
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    codes_ok = all(isinstance(code, str) and code for code in (info.from_code, info.to_code))
    if not codes_ok or info.type != "translate":
        return None
    return Pack(
        **described_pair(info),
        path=directory,
        size_bytes=_size_on_disk(directory) if with_size else None,
    )


def _scan(packs: Path, with_size: bool) -> list[Pack]:
    try:
        entries = sorted(packs.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir():  # a symlinked pack counts
            continue
        pack = read_pack(entry, with_size=with_size)
        if pack is not None:
            found.append(pack)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name))


def installed_packs() -> list[Pack]:
    """Translation packs in packages_dir(), sorted by (from, to); unreadable dirs are skipped."""
    with PACKS_LOCK:
        return _scan(packages_dir(), with_size=True)


def installed_pair(from_code: str, to_code: str, packs: Path | None = None) -> list[Pack]:
    """Every installed pack for one pair (normally zero or one)."""
    with PACKS_LOCK:
        directory = packages_dir() if packs is None else packs
        return [
            pack
            for pack in _scan(directory, with_size=False)
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
