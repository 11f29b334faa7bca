"""Checks an .argosmodel archive before any byte of it reaches the packs directory.

A pack is a zip holding exactly one top directory with metadata.json (from/to codes) and
model/model.bin. Refused: non-zips, unsafe entry names (absolute, `..`, backslashes), symlinks,
encrypted entries, and archives whose declared sizes or compression ratios look like a zip bomb.
Declared sizes can lie, so translator.install enforces the same limits again while unpacking.
The limits are module constants, read at call time.
"""
from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from languages.codes import is_language_code
from translator.errors import PackError

MAX_UNPACKED_BYTES = 2 * 1024**3  # the largest Argos packs unpack to a few hundred MB
MAX_RATIO = 50.0  # model weights barely compress (~1.1:1); a bomb of zeros is ~1000:1
RATIO_FLOOR_BYTES = 1024**2  # ratio is only judged for members / archives larger than this
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1024**2

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,119}$")


@dataclass(frozen=True)
class CheckedArchive:
    """What a valid archive declares: where it unpacks and which pair it is."""

    top: str
    from_code: str
    to_code: str
    members: tuple[zipfile.ZipInfo, ...]


def _refuse(label: str, reason: str) -> PackError:
    return PackError(f"{label}: {reason}")


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB"


def _entry_problem(name: str) -> str | None:
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


def check_archive(path: Path, label: str) -> CheckedArchive:
    """Validate the archive at path from its central directory; PackError names label."""
    try:
        archive_size = path.stat().st_size
    except OSError as error:
        raise _refuse(label, f"cannot be read ({error.strerror or error}).") from None
    if archive_size == 0:
        raise _refuse(label, "the file is empty, not an Argos language pack.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_members(archive, label)
    except PackError:
        raise
    except Exception:  # BadZipFile, struct.error, EOFError...: a damaged zip or no zip at all
        raise _refuse(
            label, "not an Argos language pack (.argosmodel files are zip archives)."
        ) from None


def _check_members(archive: zipfile.ZipFile, label: str) -> CheckedArchive:
    members = archive.infolist()
    if not members:
        raise _refuse(label, "the archive is empty.")
    if len(members) > MAX_MEMBERS:
        raise _refuse(label, f"the archive has {len(members):,} entries (limit {MAX_MEMBERS:,}).")
    names: set[str] = set()
    tops: set[str] = set()
    unpacked = compressed = 0
    for info in members:
        problem = _entry_problem(info.filename)
        if problem:
            raise _refuse(label, f"{problem}; refused.")
        if _is_symlink(info):
            raise _refuse(label, f"entry {info.filename!r} is a symbolic link; refused.")
        if info.flag_bits & 0x1:
            raise _refuse(label, f"entry {info.filename!r} is encrypted.")
        key = info.filename.rstrip("/")
        if key in names:
            raise _refuse(label, f"entry {key!r} appears twice.")
        names.add(key)
        parts = key.split("/")
        if len(parts) == 1 and not info.is_dir():
            raise _refuse(label, f"file {key!r} is outside the pack's top directory.")
        tops.add(parts[0])
        unpacked += info.file_size
        compressed += info.compress_size
        if unpacked > MAX_UNPACKED_BYTES:
            raise _refuse(
                label,
                f"it would unpack to more than {_megabytes(MAX_UNPACKED_BYTES)} "
                "(zip bomb?); refused.",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise _refuse(
                label,
                f"entry {info.filename!r} inflates {ratio:,.0f}:1 to "
                f"{_megabytes(info.file_size)} (limit {MAX_RATIO:g}:1, zip bomb?); refused.",
            )
    if unpacked > RATIO_FLOOR_BYTES and unpacked / max(compressed, 1) > MAX_RATIO:
        raise _refuse(
            label,
            f"the archive inflates {unpacked / max(compressed, 1):,.0f}:1 "
            f"(limit {MAX_RATIO:g}:1, zip bomb?); refused.",
        )
    if len(tops) != 1:
        shown = ", ".join(sorted(tops)[:5])
        raise _refuse(label, f"a pack holds exactly one top directory, this one has: {shown}.")
    top = tops.pop()
    if not SAFE_NAME.match(top):
        raise _refuse(label, f"the top directory name {top!r} is not a safe directory name.")
    by_name = {info.filename: info for info in members}
    for required in ("metadata.json", "model/model.bin"):
        info = by_name.get(f"{top}/{required}")
        if info is None or info.is_dir():
            raise _refuse(label, f"{required} is missing from {top}/; not an Argos language pack.")
    if by_name[f"{top}/model/model.bin"].file_size == 0:
        raise _refuse(label, "model/model.bin is empty.")
    metadata = _read_metadata(archive, by_name[f"{top}/metadata.json"], label)
    return CheckedArchive(
        top=top,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        members=tuple(members),
    )


def _read_metadata(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> dict:
    if info.file_size > MAX_METADATA_BYTES:
        raise _refuse(label, "metadata.json is implausibly large.")
    try:
        metadata = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise _refuse(label, "metadata.json is not valid JSON.") from None
    except RecursionError:
        raise _refuse(label, "metadata.json is nested too deeply.") from None
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as error:
        raise _refuse(label, f"metadata.json cannot be read ({error}).") from None
    if not isinstance(metadata, dict):
        raise _refuse(label, "metadata.json is not a JSON object.")
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not code:
            raise _refuse(label, f"metadata.json has no {key}; not an Argos translation pack.")
        if not is_language_code(code):
            raise _refuse(label, f"metadata.json has an invalid {key} {code!r}.")
    if metadata.get("type", "translate") != "translate":
        raise _refuse(label, f"it is a {metadata.get('type')!r} package, not a translation pack.")
    return metadata
