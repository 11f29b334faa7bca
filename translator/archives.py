"""One validator for the zip archives the translator installs: Argos packs and multilingual models.

Refused from the central directory, before a byte is unpacked: unsafe entry names (absolute,
`..`, backslashes), symbolic links, encryption, repeated names, too many entries, and declared
sizes or compression ratios of a zip bomb. Declared sizes can lie, so `extract` counts the real
bytes again while unpacking. What an archive must hold (one pack folder with metadata.json, a
model's files) is checked by the caller: translator.packs.validation and
translator.multilingual.install.
"""
from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translator.errors import PackError

MAX_RATIO = 50.0  # model weights barely compress (~1.1:1); a bomb of zeros is ~1000:1
RATIO_FLOOR_BYTES = 1024**2  # ratio is only judged for members / archives larger than this
CHUNK_BYTES = 1024**2


@dataclass(frozen=True)
class ArchiveLimits:
    """What one kind of archive may declare; `error` is the exception its refusals raise."""

    max_members: int
    max_unpacked_bytes: int
    error: type[PackError] = PackError


def megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB"


def entry_problem(name: str) -> str | None:
    """Why an entry name is unsafe to unpack (absolute, `..`, backslash, NUL), or None."""
    if not name:
        return "an entry has an empty name"
    if "\\" in name or "\x00" in name:
        return f"entry {name!r} has a backslash or NUL in its name"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"entry {name!r} has an absolute path"
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return f"entry {name!r} points outside the pack (empty, '.' or '..' path component)"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_members(archive: zipfile.ZipFile, label: str, limits: ArchiveLimits
                  ) -> list[zipfile.ZipInfo]:
    """The archive's entries when none is unsafe and their sizes are no zip bomb."""

    def refuse(reason: str) -> PackError:
        return limits.error(f"{label}: {reason}")

    members = archive.infolist()
    if not members:
        raise refuse("the archive is empty.")
    if len(members) > limits.max_members:
        raise refuse(f"the archive has {len(members):,} entries (limit {limits.max_members:,}).")
    names: set[str] = set()
    unpacked = compressed = 0
    for info in members:
        problem = entry_problem(info.filename)
        if problem:
            raise refuse(f"{problem}; refused.")
        if _is_symlink(info):
            raise refuse(f"entry {info.filename!r} is a symbolic link; refused.")
        if info.flag_bits & 0x1:
            raise refuse(f"entry {info.filename!r} is encrypted.")
        key = info.filename.rstrip("/")
        if key in names:
            raise refuse(f"entry {key!r} appears twice.")
        names.add(key)
        unpacked += info.file_size
        compressed += info.compress_size
        if unpacked > limits.max_unpacked_bytes:
            raise refuse(f"it would unpack to more than {megabytes(limits.max_unpacked_bytes)} "
                         "(zip bomb?); refused.")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise refuse(f"entry {info.filename!r} inflates {ratio:,.0f}:1 to "
                         f"{megabytes(info.file_size)} (limit {MAX_RATIO:g}:1, zip bomb?); "
                         "refused.")
    if unpacked > RATIO_FLOOR_BYTES and unpacked / max(compressed, 1) > MAX_RATIO:
        raise refuse(f"the archive inflates {unpacked / max(compressed, 1):,.0f}:1 "
                     f"(limit {MAX_RATIO:g}:1, zip bomb?); refused.")
    return members


def extract(path: Path, members: Sequence[zipfile.ZipInfo], label: str, limits: ArchiveLimits,
            destination: Callable[[zipfile.ZipInfo], Path]) -> None:
    """Unpack the checked members where `destination` says, counting real bytes: declared
    sizes may lie. Folders are made as needed; a file must not exist yet."""
    written_total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in members:
                target = destination(info)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                written = 0
                with archive.open(info) as source, open(target, "xb") as out:
                    while chunk := source.read(CHUNK_BYTES):
                        written += len(chunk)
                        written_total += len(chunk)
                        if written > info.file_size or written_total > limits.max_unpacked_bytes:
                            raise limits.error(
                                f"{label}: entry {info.filename!r} inflates beyond its declared "
                                "size or the size limit (zip bomb?); refused."
                            )
                        out.write(chunk)
                if written != info.file_size:
                    raise limits.error(f"{label}: entry {info.filename!r} is truncated.")
    except PackError:
        raise
    except OSError as error:
        raise limits.error(f"{label}: could not unpack it ({error.strerror or error}).") from None
    except Exception as error:  # BadZipFile, EOFError, zlib.error...: the archive's fault
        raise limits.error(f"{label}: the archive is damaged ({error}); refused.") from None
